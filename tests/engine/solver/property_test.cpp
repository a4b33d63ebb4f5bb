// Generated instances: every result valid, deterministic for a fixed seed, LNS never worse than
// the construction, re-solving with `previous` keeps most people in place.

#include "bench/solver/generator.hpp"
#include "engine/solver/insertion.hpp"
#include "engine/solver/model.hpp"
#include "engine/solver/solver.hpp"
#include "tests/engine/solver/checker.hpp"

#include <gtest/gtest.h>

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
