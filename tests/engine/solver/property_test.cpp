// Generated instances: every result valid, deterministic for a fixed seed, LNS never worse than
// the construction, re-solving with `previous` keeps most people in place.

#include "bench/solver/generator.hpp"
#include "engine/solver/insertion.hpp"
#include "engine/solver/model.hpp"
#include "engine/solver/solver.hpp"
#include "tests/engine/solver/checker.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace tafel::solver {
namespace {

Result run(const Instance& inst, std::uint64_t seed, bool improve = true) {
  SolveOptions opt;
  opt.seed = seed;
  opt.improve = improve;
  auto r = solve(inst, opt);
  EXPECT_TRUE(r.has_value());
  return r ? *r : Result{};
}

TEST(SolverProperty, GeneratedInstancesAreValid) {
  for (int n : {60, 150, 400}) {
    for (std::uint64_t seed : {1u, 2u}) {
      const Instance inst = bench::generate_instance({n, seed});
      const Result r = run(inst, seed);
      const auto problems = testing::check_result(inst, r);
      EXPECT_TRUE(problems.empty()) << n << "/" << seed << ": " << problems.front();
      EXPECT_GE(r.score + 0.01, r.stats.construction_score);
    }
  }
}

TEST(SolverProperty, DeterministicForAFixedSeed) {
  const Instance inst = bench::generate_instance({500, 7});
  const Result a = run(inst, 3);
  const Result b = run(inst, 3);
  ASSERT_EQ(a.sessions.size(), b.sessions.size());
  EXPECT_EQ(a.score, b.score);
  for (std::size_t i = 0; i < a.sessions.size(); ++i) {
    EXPECT_EQ(a.sessions[i].slot, b.sessions[i].slot);
    EXPECT_EQ(a.sessions[i].facilitator, b.sessions[i].facilitator);
    EXPECT_EQ(a.sessions[i].participants, b.sessions[i].participants);
  }
}

TEST(SolverProperty, ResolveKeepsPeopleInPlace) {
  Instance inst = bench::generate_instance({300, 5});
  const Result first = run(inst, 1);
  for (const Session& s : first.sessions) {
    inst.previous.push_back(PreviousSession{s.slot, s.sector, s.facilitator, s.participants});
  }
  // 5 % of participants lose their availability.
  for (std::size_t p = 0; p < inst.participants.size(); p += 20)
    inst.participants[p].availability.clear();
  const Result second = run(inst, 2);
  EXPECT_TRUE(testing::check_result(inst, second).empty());
  int before = 0;
  for (const Session& s : first.sessions) before += static_cast<int>(s.participants.size());
  EXPECT_GE(second.changes.kept, (before - 15) * 9 / 10)
      << "kept " << second.changes.kept << " of " << before;
}

TEST(SolverProperty, InsertionOffersOnlyValidSeats) {
  const Instance inst = bench::generate_instance({200, 9});
  const Result r = run(inst, 1);
  const Model model(inst);
  for (const Unplaced& u : r.unplaced) {
    for (const InsertionOption& o : insertion_options(model, r.sessions, u.participant)) {
      Result copy = r;
      for (Session& s : copy.sessions) {
        if (s.slot == o.slot) s.participants.push_back(u.participant);
      }
      copy.unplaced.clear();
      copy.score += o.gain;
      for (const std::string& m : testing::check_result(inst, copy)) {
        EXPECT_TRUE(m.rfind("unplaced", 0) == 0) << m;
      }
    }
  }
}

}  // namespace
}  // namespace tafel::solver

namespace tafel::solver {
namespace {

// The indexed Model construction agrees with the definition of rule 4 (and 1, 2's sector),
// checked pair by pair with the independent checker's helpers.
TEST(SolverProperty, ModelOptionsMatchTheDefinition) {
  for (std::uint64_t seed : {3u, 4u}) {
    const Instance inst = bench::generate_instance({250, seed});
    const Model model(inst);
    for (int p = 0; p < static_cast<int>(inst.participants.size()); ++p) {
      const Participant& q = inst.participants[static_cast<std::size_t>(p)];
      std::vector<int> expected;
      for (int s = 0; s < static_cast<int>(inst.slots.size()); ++s) {
        const Slot& slot = inst.slots[static_cast<std::size_t>(s)];
        if (!testing::checker_rule1(inst, slot) || !inst.slot_allows(s, q.sector)) continue;
        bool avail = false;
        for (const Interval& a : q.availability) avail |= a.covers(slot.time);
        const double km = testing::checker_km(
            *q.location, inst.venues[static_cast<std::size_t>(slot.venue)].location);
        if (avail && km <= q.max_travel_km.value_or(inst.rules.max_travel_km)) {
          expected.push_back(s);
        }
      }
      std::vector<int> got;
      for (const Option& o : model.options(p)) {
        got.push_back(o.slot);
        EXPECT_NEAR(o.value, testing::checker_value(inst, p, o.slot), 1e-9);
      }
      std::sort(got.begin(), got.end());
      ASSERT_EQ(got, expected) << "participant " << q.id;
    }
  }
}

// Small components force the geographic cuts and the sharing of facilitators between
// components (with its construction-only probe); results must stay valid and deterministic.
TEST(SolverProperty, SplitComponentsStayValidAndDeterministic) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const Instance inst = bench::generate_instance({300, seed});
    SolveOptions opt;
    opt.seed = seed;
    opt.max_component_participants = 60;
    opt.threads = 2;
    auto a = solve(inst, opt);
    auto b = solve(inst, opt);
    ASSERT_TRUE(a.has_value() && b.has_value());
    EXPECT_GT(a->stats.components, 2);
    const auto problems = testing::check_result(inst, *a);
    EXPECT_TRUE(problems.empty()) << seed << ": " << problems.front();
    EXPECT_EQ(a->score, b->score);
    ASSERT_EQ(a->sessions.size(), b->sessions.size());
    for (std::size_t i = 0; i < a->sessions.size(); ++i) {
      EXPECT_EQ(a->sessions[i].slot, b->sessions[i].slot);
      EXPECT_EQ(a->sessions[i].facilitator, b->sessions[i].facilitator);
      EXPECT_EQ(a->sessions[i].participants, b->sessions[i].participants);
    }
  }
}

// Greedy-only and one-thread runs are valid too, and every seed gives a valid result.
TEST(SolverProperty, ManySeedsSmallInstancesValid) {
  for (std::uint64_t seed = 10; seed < 16; ++seed) {
    const Instance inst = bench::generate_instance({40 + static_cast<int>(seed) * 5, seed});
    for (int threads : {1, 2}) {
      SolveOptions opt;
      opt.seed = seed;
      opt.threads = threads;
      opt.improve = seed % 2 == 0;
      auto r = solve(inst, opt);
      ASSERT_TRUE(r.has_value());
      const auto problems = testing::check_result(inst, *r);
      EXPECT_TRUE(problems.empty()) << seed << ": " << problems.front();
    }
  }
}

}  // namespace
}  // namespace tafel::solver
