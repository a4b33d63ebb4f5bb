// The daemon's daily "een kwartaal zonder nieuwsbrief" pass (raise_digest_reminders) on a real
// SQLite store: raised after 91 days without a sent digest, once per gap, again a quarter after
// the last one.

#include "adapters/cli/daemon_jobs.hpp"
#include "adapters/store/coordinator_items.hpp"
#include "adapters/store/digest_store.hpp"
#include "adapters/store/store.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace tafel::testing {
namespace {

constexpr std::int64_t kCreated = 1767225600;  // 2026-01-01T00:00:00Z
constexpr std::int64_t kDay = 86400;

int overdue_items(SQLite::Database& db) {
  int n = 0;
  for (const auto& i : open_coordinator_items(db)) n += i.kind == "digest_overdue";
  return n;
}

TEST(DigestReminder, RaisedOncePerQuarterWithoutADigest) {
  TempDir dir;
  Store store = std::move(Store::open(dir / "t.db").value());
  auto& db = store.db();
  db.exec("INSERT INTO networks (name, created_at) VALUES ('BTO', '2026-01-01T00:00:00Z')");
  EXPECT_EQ(raise_digest_reminders(db, kCreated + 90 * kDay), 0);
  EXPECT_EQ(overdue_items(db), 0);
  EXPECT_EQ(raise_digest_reminders(db, kCreated + 91 * kDay), 1);
  EXPECT_EQ(raise_digest_reminders(db, kCreated + 92 * kDay), 0);  // the same gap
  ASSERT_EQ(overdue_items(db), 1);
  EXPECT_NE(open_coordinator_items(db).front().detail.find("Een kwartaal zonder nieuwsbrief"),
            std::string::npos);

  // A digest sent on day 100: quiet until a quarter after it.
  const std::int64_t sent = kCreated + 100 * kDay;
  const auto id = compose_digest_draft(db, 1, sent, "coordinator");
  ASSERT_TRUE(mark_digest_previewed(db, id, "coordinator").has_value());
  ASSERT_TRUE(mark_digest_sent(db, id, "coordinator", sent, 0).has_value());
  EXPECT_EQ(raise_digest_reminders(db, sent + 90 * kDay), 0);
  EXPECT_EQ(raise_digest_reminders(db, sent + 91 * kDay), 1);
  EXPECT_EQ(overdue_items(db), 2);
}

}  // namespace
}  // namespace tafel::testing
