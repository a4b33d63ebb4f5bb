// Solver benchmark: generated instances of several sizes, greedy-only versus full LNS in the
// same run; prints score, bound, gap, time and placed share. Usage:
//   solver_bench [--sizes 100,300,1000,2000] [--seed N] [--time-limit-ms N]

#include "bench/solver/generator.hpp"
#include "engine/solver/solver.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Row {
  double score, bound, ms, placed;
  long long iterations;
};

Row measure(const tafel::solver::Instance& inst, bool improve, std::uint64_t seed,
            long long limit_ms) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::milliseconds(limit_ms);
  tafel::solver::SolveOptions opt;
  opt.seed = seed;
  opt.improve = improve;
  opt.expired = [deadline] { return Clock::now() >= deadline; };
  auto r = tafel::solver::solve(inst, opt);
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (!r) return Row{0, 0, ms, 0, 0};
  double placed = 0;
  for (const auto& s : r->sessions) placed += static_cast<double>(s.participants.size());
  return Row{
      r->score, r->bound.value_or(0), ms,
      100.0 * placed / static_cast<double>(std::max<std::size_t>(1, inst.participants.size())),
      static_cast<long long>(r->stats.lns_iterations)};
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes{100, 300, 1000, 2000};
  std::uint64_t seed = 1;
  long long limit = 60000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--sizes") {
      sizes.clear();
      std::string list = argv[i + 1];
      for (std::size_t pos = 0; pos < list.size();) {
        const std::size_t comma = list.find(',', pos);
        sizes.push_back(std::atoi(list.substr(pos, comma - pos).c_str()));
        pos = comma == std::string::npos ? list.size() : comma + 1;
      }
    } else if (a == "--seed") {
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (a == "--time-limit-ms") {
      limit = std::atoll(argv[i + 1]);
    }
  }
  fmt::print("| n | slots | method | score | bound | gap % | time ms | placed % | LNS iters |\n");
  fmt::print("|---|---|---|---|---|---|---|---|---|\n");
  for (int n : sizes) {
    const auto inst = tafel::bench::generate_instance({n, seed});
    for (bool improve : {false, true}) {
      const Row r = measure(inst, improve, seed, limit);
      const double gap = r.bound > 0 ? 100.0 * (r.bound - r.score) / r.bound : 0.0;
      fmt::print("| {} | {} | {} | {:.2f} | {:.2f} | {:.2f} | {:.0f} | {:.1f} | {} |\n", n,
                 inst.slots.size(), improve ? "greedy+LNS" : "greedy", r.score, r.bound, gap, r.ms,
                 r.placed, r.iterations);
    }
  }
  return 0;
}
