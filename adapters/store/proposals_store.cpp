#include "adapters/store/proposals_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace tafel {

namespace {

using Code = ProposalError::Code;

std::unexpected<ProposalError> fail(Code code, std::string message) {
  return std::unexpected(ProposalError{code, std::move(message)});
}

std::optional<std::string> opt_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

// The round of (network, period), created with `theme` when missing.
std::int64_t round_for(SQLite::Database& db, const Proposal& p) {
  SQLite::Statement q(db,
                      "SELECT id FROM planning_rounds WHERE network_id = ? AND period_from = ? "
                      "AND period_to = ? AND status <> 'cancelled' ORDER BY id DESC LIMIT 1");
  q.bind(1, p.header.network_id);
  q.bind(2, p.header.period_from);
  q.bind(3, p.header.period_to);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  SQLite::Statement ins(db,
                        "INSERT INTO planning_rounds(network_id, period_from, period_to, theme, "
                        "status, created_at) VALUES (?, ?, ?, ?, 'closed', ?)");
  ins.bind(1, p.header.network_id);
  ins.bind(2, p.header.period_from);
  ins.bind(3, p.header.period_to);
  ins.bind(4, p.header.theme);
  ins.bind(5, now_utc_iso());
  ins.exec();
  return db.getLastInsertRowid();
}

struct PriorSession {
  std::string uid;
  int sequence = 0;
  std::string facilitator;
  std::vector<std::int64_t> members;
};

std::map<std::string, PriorSession> prior_sessions(SQLite::Database& db, std::int64_t proposal) {
  std::map<std::string, PriorSession> out;
  SQLite::Statement q(db,
                      "SELECT s.slot_id, s.uid, s.sequence, s.facilitator_id, sm.member_id "
                      "FROM sessions s LEFT JOIN session_members sm ON sm.session_id = s.id "
                      "WHERE s.proposal_id = ? ORDER BY s.id, sm.member_id");
  q.bind(1, proposal);
  while (q.executeStep()) {
    PriorSession& s = out[q.getColumn(0).getString()];
    s.uid = q.getColumn(1).getString();
    s.sequence = q.getColumn(2).getInt();
    s.facilitator = q.getColumn(3).getString();
    if (!q.getColumn(4).isNull()) s.members.push_back(q.getColumn(4).getInt64());
  }
  return out;
}

void bump_revision(SQLite::Database& db, std::int64_t proposal) {
  SQLite::Statement q(db, "UPDATE proposals SET revision = revision + 1 WHERE id = ?");
  q.bind(1, proposal);
  q.exec();
}

std::optional<ProposalHeader> proposal_header(Store& store, std::int64_t id);

// Checks that `proposal` exists, is editable and at `expected` revision.
std::expected<ProposalHeader, ProposalError> editable(Store& store, std::int64_t proposal,
                                                      std::optional<int> expected) {
  const auto it = proposal_header(store, proposal);
  if (!it) return fail(Code::not_found, fmt::format("Voorstel {} bestaat niet.", proposal));
  if (it->status != "proposed")
    return fail(Code::not_editable,
                fmt::format("Voorstel {} is {} en kan niet meer worden gewijzigd.", proposal,
                            it->status == "approved"     ? "goedgekeurd"
                            : it->status == "superseded" ? "vervangen door een nieuwer voorstel"
                                                         : "afgewezen"));
  if (expected && *expected != it->revision)
    return fail(Code::conflict,
                fmt::format("Voorstel {} is intussen door iemand anders gewijzigd (versie {}, u "
                            "bewerkte versie {}). Laad het opnieuw.",
                            proposal, it->revision, *expected));
  return *it;
}

struct SessionFacts {
  std::int64_t proposal = 0;
  std::string sector;
  bool locked = false;
};

// The session's facts, or not_found when it is not a session of `proposal`.
std::expected<SessionFacts, ProposalError> session_in_proposal(SQLite::Database& db,
                                                               std::int64_t proposal,
                                                               std::int64_t session) {
  SQLite::Statement q(db, "SELECT proposal_id, sector, locked FROM sessions WHERE id = ?");
  q.bind(1, session);
  if (!q.executeStep() || q.getColumn(0).getInt64() != proposal)
    return fail(Code::not_found,
                fmt::format("Tafel {} hoort niet bij voorstel {}.", session, proposal));
  return SessionFacts{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                      q.getColumn(2).getInt() != 0};
}

// The member's session in `proposal` and its lock, when placed.
std::optional<std::pair<std::int64_t, bool>> placement(SQLite::Database& db, std::int64_t proposal,
                                                       std::int64_t member) {
  SQLite::Statement q(db,
                      "SELECT s.id, s.locked FROM session_members sm JOIN sessions s ON s.id = "
                      "sm.session_id WHERE s.proposal_id = ? AND sm.member_id = ?");
  q.bind(1, proposal);
  q.bind(2, member);
  if (!q.executeStep()) return std::nullopt;
  return std::pair{q.getColumn(0).getInt64(), q.getColumn(1).getInt() != 0};
}

}  // namespace

std::int64_t insert_proposal(Store& store, const Proposal& p) {
  SQLite::Database& db = store.db();
  SQLite::Transaction tx(db);
  const ProposalHeader& h = p.header;
  const std::int64_t round = round_for(db, p);
  std::map<std::string, PriorSession> prior;
  if (h.previous_id) prior = prior_sessions(db, *h.previous_id);

  SQLite::Statement ins(
      db,
      "INSERT INTO proposals(round_id, network_id, period_from, period_to, previous_id, seed, "
      "time_limit_ms, elapsed_ms, stopped_by_deadline, score, bound, theme, status, created_at, "
      "instance_json, result_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'proposed',?,?,?)");
  ins.bind(1, round);
  ins.bind(2, h.network_id);
  ins.bind(3, h.period_from);
  ins.bind(4, h.period_to);
  if (h.previous_id) ins.bind(5, *h.previous_id);
  ins.bind(6, static_cast<std::int64_t>(h.seed));
  ins.bind(7, h.time_limit_ms);
  ins.bind(8, h.elapsed_ms);
  ins.bind(9, h.stopped_by_deadline ? 1 : 0);
  ins.bind(10, h.score);
  if (h.bound) ins.bind(11, *h.bound);
  ins.bind(12, h.theme);
  ins.bind(13, now_utc_iso());
  ins.bind(14, p.instance_json);
  ins.bind(15, p.result_json);
  ins.exec();
  const std::int64_t id = db.getLastInsertRowid();

  SQLite::Statement sup(db,
                        "UPDATE proposals SET status = 'superseded' WHERE network_id = ? AND id <> "
                        "? AND status = 'proposed' AND period_from <= ? AND period_to >= ?");
  sup.bind(1, h.network_id);
  sup.bind(2, id);
  sup.bind(3, h.period_to);
  sup.bind(4, h.period_from);
  sup.exec();

  SQLite::Statement ss(db,
                       "INSERT INTO sessions(proposal_id, slot_id, venue_id, room, start_utc, "
                       "start_offset, end_utc, end_offset, sector, facilitator_id, event_id, "
                       "theme, status, uid, sequence, locked) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  SQLite::Statement sm(db,
                       "INSERT INTO session_members(session_id, member_id, pinned) VALUES (?,?,?)");
  int n = 0;
  for (const SessionRow& s : p.sessions) {
    ++n;
    std::string uid = s.uid.empty() ? fmt::format("tafel-{}-{}", id, n) : s.uid;
    int sequence = s.sequence;
    if (auto it = prior.find(s.slot_id); it != prior.end()) {
      std::vector<std::int64_t> now;
      for (const auto& m : s.members) now.push_back(m.member_id);
      std::sort(now.begin(), now.end());
      uid = it->second.uid;
      const bool changed = now != it->second.members || s.facilitator_id != it->second.facilitator;
      sequence = it->second.sequence + (changed ? 1 : 0);
    }
    ss.reset();
    ss.clearBindings();
    ss.bind(1, id);
    ss.bind(2, s.slot_id);
    ss.bind(3, s.venue_id);
    ss.bind(4, s.room);
    ss.bind(5, s.start.utc_seconds);
    ss.bind(6, s.start.offset_seconds);
    ss.bind(7, s.end.utc_seconds);
    ss.bind(8, s.end.offset_seconds);
    ss.bind(9, s.sector);
    ss.bind(10, s.facilitator_id);
    if (s.event_id) ss.bind(11, *s.event_id);
    ss.bind(12, s.theme.empty() ? h.theme : s.theme);
    ss.bind(13, s.status);
    ss.bind(14, uid);
    ss.bind(15, sequence);
    ss.bind(16, s.locked ? 1 : 0);
    ss.exec();
    const std::int64_t sid = db.getLastInsertRowid();
    for (const SessionMemberRow& m : s.members) {
      sm.reset();
      sm.bind(1, sid);
      sm.bind(2, m.member_id);
      sm.bind(3, m.pinned ? 1 : 0);
      sm.exec();
    }
  }
  SQLite::Statement un(db,
                       "INSERT INTO unplaced(proposal_id, member_id, reason, detail) "
                       "VALUES (?,?,?,?)");
  for (const UnplacedRow& u : p.unplaced) {
    un.reset();
    un.bind(1, id);
    un.bind(2, u.member_id);
    un.bind(3, u.reason);
    un.bind(4, u.detail);
    un.exec();
  }
  tx.commit();
  return id;
}

namespace {

constexpr const char* kHeaderSelect =
    "SELECT p.id, p.round_id, p.network_id, n.name, p.period_from, p.period_to, p.previous_id, "
    "p.seed, p.time_limit_ms, p.elapsed_ms, p.stopped_by_deadline, p.score, p.bound, p.theme, "
    "p.status, p.revision, p.created_at, p.approved_at, p.approved_by, "
    "(SELECT COUNT(*) FROM sessions s WHERE s.proposal_id = p.id), "
    "(SELECT COUNT(*) FROM session_members sm JOIN sessions s ON s.id = sm.session_id "
    " WHERE s.proposal_id = p.id), "
    "(SELECT COUNT(*) FROM unplaced u WHERE u.proposal_id = p.id) "
    "FROM proposals p JOIN networks n ON n.id = p.network_id ";

ProposalHeader read_header(SQLite::Statement& q) {
  ProposalHeader h;
  h.id = q.getColumn(0).getInt64();
  h.round_id = q.getColumn(1).getInt64();
  h.network_id = q.getColumn(2).getInt64();
  h.network = q.getColumn(3).getString();
  h.period_from = q.getColumn(4).getString();
  h.period_to = q.getColumn(5).getString();
  if (!q.getColumn(6).isNull()) h.previous_id = q.getColumn(6).getInt64();
  h.seed = static_cast<std::uint64_t>(q.getColumn(7).getInt64());
  h.time_limit_ms = q.getColumn(8).getInt64();
  h.elapsed_ms = q.getColumn(9).getInt64();
  h.stopped_by_deadline = q.getColumn(10).getInt() != 0;
  h.score = q.getColumn(11).getDouble();
  if (!q.getColumn(12).isNull()) h.bound = q.getColumn(12).getDouble();
  h.theme = q.getColumn(13).getString();
  h.status = q.getColumn(14).getString();
  h.revision = q.getColumn(15).getInt();
  h.created_at = q.getColumn(16).getString();
  h.approved_at = opt_text(q.getColumn(17));
  h.approved_by = opt_text(q.getColumn(18));
  h.session_count = q.getColumn(19).getInt();
  h.placed_count = q.getColumn(20).getInt();
  h.unplaced_count = q.getColumn(21).getInt();
  return h;
}

std::optional<ProposalHeader> proposal_header(Store& store, std::int64_t id) {
  SQLite::Statement q(store.db(), std::string(kHeaderSelect) + "WHERE p.id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_header(q);
}

}  // namespace

std::vector<ProposalHeader> list_proposals(Store& store, std::optional<std::int64_t> network_id) {
  std::vector<ProposalHeader> out;
  SQLite::Statement q(store.db(), std::string(kHeaderSelect) +
                                      "WHERE (? IS NULL OR p.network_id = ?) ORDER BY p.id DESC");
  if (network_id) {
    q.bind(1, *network_id);
    q.bind(2, *network_id);
  }
  while (q.executeStep()) out.push_back(read_header(q));
  return out;
}

std::optional<Proposal> load_proposal(Store& store, std::int64_t id) {
  SQLite::Database& db = store.db();
  auto header = proposal_header(store, id);
  if (!header) return std::nullopt;
  Proposal p;
  p.header = std::move(*header);
  SQLite::Statement json(db, "SELECT instance_json, result_json FROM proposals WHERE id = ?");
  json.bind(1, id);
  if (json.executeStep()) {
    p.instance_json = json.getColumn(0).getString();
    p.result_json = json.getColumn(1).getString();
  }
  SQLite::Statement ss(db,
                       "SELECT id, slot_id, venue_id, room, start_utc, start_offset, end_utc, "
                       "end_offset, sector, facilitator_id, event_id, theme, status, uid, "
                       "sequence, locked FROM sessions WHERE proposal_id = ? "
                       "ORDER BY start_utc, slot_id");
  ss.bind(1, id);
  std::map<std::int64_t, std::size_t> index;
  while (ss.executeStep()) {
    SessionRow s;
    s.id = ss.getColumn(0).getInt64();
    s.slot_id = ss.getColumn(1).getString();
    s.venue_id = ss.getColumn(2).getString();
    s.room = ss.getColumn(3).getString();
    s.start = LocalTime{ss.getColumn(4).getInt64(), ss.getColumn(5).getInt()};
    s.end = LocalTime{ss.getColumn(6).getInt64(), ss.getColumn(7).getInt()};
    s.sector = ss.getColumn(8).getString();
    s.facilitator_id = ss.getColumn(9).getString();
    if (!ss.getColumn(10).isNull()) s.event_id = ss.getColumn(10).getInt64();
    s.theme = ss.getColumn(11).getString();
    s.status = ss.getColumn(12).getString();
    s.uid = ss.getColumn(13).getString();
    s.sequence = ss.getColumn(14).getInt();
    s.locked = ss.getColumn(15).getInt() != 0;
    index[s.id] = p.sessions.size();
    p.sessions.push_back(std::move(s));
  }
  SQLite::Statement mm(db,
                       "SELECT sm.session_id, sm.member_id, sm.pinned FROM session_members sm "
                       "JOIN sessions s ON s.id = sm.session_id WHERE s.proposal_id = ? "
                       "ORDER BY sm.member_id");
  mm.bind(1, id);
  while (mm.executeStep()) {
    p.sessions[index.at(mm.getColumn(0).getInt64())].members.push_back(
        SessionMemberRow{mm.getColumn(1).getInt64(), mm.getColumn(2).getInt() != 0});
  }
  SQLite::Statement un(db,
                       "SELECT member_id, reason, detail FROM unplaced WHERE proposal_id = ? "
                       "ORDER BY member_id");
  un.bind(1, id);
  while (un.executeStep()) {
    p.unplaced.push_back(UnplacedRow{un.getColumn(0).getInt64(), un.getColumn(1).getString(),
                                     un.getColumn(2).getString()});
  }
  return p;
}

std::expected<int, ProposalError> pin_member(Store& store, std::int64_t proposal_id,
                                             std::int64_t member_id, std::int64_t session_id,
                                             std::optional<int> expected_revision) {
  SQLite::Database& db = store.db();
  SQLite::Transaction tx(db);
  auto header = editable(store, proposal_id, expected_revision);
  if (!header) return std::unexpected(header.error());
  const auto target = session_in_proposal(db, proposal_id, session_id);
  if (!target) return std::unexpected(target.error());
  SQLite::Statement mq(db, "SELECT network_id, COALESCE(sector, '') FROM members WHERE id = ?");
  mq.bind(1, member_id);
  if (!mq.executeStep() || mq.getColumn(0).getInt64() != header->network_id)
    return fail(Code::not_found, fmt::format("Lid {} hoort niet bij het netwerk van voorstel {}.",
                                             member_id, proposal_id));
  if (mq.getColumn(1).getString() != target->sector)
    return fail(Code::invalid,
                fmt::format("Lid {} is uit de sector '{}', tafel {} is voor '{}'.", member_id,
                            mq.getColumn(1).getString(), session_id, target->sector));
  const auto now = placement(db, proposal_id, member_id);
  if (now && now->first != session_id) {
    if (now->second)
      return fail(Code::not_editable,
                  fmt::format("Lid {} zit aan vergrendelde tafel {}; ontgrendel die eerst.",
                              member_id, now->first));
    SQLite::Statement del(db, "DELETE FROM session_members WHERE session_id = ? AND member_id = ?");
    del.bind(1, now->first);
    del.bind(2, member_id);
    del.exec();
  }
  if (now && now->first == session_id) {
    SQLite::Statement up(db,
                         "UPDATE session_members SET pinned = 1 WHERE session_id = ? AND "
                         "member_id = ?");
    up.bind(1, session_id);
    up.bind(2, member_id);
    up.exec();
  } else {
    SQLite::Statement ins(db,
                          "INSERT INTO session_members(session_id, member_id, pinned) "
                          "VALUES (?, ?, 1)");
    ins.bind(1, session_id);
    ins.bind(2, member_id);
    ins.exec();
  }
  SQLite::Statement un(db, "DELETE FROM unplaced WHERE proposal_id = ? AND member_id = ?");
  un.bind(1, proposal_id);
  un.bind(2, member_id);
  un.exec();
  bump_revision(db, proposal_id);
  tx.commit();
  return header->revision + 1;
}

std::expected<int, ProposalError> unpin_member(Store& store, std::int64_t proposal_id,
                                               std::int64_t member_id,
                                               std::optional<int> expected_revision) {
  SQLite::Database& db = store.db();
  SQLite::Transaction tx(db);
  auto header = editable(store, proposal_id, expected_revision);
  if (!header) return std::unexpected(header.error());
  const auto now = placement(db, proposal_id, member_id);
  if (!now)
    return fail(Code::not_found,
                fmt::format("Lid {} zit aan geen tafel van voorstel {}.", member_id, proposal_id));
  if (now->second)
    return fail(Code::not_editable,
                fmt::format("Tafel {} is vergrendeld: alle leden blijven vast. Ontgrendel de tafel "
                            "eerst.",
                            now->first));
  SQLite::Statement up(db,
                       "UPDATE session_members SET pinned = 0 WHERE session_id = ? AND member_id "
                       "= ?");
  up.bind(1, now->first);
  up.bind(2, member_id);
  up.exec();
  bump_revision(db, proposal_id);
  tx.commit();
  return header->revision + 1;
}

std::expected<int, ProposalError> set_session_locked(Store& store, std::int64_t proposal_id,
                                                     std::int64_t session_id, bool locked,
                                                     std::optional<int> expected_revision) {
  SQLite::Database& db = store.db();
  SQLite::Transaction tx(db);
  auto header = editable(store, proposal_id, expected_revision);
  if (!header) return std::unexpected(header.error());
  const auto facts = session_in_proposal(db, proposal_id, session_id);
  if (!facts) return std::unexpected(facts.error());
  SQLite::Statement up(db, "UPDATE sessions SET locked = ? WHERE id = ?");
  up.bind(1, locked ? 1 : 0);
  up.bind(2, session_id);
  up.exec();
  bump_revision(db, proposal_id);
  tx.commit();
  return header->revision + 1;
}

std::expected<ApprovalOutcome, ProposalError> approve_proposal(Store& store, std::int64_t id,
                                                               const std::string& approved_by) {
  SQLite::Transaction tx(store.db());
  auto out = approve_proposal_in_transaction(store.db(), id, approved_by);
  if (out) tx.commit();
  return out;
}

std::expected<ApprovalOutcome, ProposalError> approve_proposal_in_transaction(
    SQLite::Database& db, std::int64_t id, const std::string& approved_by) {
  SQLite::Statement q(db, "SELECT network_id, status FROM proposals WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return fail(Code::not_found, fmt::format("Voorstel {} bestaat niet.", id));
  const std::int64_t network = q.getColumn(0).getInt64();
  const std::string status = q.getColumn(1).getString();
  if (status != "proposed")
    return fail(Code::not_editable,
                fmt::format("Voorstel {} kan niet worden goedgekeurd: het is {}.", id,
                            status == "approved"     ? "al goedgekeurd"
                            : status == "superseded" ? "vervangen door een nieuwer voorstel"
                                                     : "afgewezen"));
  ApprovalOutcome out;
  SQLite::Statement others(db,
                           "SELECT id FROM proposals WHERE network_id = ? AND id <> ? AND status "
                           "IN ('proposed', 'approved') ORDER BY id");
  others.bind(1, network);
  others.bind(2, id);
  while (others.executeStep()) out.superseded.push_back(others.getColumn(0).getInt64());
  SQLite::Statement sup(db,
                        "UPDATE proposals SET status = 'superseded', revision = revision + 1 "
                        "WHERE network_id = ? AND id <> ? AND status IN ('proposed', 'approved')");
  sup.bind(1, network);
  sup.bind(2, id);
  sup.exec();
  SQLite::Statement ap(db,
                       "UPDATE proposals SET status = 'approved', approved_at = ?, approved_by = "
                       "?, revision = revision + 1 WHERE id = ?");
  ap.bind(1, now_utc_iso());
  ap.bind(2, approved_by);
  ap.bind(3, id);
  ap.exec();
  SQLite::Statement ss(db,
                       "UPDATE sessions SET status = 'approved' WHERE proposal_id = ? AND status "
                       "= 'proposed'");
  ss.bind(1, id);
  ss.exec();
  return out;
}

std::vector<BusySession> load_busy_sessions(Store& store, std::int64_t network_id, LocalTime from,
                                            LocalTime to) {
  std::vector<BusySession> out;
  SQLite::Database& db = store.db();
  SQLite::Statement q(db,
                      "SELECT s.id, p.id, n.name, s.venue_id, s.room, s.start_utc, s.start_offset, "
                      "s.end_utc, s.end_offset, s.facilitator_id FROM sessions s "
                      "JOIN proposals p ON p.id = s.proposal_id JOIN networks n ON n.id = "
                      "p.network_id WHERE p.network_id <> ? AND p.status IN ('proposed', "
                      "'approved') AND s.status <> 'cancelled' AND s.start_utc < ? AND "
                      "s.end_utc > ? ORDER BY s.start_utc, s.id");
  q.bind(1, network_id);
  q.bind(2, to.utc_seconds);
  q.bind(3, from.utc_seconds);
  while (q.executeStep()) {
    BusySession b;
    b.session_id = q.getColumn(0).getInt64();
    b.proposal_id = q.getColumn(1).getInt64();
    b.network = q.getColumn(2).getString();
    b.venue_id = q.getColumn(3).getString();
    b.room = q.getColumn(4).getString();
    b.start = LocalTime{q.getColumn(5).getInt64(), q.getColumn(6).getInt()};
    b.end = LocalTime{q.getColumn(7).getInt64(), q.getColumn(8).getInt()};
    b.facilitator_id = q.getColumn(9).getString();
    out.push_back(std::move(b));
  }
  SQLite::Statement m(db,
                      "SELECT m.email_key, m.mobile FROM session_members sm JOIN members m ON "
                      "m.id = sm.member_id WHERE sm.session_id = ?");
  for (BusySession& b : out) {
    m.reset();
    m.bind(1, b.session_id);
    while (m.executeStep()) {
      if (!m.getColumn(0).isNull()) b.email_keys.push_back(m.getColumn(0).getString());
      if (!m.getColumn(1).isNull()) b.mobiles.push_back(m.getColumn(1).getString());
    }
  }
  return out;
}

std::optional<MemberContact> member_contact(Store& store, std::int64_t member_id) {
  SQLite::Statement q(store.db(), "SELECT email_key, mobile FROM members WHERE id = ?");
  q.bind(1, member_id);
  if (!q.executeStep()) return std::nullopt;
  return MemberContact{opt_text(q.getColumn(0)), opt_text(q.getColumn(1))};
}

}  // namespace tafel
