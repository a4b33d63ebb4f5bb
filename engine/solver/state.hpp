#pragma once
// A partial solution under search: open sessions (slot, sector, facilitator, members) and where
// each participant sits, with its score kept up to date. Every mutation is journalled so a
// search step can be rolled back cheaply (`mark()` / `rollback(mark)`).
// Invariants kept by the callers (not re-checked here): members are eligible for the slot, of
// the session's sector, of distinct companies, at most `seats`; a facilitator covers the slot
// and has no staff clash; no two open slots clash in a room. `min_group` may be violated only
// transiently inside a search step.

#include "engine/solver/model.hpp"

#include <cstdint>
#include <vector>

namespace tafel::solver {

struct OpenSession {
  bool open = false;
  bool forced = false;             // fixed or pinned: never closed
  bool facilitator_fixed = false;  // named in fixed_sessions: never reassigned
  int sector = -1;
  int facilitator = -1;
  std::vector<int> members;
};

class State {
 public:
  explicit State(const Model& model);

  const Model& model() const { return *model_; }
  double score() const { return score_; }
  bool is_open(int s) const { return sessions_[idx(s)].open; }
  const OpenSession& session(int s) const { return sessions_[idx(s)]; }
  int size(int s) const { return static_cast<int>(sessions_[idx(s)].members.size()); }
  // Slot `p` sits in, or -1.
  int where(int p) const { return where_[idx(p)]; }
  // Objective value of `p` in the slot they sit in (0 when free).
  double seat_value(int p) const { return seat_value_[idx(p)]; }
  const std::vector<int>& open_slots() const { return open_list_; }
  const std::vector<int>& staff_slots(int f) const { return staff_slots_[idx(f)]; }
  // Unpinned participants with at least one option who sit nowhere. The order depends only on
  // the sequence of mutations (deterministic), not on participant indices.
  const std::vector<int>& free_participants() const { return free_; }
  bool pinned(int p) const;

  // No clashing slot in the same room is open.
  bool room_free(int s) const;
  // `f` covers `s` (caller's duty) and runs no session that clashes with `s` (ignoring `s`).
  bool facilitator_free(int f, int s) const;
  // No member of `s` has `company` (-1 never clashes).
  bool company_free(int s, int company) const;
  // How to staff `s`: facilitator `f`, after moving session `move_slot` (if >= 0) to
  // facilitator `move_to`. `f` is -1 when no free facilitator exists even with one such swap.
  struct StaffPlan {
    int f = -1;
    int move_slot = -1;
    int move_to = -1;
  };
  // Prefers the most loaded free facilitator (keeps lightly used staff free elsewhere); with
  // `allow_swap`, may plan one reassignment of another session to free one.
  StaffPlan find_facilitator(int s, bool allow_swap) const;
  // Carries out the swap part of `plan` and returns `plan.f`.
  int apply_staff_plan(const StaffPlan& plan);

  void open(int s, int sector, int facilitator, bool forced, bool facilitator_fixed);
  // Removes every member, then closes.
  void close(int s);
  void add(int p, int s);
  void remove(int p);
  void set_facilitator(int s, int f);

  std::size_t mark() const { return journal_.size(); }
  void rollback(std::size_t mark);
  // Forgets the journal (after a step is accepted for good).
  void commit() { journal_.clear(); }

 private:
  enum class Op : std::uint8_t { open, close, add, remove, facilitator };
  struct Entry {
    Op op;
    int slot;
    int a;  // participant or facilitator or sector
    int b;  // previous facilitator, or flags
    int c;  // facilitator of a closed session
  };
  static std::size_t idx(int i) { return static_cast<std::size_t>(i); }
  void raw_open(int s, int sector, int f, bool forced, bool ffixed);
  void raw_close(int s);
  void raw_add(int p, int s);
  void raw_remove(int p);
  void raw_facilitator(int s, int f);

  const Model* model_;
  std::vector<OpenSession> sessions_;
  std::vector<int> where_;
  std::vector<double> seat_value_;
  std::vector<int> open_list_;
  std::vector<std::vector<int>> staff_slots_;
  std::vector<int> free_;
  std::vector<int> free_pos_;  // position in free_, or -1
  std::vector<Entry> journal_;
  double score_ = 0.0;
};

}  // namespace tafel::solver
