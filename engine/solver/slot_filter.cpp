#include "engine/solver/slot_filter.hpp"

namespace tafel::solver {

namespace {
// Seconds since local midnight (0..86399).
std::int64_t local_second_of_day(LocalTime t) {
  const std::int64_t s = t.local_seconds() % 86400;
  return s < 0 ? s + 86400 : s;
}
}  // namespace

std::optional<SlotRejection> reject_reason(const Rules& rules, const Slot& slot) {
  if (slot.time.start.local_date() != slot.time.end.local_date()) return SlotRejection::spans_days;
  const std::int64_t minutes = minutes_between(slot.time.start, slot.time.end);
  if (minutes < rules.duration_min) return SlotRejection::too_short;
  if (minutes > rules.duration_max) return SlotRejection::too_long;
  if (slot.capacity < rules.min_group) return SlotRejection::capacity_below_min_group;
  const bool morning = local_second_of_day(slot.time.end) <= rules.morning_end_min * 60LL;
  const bool evening = local_second_of_day(slot.time.start) >= rules.evening_start_min * 60LL;
  if (!morning && !evening) return SlotRejection::not_at_day_edge;
  return std::nullopt;
}

std::vector<RejectedSlot> rejected_slots(const Instance& inst) {
  std::vector<RejectedSlot> out;
  for (std::size_t i = 0; i < inst.slots.size(); ++i) {
    if (auto r = reject_reason(inst.rules, inst.slots[i])) {
      out.push_back(RejectedSlot{static_cast<int>(i), *r});
    }
  }
  return out;
}

bool rooms_clash(const Slot& a, const Slot& b) {
  return a.venue == b.venue && a.room == b.room && a.time.start < b.time.end &&
         b.time.start < a.time.end;
}

}  // namespace tafel::solver
