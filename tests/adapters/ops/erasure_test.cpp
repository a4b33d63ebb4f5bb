// `members erase`: the person is gone from the database file, its WAL, tables added later and
// the local outbox folder, and a re-import skips them as erased.

#include "tests/adapters/ops/ops_fixture.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace tafel::testing {
namespace {

constexpr const char* kName = "Xaverius Quintelier";
constexpr const char* kEmail = "xaverius.q@zeldzaam.example.nl";
constexpr const char* kMobile = "+31612398765";

class Erasure : public OpsTest {
 protected:
  void SetUp() override {
    OpsTest::SetUp();
    csv_ = input_.write("leden.csv",
                        "Bedrijf;Naam;E-mail;Mobiel;Sector;Medewerkers;HR;Plaats\n"
                        "Bouw Zeldzaam BV;Xaverius Quintelier;xaverius.q@zeldzaam.example.nl;"
                        "0612398765;bouw;5;nee;Ede\n"
                        "Bouw Anders BV;Anna Anders;anna@anders.example.nl;0612300001;bouw;7;nee;"
                        "Ede\n");
    const auto r = run("import members '" + csv_.string() + "' --network Test");
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    SQLite::Database db(this->db().string(), SQLite::OPEN_READWRITE);
    id_ = db.execAndGet("SELECT id FROM members WHERE name = 'Xaverius Quintelier'").getInt64();
    other_ = db.execAndGet("SELECT id FROM members WHERE name = 'Anna Anders'").getInt64();
  }

  // Every file the daemon keeps in its state directory, concatenated.
  std::string state_bytes() {
    std::string all;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir_.path()))
      if (e.is_regular_file()) all += read_file(e.path());
    return all;
  }

  TempDir input_;  // the CSV lives outside the state directory
  std::filesystem::path csv_;
  std::int64_t id_ = 0;
  std::int64_t other_ = 0;
};

TEST_F(Erasure, RemovesThePersonEverywhereAndReimportSkipsThem) {
  const std::string id = std::to_string(id_);
  {
    SQLite::Database db(this->db().string(), SQLite::OPEN_READWRITE);
    // Availability, a table of a later migration that refers to members, and a payload table
    // without a member column (like an inbox of raw webhooks).
    db.exec(
        "INSERT INTO availability(member_id, start_utc, start_offset, end_utc, end_offset, "
        "source, recorded_at) VALUES (" +
        id + ", 1000, 3600, 5000, 3600, 'poll', 'now'), (" + std::to_string(other_) +
        ", 1000, 3600, 5000, 3600, 'poll', 'now')");
    db.exec("CREATE TABLE later_feature (id INTEGER PRIMARY KEY, member_id INTEGER, note TEXT)");
    db.exec("INSERT INTO later_feature(member_id, note) VALUES (" + id +
            ", 'Xaverius Quintelier komt graag')");
    db.exec("CREATE TABLE raw_inbox (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
    db.exec(std::string("INSERT INTO raw_inbox(payload) VALUES ('{\"from\":\"") + kMobile +
            "\",\"text\":\"ik kom\"}'), ('{\"from\":\"+31612300001\"}')");
  }
  // The local outbox folder: a mail to them and one to someone else.
  std::filesystem::create_directories(dir_ / "outbox");
  dir_.write("outbox/1-invitation.eml",
             std::string("To: ") + kName + " <" + kEmail + ">\r\n\r\nHoi");
  dir_.write("outbox/2-invitation.eml", "To: Anna Anders <anna@anders.example.nl>\r\n\r\nHoi");

  ASSERT_NE(state_bytes().find(kEmail), std::string::npos);  // the search can see them

  auto r = run("members erase " + id);
  EXPECT_EQ(r.code, 2) << "needs --yes";
  r = run("members erase " + id + " --yes");
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("erased"), std::string::npos) << r.out;

  const std::string bytes = state_bytes();
  for (const std::string needle : {kName, kEmail, kMobile, "612398765", "Bouw Zeldzaam"})
    EXPECT_EQ(bytes.find(needle), std::string::npos) << needle;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "outbox/1-invitation.eml"));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "outbox/2-invitation.eml"));

  {
    SQLite::Database db(this->db().string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM members WHERE id = " + id).getInt(), 0);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM availability WHERE member_id = " + id).getInt(),
              0);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM consent_log WHERE member_id = " + id).getInt(),
              0);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM later_feature").getInt(), 0);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM raw_inbox").getInt(), 2);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM erased_contacts").getInt(), 2);  // email, mobile
    // Everyone else is untouched.
    EXPECT_EQ(
        db.execAndGet("SELECT name FROM members WHERE id = " + std::to_string(other_)).getString(),
        "Anna Anders");
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM availability").getInt(), 1);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM raw_inbox WHERE payload LIKE '%+31612300001%'")
                  .getInt(),
              1);
  }

  // A later import of the same list skips them (erased) and keeps the other member.
  r = run("import members '" + csv_.string() + "' --network Test");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("(erased)"), std::string::npos) << r.out;
  SQLite::Database db(this->db().string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM members").getInt(), 1);
}

TEST_F(Erasure, UnknownOrMalformedIdsAreBadInput) {
  EXPECT_EQ(run("members erase 999999 --yes").code, 2);
  EXPECT_EQ(run("members erase abc --yes").code, 2);
}

}  // namespace
}  // namespace tafel::testing
