#include "adapters/planning/proposal_record.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace tafel {

namespace {

std::int64_t number_after_prefix(const std::string& id, char prefix) {
  if (id.size() < 2 || id[0] != prefix) return 0;
  std::int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(id.data() + 1, id.data() + id.size(), v);
  return ec == std::errc() && ptr == id.data() + id.size() ? v : 0;
}

}  // namespace

std::int64_t member_id_of(const std::string& participant_id) {
  return number_after_prefix(participant_id, 'm');
}

Proposal proposal_from_outcome(const PlanOutcome& outcome, const PlanningRequest& request,
                               const ProposalSettings& settings) {
  const solver::Instance& inst = outcome.built.instance;
  Proposal p;
  ProposalHeader& h = p.header;
  h.network_id = request.network_id;
  h.period_from = format_date(request.from);
  h.period_to = format_date(request.to);
  if (settings.previous) h.previous_id = settings.previous->header.id;
  h.seed = settings.seed;
  h.time_limit_ms = settings.time_limit_ms;
  h.elapsed_ms = outcome.elapsed_ms;
  h.stopped_by_deadline = outcome.result.stats.stopped_by_deadline;
  h.score = outcome.result.score;
  h.bound = outcome.result.bound;
  h.theme = settings.theme;
  p.instance_json = outcome.instance_json;
  p.result_json = outcome.result_json;

  std::set<std::string> locked_slots;
  if (settings.previous)
    for (const SessionRow& s : settings.previous->sessions)
      if (s.locked) locked_slots.insert(s.slot_id);

  for (const solver::Session& session : outcome.result.sessions) {
    const solver::Slot& slot = inst.slots[static_cast<std::size_t>(session.slot)];
    SessionRow row;
    row.slot_id = slot.id;
    row.venue_id = inst.venues[static_cast<std::size_t>(slot.venue)].id;
    row.room = slot.room;
    row.start = slot.time.start;
    row.end = slot.time.end;
    row.sector = inst.sector_names[static_cast<std::size_t>(session.sector)];
    row.facilitator_id = inst.staff[static_cast<std::size_t>(session.facilitator)].id;
    if (slot.event >= 0) {
      const std::int64_t event =
          number_after_prefix(inst.events[static_cast<std::size_t>(slot.event)].id, 'e');
      if (event > 0) row.event_id = event;
    }
    row.theme = settings.theme;
    row.locked = locked_slots.contains(slot.id);
    for (int q : session.participants) {
      const solver::Participant& part = inst.participants[static_cast<std::size_t>(q)];
      row.members.push_back(
          SessionMemberRow{member_id_of(part.id), part.pinned_slot == session.slot});
    }
    std::sort(row.members.begin(), row.members.end(),
              [](const auto& a, const auto& b) { return a.member_id < b.member_id; });
    p.sessions.push_back(std::move(row));
  }
  std::sort(p.sessions.begin(), p.sessions.end(), [](const SessionRow& a, const SessionRow& b) {
    return a.start != b.start ? a.start < b.start : a.slot_id < b.slot_id;
  });

  for (const solver::Unplaced& u : outcome.result.unplaced) {
    const auto& part = inst.participants[static_cast<std::size_t>(u.participant)];
    p.unplaced.push_back(
        UnplacedRow{member_id_of(part.id), std::string(solver::to_string(u.reason)), u.detail});
  }
  for (const ExcludedMember& e : outcome.built.busy.excluded)
    p.unplaced.push_back(UnplacedRow{e.member_id, "busy_elsewhere", e.detail});
  std::sort(p.unplaced.begin(), p.unplaced.end(),
            [](const UnplacedRow& a, const UnplacedRow& b) { return a.member_id < b.member_id; });
  return p;
}

}  // namespace tafel
