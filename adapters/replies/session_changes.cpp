#include "adapters/replies/session_changes.hpp"

#include "adapters/links/reply_address.hpp"
#include "adapters/store/accounts_store.hpp"
#include "adapters/store/coordinator_items.hpp"
#include "adapters/store/outbox_store.hpp"
#include "adapters/store/rsvp_log.hpp"
#include "adapters/store/store.hpp"
#include "engine/rsvp/machine.hpp"

#include <fmt/format.h>

#include <vector>

namespace tafel::replies {

namespace {

// A savepoint that is always released: rolled back to and released unless `release()` ran
// (SQLite::Savepoint's destructor only rolls back, leaving a transaction open when the
// savepoint began one).
class Unit {
 public:
  Unit(SQLite::Database& db, const char* name) : db_(db), name_(name) {
    db_.exec(std::string("SAVEPOINT ") + name_);
  }
  Unit(const Unit&) = delete;
  Unit& operator=(const Unit&) = delete;
  ~Unit() {
    if (done_) return;
    try {
      db_.exec(std::string("ROLLBACK TO ") + name_);
      db_.exec(std::string("RELEASE ") + name_);
    } catch (...) {  // nothing sensible to do in a destructor; the connection reports it next
    }
  }
  void release() {
    db_.exec(std::string("RELEASE ") + name_);
    done_ = true;
  }

 private:
  SQLite::Database& db_;
  const char* name_;
  bool done_ = false;
};

struct SessionRow {
  std::string status;
  std::int64_t start_utc = 0, end_utc = 0;
  int sequence = 0;
  std::string uid, venue_id, room;
};

// The session when it may still change; a ChangeError otherwise.
std::expected<SessionRow, ChangeError> changeable(SQLite::Database& db, std::int64_t id,
                                                  std::int64_t now_utc) {
  SQLite::Statement q(db,
                      "SELECT s.status, s.start_utc, s.end_utc, s.sequence, s.uid, s.venue_id, "
                      "s.room, p.status FROM sessions s JOIN proposals p ON p.id = s.proposal_id "
                      "WHERE s.id = ?");
  q.bind(1, id);
  if (!q.executeStep())
    return std::unexpected(ChangeError{ChangeError::Kind::not_found,
                                       fmt::format("Praktijktafel {} bestaat niet.", id)});
  SessionRow r{q.getColumn(0).getString(), q.getColumn(1).getInt64(),  q.getColumn(2).getInt64(),
               q.getColumn(3).getInt(),    q.getColumn(4).getString(), q.getColumn(5).getString(),
               q.getColumn(6).getString()};
  if (q.getColumn(7).getString() != "approved" || r.status == "proposed")
    return std::unexpected(
        ChangeError{ChangeError::Kind::conflict, "Deze praktijktafel is nog niet goedgekeurd."});
  if (r.status == "cancelled")
    return std::unexpected(
        ChangeError{ChangeError::Kind::conflict, "Deze praktijktafel is al afgelast."});
  if (r.status != "approved" || r.start_utc <= now_utc)
    return std::unexpected(
        ChangeError{ChangeError::Kind::conflict, "Deze praktijktafel is al begonnen of voorbij."});
  return r;
}

int resolve_items(SQLite::Database& db, std::int64_t session_id, const std::string& by,
                  bool all_kinds) {
  std::vector<std::int64_t> ids;
  for (const auto& item : open_coordinator_items(db))
    if (item.session_id == session_id &&
        (all_kinds || item.kind == "below_quorum" || item.kind == "session_changed"))
      ids.push_back(item.id);
  int n = 0;
  for (const auto id : ids) n += resolve_coordinator_item(db, id, by) ? 1 : 0;
  return n;
}

void audit(SQLite::Database& db, const std::string& by, const std::string& action,
           std::int64_t session_id, const std::string& detail) {
  add_audit(db, AuditEntry{{}, by, action, "session", std::to_string(session_id), detail});
}

ChangeError internal(const std::string& error) {
  return ChangeError{ChangeError::Kind::invalid,
                     "De wijziging kon niet worden verwerkt (" + error + ")."};
}

}  // namespace

std::expected<SessionChange, ChangeError> cancel_session(
    SQLite::Database& db, const ReplyContext& ctx, std::int64_t session_id, const std::string& by,
    std::int64_t now_utc, const std::string& reason) {
  Unit sp(db, "cancel_session");
  auto row = changeable(db, session_id, now_utc);
  if (!row) return std::unexpected(row.error());
  // METHOD:CANCEL carries a higher SEQUENCE (spec/messaging.md).
  SQLite::Statement up(db,
                       "UPDATE sessions SET status = 'cancelled', sequence = sequence + 1 "
                       "WHERE id = ?");
  up.bind(1, session_id);
  up.exec();
  const std::string note = reason.empty() ? "" : "Reden: " + reason;
  auto applied = apply_session_event(db, ctx, session_id,
                                     rsvp::Cancel{now_utc, rsvp::CancelReason::coordinator, 0},
                                     Source::coordinator, note);
  if (!applied) return std::unexpected(internal(applied.error()));
  SessionChange out;
  out.sequence = row->sequence + 1;
  out.messages_enqueued = applied->messages_enqueued;
  out.items_resolved = resolve_items(db, session_id, by, true);
  audit(db, by, "cancelled", session_id, fmt::format("sequence={}", out.sequence));
  sp.release();
  return out;
}

std::expected<SessionChange, ChangeError> move_session(SQLite::Database& db,
                                                       const ReplyContext& ctx, const MoveInput& in,
                                                       const std::string& by,
                                                       std::int64_t now_utc) {
  Unit sp(db, "move_session");
  auto row = changeable(db, in.session_id, now_utc);
  if (!row) return std::unexpected(row.error());
  if (in.start_utc <= now_utc)
    return std::unexpected(
        ChangeError{ChangeError::Kind::invalid, "Het nieuwe begin ligt niet in de toekomst."});
  const std::int64_t length =
      in.minutes ? std::int64_t{*in.minutes} * 60 : row->end_utc - row->start_utc;
  if (length <= 0 || length > 24 * 3600)
    return std::unexpected(
        ChangeError{ChangeError::Kind::invalid, "De duur moet tussen 1 en 1440 minuten liggen."});
  std::string venue = row->venue_id;
  std::string room = row->room;
  if (in.venue_id && *in.venue_id != row->venue_id) {
    SQLite::Statement v(db, "SELECT 1 FROM venues WHERE id = ?");
    v.bind(1, *in.venue_id);
    if (!v.executeStep())
      return std::unexpected(ChangeError{ChangeError::Kind::invalid,
                                         fmt::format("Locatie {} bestaat niet.", *in.venue_id)});
    SQLite::Statement r(db, "SELECT 1 FROM rooms WHERE venue_id = ? AND name = ?");
    r.bind(1, *in.venue_id);
    r.bind(2, room);
    if (!r.executeStep()) room.clear();  // the room is the new venue's concern
    venue = *in.venue_id;
  }
  if (in.start_utc == row->start_utc && in.start_utc + length == row->end_utc &&
      venue == row->venue_id)
    return std::unexpected(ChangeError{ChangeError::Kind::invalid,
                                       "Tijd en locatie zijn gelijk aan wat er al staat."});
  const LocalTime start = ctx.zone.from_utc(in.start_utc);
  const LocalTime end = ctx.zone.from_utc(in.start_utc + length);
  // The row first: the change notices render the session as it now is.
  SQLite::Statement up(db,
                       "UPDATE sessions SET start_utc = ?, start_offset = ?, end_utc = ?, "
                       "end_offset = ?, venue_id = ?, room = ?, sequence = sequence + 1 "
                       "WHERE id = ?");
  up.bind(1, start.utc_seconds);
  up.bind(2, start.offset_seconds);
  up.bind(3, end.utc_seconds);
  up.bind(4, end.offset_seconds);
  up.bind(5, venue);
  up.bind(6, room);
  up.bind(7, in.session_id);
  up.exec();
  auto applied = apply_session_event(db, ctx, in.session_id, rsvp::Reschedule{now_utc, start},
                                     Source::coordinator);
  if (!applied) return std::unexpected(internal(applied.error()));
  SessionChange out;
  out.sequence = row->sequence + 1;
  out.messages_enqueued = applied->messages_enqueued;
  out.items_resolved = resolve_items(db, in.session_id, by, false);
  audit(db, by, "moved", in.session_id,
        fmt::format("sequence={} start_utc={} end_utc={} venue={}", out.sequence, start.utc_seconds,
                    end.utc_seconds, venue));
  sp.release();
  return out;
}

std::expected<SessionChange, ChangeError> invite_from_waitlist(SQLite::Database& db,
                                                               const ReplyContext& ctx,
                                                               std::int64_t session_id,
                                                               const std::string& by,
                                                               std::int64_t now_utc) {
  Unit sp(db, "invite_from_waitlist");
  auto row = changeable(db, session_id, now_utc);
  if (!row) return std::unexpected(row.error());
  // Who the engine invites: the same fold as apply_session_event, on a copy of the state.
  const auto setup = rsvp_log::load_setup(db, ctx.config.planning, session_id);
  if (!setup) return std::unexpected(internal("no setup"));
  rsvp_log::ensure_invites_logged(db, session_id);
  const auto log = rsvp_log::load_events(db, session_id);
  const rsvp::Event event = rsvp::InviteFromWaitlist{now_utc, 1};
  std::optional<rsvp::PersonId> chosen;
  for (const auto& d : rsvp::apply_event(rsvp::replay(*setup, log).state, event).decisions)
    if (const auto* inv = std::get_if<rsvp::SendInvitation>(&d)) chosen = inv->person;
  if (!chosen)
    return std::unexpected(ChangeError{
        ChangeError::Kind::conflict,
        "Er staat niemand op de wachtlijst die we kunnen uitnodigen (reserves met een kanaal)."});
  auto applied = apply_session_event(db, ctx, session_id, event, Source::coordinator);
  if (!applied) return std::unexpected(internal(applied.error()));
  // An enlisted reserve has no invitation row yet: made here as 'invited', so the outreach
  // planner (run before every dispatch) sends the invitation with the policy's key. (A row made
  // before the event would be logged as an Invite first by ensure_invites_logged.)
  SQLite::Statement has(db, "SELECT 1 FROM invitations WHERE session_id = ? AND member_id = ?");
  has.bind(1, session_id);
  has.bind(2, *chosen);
  if (!has.executeStep()) {
    const std::string reply_id = links::new_reply_address_id();
    create_invitation(db, session_id, *chosen, reply_id,
                      fmt::format("{}-{}@{}", row->uid, reply_id.substr(0, 10),
                                  ctx.config.messaging.reply_domain),
                      row->sequence);
  }
  SessionChange out;
  out.sequence = row->sequence;
  out.messages_enqueued = applied->messages_enqueued;
  audit(db, by, "invited_from_waitlist", session_id, "count=1");
  sp.release();
  return out;
}

}  // namespace tafel::replies
