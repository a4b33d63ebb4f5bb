#pragma once
// An independent checker for solver results: re-verifies hard rules 1-7 of solve.md from the
// Instance alone (no solver code) and recomputes the score. Returns one message per broken rule.
// Header-only, depending only on the instance and result types, so the benchmarks
// (bench/solver/solver_bench, bench/cbc/cbc_reference) validate their results with it too.

#include "engine/solver/instance.hpp"
#include "engine/solver/result.hpp"

#include <cmath>
#include <numbers>
#include <set>
#include <string>
#include <vector>

namespace tafel::solver::testing {

inline double checker_km(GeoPoint a, GeoPoint b) {
  const double r = std::numbers::pi / 180.0;
  const double h =
      std::pow(std::sin((b.lat - a.lat) * r / 2), 2) +
      std::cos(a.lat * r) * std::cos(b.lat * r) * std::pow(std::sin((b.lon - a.lon) * r / 2), 2);
  return 2 * 6371.0 * std::asin(std::sqrt(h));
}

inline bool checker_rule1(const Instance& inst, const Slot& s) {
  const std::int64_t a = s.time.start.local_seconds(), b = s.time.end.local_seconds();
  auto day = [](std::int64_t x) { return x >= 0 ? x / 86400 : (x - 86399) / 86400; };
  if (day(a) != day(b)) return false;
  const std::int64_t minutes = (s.time.end.utc_seconds - s.time.start.utc_seconds) / 60;
  if (minutes < inst.rules.duration_min || minutes > inst.rules.duration_max) return false;
  if (s.capacity < inst.rules.min_group) return false;
  const std::int64_t end_sod = b - day(b) * 86400, start_sod = a - day(a) * 86400;
  return end_sod <= inst.rules.morning_end_min * 60 ||
         start_sod >= inst.rules.evening_start_min * 60;
}

inline double checker_value(const Instance& inst, int p, int s) {
  const Participant& q = inst.participants[static_cast<std::size_t>(p)];
  const Slot& slot = inst.slots[static_cast<std::size_t>(s)];
  double v = inst.weights.placed;
  if (q.location) {
    v -= inst.weights.per_km *
         checker_km(*q.location, inst.venues[static_cast<std::size_t>(slot.venue)].location);
  }
  for (int e : q.attends_events) {
    if (slot.event >= 0 && e == slot.event) v += inst.weights.at_event;
  }
  for (const PreviousSession& prev : inst.previous) {
    for (int x : prev.participants) {
      if (x == p && prev.slot == s) v += inst.weights.stability;
    }
  }
  return v;
}

inline double checker_score(const Instance& inst, const Result& r) {
  double score = 0;
  for (const Session& s : r.sessions) {
    score -= inst.weights.per_session;
    for (int p : s.participants) score += checker_value(inst, p, s.slot);
  }
  return score;
}

inline std::vector<std::string> check_result(const Instance& inst, const Result& r) {
  std::vector<std::string> bad;
  auto fail = [&](std::string m) { bad.push_back(std::move(m)); };
  std::vector<int> seat(inst.participants.size(), -1);
  std::set<int> used_slots;
  for (const Session& s : r.sessions) {
    const Slot& slot = inst.slots[static_cast<std::size_t>(s.slot)];
    if (!checker_rule1(inst, slot)) fail("rule 1: slot " + slot.id);
    if (!used_slots.insert(s.slot).second) fail("rule 2: slot twice " + slot.id);
    if (!inst.slot_allows(s.slot, s.sector)) fail("rule 2: sector not allowed " + slot.id);
    const int size = static_cast<int>(s.participants.size());
    if (size < inst.rules.min_group || size > std::min(inst.rules.max_group, slot.capacity)) {
      fail("rule 3: size " + std::to_string(size) + " at " + slot.id);
    }
    std::set<int> companies;
    for (int p : s.participants) {
      const Participant& q = inst.participants[static_cast<std::size_t>(p)];
      if (seat[static_cast<std::size_t>(p)] >= 0) fail("rule 4: twice " + q.id);
      seat[static_cast<std::size_t>(p)] = s.slot;
      if (q.sector != s.sector) fail("rule 2: sector of " + q.id);
      if (q.company >= 0 && !companies.insert(q.company).second) fail("rule 6: " + q.id);
      if (q.pinned_slot >= 0) {
        if (q.pinned_slot != s.slot) fail("rule 7: pin of " + q.id);
        continue;
      }
      bool avail = false;
      for (const Interval& a : q.availability)
        avail |= a.start <= slot.time.start && slot.time.end <= a.end;
      if (!avail) fail("rule 4: availability of " + q.id);
      if (q.location) {
        const double km =
            checker_km(*q.location, inst.venues[static_cast<std::size_t>(slot.venue)].location);
        if (km > q.max_travel_km.value_or(inst.rules.max_travel_km)) fail("rule 4: travel " + q.id);
      }
    }
    if (s.facilitator < 0) {
      fail("rule 5: no facilitator at " + slot.id);
    } else {
      bool cover = false;
      for (const Interval& a : inst.staff[static_cast<std::size_t>(s.facilitator)].availability) {
        cover |= a.start <= slot.time.start && slot.time.end <= a.end;
      }
      if (!cover) fail("rule 5: facilitator not available at " + slot.id);
    }
  }
  for (std::size_t i = 0; i < r.sessions.size(); ++i) {
    for (std::size_t j = i + 1; j < r.sessions.size(); ++j) {
      const Slot& a = inst.slots[static_cast<std::size_t>(r.sessions[i].slot)];
      const Slot& b = inst.slots[static_cast<std::size_t>(r.sessions[j].slot)];
      const bool overlap = a.time.start < b.time.end && b.time.start < a.time.end;
      if (overlap && a.venue == b.venue && a.room == b.room)
        fail("rule 2: room " + a.id + " " + b.id);
      if (r.sessions[i].facilitator == r.sessions[j].facilitator) {
        const std::int64_t gap = inst.rules.staff_gap_min * 60LL;
        const bool ok = a.time.end.utc_seconds + gap <= b.time.start.utc_seconds ||
                        b.time.end.utc_seconds + gap <= a.time.start.utc_seconds;
        if (!ok) fail("rule 5: facilitator clash " + a.id + " " + b.id);
      }
    }
  }
  for (std::size_t p = 0; p < inst.participants.size(); ++p) {
    if (inst.participants[p].pinned_slot >= 0 && seat[p] != inst.participants[p].pinned_slot) {
      fail("rule 7: pinned participant not placed " + inst.participants[p].id);
    }
  }
  for (const FixedSession& f : inst.fixed_sessions) {
    bool found = false;
    for (const Session& s : r.sessions) {
      if (s.slot == f.slot && s.sector == f.sector &&
          (f.facilitator < 0 || f.facilitator == s.facilitator)) {
        found = true;
      }
    }
    if (!found)
      fail("rule 7: fixed session missing at " + inst.slots[static_cast<std::size_t>(f.slot)].id);
  }
  // Unplaced: every participant not seated exactly once.
  std::vector<int> listed(inst.participants.size(), 0);
  for (const Unplaced& u : r.unplaced) ++listed[static_cast<std::size_t>(u.participant)];
  for (std::size_t p = 0; p < inst.participants.size(); ++p) {
    const int expect = seat[p] < 0 ? 1 : 0;
    if (listed[p] != expect) fail("unplaced list wrong for " + inst.participants[p].id);
  }
  if (std::abs(checker_score(inst, r) - r.score) > 0.01) {
    fail("score " + std::to_string(r.score) + " != " + std::to_string(checker_score(inst, r)));
  }
  if (r.bound && *r.bound + 0.01 < r.score) fail("bound below score");
  return bad;
}

}  // namespace tafel::solver::testing
