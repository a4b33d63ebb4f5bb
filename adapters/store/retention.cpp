#include "adapters/store/retention.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <system_error>

namespace tafel {

namespace {

using namespace std::chrono;

std::string iso_utc(sys_seconds t) { return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", t); }

// The same clock time `months` calendar months earlier (the last day of a shorter month).
sys_seconds months_before(sys_seconds t, int months) {
  const auto day = floor<days>(t);
  year_month_day ymd{day};
  ymd = ymd - std::chrono::months{months};
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / last;
  return sys_days{ymd} + (t - day);
}

int clear(SQLite::Database& db, const std::string& sql, const std::string& cutoff) {
  SQLite::Statement q(db, sql);
  q.bind(1, cutoff);
  return q.exec();
}

int remove_old_files(const std::filesystem::path& dir, sys_seconds cutoff) {
  std::error_code ec;
  if (dir.empty() || !std::filesystem::is_directory(dir, ec)) return 0;
  int removed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    const auto written = std::filesystem::file_time_type::clock::to_sys(entry.last_write_time(ec));
    if (ec || written >= cutoff) continue;
    if (std::filesystem::remove(entry.path(), ec)) ++removed;
  }
  return removed;
}

}  // namespace

RetentionReport apply_retention(Store& store, const RetentionConfig& policy, std::int64_t now_utc,
                                const ContactHasher& hasher,
                                const std::filesystem::path& outbox_dir) {
  RetentionReport report;
  const sys_seconds now{seconds{now_utc}};
  const sys_seconds raw_cutoff = now - days{policy.raw_days};
  const std::string cutoff = iso_utc(raw_cutoff);
  auto& db = store.db();
  {
    SQLite::Transaction tx(db);
    report.deliveries_cleared = clear(db,
                                      "UPDATE webhook_deliveries SET body = NULL WHERE body IS NOT "
                                      "NULL AND state <> 'pending' AND received_at < ?",
                                      cutoff);
    report.inbound_cleared = clear(db,
                                   "UPDATE inbound SET text = NULL, raw = NULL WHERE (text IS NOT "
                                   "NULL OR raw IS NOT NULL) AND received_at < ?",
                                   cutoff);
    report.outbox_cleared =
        clear(db,
              "UPDATE outbox SET payload = '{}' WHERE payload <> '{}' AND state IN ('sent', "
              "'delivered', 'read', 'failed', 'cancelled') AND updated_at < ?",
              cutoff);
    report.items_cleared = clear(db,
                                 "UPDATE coordinator_items SET detail = '[verwijderd na "
                                 "bewaartermijn]' WHERE resolved_at IS NOT NULL AND resolved_at < "
                                 "? AND detail <> '[verwijderd na bewaartermijn]'",
                                 cutoff);
    tx.commit();
  }
  report.files_removed = remove_old_files(outbox_dir, raw_cutoff);

  std::vector<std::int64_t> candidates;
  {
    SQLite::Statement q(db,
                        "SELECT m.id FROM members m WHERE m.missing_since IS NOT NULL AND "
                        "m.missing_since < ? AND NOT EXISTS (SELECT 1 FROM session_members sm "
                        "JOIN sessions s ON s.id = sm.session_id JOIN proposals p ON p.id = "
                        "s.proposal_id WHERE sm.member_id = m.id AND p.status IN ('proposed', "
                        "'approved') AND s.status IN ('proposed', 'approved') AND s.start_utc > "
                        "?) ORDER BY m.id");
    q.bind(1, iso_utc(months_before(now, policy.missing_member_months)));
    q.bind(2, now_utc);
    while (q.executeStep()) candidates.push_back(q.getColumn(0).getInt64());
  }
  for (const auto id : candidates)
    if (erase_member(store, id, hasher, outbox_dir)) report.members_erased.push_back(id);
  return report;
}

}  // namespace tafel
