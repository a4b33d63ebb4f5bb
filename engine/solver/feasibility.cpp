#include "engine/solver/feasibility.hpp"

#include "engine/solver/assignment_flow.hpp"
#include "engine/solver/slot_filter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace tafel::solver {

namespace {
std::size_t ix(int i) { return static_cast<std::size_t>(i); }

std::string join_ids(const Instance& inst, const std::vector<int>& ps) {
  std::string out;
  for (int p : ps) {
    if (!out.empty()) out += ", ";
    out += inst.participants[ix(p)].id;
  }
  return out;
}

std::string what(const ForcedSession& f) {
  return f.pins.empty() ? "fixed session" : "fixed/pinned session";
}
}  // namespace

std::vector<ForcedSession> forced_sessions(const Instance& inst) {
  std::map<int, ForcedSession> by_slot;
  for (const FixedSession& f : inst.fixed_sessions) {
    ForcedSession& x = by_slot[f.slot];
    x.slot = f.slot;
    if (x.sector < 0) x.sector = f.sector;
    if (x.facilitator < 0) x.facilitator = f.facilitator;
  }
  for (std::size_t p = 0; p < inst.participants.size(); ++p) {
    const Participant& part = inst.participants[p];
    if (part.pinned_slot < 0) continue;
    ForcedSession& x = by_slot[part.pinned_slot];
    x.slot = part.pinned_slot;
    if (x.sector < 0) x.sector = part.sector;
    x.pins.push_back(static_cast<int>(p));
  }
  std::vector<ForcedSession> out;
  for (auto& [slot, f] : by_slot) out.push_back(std::move(f));
  return out;
}

std::vector<std::string> check_forced(const Model& m) {
  const Instance& inst = m.inst();
  std::vector<std::string> msgs;
  auto slot_id = [&](int s) { return inst.slots[ix(s)].id; };
  auto sector = [&](int k) { return inst.sector_names[ix(k)]; };

  // Duplicate fixed sessions on one slot.
  std::map<int, std::vector<const FixedSession*>> fixed_by_slot;
  for (const FixedSession& f : inst.fixed_sessions) fixed_by_slot[f.slot].push_back(&f);
  for (auto& [s, list] : fixed_by_slot) {
    if (list.size() > 1) {
      msgs.push_back(fmt::format("slot '{}' has {} fixed sessions; a slot hosts at most one",
                                 slot_id(s), list.size()));
    }
  }

  const std::vector<ForcedSession> forced = forced_sessions(inst);
  for (const ForcedSession& f : forced) {
    const Slot& slot = inst.slots[ix(f.slot)];
    const std::string pins = join_ids(inst, f.pins);
    const std::string who = f.pins.empty() ? "fixed session" : fmt::format("pinned: {}", pins);
    if (auto r = reject_reason(inst.rules, slot)) {
      msgs.push_back(
          fmt::format("slot '{}' ({}) cannot host a session: {}", slot.id, who, to_string(*r)));
      continue;
    }
    // Sectors: fixed sector and every pin's sector must agree and be allowed.
    std::set<int> sectors;
    if (fixed_by_slot.contains(f.slot)) sectors.insert(f.sector);
    for (int p : f.pins) sectors.insert(inst.participants[ix(p)].sector);
    if (sectors.size() > 1) {
      std::string list;
      for (int p : f.pins) {
        list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", inst.participants[ix(p)].id,
                            sector(inst.participants[ix(p)].sector));
      }
      if (fixed_by_slot.contains(f.slot)) {
        msgs.push_back(
            fmt::format("participants pinned to slot '{}' differ in sector from its "
                        "fixed session ({}): {}",
                        slot.id, sector(f.sector), list));
      } else {
        msgs.push_back(fmt::format("participants pinned to slot '{}' have different sectors: {}",
                                   slot.id, list));
      }
    }
    for (int k : sectors) {
      if (!inst.slot_allows(f.slot, k)) {
        msgs.push_back(
            fmt::format("slot '{}' ({}) does not allow sector '{}'", slot.id, who, sector(k)));
      }
    }
    if (static_cast<int>(f.pins.size()) > m.seats(f.slot)) {
      msgs.push_back(fmt::format("slot '{}' has {} pinned participants ({}) but only {} seats",
                                 slot.id, f.pins.size(), pins, m.seats(f.slot)));
    }
    std::map<int, std::vector<int>> by_company;
    for (int p : f.pins) {
      if (inst.participants[ix(p)].company >= 0) {
        by_company[inst.participants[ix(p)].company].push_back(p);
      }
    }
    for (auto& [c, list] : by_company) {
      if (list.size() > 1) {
        msgs.push_back(fmt::format("participants {} of company '{}' are all pinned to slot '{}'",
                                   join_ids(inst, list), inst.company_names[ix(c)], slot.id));
      }
    }
    // Reachable group size: pins plus eligible others of distinct, new companies.
    std::set<int> companies;
    int reach = static_cast<int>(f.pins.size());
    for (int p : f.pins) companies.insert(inst.participants[ix(p)].company);
    for (const Candidate& c : m.candidates(f.slot)) {
      const Participant& part = inst.participants[ix(c.participant)];
      if (part.pinned_slot >= 0 || part.sector != f.sector) continue;
      if (part.company < 0) {
        ++reach;
      } else if (companies.insert(part.company).second) {
        ++reach;
      }
    }
    companies.erase(-1);
    if (reach < inst.rules.min_group) {
      msgs.push_back(
          fmt::format("{} at slot '{}' ({}) can reach at most {} of the {} participants it needs",
                      what(f), slot.id, sector(f.sector), reach, inst.rules.min_group));
    }
    if (m.coverers(f.slot).empty()) {
      msgs.push_back(
          fmt::format("no facilitator is available for the whole of slot '{}' ({})", slot.id, who));
    }
    if (f.facilitator >= 0) {
      const auto& cov = m.coverers(f.slot);
      if (std::find(cov.begin(), cov.end(), f.facilitator) == cov.end()) {
        msgs.push_back(
            fmt::format("facilitator '{}' named for slot '{}' is not available for "
                        "the whole slot",
                        inst.staff[ix(f.facilitator)].id, slot.id));
      }
    }
  }

  // Room overlaps and named facilitators booked twice.
  for (std::size_t i = 0; i < forced.size(); ++i) {
    for (std::size_t j = i + 1; j < forced.size(); ++j) {
      const Slot& a = inst.slots[ix(forced[i].slot)];
      const Slot& b = inst.slots[ix(forced[j].slot)];
      if (rooms_clash(a, b)) {
        msgs.push_back(
            fmt::format("fixed or pinned slots '{}' and '{}' overlap in room '{}' of venue '{}'",
                        a.id, b.id, a.room, inst.venues[ix(a.venue)].id));
      }
      if (forced[i].facilitator >= 0 && forced[i].facilitator == forced[j].facilitator &&
          m.staff_clash(forced[i].slot, forced[j].slot)) {
        msgs.push_back(fmt::format(
            "facilitator '{}' is named for slots '{}' and '{}', which overlap or lie less than "
            "{} minutes apart",
            inst.staff[ix(forced[i].facilitator)].id, a.id, b.id, inst.rules.staff_gap_min));
      }
    }
  }
  return msgs;
}

namespace {
// Depth-first facilitator choice for the forced sessions; bounded effort.
bool assign_staff(State& st, const std::vector<ForcedSession>& forced, std::size_t i,
                  std::vector<int>& chosen, long& budget) {
  if (i == forced.size()) return true;
  if (--budget < 0) return false;
  const ForcedSession& f = forced[i];
  std::vector<int> options;
  if (f.facilitator >= 0) {
    options.push_back(f.facilitator);
  } else {
    options = st.model().coverers(f.slot);
  }
  for (int g : options) {
    bool ok = true;
    for (std::size_t j = 0; j < i && ok; ++j) {
      if (chosen[j] == g && st.model().staff_clash(forced[j].slot, f.slot)) ok = false;
    }
    if (!ok) continue;
    chosen[i] = g;
    if (assign_staff(st, forced, i + 1, chosen, budget)) return true;
  }
  return false;
}
}  // namespace

std::vector<std::string> open_forced(State& state, const std::vector<ForcedSession>& forced) {
  if (forced.empty()) return {};
  const Instance& inst = state.model().inst();
  std::string slots;
  for (const ForcedSession& f : forced) {
    slots += fmt::format("{}'{}'", slots.empty() ? "" : ", ", inst.slots[ix(f.slot)].id);
  }
  std::vector<int> chosen(forced.size(), -1);
  long budget = 200000;
  if (!assign_staff(state, forced, 0, chosen, budget)) {
    return {fmt::format("no choice of facilitators covers the fixed and pinned slots {} at once",
                        slots)};
  }
  for (std::size_t i = 0; i < forced.size(); ++i) {
    state.open(forced[i].slot, forced[i].sector, chosen[i], true, forced[i].facilitator >= 0);
  }
  if (optimise_assignment(state) == FlowOutcome::infeasible) {
    return {
        fmt::format("the fixed and pinned sessions at slots {} cannot all reach {} "
                    "participants at once",
                    slots, inst.rules.min_group)};
  }
  return {};
}

}  // namespace tafel::solver
