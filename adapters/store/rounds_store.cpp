#include "adapters/store/rounds_store.hpp"

#include <charconv>

namespace tafel {

namespace {

constexpr const char* kRoundColumns =
    "SELECT r.id, r.network_id, n.name, r.period_from, r.period_to, r.theme, r.status, "
    "r.created_at, r.poll_closes_utc, r.poll_closes_offset, r.poll_sent_at, r.poll_closed_at, "
    "(SELECT COUNT(*) FROM poll_invitations pi WHERE pi.round_id = r.id), "
    "(SELECT COUNT(*) FROM poll_invitations pi WHERE pi.round_id = r.id "
    " AND pi.answered_at IS NOT NULL), "
    "(SELECT COUNT(*) FROM proposals p WHERE p.round_id = r.id) "
    "FROM planning_rounds r JOIN networks n ON n.id = r.network_id ";

std::optional<std::string> opt_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

RoundRow read_round(SQLite::Statement& q) {
  RoundRow r;
  r.id = q.getColumn(0).getInt64();
  r.network_id = q.getColumn(1).getInt64();
  r.network = q.getColumn(2).getString();
  r.period_from = q.getColumn(3).getString();
  r.period_to = q.getColumn(4).getString();
  r.theme = q.getColumn(5).getString();
  r.status = q.getColumn(6).getString();
  r.created_at = q.getColumn(7).getString();
  if (!q.getColumn(8).isNull())
    r.poll_closes = LocalTime{q.getColumn(8).getInt64(), q.getColumn(9).getInt()};
  r.poll_sent_at = opt_text(q.getColumn(10));
  r.poll_closed_at = opt_text(q.getColumn(11));
  r.asked = q.getColumn(12).getInt();
  r.answered = q.getColumn(13).getInt();
  r.proposals = q.getColumn(14).getInt();
  return r;
}

}  // namespace

std::int64_t create_round(SQLite::Database& db, const NewRound& round) {
  SQLite::Statement ins(db,
                        "INSERT INTO planning_rounds (network_id, period_from, period_to, theme, "
                        "status, created_at, poll_closes_utc, poll_closes_offset) "
                        "VALUES (?, ?, ?, ?, 'open', ?, ?, ?)");
  ins.bind(1, round.network_id);
  ins.bind(2, round.period_from);
  ins.bind(3, round.period_to);
  ins.bind(4, round.theme);
  ins.bind(5, now_utc_iso());
  if (round.poll_closes) {
    ins.bind(6, round.poll_closes->utc_seconds);
    ins.bind(7, round.poll_closes->offset_seconds);
  }
  ins.exec();
  return db.getLastInsertRowid();
}

std::optional<RoundRow> find_round(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, std::string(kRoundColumns) + "WHERE r.id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_round(q);
}

std::vector<RoundRow> list_rounds(SQLite::Database& db, std::optional<std::int64_t> network_id) {
  SQLite::Statement q(db, std::string(kRoundColumns) +
                              "WHERE (?1 IS NULL OR r.network_id = ?1) ORDER BY r.id DESC");
  if (network_id) q.bind(1, *network_id);
  std::vector<RoundRow> out;
  while (q.executeStep()) out.push_back(read_round(q));
  return out;
}

int add_poll_invitations(SQLite::Database& db, std::int64_t round_id,
                         const std::vector<std::int64_t>& member_ids) {
  SQLite::Statement ins(db,
                        "INSERT OR IGNORE INTO poll_invitations (round_id, member_id, created_at) "
                        "VALUES (?, ?, ?)");
  const std::string now = now_utc_iso();
  int added = 0;
  for (const std::int64_t m : member_ids) {
    ins.bind(1, round_id);
    ins.bind(2, m);
    ins.bind(3, now);
    added += ins.exec();
    ins.reset();
  }
  return added;
}

void start_polling(SQLite::Database& db, std::int64_t round_id, LocalTime default_closes) {
  SQLite::Statement q(db,
                      "UPDATE planning_rounds SET status = 'polling', "
                      "poll_sent_at = COALESCE(poll_sent_at, ?), "
                      "poll_closes_offset = CASE WHEN poll_closes_utc IS NULL THEN ? "
                      "ELSE poll_closes_offset END, "
                      "poll_closes_utc = COALESCE(poll_closes_utc, ?) WHERE id = ?");
  q.bind(1, now_utc_iso());
  q.bind(2, default_closes.offset_seconds);
  q.bind(3, default_closes.utc_seconds);
  q.bind(4, round_id);
  q.exec();
}

void close_poll(SQLite::Database& db, std::int64_t round_id) {
  SQLite::Statement q(db,
                      "UPDATE planning_rounds SET status = 'closed', "
                      "poll_closed_at = COALESCE(poll_closed_at, ?) WHERE id = ?");
  q.bind(1, now_utc_iso());
  q.bind(2, round_id);
  q.exec();
}

std::vector<RoundRow> polling_rounds(SQLite::Database& db, std::optional<std::int64_t> round_id) {
  SQLite::Statement q(db, std::string(kRoundColumns) +
                              "WHERE r.status = 'polling' AND r.poll_closes_utc IS NOT NULL "
                              "AND (?1 IS NULL OR r.id = ?1) ORDER BY r.id");
  if (round_id) q.bind(1, *round_id);
  std::vector<RoundRow> out;
  while (q.executeStep()) out.push_back(read_round(q));
  return out;
}

std::vector<PollInvitationRow> load_poll_invitations(SQLite::Database& db, std::int64_t round_id) {
  SQLite::Statement q(db,
                      "SELECT id, round_id, member_id, answered_at IS NOT NULL "
                      "FROM poll_invitations WHERE round_id = ? ORDER BY id");
  q.bind(1, round_id);
  std::vector<PollInvitationRow> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                   q.getColumn(3).getInt() != 0});
  return out;
}

std::optional<std::int64_t> poll_invitation_of_key(const std::string& key) {
  if (!key.starts_with("poll")) return std::nullopt;
  std::int64_t id = 0;
  const char* first = key.data() + 4;
  const char* last = key.data() + key.size();
  const auto [end, ec] = std::from_chars(first, last, id);
  if (ec != std::errc() || end == first || end == last || *end != ':') return std::nullopt;
  return id;
}

std::vector<PollOutboxRow> load_poll_outbox(SQLite::Database& db) {
  SQLite::Statement q(db,
                      "SELECT dedupe_key, poll_invitation_id, kind, channel, due_utc FROM outbox "
                      "WHERE kind IN ('poll', 'poll_reminder') AND state <> 'cancelled' "
                      "ORDER BY id");
  std::vector<PollOutboxRow> out;
  while (q.executeStep()) {
    PollOutboxRow r;
    r.key = q.getColumn(0).getString();
    if (!q.getColumn(1).isNull())
      r.poll_invitation_id = q.getColumn(1).getInt64();
    else if (const auto id = poll_invitation_of_key(r.key))
      r.poll_invitation_id = *id;
    else
      continue;
    r.kind = q.getColumn(2).getString();
    r.channel = q.getColumn(3).getString();
    r.due_utc = q.getColumn(4).getInt64();
    out.push_back(std::move(r));
  }
  return out;
}

void record_poll_message(SQLite::Database& db, const std::string& key,
                         std::int64_t poll_invitation_id, const std::string& kind) {
  SQLite::Statement link(db, "UPDATE outbox SET poll_invitation_id = ? WHERE dedupe_key = ?");
  link.bind(1, poll_invitation_id);
  link.bind(2, key);
  link.exec();
  SQLite::Statement mark(db, kind == "poll_reminder" ? "UPDATE poll_invitations SET reminded_at = "
                                                       "COALESCE(reminded_at, ?) WHERE id = ?"
                                                     : "UPDATE poll_invitations SET asked_at = "
                                                       "COALESCE(asked_at, ?) WHERE id = ?");
  mark.bind(1, now_utc_iso());
  mark.bind(2, poll_invitation_id);
  mark.exec();
}

}  // namespace tafel
