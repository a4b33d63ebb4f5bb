#include "engine/solver/insertion.hpp"

namespace tafel::solver {

std::vector<InsertionOption> insertion_options(const Model& m, const std::vector<Session>& sessions,
                                               int participant, std::size_t limit) {
  const Instance& inst = m.inst();
  const Participant& part = inst.participants[static_cast<std::size_t>(participant)];
  std::vector<const Session*> at(static_cast<std::size_t>(m.slot_count()), nullptr);
  for (const Session& s : sessions) at[static_cast<std::size_t>(s.slot)] = &s;
  std::vector<InsertionOption> out;
  for (const Option& o : m.options(participant)) {  // best value first
    const Session* s = at[static_cast<std::size_t>(o.slot)];
    if (!s || s->sector != part.sector) continue;
    if (static_cast<int>(s->participants.size()) >= m.seats(o.slot)) continue;
    bool colleague = false;
    for (int q : s->participants) {
      colleague |= part.company >= 0 &&
                   inst.participants[static_cast<std::size_t>(q)].company == part.company;
    }
    if (colleague) continue;
    out.push_back(InsertionOption{o.slot, o.value});
    if (out.size() >= limit) break;
  }
  return out;
}

}  // namespace tafel::solver
