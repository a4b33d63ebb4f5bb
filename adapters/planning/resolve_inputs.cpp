#include "adapters/planning/resolve_inputs.hpp"

#include <fmt/format.h>

#include <map>

namespace tafel {

namespace {

template <typename T>
std::map<std::string, int> index_by_id(const std::vector<T>& list) {
  std::map<std::string, int> out;
  for (std::size_t i = 0; i < list.size(); ++i) out[list[i].id] = static_cast<int>(i);
  return out;
}

int find_or(const std::map<std::string, int>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? -1 : it->second;
}

}  // namespace

std::vector<std::string> apply_previous_proposal(BuiltInstance& built, const Proposal& previous) {
  solver::Instance& inst = built.instance;
  const auto slots = index_by_id(inst.slots);
  const auto staff = index_by_id(inst.staff);
  const auto people = index_by_id(inst.participants);
  std::vector<std::string> warnings;
  auto name_of = [&](const std::string& pid) {
    auto it = built.participant_names.find(pid);
    return it != built.participant_names.end() ? it->second : pid;
  };

  for (const SessionRow& s : previous.sessions) {
    const int slot = find_or(slots, s.slot_id);
    if (slot < 0) {
      warnings.push_back(fmt::format("Tafel {} ({}) is geen kandidaat-moment meer; {} vervalt.",
                                     s.id, s.slot_id,
                                     s.locked ? "de vergrendeling en de vastgezette deelnemers"
                                              : "de vastgezette deelnemers"));
      continue;
    }
    const int sector = inst.intern_sector(s.sector);
    const int facilitator = find_or(staff, s.facilitator_id);
    solver::PreviousSession prev{slot, sector, facilitator, {}};
    if (s.locked) {
      if (facilitator < 0)
        warnings.push_back(fmt::format(
            "Facilitator {} van vergrendelde tafel {} is niet meer beschikbaar; de tafel blijft "
            "vast met een andere facilitator.",
            s.facilitator_id, s.id));
      inst.fixed_sessions.push_back(solver::FixedSession{slot, sector, facilitator});
    }
    for (const SessionMemberRow& m : s.members) {
      const std::string pid = fmt::format("m{}", m.member_id);
      const int p = find_or(people, pid);
      if (p < 0) {
        if (m.pinned || s.locked)
          warnings.push_back(
              fmt::format("{} wordt niet meer ingepland en kan niet vast blijven "
                          "aan tafel {}.",
                          name_of(pid), s.id));
        continue;
      }
      prev.participants.push_back(p);
      if (m.pinned || s.locked) inst.participants[static_cast<std::size_t>(p)].pinned_slot = slot;
    }
    inst.previous.push_back(std::move(prev));
  }
  return warnings;
}

}  // namespace tafel
