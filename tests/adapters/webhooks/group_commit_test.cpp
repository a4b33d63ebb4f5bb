// Group commit of webhook deliveries against a real SQLite file: an answer only after the commit,
// concurrent deliveries batched yet each stored exactly once, a failed commit answered "not
// stored".

#include "adapters/webhooks/group_commit.hpp"

#include "adapters/store/store.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <set>
#include <thread>
#include <vector>

namespace tafel {
namespace {

using webhooks::DeliveryInbox;
using webhooks::GroupCommitter;
using namespace std::chrono_literals;

// Collects answers from the writer thread.
class Answers {
 public:
  GroupCommitter::Done slot(const std::string& key) {
    return [this, key](std::optional<std::int64_t> id) {
      std::lock_guard lock(mutex_);
      ids_[key] = id;
      changed_.notify_all();
    };
  }
  bool wait_for(std::size_t n) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, 10s, [&] { return ids_.size() >= n; });
  }
  std::map<std::string, std::optional<std::int64_t>> ids() {
    std::lock_guard lock(mutex_);
    return ids_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, std::optional<std::int64_t>> ids_;
};

class GroupCommit : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Store::open(db_path()));  // migrated
    inbox_ = std::make_shared<DeliveryInbox>(db_path());
  }
  std::filesystem::path db_path() const { return dir_ / "tafel.db"; }

  // A connection of its own: it sees committed rows only.
  std::int64_t count(const std::string& sql) const {
    SQLite::Database db(db_path().string(), SQLite::OPEN_READONLY);
    db.setBusyTimeout(5000);
    return db.execAndGet(sql).getInt64();
  }

  testing::TempDir dir_;
  std::shared_ptr<DeliveryInbox> inbox_;
};

TEST_F(GroupCommit, AnswersOnlyOnceTheRowIsCommitted) {
  std::vector<std::string> log;  // written on the writer thread only, read after stop()
  GroupCommitter::Options options;
  options.on_committed = [&] { log.push_back("committed"); };
  GroupCommitter committer(inbox_, options);
  Answers answers;
  std::string seen;
  committer.submit("{\"a\":1}", [&](std::optional<std::int64_t> id) {
    log.push_back("answered");
    // Read through another connection while the answer is being given: the row is there.
    if (!id) return answers.slot("a")(id);
    SQLite::Database db(db_path().string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT body, state, provider FROM webhook_deliveries WHERE id = ?");
    q.bind(1, *id);
    if (q.executeStep())
      seen = q.getColumn(0).getString() + " " + q.getColumn(1).getString() + " " +
             q.getColumn(2).getString();
    answers.slot("a")(id);
  });
  ASSERT_TRUE(answers.wait_for(1));
  committer.stop();
  EXPECT_EQ(seen, "{\"a\":1} pending whatsapp");
  EXPECT_EQ(log, (std::vector<std::string>{"committed", "answered"}));
}

TEST_F(GroupCommit, ConcurrentDeliveriesAreBatchedAndEachStoredExactlyOnce) {
  GroupCommitter committer(inbox_, {});
  Answers answers;
  constexpr int kThreads = 4;
  constexpr int kEach = 50;
  {
    // While the writer cannot get at the database, every submission waits: then they go in at
    // most two transactions (the writer may already hold the first one).
    std::lock_guard hold(inbox_->write_mutex());
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] {
        for (int i = 0; i < kEach; ++i) {
          const auto key = fmt::format("{}.{}", t, i);
          committer.submit(fmt::format("{{\"delivery\":\"{}\"}}", key), answers.slot(key));
        }
      });
    threads.clear();  // joined
    std::this_thread::sleep_for(20ms);
    EXPECT_TRUE(answers.ids().empty()) << "answered before the commit";
  }
  ASSERT_TRUE(answers.wait_for(kThreads * kEach));
  EXPECT_LE(committer.commits(), 2u);
  std::set<std::int64_t> ids;
  for (const auto& [key, id] : answers.ids()) {
    ASSERT_TRUE(id) << key;
    ids.insert(*id);
    SQLite::Database db(db_path().string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet(fmt::format("SELECT body FROM webhook_deliveries WHERE id = {}", *id))
                  .getString(),
              fmt::format("{{\"delivery\":\"{}\"}}", key));
  }
  EXPECT_EQ(ids.size(), std::size_t{kThreads * kEach});
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries"), kThreads * kEach);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT body) FROM webhook_deliveries"), kThreads * kEach);
}

TEST_F(GroupCommit, AFailedCommitIsAnsweredNotStoredAndSparesItsNeighbours) {
  {
    SQLite::Database db(db_path().string(), SQLite::OPEN_READWRITE);
    db.exec(
        "CREATE TRIGGER refuse BEFORE INSERT ON webhook_deliveries WHEN CAST(NEW.body AS TEXT) = "
        "'boom' "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END");
  }
  std::vector<std::string> lines;
  GroupCommitter::Options options;
  options.log = [&](std::string_view line) { lines.emplace_back(line); };
  GroupCommitter committer(inbox_, options);
  Answers answers;
  committer.submit("boom", answers.slot("alone"));
  ASSERT_TRUE(answers.wait_for(1));
  EXPECT_EQ(answers.ids().at("alone"), std::nullopt);
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries"), 0);
  {
    std::lock_guard hold(inbox_->write_mutex());
    committer.submit("good 1", answers.slot("good 1"));
    committer.submit("boom", answers.slot("boom"));
    committer.submit("good 2", answers.slot("good 2"));
  }
  ASSERT_TRUE(answers.wait_for(4));
  committer.stop();
  const auto ids = answers.ids();
  EXPECT_EQ(ids.at("boom"), std::nullopt);
  EXPECT_TRUE(ids.at("good 1"));
  EXPECT_TRUE(ids.at("good 2"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries WHERE CAST(body AS TEXT) = 'boom'"), 0);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.front().find("boom"), std::string::npos);  // no stored bytes in the log
}

TEST_F(GroupCommit, StopCommitsWhatWasSubmittedThenRefuses) {
  GroupCommitter committer(inbox_, {});
  Answers answers;
  {
    std::unique_lock hold(inbox_->write_mutex());
    for (int i = 0; i < 10; ++i)
      committer.submit(fmt::format("d{}", i), answers.slot(fmt::format("d{}", i)));
    // stop() waits for the writer, which waits for the database.
    std::jthread stopper([&] { committer.stop(); });
    std::this_thread::sleep_for(20ms);
    EXPECT_TRUE(answers.ids().empty());
    hold.unlock();
  }  // stopper joined: stop() has returned
  ASSERT_TRUE(answers.wait_for(10));
  for (const auto& [key, id] : answers.ids()) EXPECT_TRUE(id) << key;
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries"), 10);
  std::optional<std::optional<std::int64_t>> late;
  committer.submit("late", [&](std::optional<std::int64_t> id) { late = id; });
  ASSERT_TRUE(late);  // answered inline
  EXPECT_EQ(*late, std::nullopt);
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries"), 10);
}

}  // namespace
}  // namespace tafel
