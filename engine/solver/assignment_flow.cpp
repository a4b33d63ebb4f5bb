#include "engine/solver/assignment_flow.hpp"

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <cmath>
#include <unordered_map>
#include <vector>

namespace tafel::solver {

FlowOutcome optimise_assignment(State& state) {
  using Graph = lemon::SmartDigraph;
  const Model& m = state.model();
  const Instance& inst = m.inst();
  Graph g;
  Graph::ArcMap<long long> lower(g), upper(g), cost(g);
  Graph::NodeMap<long long> supply(g);
  const Graph::Node src = g.addNode();
  const Graph::Node sink = g.addNode();

  std::unordered_map<int, Graph::Node> session_node;
  for (int s : state.open_slots()) {
    const Graph::Node n = g.addNode();
    session_node.emplace(s, n);
    const Graph::Arc a = g.addArc(n, sink);
    lower[a] = inst.rules.min_group;
    upper[a] = m.seats(s);
    cost[a] = 0;
  }

  struct Choice {
    int participant;
    int slot;
    Graph::Arc arc;
  };
  std::vector<Choice> choices;
  std::unordered_map<long long, Graph::Node> company_node;  // key: company * slots + slot
  long long total = 0;
  auto add_arc = [&](Graph::Node a, Graph::Node b, long long lo, long long up, long long c) {
    const Graph::Arc arc = g.addArc(a, b);
    lower[arc] = lo;
    upper[arc] = up;
    cost[arc] = c;
    return arc;
  };
  // Only companies with two or more participants need the (company, session) gate.
  std::unordered_map<int, int> company_size;
  for (int p = 0; p < m.participant_count(); ++p) {
    if (m.company(p) >= 0) ++company_size[m.company(p)];
  }
  for (int p = 0; p < m.participant_count(); ++p) {
    const Participant& part = inst.participants[static_cast<std::size_t>(p)];
    const bool pin = part.pinned_slot >= 0;
    Graph::Node pn = lemon::INVALID;
    for (const Option& o : m.options(p)) {
      auto it = session_node.find(o.slot);
      if (it == session_node.end() || state.session(o.slot).sector != part.sector) continue;
      if (pn == lemon::INVALID) {
        pn = g.addNode();
        add_arc(src, pn, pin ? 1 : 0, 1, 0);
        if (!pin) add_arc(pn, sink, 0, 1, 0);
        ++total;
      }
      Graph::Node target = it->second;
      if (part.company >= 0 && company_size[part.company] > 1) {
        const long long key = static_cast<long long>(part.company) * m.slot_count() + o.slot;
        auto cit = company_node.find(key);
        if (cit == company_node.end()) {
          const Graph::Node cn = g.addNode();
          add_arc(cn, it->second, 0, 1, 0);
          cit = company_node.emplace(key, cn).first;
        }
        target = cit->second;
      }
      const long long c = -std::llround(o.value * 1000.0);
      choices.push_back(Choice{p, o.slot, add_arc(pn, target, 0, 1, c)});
    }
    if (pin && pn == lemon::INVALID) return FlowOutcome::infeasible;
  }
  supply[src] = total;
  supply[sink] = -total;

  lemon::NetworkSimplex<Graph, long long, long long> ns(g);
  ns.lowerMap(lower).upperMap(upper).costMap(cost).supplyMap(supply);
  if (ns.run() != lemon::NetworkSimplex<Graph, long long, long long>::OPTIMAL) {
    return FlowOutcome::infeasible;
  }

  std::vector<int> target(static_cast<std::size_t>(m.participant_count()), -1);
  for (const Choice& c : choices) {
    if (ns.flow(c.arc) > 0) target[static_cast<std::size_t>(c.participant)] = c.slot;
  }
  const double before = state.score();
  const std::size_t mark = state.mark();
  for (int p = 0; p < m.participant_count(); ++p) {
    if (state.where(p) >= 0 && state.where(p) != target[static_cast<std::size_t>(p)]) {
      state.remove(p);
    }
  }
  for (int p = 0; p < m.participant_count(); ++p) {
    const int t = target[static_cast<std::size_t>(p)];
    if (t >= 0 && state.where(p) != t) state.add(p, t);
  }
  if (state.score() > before + 1e-6) return FlowOutcome::improved;
  // Equal or worse only by rounding: keep the old assignment unless it broke a lower bound.
  bool old_valid = true;
  state.rollback(mark);
  for (int s : state.open_slots()) {
    if (state.size(s) < inst.rules.min_group) old_valid = false;
  }
  if (old_valid) return FlowOutcome::unchanged;
  // Reapply: the old state was incomplete (forced sessions being filled).
  for (int p = 0; p < m.participant_count(); ++p) {
    if (state.where(p) >= 0 && state.where(p) != target[static_cast<std::size_t>(p)]) {
      state.remove(p);
    }
  }
  for (int p = 0; p < m.participant_count(); ++p) {
    const int t = target[static_cast<std::size_t>(p)];
    if (t >= 0 && state.where(p) != t) state.add(p, t);
  }
  return FlowOutcome::improved;
}

}  // namespace tafel::solver
