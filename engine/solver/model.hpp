#pragma once
// Precomputed facts the search needs: usable slots, their seat limits, room and staff
// conflicts, and per participant the slots they may join with the objective value of doing so.
// A Model refers to its Instance, which must outlive it. Read-only after construction, so one
// Model may be shared by threads.
//
// Construction is output-sensitive: no participants x slots or slots x staff scan. Venues are
// found through a latitude-sorted index (travel limit), slots through per-venue start-time
// indices (availability), facilitators through per-day buckets of their availability. Memory
// is O(participants + slots + eligible (participant, slot) pairs).

#include "engine/solver/instance.hpp"

#include <span>
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
  // `coverers`, when given, replaces the computed staff cover per slot (one list per slot of
  // `inst`, ascending staff indices, each of whom must wholly cover the slot); decomposition uses
  // it to hand each facilitator's time to one component.
  explicit Model(const Instance& inst, const std::vector<std::vector<int>>* coverers = nullptr);

  const Instance& inst() const { return *inst_; }
  int slot_count() const { return static_cast<int>(usable_.size()); }
  int participant_count() const { return static_cast<int>(options_.size()); }
  int sector_count() const { return sectors_; }

  // Compact copies of participant fields, for hot loops.
  bool pinned(int p) const { return pinned_[idx(p)] != 0; }
  int company(int p) const { return company_[idx(p)]; }

  // Passes hard rule 1.
  bool usable(int s) const { return usable_[static_cast<std::size_t>(s)] != 0; }
  // min(max_group, capacity).
  int seats(int s) const { return seats_[static_cast<std::size_t>(s)]; }
  // Usable slots in the same room that overlap `s`.
  const std::vector<int>& room_conflicts(int s) const { return room_conflicts_[idx(s)]; }
  // Staff whose availability wholly covers `s` (usable slots only), ascending.
  const std::vector<int>& coverers(int s) const { return coverers_[idx(s)]; }
  // True when one facilitator cannot run both slots (overlap or gap below staff_gap_min).
  bool staff_clash(int a, int b) const;

  // Slots participant `p` may join (hard rules 1, 2's sector, 4 and 7), best value first
  // (ties: lower slot index first). A pinned participant has exactly their pinned slot (when
  // it is usable and allows them).
  const std::vector<Option>& options(int p) const { return options_[idx(p)]; }
  // Participants who may join slot `s`, grouped by sector (ascending), best value first within
  // a sector (ties: lower participant index first).
  const std::vector<Candidate>& candidates(int s) const { return candidates_[idx(s)]; }
  // The candidates of slot `s` whose sector is `sector`, best value first.
  std::span<const Candidate> candidates(int s, int sector) const;
  // Reason 3 of solve.md for slot `s` and `sector`: at least min_group candidates of that
  // sector from distinct companies (no company counts as distinct).
  bool enough_peers(int s, int sector) const {
    return peers_[idx(s) * idx(sectors_) + idx(sector)] != 0;
  }
  // Objective contribution of `p` in slot `s`, ignoring eligibility (an option's stored value
  // when `s` is one of p's options, else computed).
  double value(int p, int s) const;
  // The slot `p` sat in in the previous result, or -1.
  int previous_slot(int p) const { return previous_slot_[idx(p)]; }
  // Distance from `p` to slot `s`'s venue, 0 without a location.
  double km(int p, int s) const;
  // Travel limit and availability test of rule 4 (without pins' waiver).
  bool in_availability(int p, int s) const;
  bool within_travel(int p, int s) const;
  // Usable slots that lie wholly inside interval `a` (any venue, any sector), by start time.
  // Appends to `out`.
  void slots_inside(const Interval& a, std::vector<int>& out) const;

 private:
  static std::size_t idx(int i) { return static_cast<std::size_t>(i); }
  double compute_value(int p, int s) const;
  void compute_coverers();
  void compute_rooms();
  void compute_options();
  void compute_candidates();

  const Instance* inst_;
  int sectors_ = 0;
  std::vector<char> usable_;
  std::vector<int> seats_;
  std::vector<int> by_start_;  // usable slots sorted by (start, index)
  std::vector<std::vector<int>> room_conflicts_;
  std::vector<std::vector<int>> coverers_;
  std::vector<std::vector<Option>> options_;
  std::vector<std::vector<Candidate>> candidates_;
  std::vector<int> sector_offsets_;  // per slot: sectors_ + 1 offsets into candidates_[s]
  std::vector<char> peers_;          // per slot and sector: enough_peers
  std::vector<int> previous_slot_;
  std::vector<char> pinned_;
  std::vector<int> company_;
};

}  // namespace tafel::solver
