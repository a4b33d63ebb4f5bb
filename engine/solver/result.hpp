#pragma once
// The solver's result (shared/spec/solve.md, "Result"), in instance indices. The adapter turns
// it into ids and orders the lists as the contract requires.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::solver {

struct Session {
  int slot = -1;
  int sector = -1;
  int facilitator = -1;
  std::vector<int> participants;
};

enum class UnplacedReason {
  no_slot_in_availability,
  beyond_travel_limit,
  sector_too_small,
  no_facilitator,
  not_selected,
};
std::string_view to_string(UnplacedReason r);

struct Unplaced {
  int participant = -1;
  UnplacedReason reason = UnplacedReason::not_selected;
  std::string detail;  // Dutch, for the coordinator
};

enum class SlotRejection {
  spans_days,
  too_short,
  too_long,
  capacity_below_min_group,
  not_at_day_edge,
};
std::string_view to_string(SlotRejection r);

struct RejectedSlot {
  int slot = -1;
  SlotRejection reason = SlotRejection::spans_days;
};

// Differences against Instance::previous, per participant known to both.
struct Changes {
  struct Move {
    int participant = -1;
    int from_slot = -1;  // -1: was unplaced (added)
    int to_slot = -1;    // -1: is now unplaced (removed)
  };
  int kept = 0;
  std::vector<Move> moved;    // from_slot != -1 && to_slot != -1, different slots
  std::vector<Move> added;    // from_slot == -1
  std::vector<Move> removed;  // to_slot == -1
};

struct SolveStats {
  int components = 0;
  std::int64_t lns_iterations = 0;
  double construction_score = 0.0;  // score after the greedy construction, before LNS
  bool stopped_by_deadline = false;
};

struct Result {
  std::vector<Session> sessions;
  std::vector<Unplaced> unplaced;
  std::vector<RejectedSlot> rejected_slots;
  double score = 0.0;
  std::optional<double> bound;
  Changes changes;
  SolveStats stats;
};

}  // namespace tafel::solver
