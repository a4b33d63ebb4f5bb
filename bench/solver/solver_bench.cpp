// Solver benchmark on generated instances (bench/solver/generator.hpp). Not a test: no
// assertions on time. Per size: greedy construction only versus the full search in the same
// run, each result validated by the independent checker of tests/engine/solver/checker.hpp;
// prints score, bound, gap, time, peak RSS and placed share as a Markdown table. With
// --resolve, also the re-solve benchmark: solve, let 5 % of the participants change their
// availability, re-solve with the first result as `previous`, and count how many of the
// others keep their session. Usage:
//   solver_bench [--sizes 200,2000] [--seed N] [--time-limit-ms N] [--threads N]
//                [--methods greedy,lns] [--resolve 0|1] [--verbose 0|1]
//                [--iterations N --stall N (per component; default: the engine's rule)]
//                [--max-component N (SolveOptions::max_component_participants)]
// Exit code 1 when a result breaks a hard rule.

#include "bench/solver/generator.hpp"
#include "engine/solver/solver.hpp"
#include "tests/engine/solver/checker.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using tafel::solver::Instance;
using tafel::solver::Result;

// User + system CPU seconds of this process so far (all threads).
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Run {
  Result result;
  double ms = 0;
  double cpu_ms = 0;
  bool ok = false;
};

long long g_iterations = 0, g_stall = 0;  // 0: the engine's own rule
int g_max_component = 12000;

Run solve_timed(const Instance& inst, bool improve, std::uint64_t seed, long long limit_ms,
                int threads) {
  const auto start = Clock::now();
  const double cpu0 = cpu_seconds();
  const auto deadline = start + std::chrono::milliseconds(limit_ms);
  tafel::solver::SolveOptions opt;
  opt.seed = seed;
  opt.improve = improve;
  opt.threads = threads;
  opt.max_iterations = g_iterations;
  opt.stall_limit = g_stall;
  opt.max_component_participants = g_max_component;
  opt.expired = [deadline] { return Clock::now() >= deadline; };
  auto r = tafel::solver::solve(inst, opt);
  Run run;
  run.ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  run.cpu_ms = 1000.0 * (cpu_seconds() - cpu0);
  if (r) {
    run.result = std::move(*r);
    run.ok = true;
  }
  return run;
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

int placed(const Result& r) {
  int n = 0;
  for (const auto& s : r.sessions) n += static_cast<int>(s.participants.size());
  return n;
}

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  for (std::size_t pos = 0; pos < list.size();) {
    const std::size_t comma = list.find(',', pos);
    out.push_back(list.substr(pos, comma - pos));
    pos = comma == std::string::npos ? list.size() : comma + 1;
  }
  return out;
}

// Every 20th participant (5 %) gets a fresh availability: other evenings, other busy week.
std::vector<int> change_availability(Instance& inst, std::uint64_t seed) {
  std::mt19937_64 rng(seed * 31 + 5);
  std::vector<int> changed;
  for (std::size_t p = 0; p < inst.participants.size(); p += 20) {
    auto& part = inst.participants[p];
    changed.push_back(static_cast<int>(p));
    // Shift every interval by 1..4 days: same times of day, other weekdays.
    const int shift = 1 + static_cast<int>(rng() % 4);
    for (auto& a : part.availability) {
      a.start.utc_seconds += shift * 86400LL;
      a.end.utc_seconds += shift * 86400LL;
    }
  }
  return changed;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes{200, 2000};
  std::vector<std::string> methods{"greedy", "lns"};
  std::uint64_t seed = 1;
  long long limit = 60000;
  int threads = 2;
  bool resolve = false;
  bool verbose = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--sizes") {
      sizes.clear();
      for (const auto& x : split(argv[i + 1])) sizes.push_back(std::atoi(x.c_str()));
    } else if (a == "--methods") {
      methods = split(argv[i + 1]);
    } else if (a == "--seed") {
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (a == "--time-limit-ms") {
      limit = std::atoll(argv[i + 1]);
    } else if (a == "--threads") {
      threads = std::atoi(argv[i + 1]);
    } else if (a == "--iterations") {
      g_iterations = std::atoll(argv[i + 1]);
    } else if (a == "--max-component") {
      g_max_component = std::atoi(argv[i + 1]);
    } else if (a == "--stall") {
      g_stall = std::atoll(argv[i + 1]);
    } else if (a == "--verbose") {
      verbose = std::atoi(argv[i + 1]) != 0;
    } else if (a == "--resolve") {
      resolve = std::atoi(argv[i + 1]) != 0;
    }
  }
  int failures = 0;
  fmt::print(
      "| n | slots | method | score | bound | gap % | wall ms | CPU ms | peak RSS MB | placed % | "
      "components | LNS iters | valid |\n");
  fmt::print("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (int n : sizes) {
    const Instance inst = tafel::bench::generate_instance({n, seed});
    for (const std::string& method : methods) {
      const Run run = solve_timed(inst, method != "greedy", seed, limit, threads);
      const Result& r = run.result;
      const auto problems = run.ok ? tafel::solver::testing::check_result(inst, r)
                                   : std::vector<std::string>{"no result (exit 3)"};
      failures += problems.empty() ? 0 : 1;
      const double bound = r.bound.value_or(0);
      const double gap = bound > 0 ? 100.0 * (bound - r.score) / bound : 0.0;
      fmt::print(
          "| {} | {} | {} | {:.2f} | {:.2f} | {:.2f} | {:.0f} | {:.0f} | {:.0f} | {:.1f} | {} | {} "
          "| {} |\n",
          n, inst.slots.size(), method == "greedy" ? "greedy" : "greedy+LNS", r.score, bound, gap,
          run.ms, run.cpu_ms, peak_rss_mb(),
          100.0 * placed(r) / std::max<std::size_t>(1, inst.participants.size()),
          r.stats.components,
          fmt::format("{}{}", r.stats.lns_iterations,
                      r.stats.stopped_by_deadline ? " (deadline)" : ""),
          problems.empty() ? std::string("yes") : fmt::format("NO: {}", problems.front()));
      if (verbose) {
        std::map<std::string, int> reasons;
        for (const auto& u : r.unplaced) ++reasons[std::string(tafel::solver::to_string(u.reason))];
        for (const auto& [k, v] : reasons) fmt::print("  unplaced {}: {}\n", k, v);
        fmt::print("  sessions {}, construction score {:.2f}\n", r.sessions.size(),
                   r.stats.construction_score);
      }
    }
    if (!resolve) continue;
    const Run first = solve_timed(inst, true, seed, limit, threads);
    Instance again = inst;
    for (const auto& s : first.result.sessions) {
      again.previous.push_back(
          tafel::solver::PreviousSession{s.slot, s.sector, s.facilitator, s.participants});
    }
    const std::vector<int> changed = change_availability(again, seed);
    const Run second = solve_timed(again, true, seed + 1, limit, threads);
    const auto problems = tafel::solver::testing::check_result(again, second.result);
    failures += problems.empty() ? 0 : 1;
    std::vector<int> before(inst.participants.size(), -1), after(inst.participants.size(), -1);
    for (const auto& s : first.result.sessions) {
      for (int p : s.participants) before[static_cast<std::size_t>(p)] = s.slot;
    }
    for (const auto& s : second.result.sessions) {
      for (int p : s.participants) after[static_cast<std::size_t>(p)] = s.slot;
    }
    std::vector<char> is_changed(inst.participants.size(), 0);
    for (int p : changed) is_changed[static_cast<std::size_t>(p)] = 1;
    int others = 0, kept = 0;
    for (std::size_t p = 0; p < inst.participants.size(); ++p) {
      if (is_changed[p] || before[p] < 0) continue;
      ++others;
      kept += before[p] == after[p] ? 1 : 0;
    }
    fmt::print(
        "\nre-solve n={}: {} participants changed availability; of the {} others placed before, "
        "{} keep their session ({:.1f} %); score {:.2f} -> {:.2f}; re-solve {:.0f} ms; valid: "
        "{}\n\n",
        n, changed.size(), others, kept, 100.0 * kept / std::max(1, others), first.result.score,
        second.result.score, second.ms, problems.empty() ? "yes" : problems.front());
  }
  return failures == 0 ? 0 : 1;
}
