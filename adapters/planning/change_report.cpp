#include "adapters/planning/change_report.hpp"

#include "adapters/planning/plan_report.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tafel {

std::string format_changes(const Config& config, const PlanOutcome& outcome,
                           std::int64_t previous_number) {
  const solver::Instance& inst = outcome.built.instance;
  const solver::Changes& c = outcome.result.changes;
  auto moment = [&](int slot) {
    const solver::Slot& s = inst.slots[static_cast<std::size_t>(slot)];
    return describe_moment(config, inst.venues[static_cast<std::size_t>(s.venue)].id, s.room,
                           s.time.start, s.time.end);
  };
  auto name = [&](int p) {
    const std::string& id = inst.participants[static_cast<std::size_t>(p)].id;
    auto it = outcome.built.participant_names.find(id);
    return it != outcome.built.participant_names.end() ? it->second : id;
  };
  auto sorted = [&](std::vector<solver::Changes::Move> list) {
    std::sort(list.begin(), list.end(), [&](const auto& a, const auto& b) {
      return name(a.participant) < name(b.participant);
    });
    return list;
  };

  std::string out = fmt::format(
      "Wijzigingen ten opzichte van voorstel {}: {} op dezelfde plek, {} verplaatst, {} erbij, "
      "{} niet meer geplaatst\n",
      previous_number, c.kept, c.moved.size(), c.added.size(), c.removed.size());
  for (const auto& m : sorted(c.moved))
    out += fmt::format("    verplaatst: {}: {} → {}\n", name(m.participant), moment(m.from_slot),
                       moment(m.to_slot));
  for (const auto& m : sorted(c.added))
    out += fmt::format("    erbij: {}: {}\n", name(m.participant), moment(m.to_slot));
  for (const auto& m : sorted(c.removed))
    out += fmt::format("    niet meer geplaatst: {} (was {})\n", name(m.participant),
                       moment(m.from_slot));
  for (const std::string& w : outcome.warnings) out += fmt::format("    let op: {}\n", w);
  return out;
}

}  // namespace tafel
