#include "engine/solver/score.hpp"

#include <algorithm>

namespace tafel::solver {

double compute_score(const Model& m, const std::vector<Session>& sessions) {
  double score = 0.0;
  for (const Session& s : sessions) {
    score -= m.inst().weights.per_session;
    for (int p : s.participants) score += m.value(p, s.slot);
  }
  return score;
}

bool enough_peers(const Model& m, int s, int sector) { return m.enough_peers(s, sector); }

double upper_bound(const Model& m) {
  const Instance& inst = m.inst();
  const double per_session = inst.weights.per_session;
  double bound = 0.0;
  for (int p = 0; p < m.participant_count(); ++p) {
    const Participant& part = inst.participants[static_cast<std::size_t>(p)];
    double best = part.pinned_slot >= 0 ? -1e300 : 0.0;
    for (const Option& o : m.options(p)) {
      if (m.coverers(o.slot).empty() || !enough_peers(m, o.slot, part.sector)) continue;
      const int share = per_session >= 0 ? m.seats(o.slot) : inst.rules.min_group;
      best = std::max(best, o.value - per_session / share);
    }
    if (best > -1e299) bound += best;
  }
  return bound;
}

}  // namespace tafel::solver
