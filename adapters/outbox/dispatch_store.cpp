#include "adapters/outbox/dispatch_store.hpp"

#include "adapters/store/whatsapp_status.hpp"

#include <fmt/format.h>

namespace tafel::outbox {

namespace {

constexpr const char* kColumns =
    "o.id, o.invitation_id, o.member_id, o.channel, o.kind, o.dedupe_key, o.due_utc, o.payload, "
    "o.state, o.attempts, o.next_attempt_utc, o.provider_message_id, o.last_error";

OutboxRow read_row(SQLite::Statement& q) {
  OutboxRow r;
  r.id = q.getColumn(0).getInt64();
  if (!q.getColumn(1).isNull()) r.invitation_id = q.getColumn(1).getInt64();
  r.member_id = q.getColumn(2).getInt64();
  r.channel = q.getColumn(3).getString();
  r.kind = q.getColumn(4).getString();
  r.dedupe_key = q.getColumn(5).getString();
  r.due_utc = q.getColumn(6).getInt64();
  r.payload = q.getColumn(7).getString();
  r.state = q.getColumn(8).getString();
  r.attempts = q.getColumn(9).getInt();
  r.next_attempt_utc = q.getColumn(10).getInt64();
  if (!q.getColumn(11).isNull()) r.provider_message_id = q.getColumn(11).getString();
  if (!q.getColumn(12).isNull()) r.last_error = q.getColumn(12).getString();
  return r;
}

std::string channel_filter(const std::set<std::string>& skip) {
  std::string s;
  for (const auto& c : skip)
    if (c == "email" || c == "whatsapp") s += fmt::format(" AND o.channel <> '{}'", c);
  return s;
}

}  // namespace

std::vector<DueRow> select_due(Store& store, std::int64_t now_utc, int limit,
                               const std::set<std::string>& skip) {
  SQLite::Statement q(
      store.db(),
      fmt::format("SELECT {}, m.whatsapp_last_inbound_utc, CASE o.channel WHEN 'email' THEN "
                  "m.email_unusable_at IS NOT NULL ELSE m.whatsapp_unusable_at IS NOT NULL END "
                  "FROM outbox o JOIN members m ON m.id = o.member_id WHERE o.state = 'pending' "
                  "AND o.next_attempt_utc <= ?{} ORDER BY o.next_attempt_utc, o.id LIMIT ?",
                  kColumns, channel_filter(skip)));
  q.bind(1, now_utc);
  q.bind(2, limit);
  std::vector<DueRow> out;
  while (q.executeStep()) {
    DueRow d;
    d.row = read_row(q);
    if (!q.getColumn(13).isNull()) d.last_inbound_utc = q.getColumn(13).getInt64();
    d.channel_unusable = q.getColumn(14).getInt() != 0;
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<OutboxRow> claim_rows(Store& store, std::vector<OutboxRow> rows) {
  if (rows.empty()) return rows;
  SQLite::Transaction tx(store.db());
  SQLite::Statement upd(store.db(),
                        "UPDATE outbox SET state = 'in_flight', attempts = attempts + 1, "
                        "updated_at = ? WHERE id = ? AND state = 'pending'");
  const std::string now = now_utc_iso();
  std::vector<OutboxRow> claimed;
  for (auto& r : rows) {
    upd.bind(1, now);
    upd.bind(2, r.id);
    const int n = upd.exec();
    upd.reset();
    if (n != 1) continue;
    r.state = "in_flight";
    ++r.attempts;
    claimed.push_back(std::move(r));
  }
  tx.commit();
  return claimed;
}

void defer_row(Store& store, std::int64_t id, std::int64_t next_attempt_utc,
               const std::string& reason) {
  SQLite::Statement upd(store.db(),
                        "UPDATE outbox SET next_attempt_utc = ?, last_error = ?, updated_at = ? "
                        "WHERE id = ? AND state = 'pending'");
  upd.bind(1, next_attempt_utc);
  upd.bind(2, reason);
  upd.bind(3, now_utc_iso());
  upd.bind(4, id);
  upd.exec();
}

void record_sent(Store& store, const OutboxRow& row, const std::string& provider_message_id,
                 std::int64_t sent_at_utc) {
  SQLite::Transaction tx(store.db());
  const std::string now = now_utc_iso();
  SQLite::Statement upd(store.db(),
                        "UPDATE outbox SET state = 'sent', provider_message_id = ?, "
                        "last_error = NULL, sent_at_utc = ?, updated_at = ? WHERE id = ?");
  upd.bind(1, provider_message_id);
  upd.bind(2, sent_at_utc);
  upd.bind(3, now);
  upd.bind(4, row.id);
  upd.exec();
  SQLite::Statement ins(store.db(),
                        "INSERT OR IGNORE INTO message_ids (message_id, outbox_id, invitation_id, "
                        "channel, created_at) VALUES (?, ?, ?, ?, ?)");
  ins.bind(1, provider_message_id);
  ins.bind(2, row.id);
  if (row.invitation_id)
    ins.bind(3, *row.invitation_id);
  else
    ins.bind(3);
  ins.bind(4, row.channel);
  ins.bind(5, now);
  ins.exec();
  // Statuses the webhook stored before this wamid was known (outcome `unmatched`).
  if (row.channel == "whatsapp")
    reapply_unmatched_whatsapp_statuses(store.db(), provider_message_id);
  tx.commit();
}

void note_error(Store& store, std::int64_t id, const std::string& error) {
  SQLite::Statement upd(store.db(),
                        "UPDATE outbox SET last_error = ?, updated_at = ? WHERE id = ?");
  upd.bind(1, error);
  upd.bind(2, now_utc_iso());
  upd.bind(3, id);
  upd.exec();
}

void cancel_row(Store& store, std::int64_t id, const std::string& reason) {
  SQLite::Statement upd(store.db(),
                        "UPDATE outbox SET state = 'cancelled', last_error = ?, updated_at = ? "
                        "WHERE id = ? AND state IN ('pending', 'in_flight')");
  upd.bind(1, reason);
  upd.bind(2, now_utc_iso());
  upd.bind(3, id);
  upd.exec();
}

void revive_row(Store& store, std::int64_t id, std::int64_t fallback_of, std::int64_t now_utc) {
  SQLite::Statement upd(store.db(),
                        "UPDATE outbox SET state = 'pending', next_attempt_utc = MIN(?, "
                        "next_attempt_utc), fallback_of = ?, updated_at = ? WHERE id = ? AND "
                        "state IN ('pending', 'cancelled')");
  upd.bind(1, now_utc);
  upd.bind(2, fallback_of);
  upd.bind(3, now_utc_iso());
  upd.bind(4, id);
  upd.exec();
}

std::int64_t enqueue_fallback(Store& store, const OutboxRow& failed, const std::string& channel,
                              const std::string& key, const std::string& payload,
                              std::int64_t now_utc) {
  SQLite::Transaction tx(store.db());
  const bool inserted =
      enqueue(store.db(), OutboxInsert{failed.invitation_id, failed.member_id, channel, failed.kind,
                                       key, now_utc, payload});
  SQLite::Statement q(store.db(), "SELECT id FROM outbox WHERE dedupe_key = ?");
  q.bind(1, key);
  q.executeStep();
  const std::int64_t id = q.getColumn(0).getInt64();
  if (inserted) {
    SQLite::Statement upd(store.db(), "UPDATE outbox SET fallback_of = ? WHERE id = ?");
    upd.bind(1, failed.id);
    upd.bind(2, id);
    upd.exec();
  }
  tx.commit();
  return id;
}

void replace_payload(Store& store, std::int64_t id, const std::string& payload,
                     std::int64_t now_utc) {
  SQLite::Statement upd(store.db(),
                        "UPDATE outbox SET state = 'pending', payload = ?, next_attempt_utc = ?, "
                        "updated_at = ? WHERE id = ?");
  upd.bind(1, payload);
  upd.bind(2, now_utc);
  upd.bind(3, now_utc_iso());
  upd.bind(4, id);
  upd.exec();
}

std::optional<OutboxRow> find_row_by_key(Store& store, const std::string& dedupe_key) {
  SQLite::Statement q(store.db(),
                      fmt::format("SELECT {} FROM outbox o WHERE o.dedupe_key = ?", kColumns));
  q.bind(1, dedupe_key);
  if (!q.executeStep()) return std::nullopt;
  return read_row(q);
}

std::vector<outreach::ReachSend> whatsapp_sends_since(Store& store, std::int64_t since_utc,
                                                      std::int64_t now_utc) {
  SQLite::Statement q(store.db(),
                      "SELECT o.member_id, CASE WHEN o.state = 'in_flight' THEN ? ELSE "
                      "o.sent_at_utc END, m.whatsapp_last_inbound_utc FROM outbox o JOIN members "
                      "m ON m.id = o.member_id WHERE o.channel = 'whatsapp' AND (o.state = "
                      "'in_flight' OR (o.sent_at_utc IS NOT NULL AND o.sent_at_utc >= ?))");
  q.bind(1, now_utc);
  q.bind(2, since_utc);
  std::vector<outreach::ReachSend> out;
  while (q.executeStep()) {
    outreach::ReachSend s;
    s.member = q.getColumn(0).getInt64();
    s.sent_at_utc = q.getColumn(1).getInt64();
    if (!q.getColumn(2).isNull()) s.last_inbound_utc = q.getColumn(2).getInt64();
    out.push_back(s);
  }
  return out;
}

std::optional<std::int64_t> next_pending_utc(Store& store, const std::set<std::string>& skip) {
  SQLite::Statement q(store.db(),
                      "SELECT MIN(o.next_attempt_utc) FROM outbox o WHERE o.state = 'pending'" +
                          channel_filter(skip));
  if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::optional<MemberChannels> load_member_channels(Store& store, std::int64_t member_id) {
  SQLite::Statement q(store.db(),
                      "SELECT network_id, COALESCE(email, '') <> '' AND consent_email = 1 AND "
                      "opted_out_email = 0 AND email_unusable_at IS NULL, COALESCE(mobile, '') "
                      "<> '' AND consent_whatsapp = 1 AND opted_out_whatsapp = 0 AND "
                      "whatsapp_unusable_at IS NULL FROM members WHERE id = ?");
  q.bind(1, member_id);
  if (!q.executeStep()) return std::nullopt;
  return MemberChannels{q.getColumn(0).getInt64(), q.getColumn(1).getInt() != 0,
                        q.getColumn(2).getInt() != 0};
}

void mark_channel_unusable(Store& store, std::int64_t member_id, const std::string& channel) {
  const char* column = channel == "whatsapp" ? "whatsapp_unusable_at" : "email_unusable_at";
  SQLite::Statement upd(store.db(), fmt::format("UPDATE members SET {0} = COALESCE({0}, ?), "
                                                "updated_at = ? WHERE id = ?",
                                                column));
  const std::string now = now_utc_iso();
  upd.bind(1, now);
  upd.bind(2, now);
  upd.bind(3, member_id);
  upd.exec();
}

}  // namespace tafel::outbox
