#include "adapters/store/outbox_store.hpp"

namespace tafel {

namespace {

std::optional<std::int64_t> opt_int(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}
std::optional<std::string> opt_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

constexpr const char* kOutboxColumns =
    "id, invitation_id, member_id, channel, kind, dedupe_key, due_utc, payload, state, attempts, "
    "next_attempt_utc, provider_message_id, last_error";

OutboxRow read_outbox_row(SQLite::Statement& q) {
  OutboxRow r;
  r.id = q.getColumn(0).getInt64();
  r.invitation_id = opt_int(q.getColumn(1));
  r.member_id = q.getColumn(2).getInt64();
  r.channel = q.getColumn(3).getString();
  r.kind = q.getColumn(4).getString();
  r.dedupe_key = q.getColumn(5).getString();
  r.due_utc = q.getColumn(6).getInt64();
  r.payload = q.getColumn(7).getString();
  r.state = q.getColumn(8).getString();
  r.attempts = q.getColumn(9).getInt();
  r.next_attempt_utc = q.getColumn(10).getInt64();
  r.provider_message_id = opt_text(q.getColumn(11));
  r.last_error = opt_text(q.getColumn(12));
  return r;
}

InvitationRow read_invitation(SQLite::Statement& q) {
  InvitationRow r;
  r.id = q.getColumn(0).getInt64();
  r.session_id = q.getColumn(1).getInt64();
  r.member_id = q.getColumn(2).getInt64();
  r.reply_id = q.getColumn(3).getString();
  r.ical_uid = q.getColumn(4).getString();
  r.sequence = q.getColumn(5).getInt();
  r.rsvp = q.getColumn(6).getString();
  r.rsvp_at = opt_text(q.getColumn(7));
  return r;
}

constexpr const char* kInvitationColumns =
    "id, session_id, member_id, reply_id, ical_uid, sequence, rsvp, rsvp_at";

}  // namespace

std::int64_t create_invitation(SQLite::Database& db, std::int64_t session_id,
                               std::int64_t member_id, const std::string& reply_id,
                               const std::string& ical_uid, int sequence) {
  SQLite::Statement find(db, "SELECT id FROM invitations WHERE session_id = ? AND member_id = ?");
  find.bind(1, session_id);
  find.bind(2, member_id);
  if (find.executeStep()) return find.getColumn(0).getInt64();
  const std::string now = now_utc_iso();
  SQLite::Statement ins(db,
                        "INSERT INTO invitations (session_id, member_id, reply_id, ical_uid, "
                        "sequence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  ins.bind(1, session_id);
  ins.bind(2, member_id);
  ins.bind(3, reply_id);
  ins.bind(4, ical_uid);
  ins.bind(5, sequence);
  ins.bind(6, now);
  ins.bind(7, now);
  ins.exec();
  return db.getLastInsertRowid();
}

std::vector<InvitationRow> load_invitations(Store& store) {
  SQLite::Statement q(
      store.db(), std::string("SELECT ") + kInvitationColumns + " FROM invitations ORDER BY id");
  std::vector<InvitationRow> out;
  while (q.executeStep()) out.push_back(read_invitation(q));
  return out;
}

std::optional<InvitationRow> find_invitation_by_reply_id(Store& store,
                                                         const std::string& reply_id) {
  SQLite::Statement q(store.db(), std::string("SELECT ") + kInvitationColumns +
                                      " FROM invitations WHERE reply_id = ?");
  q.bind(1, reply_id);
  if (!q.executeStep()) return std::nullopt;
  return read_invitation(q);
}

bool enqueue(SQLite::Database& db, const OutboxInsert& row) {
  const std::string now = now_utc_iso();
  SQLite::Statement ins(db,
                        "INSERT OR IGNORE INTO outbox (invitation_id, member_id, channel, kind, "
                        "dedupe_key, due_utc, payload, next_attempt_utc, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (row.invitation_id)
    ins.bind(1, *row.invitation_id);
  else
    ins.bind(1);
  ins.bind(2, row.member_id);
  ins.bind(3, row.channel);
  ins.bind(4, row.kind);
  ins.bind(5, row.dedupe_key);
  ins.bind(6, row.due_utc);
  ins.bind(7, row.payload);
  ins.bind(8, row.due_utc);
  ins.bind(9, now);
  ins.bind(10, now);
  return ins.exec() == 1;
}

std::vector<OutboxRow> load_outbox(Store& store) {
  SQLite::Statement q(store.db(), std::string("SELECT ") + kOutboxColumns +
                                      " FROM outbox WHERE state <> 'cancelled' ORDER BY id");
  std::vector<OutboxRow> out;
  while (q.executeStep()) out.push_back(read_outbox_row(q));
  return out;
}

void mark_retry(Store& store, std::int64_t id, std::int64_t next_attempt_utc,
                const std::string& error) {
  SQLite::Statement upd(store.db(),
                        "UPDATE outbox SET state = 'pending', next_attempt_utc = ?, "
                        "last_error = ?, updated_at = ? WHERE id = ?");
  upd.bind(1, next_attempt_utc);
  upd.bind(2, error);
  upd.bind(3, now_utc_iso());
  upd.bind(4, id);
  upd.exec();
}

void mark_failed(Store& store, std::int64_t id, const std::string& error) {
  SQLite::Statement upd(
      store.db(),
      "UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ? WHERE id = ?");
  upd.bind(1, error);
  upd.bind(2, now_utc_iso());
  upd.bind(3, id);
  upd.exec();
}

int cancel_pending(SQLite::Database& db, std::int64_t invitation_id) {
  SQLite::Statement upd(db,
                        "UPDATE outbox SET state = 'cancelled', updated_at = ? "
                        "WHERE invitation_id = ? AND state = 'pending'");
  upd.bind(1, now_utc_iso());
  upd.bind(2, invitation_id);
  return upd.exec();
}

int requeue_in_flight(Store& store) {
  SQLite::Statement upd(store.db(),
                        "UPDATE outbox SET state = 'pending', updated_at = ? "
                        "WHERE state = 'in_flight'");
  upd.bind(1, now_utc_iso());
  return upd.exec();
}

}  // namespace tafel
