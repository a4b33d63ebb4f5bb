#include "engine/solver/state.hpp"

#include <algorithm>

namespace tafel::solver {

namespace {
void erase_value(std::vector<int>& v, int x) {
  auto it = std::find(v.begin(), v.end(), x);
  if (it != v.end()) {
    *it = v.back();
    v.pop_back();
  }
}
}  // namespace

State::State(const Model& model)
    : model_(&model),
      sessions_(idx(model.slot_count())),
      where_(idx(model.participant_count()), -1),
      seat_value_(idx(model.participant_count()), 0.0),
      staff_slots_(model.inst().staff.size()),
      free_pos_(idx(model.participant_count()), -1) {
  for (int p = 0; p < model.participant_count(); ++p) {
    if (!pinned(p) && !model.options(p).empty()) {
      free_pos_[idx(p)] = static_cast<int>(free_.size());
      free_.push_back(p);
    }
  }
}

bool State::pinned(int p) const { return model_->pinned(p); }

bool State::room_free(int s) const {
  for (int t : model_->room_conflicts(s)) {
    if (sessions_[idx(t)].open) return false;
  }
  return true;
}

bool State::facilitator_free(int f, int s) const {
  for (int t : staff_slots_[idx(f)]) {
    if (t != s && model_->staff_clash(s, t)) return false;
  }
  return true;
}

bool State::company_free(int s, int company) const {
  if (company < 0) return true;
  for (int q : sessions_[idx(s)].members) {
    if (model_->company(q) == company) return false;
  }
  return true;
}

State::StaffPlan State::find_facilitator(int s, bool allow_swap) const {
  StaffPlan plan;
  std::size_t best_load = 0;
  for (int f : model_->coverers(s)) {
    if (!facilitator_free(f, s)) continue;
    const std::size_t load = staff_slots_[idx(f)].size();
    if (plan.f < 0 || load > best_load) {
      plan.f = f;
      best_load = load;
    }
  }
  if (plan.f >= 0 || !allow_swap) return plan;
  // One swap: f is blocked only by session t; move t to another free facilitator g.
  for (int f : model_->coverers(s)) {
    int blocker = -1;
    bool single = true;
    for (int t : staff_slots_[idx(f)]) {
      if (t == s || !model_->staff_clash(s, t)) continue;
      if (blocker >= 0) single = false;
      blocker = t;
    }
    if (!single || blocker < 0 || sessions_[idx(blocker)].facilitator_fixed) continue;
    for (int g : model_->coverers(blocker)) {
      if (g == f || !facilitator_free(g, blocker)) continue;
      return StaffPlan{f, blocker, g};
    }
  }
  return plan;
}

int State::apply_staff_plan(const StaffPlan& plan) {
  if (plan.move_slot >= 0) set_facilitator(plan.move_slot, plan.move_to);
  return plan.f;
}

void State::raw_open(int s, int sector, int f, bool forced, bool ffixed) {
  OpenSession& x = sessions_[idx(s)];
  x.open = true;
  x.forced = forced;
  x.facilitator_fixed = ffixed;
  x.sector = sector;
  x.facilitator = f;
  x.members.clear();
  open_list_.push_back(s);
  staff_slots_[idx(f)].push_back(s);
  score_ -= model_->inst().weights.per_session;
}

void State::raw_close(int s) {
  OpenSession& x = sessions_[idx(s)];
  x.open = false;
  erase_value(open_list_, s);
  erase_value(staff_slots_[idx(x.facilitator)], s);
  score_ += model_->inst().weights.per_session;
}

void State::raw_add(int p, int s) {
  sessions_[idx(s)].members.push_back(p);
  where_[idx(p)] = s;
  if (const int pos = free_pos_[idx(p)]; pos >= 0) {
    free_[idx(pos)] = free_.back();
    free_pos_[idx(free_.back())] = pos;
    free_.pop_back();
    free_pos_[idx(p)] = -1;
  }
  seat_value_[idx(p)] = model_->value(p, s);
  score_ += seat_value_[idx(p)];
}

void State::raw_remove(int p) {
  const int s = where_[idx(p)];
  auto& m = sessions_[idx(s)].members;
  m.erase(std::find(m.begin(), m.end(), p));
  where_[idx(p)] = -1;
  score_ -= seat_value_[idx(p)];
  seat_value_[idx(p)] = 0.0;
  if (!pinned(p)) {
    free_pos_[idx(p)] = static_cast<int>(free_.size());
    free_.push_back(p);
  }
}

void State::raw_facilitator(int s, int f) {
  OpenSession& x = sessions_[idx(s)];
  erase_value(staff_slots_[idx(x.facilitator)], s);
  x.facilitator = f;
  staff_slots_[idx(f)].push_back(s);
}

void State::open(int s, int sector, int facilitator, bool forced, bool facilitator_fixed) {
  raw_open(s, sector, facilitator, forced, facilitator_fixed);
  journal_.push_back(Entry{Op::open, s, sector, 0, facilitator});
}

void State::close(int s) {
  while (!sessions_[idx(s)].members.empty()) remove(sessions_[idx(s)].members.back());
  const OpenSession& x = sessions_[idx(s)];
  const int flags = (x.forced ? 1 : 0) | (x.facilitator_fixed ? 2 : 0);
  journal_.push_back(Entry{Op::close, s, x.sector, flags, x.facilitator});
  raw_close(s);
}

void State::add(int p, int s) {
  raw_add(p, s);
  journal_.push_back(Entry{Op::add, s, p, 0, 0});
}

void State::remove(int p) {
  journal_.push_back(Entry{Op::remove, where_[idx(p)], p, 0, 0});
  raw_remove(p);
}

void State::set_facilitator(int s, int f) {
  journal_.push_back(Entry{Op::facilitator, s, f, sessions_[idx(s)].facilitator, 0});
  raw_facilitator(s, f);
}

void State::rollback(std::size_t mark) {
  while (journal_.size() > mark) {
    const Entry e = journal_.back();
    journal_.pop_back();
    switch (e.op) {
      case Op::open:
        raw_close(e.slot);
        break;
      case Op::close:
        raw_open(e.slot, e.a, e.c, (e.b & 1) != 0, (e.b & 2) != 0);
        break;
      case Op::add:
        raw_remove(e.a);
        break;
      case Op::remove:
        raw_add(e.a, e.slot);
        break;
      case Op::facilitator:
        raw_facilitator(e.slot, e.b);
        break;
    }
  }
}

}  // namespace tafel::solver
