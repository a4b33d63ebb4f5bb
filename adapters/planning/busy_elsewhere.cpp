#include "adapters/planning/busy_elsewhere.hpp"

#include "adapters/planning/plan_report.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tafel {

namespace {

constexpr std::int64_t kMinute = 60;

// `list` minus the open interval (cut_start, cut_end); true when anything changed.
bool cut(std::vector<solver::Interval>& list, LocalTime cut_start, LocalTime cut_end) {
  std::vector<solver::Interval> out;
  bool changed = false;
  for (const solver::Interval& i : list) {
    if (i.end <= cut_start || i.start >= cut_end) {
      out.push_back(i);
      continue;
    }
    changed = true;
    if (i.start < cut_start) out.push_back(solver::Interval{i.start, cut_start});
    if (cut_end < i.end) out.push_back(solver::Interval{cut_end, i.end});
  }
  list = std::move(out);
  return changed;
}

LocalTime shifted(LocalTime t, std::int64_t seconds) {
  return LocalTime{t.utc_seconds + seconds, t.offset_seconds};
}

}  // namespace

BusyEffects take_busy_staff_and_rooms(solver::Instance& inst, planning::SlotPlan& plan,
                                      const std::vector<BusySession>& busy) {
  BusyEffects fx;
  const std::int64_t gap = static_cast<std::int64_t>(inst.rules.staff_gap_min) * kMinute;
  for (const BusySession& b : busy) {
    for (solver::Staff& s : inst.staff) {
      if (s.id != b.facilitator_id) continue;
      if (cut(s.availability, shifted(b.start, -gap), shifted(b.end, gap))) ++fx.staff_windows_cut;
    }
  }
  auto taken = [&](const solver::Slot& s) {
    const std::string& venue = inst.venues[static_cast<std::size_t>(s.venue)].id;
    return std::any_of(busy.begin(), busy.end(), [&](const BusySession& b) {
      return b.venue_id == venue && b.room == s.room && s.time.start < b.end &&
             b.start < s.time.end;
    });
  };
  std::vector<solver::Slot> kept;
  std::vector<planning::CandidateSlot> kept_plan;
  for (std::size_t i = 0; i < inst.slots.size(); ++i) {
    if (taken(inst.slots[i])) {
      ++fx.slots_removed;
      continue;
    }
    kept.push_back(std::move(inst.slots[i]));
    if (i < plan.slots.size()) kept_plan.push_back(std::move(plan.slots[i]));
  }
  inst.slots = std::move(kept);
  plan.slots = std::move(kept_plan);
  return fx;
}

std::optional<std::string> busy_person(const std::vector<BusySession>& busy,
                                       const std::optional<MemberContact>& contact) {
  if (!contact) return std::nullopt;
  for (const BusySession& b : busy) {
    const bool email = contact->email_key && std::find(b.email_keys.begin(), b.email_keys.end(),
                                                       *contact->email_key) != b.email_keys.end();
    const bool mobile = contact->mobile && std::find(b.mobiles.begin(), b.mobiles.end(),
                                                     *contact->mobile) != b.mobiles.end();
    if (!email && !mobile) continue;
    const int m = b.start.local_minute_of_day();
    return fmt::format("Zit al aan een tafel van {} op {} om {:02}:{:02} (voorstel {}).", b.network,
                       dutch_day(b.start.local_date()), m / 60, m % 60, b.proposal_id);
  }
  return std::nullopt;
}

}  // namespace tafel
