#include "engine/solver/changes.hpp"

namespace tafel::solver {

Changes diff_against_previous(const Instance& inst, const std::vector<Session>& sessions) {
  const std::size_t n = inst.participants.size();
  std::vector<int> before(n, -1), after(n, -1);
  for (const PreviousSession& s : inst.previous) {
    for (int p : s.participants) before[static_cast<std::size_t>(p)] = s.slot;
  }
  for (const Session& s : sessions) {
    for (int p : s.participants) after[static_cast<std::size_t>(p)] = s.slot;
  }
  Changes c;
  if (inst.previous.empty()) return c;
  for (std::size_t i = 0; i < n; ++i) {
    const Changes::Move mv{static_cast<int>(i), before[i], after[i]};
    if (before[i] < 0 && after[i] < 0) continue;
    if (before[i] == after[i]) {
      ++c.kept;
    } else if (before[i] < 0) {
      c.added.push_back(mv);
    } else if (after[i] < 0) {
      c.removed.push_back(mv);
    } else {
      c.moved.push_back(mv);
    }
  }
  return c;
}

}  // namespace tafel::solver
