#include "adapters/store/retention.hpp"

#include "tests/support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>

namespace tafel {
namespace {

// 2027-03-01T12:00:00Z
constexpr std::int64_t kNow = 1803902400;

class Retention : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Store::open(dir_ / "t.db");
    ASSERT_TRUE(opened) << opened.error().message;
    store_.emplace(std::move(*opened));
    auto& db = store_->db();
    db.exec("INSERT INTO networks (id, name, created_at) VALUES (1, 'Coop', 'x')");
    db.exec("INSERT INTO venues (id, name, lat, lon) VALUES ('v', 'Zaal', 52, 5)");
    db.exec("INSERT INTO staff (id, name, role) VALUES ('f', 'Fenna', 'facilitator')");
    db.exec(
        "INSERT INTO planning_rounds (id, network_id, period_from, period_to, created_at) VALUES "
        "(1, 1, '2027-01-01', '2027-06-30', 'x')");
    db.exec(
        "INSERT INTO proposals (id, round_id, network_id, period_from, period_to, seed, "
        "time_limit_ms, elapsed_ms, stopped_by_deadline, score, status, created_at, approved_at, "
        "approved_by, instance_json, result_json) VALUES (1, 1, 1, '2027-01-01', '2027-06-30', 1, "
        "1, 1, 0, 1, 'approved', 'x', 'x', 'c', '{}', '{}')");
    // Session 1 is in the future, session 2 in the past.
    for (const auto& [id, start] : {std::pair{1, kNow + 86400}, std::pair{2, kNow - 86400}})
      db.exec(fmt::format(
          "INSERT INTO sessions (id, proposal_id, slot_id, venue_id, start_utc, start_offset, "
          "end_utc, end_offset, sector, facilitator_id, status, uid) VALUES ({0}, 1, 's{0}', 'v', "
          "{1}, 3600, {2}, 3600, 'bouw', 'f', 'approved', 'u{0}')",
          id, start, start + 5400));
  }

  void add_member(int id, const std::string& name, const char* missing_since) {
    store_->db().exec(fmt::format(
        "INSERT INTO members (id, network_id, company, name, email, email_key, eligible, "
        "consent_email, consent_email_source, consent_email_at, consent_whatsapp, "
        "consent_whatsapp_source, consent_whatsapp_at, missing_since, created_at, updated_at) "
        "VALUES ({0}, 1, 'Bouw {0}', '{1}', '{1}@bouw.nl', '{1}@bouw.nl', 1, 1, 'import', 'x', 0, "
        "'import', 'x', {2}, 'x', 'x')",
        id, name, missing_since ? fmt::format("'{}'", missing_since) : "NULL"));
  }

  int count(const std::string& sql) { return store_->db().execAndGet(sql).getInt(); }

  RetentionReport run() {
    const ContactHasher hasher{[](std::string_view s) { return "e:" + std::string(s); },
                               [](std::string_view s) { return "p:" + std::string(s); }};
    return apply_retention(*store_, RetentionConfig{}, kNow, hasher, dir_ / "outbox");
  }

  testing::TempDir dir_;
  std::optional<Store> store_;
};

TEST_F(Retention, ErasesOnlyLongMissingMembersWithoutFutureSessions) {
  add_member(1, "present", nullptr);
  add_member(2, "gone", "2025-12-01T00:00:00Z");      // 15 months: erased
  add_member(3, "recent", "2026-06-01T00:00:00Z");    // 9 months: kept
  add_member(4, "booked", "2025-12-01T00:00:00Z");    // long gone, but a future session: kept
  add_member(5, "wasthere", "2025-12-01T00:00:00Z");  // only a past session: erased
  store_->db().exec("INSERT INTO session_members (session_id, member_id) VALUES (1, 4)");
  store_->db().exec("INSERT INTO session_members (session_id, member_id) VALUES (2, 5)");

  const auto report = run();
  EXPECT_EQ(report.members_erased, (std::vector<std::int64_t>{2, 5}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM members WHERE id IN (1, 3, 4)"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM members WHERE id IN (2, 5)"), 0);
  EXPECT_TRUE(run().members_erased.empty());  // nothing more the second time
}

TEST_F(Retention, ClearsOldCopiesButKeepsPendingWorkAndRecentOnes) {
  add_member(1, "present", nullptr);
  auto& db = store_->db();
  db.exec(
      "INSERT INTO webhook_deliveries (id, provider, received_at, body, state) VALUES "
      "(1, 'whatsapp', '2027-01-01T00:00:00Z', 'old', 'processed'), "
      "(2, 'whatsapp', '2027-01-01T00:00:00Z', 'stuck', 'pending'), "
      "(3, 'whatsapp', '2027-02-27T00:00:00Z', 'new', 'processed')");
  db.exec(
      "INSERT INTO inbound (id, channel, dedupe_key, kind, member_id, received_at, text, raw) "
      "VALUES (1, 'whatsapp', 'a', 'reply', 1, '2027-01-01T00:00:00Z', 'ja', '{}'), "
      "(2, 'whatsapp', 'b', 'reply', 1, '2027-02-27T00:00:00Z', 'nee', '{}')");
  db.exec(
      "INSERT INTO outbox (id, member_id, channel, kind, dedupe_key, due_utc, payload, state, "
      "next_attempt_utc, created_at, updated_at) VALUES "
      "(1, 1, 'email', 'invitation', 'k1', 0, '{\"mail\":1}', 'sent', 0, 'x', "
      "'2027-01-01T00:00:00Z'), "
      "(2, 1, 'email', 'reminder', 'k2', 0, '{\"mail\":2}', 'pending', 0, 'x', "
      "'2027-01-01T00:00:00Z')");
  std::filesystem::create_directories(dir_ / "outbox");
  std::ofstream(dir_ / "outbox" / "old.eml") << "x";
  std::ofstream(dir_ / "outbox" / "new.eml") << "y";
  const auto file_time = [](std::int64_t unix_seconds) {
    return std::filesystem::file_time_type::clock::from_sys(
        std::chrono::sys_seconds{std::chrono::seconds{unix_seconds}});
  };
  std::filesystem::last_write_time(dir_ / "outbox" / "old.eml", file_time(kNow - 400 * 86400));
  std::filesystem::last_write_time(dir_ / "outbox" / "new.eml", file_time(kNow - 86400));

  const auto report = run();
  EXPECT_EQ(report.deliveries_cleared, 1);
  EXPECT_EQ(report.inbound_cleared, 1);
  EXPECT_EQ(report.outbox_cleared, 1);
  EXPECT_EQ(report.files_removed, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries WHERE body IS NULL"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries WHERE id = 2 AND body = 'stuck'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM inbound WHERE text IS NULL AND raw IS NULL"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE payload = '{}'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE id = 2 AND payload <> '{}'"), 1);
  EXPECT_TRUE(std::filesystem::exists(dir_ / "outbox" / "new.eml"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "outbox" / "old.eml"));
  const auto again = run();
  EXPECT_EQ(again.deliveries_cleared + again.inbound_cleared + again.outbox_cleared, 0);
}

}  // namespace
}  // namespace tafel
