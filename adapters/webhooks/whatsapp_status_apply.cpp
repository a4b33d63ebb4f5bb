#include "adapters/store/store.hpp"
#include "adapters/webhooks/whatsapp_apply.hpp"

#include <fmt/format.h>

#include <optional>

namespace tafel::webhooks::detail {

namespace {

// How far a message has come; an update only ever moves a row forward. nullopt: a state the
// webhook never changes (cancelled) or a status we do not act on (played, unknown ones).
std::optional<int> rank(std::string_view state) {
  if (state == "pending" || state == "in_flight") return 0;
  if (state == "sent") return 1;
  if (state == "failed") return 2;
  if (state == "delivered") return 3;
  if (state == "read") return 4;
  return std::nullopt;
}

constexpr std::int64_t kUndeliverable = 131026;

}  // namespace

Applied apply_status(SQLite::Database& db, std::int64_t delivery_id, const WaStatus& s,
                     std::int64_t /*now_utc*/) {
  SQLite::Statement ins(db,
                        "INSERT OR IGNORE INTO inbound (channel, dedupe_key, delivery_id, kind, "
                        "provider_at_utc, received_at, raw, outcome) "
                        "VALUES ('whatsapp', ?, ?, 'status', ?, ?, ?, 'status')");
  ins.bind(1, fmt::format("wa:status:{}:{}", s.id, s.status));
  ins.bind(2, delivery_id);
  if (s.timestamp) ins.bind(3, *s.timestamp);
  ins.bind(4, now_utc_iso());
  ins.bind(5, s.raw);
  if (ins.exec() == 0) return Applied::duplicate;
  const std::int64_t inbound_id = db.getLastInsertRowid();

  SQLite::Statement row(db,
                        "SELECT id, state, member_id, invitation_id FROM outbox "
                        "WHERE provider_message_id = ? AND channel = 'whatsapp' "
                        "ORDER BY id LIMIT 1");
  row.bind(1, s.id);
  std::string outcome = "status";
  if (!row.executeStep()) {
    outcome = "unmatched";
  } else {
    const std::int64_t outbox_id = row.getColumn(0).getInt64();
    const std::string state = row.getColumn(1).getString();
    const std::int64_t member_id = row.getColumn(2).getInt64();
    const bool has_invitation = !row.getColumn(3).isNull();
    const std::int64_t invitation_id = row.getColumn(3).getInt64();
    row.reset();

    SQLite::Statement link(db, "UPDATE inbound SET member_id = ?, invitation_id = ? WHERE id = ?");
    link.bind(1, member_id);
    if (has_invitation) link.bind(2, invitation_id);
    link.bind(3, inbound_id);
    link.exec();

    const auto have = rank(state);
    const auto want = rank(s.status);
    if (!want || s.status == "pending" || s.status == "in_flight") {
      outcome = "ignored";
    } else if (have && *want > *have) {
      SQLite::Statement up(db,
                           "UPDATE outbox SET state = ?, last_error = COALESCE(?, last_error), "
                           "updated_at = ? WHERE id = ?");
      up.bind(1, s.status);
      if (s.status == "failed")
        up.bind(2, s.error_code ? fmt::format("whatsapp {}: {}", *s.error_code, s.error_title)
                                : std::string("whatsapp: failed without an error code"));
      up.bind(3, now_utc_iso());
      up.bind(4, outbox_id);
      up.exec();
    }
    // Undeliverable is a fact about the number, whatever order the updates came in.
    if (s.status == "failed" && s.error_code == kUndeliverable) {
      SQLite::Statement unusable(db,
                                 "UPDATE members SET whatsapp_unusable_at = ? "
                                 "WHERE id = ? AND whatsapp_unusable_at IS NULL");
      unusable.bind(1, now_utc_iso());
      unusable.bind(2, member_id);
      unusable.exec();
    }
  }
  SQLite::Statement done(db, "UPDATE inbound SET outcome = ? WHERE id = ?");
  done.bind(1, outcome);
  done.bind(2, inbound_id);
  done.exec();
  return Applied::recorded;
}

}  // namespace tafel::webhooks::detail
