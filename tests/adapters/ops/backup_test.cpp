// Online backup while another connection writes, and restore round trips through the binary.

#include "adapters/store/backup.hpp"

#include "tests/adapters/ops/ops_fixture.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <thread>

namespace tafel::testing {
namespace {

class Backup : public OpsTest {
 protected:
  void SetUp() override {
    OpsTest::SetUp();
    auto store = Store::open(db());
    ASSERT_TRUE(store) << store.error().message;
    store->db().exec("CREATE TABLE left_side (n INTEGER); CREATE TABLE right_side (n INTEGER)");
  }
};

TEST_F(Backup, CopyWhileAnotherConnectionWritesIsConsistentAndChecked) {
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::thread writer([&] {
    SQLite::Database w(db().string(), SQLite::OPEN_READWRITE);
    w.setBusyTimeout(5000);
    for (int i = 0; !stop.load(); ++i) {
      // Every transaction writes one row to each table: a consistent copy has equal counts.
      SQLite::Transaction tx(w);
      w.exec("INSERT INTO left_side VALUES (" + std::to_string(i) + ")");
      w.exec("INSERT INTO right_side VALUES (" + std::to_string(i) + ")");
      tx.commit();
      written.fetch_add(1);
    }
  });
  while (written.load() < 50) std::this_thread::yield();

  for (int round = 0; round < 3; ++round) {
    const auto target = dir_ / ("copy" + std::to_string(round) + ".db");
    const auto done = backup_database(db(), target);
    ASSERT_TRUE(done) << done.error().message;
    EXPECT_EQ(done->schema_version, Store::latest_schema_version());
    EXPECT_EQ(std::filesystem::status(target).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    EXPECT_FALSE(std::filesystem::exists(target.string() + "-wal"));

    SQLite::Database copy(target.string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(copy.execAndGet("PRAGMA integrity_check").getString(), "ok");
    const int left = copy.execAndGet("SELECT count(*) FROM left_side").getInt();
    const int right = copy.execAndGet("SELECT count(*) FROM right_side").getInt();
    EXPECT_GE(left, 50);
    EXPECT_EQ(left, right);
  }
  stop = true;
  writer.join();
  // No temporary files are left beside the copies.
  for (const auto& e : std::filesystem::directory_iterator(dir_.path()))
    EXPECT_EQ(e.path().filename().string().find(".backup-"), std::string::npos) << e.path();
}

TEST_F(Backup, RefusesToOverwriteTheDatabase) {
  EXPECT_FALSE(backup_database(db(), db()));
  EXPECT_FALSE(backup_database(db(), db().string() + "-wal"));
}

TEST_F(Backup, RestoreRoundTripThroughTheBinary) {
  const auto backup = dir_ / "backup.db";
  auto r = run("backup '" + backup.string() + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("backup of"), std::string::npos) << r.out;

  {  // A change after the backup...
    SQLite::Database w(db().string(), SQLite::OPEN_READWRITE);
    w.exec("INSERT INTO left_side VALUES (4242)");
  }
  r = run("restore '" + backup.string() + "'");
  ASSERT_EQ(r.code, 0) << r.err;

  // ...is gone from the restored database, and kept in the one moved aside.
  {
    SQLite::Database restored(db().string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(restored.execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(restored.execAndGet("SELECT count(*) FROM left_side WHERE n = 4242").getInt(), 0);
    SQLite::Database previous(db().string() + ".before-restore", SQLite::OPEN_READONLY);
    EXPECT_EQ(previous.execAndGet("SELECT count(*) FROM left_side WHERE n = 4242").getInt(), 1);
  }
  EXPECT_FALSE(std::filesystem::exists(db().string() + "-wal"));

  // The restored database serves: the daemon starts on it and is ready.
  auto daemon = start_daemon();
  ASSERT_TRUE(daemon->wait_ready()) << daemon->stderr_text();
  const auto ready = http_request(daemon->host(), daemon->port(), "GET", "/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200) << ready->body;
}

TEST_F(Backup, RestoreRefusesWhileTheDaemonHasTheDatabaseOpen) {
  const auto backup = dir_ / "backup.db";
  ASSERT_EQ(run("backup '" + backup.string() + "'").code, 0);
  auto daemon = start_daemon();
  ASSERT_TRUE(daemon->wait_ready()) << daemon->stderr_text();
  const auto r = run("restore '" + backup.string() + "'");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("in use"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(db().string() + ".before-restore"));
}

TEST_F(Backup, RestoreRefusesGarbageAndNewerSchemas) {
  const auto garbage = dir_.write("garbage.db", std::string(4096, 'x'));
  auto r = run("restore '" + garbage.string() + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("garbage.db"), std::string::npos) << r.err;

  const auto newer = dir_ / "newer.db";
  ASSERT_TRUE(backup_database(db(), newer));
  {
    SQLite::Database w(newer.string(), SQLite::OPEN_READWRITE);
    w.exec("INSERT INTO schema_version VALUES (999, '2030-01-01T00:00:00Z')");
  }
  r = run("restore '" + newer.string() + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("newer"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(db().string() + ".before-restore"));
}

}  // namespace
}  // namespace tafel::testing
