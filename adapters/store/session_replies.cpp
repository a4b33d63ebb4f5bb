#include "adapters/store/session_replies.hpp"

#include "adapters/store/rsvp_log.hpp"
#include "engine/rsvp/machine.hpp"
#include "engine/rsvp/waitlist.hpp"

namespace tafel {

namespace {

std::optional<std::string> text_or_null(SQLite::Statement& q, int col) {
  if (q.getColumn(col).isNull()) return std::nullopt;
  return q.getColumn(col).getString();
}

}  // namespace

std::optional<SessionHeader> find_session_header(SQLite::Database& db, std::int64_t session_id) {
  SQLite::Statement q(db,
                      "SELECT s.id, s.proposal_id, p.network_id, n.name, s.facilitator_id, "
                      "COALESCE(st.name, s.facilitator_id), s.start_utc, s.start_offset, "
                      "s.sector, COALESCE(v.name, s.venue_id), s.status FROM sessions s "
                      "JOIN proposals p ON p.id = s.proposal_id JOIN networks n ON n.id = "
                      "p.network_id LEFT JOIN staff st ON st.id = s.facilitator_id LEFT JOIN "
                      "venues v ON v.id = s.venue_id WHERE s.id = ?");
  q.bind(1, session_id);
  if (!q.executeStep()) return std::nullopt;
  return SessionHeader{
      q.getColumn(0).getInt64(),  q.getColumn(1).getInt64(),  q.getColumn(2).getInt64(),
      q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
      q.getColumn(6).getInt64(),  q.getColumn(7).getInt(),    q.getColumn(8).getString(),
      q.getColumn(9).getString(), q.getColumn(10).getString()};
}

std::optional<SessionReplies> load_session_replies(SQLite::Database& db,
                                                   const PlanningConfig& planning,
                                                   std::int64_t session_id) {
  auto header = find_session_header(db, session_id);
  if (!header) return std::nullopt;
  SessionReplies out;
  out.session = std::move(*header);
  {
    SQLite::Statement q(db,
                        "SELECT m.id, m.name, m.company, m.mobile, m.landline, i.rsvp, i.rsvp_at, "
                        "i.rsvp_channel FROM invitations i JOIN members m ON m.id = i.member_id "
                        "WHERE i.session_id = ? ORDER BY m.company COLLATE NOCASE, m.name "
                        "COLLATE NOCASE, m.id");
    q.bind(1, session_id);
    while (q.executeStep()) {
      Invitee p{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                text_or_null(q, 3),        text_or_null(q, 4),         q.getColumn(5).getString(),
                text_or_null(q, 6),        text_or_null(q, 7)};
      ++out.invited;
      if (p.rsvp_at) ++out.answered;
      if (p.rsvp == "accepted") ++out.accepted;
      out.invitees.push_back(std::move(p));
    }
  }
  int reserves = 0;
  if (const auto setup = rsvp_log::load_setup(db, planning, session_id)) {
    const auto log = rsvp_log::load_events(db, session_id);
    const auto state = rsvp::replay(*setup, log).state;
    SQLite::Statement who(db, "SELECT name, company FROM members WHERE id = ?");
    for (const auto id : rsvp::waitlist_order(state)) {
      who.reset();
      who.bind(1, id);
      WaitlistEntry w{id, "", ""};
      if (who.executeStep()) {
        w.name = who.getColumn(0).getString();
        w.company = who.getColumn(1).getString();
      }
      out.waitlist.push_back(std::move(w));
    }
    for (const auto& [id, p] : state.people)
      reserves += p.status == rsvp::Status::waitlisted && p.reserve ? 1 : 0;
  }
  SQLite::Statement q(db,
                      "SELECT id, detail FROM coordinator_items WHERE session_id = ? AND kind = "
                      "'below_quorum' AND resolved_at IS NULL ORDER BY id DESC LIMIT 1");
  q.bind(1, session_id);
  if (q.executeStep()) {
    QuorumAlert a{q.getColumn(0).getInt64(), q.getColumn(1).getString(), reserves, {}};
    // The same options, in the same order, as engine/rsvp's below-quorum alert.
    if (reserves > 0) a.options.emplace_back("invite_from_waitlist");
    for (const char* o : {"merge", "move", "cancel"}) a.options.emplace_back(o);
    out.quorum = std::move(a);
  }
  return out;
}

}  // namespace tafel
