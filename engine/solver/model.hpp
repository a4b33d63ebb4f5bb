#pragma once
// Precomputed facts the search needs: usable slots, their seat limits, room and staff
// conflicts, and per participant the slots they may join with the objective value of doing so.
// A Model refers to its Instance, which must outlive it. Read-only after construction, so one
// Model may be shared by threads.

#include "engine/solver/instance.hpp"

#include <vector>

namespace tafel::solver {

struct Option {
  int slot = -1;
  double value = 0.0;  // placed + at_event + stability - per_km * km
};

struct Candidate {
  int participant = -1;
  double value = 0.0;
};

class Model {
 public:
  explicit Model(const Instance& inst);

  const Instance& inst() const { return *inst_; }
  int slot_count() const { return static_cast<int>(usable_.size()); }
  int participant_count() const { return static_cast<int>(options_.size()); }

  // Passes hard rule 1.
  bool usable(int s) const { return usable_[static_cast<std::size_t>(s)] != 0; }
  // min(max_group, capacity).
  int seats(int s) const { return seats_[static_cast<std::size_t>(s)]; }
  // Usable slots in the same room that overlap `s`.
  const std::vector<int>& room_conflicts(int s) const { return room_conflicts_[idx(s)]; }
  // Staff whose availability wholly covers `s` (usable slots only).
  const std::vector<int>& coverers(int s) const { return coverers_[idx(s)]; }
  // True when one facilitator cannot run both slots (overlap or gap below staff_gap_min).
  bool staff_clash(int a, int b) const;

  // Slots participant `p` may join (hard rules 1, 2's sector, 4 and 7), best value first.
  // A pinned participant has exactly their pinned slot (when it is usable and allows them).
  const std::vector<Option>& options(int p) const { return options_[idx(p)]; }
  // Participants who may join slot `s` (any sector), best value first.
  const std::vector<Candidate>& candidates(int s) const { return candidates_[idx(s)]; }
  // Objective contribution of `p` in slot `s`, ignoring eligibility.
  double value(int p, int s) const;
  // The slot `p` sat in in the previous result, or -1.
  int previous_slot(int p) const { return previous_slot_[idx(p)]; }
  // Distance from `p` to slot `s`'s venue, 0 without a location.
  double km(int p, int s) const;
  // Travel limit and availability test of rule 4 (without pins' waiver).
  bool in_availability(int p, int s) const;
  bool within_travel(int p, int s) const;

 private:
  static std::size_t idx(int i) { return static_cast<std::size_t>(i); }

  const Instance* inst_;
  std::vector<char> usable_;
  std::vector<int> seats_;
  std::vector<std::vector<int>> room_conflicts_;
  std::vector<std::vector<int>> coverers_;
  std::vector<std::vector<Option>> options_;
  std::vector<std::vector<Candidate>> candidates_;
  std::vector<int> previous_slot_;
};

}  // namespace tafel::solver
