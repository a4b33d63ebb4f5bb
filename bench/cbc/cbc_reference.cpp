// Exact reference for the solver: writes the MIP of shared/spec/solve.md for a generated
// instance in LP format, solves it with CBC (Debian `coinor-cbc`, the `cbc` program), checks
// CBC's solution with the independent checker and compares it with the engine's result.
// Independent of the engine's model: eligibility and values come from the checker's own code.
//
// Usage: cbc_reference --size N [--seed N] [--sec SECONDS] [--dir DIR] [--threads N]
//                      [--engine-ms N] [--mipstart 0|1]
// --sec is wall-clock seconds (CBC's timeMode elapsed).
// Prints one Markdown row: n, CBC status, CBC objective, CBC bound, CBC seconds, engine
// score, engine ms, engine/CBC best, gap of engine to CBC bound.
//
// The MIP (maximise; written as minimising the negated objective):
//   x[p,s] ∈ {0,1} for eligible pairs (rule 1, sector allowed, availability, travel; a pinned
//   participant only at their pinned slot), y[s,k] ∈ {0,1} session of sector k at slot s (only
//   for k with at least min_group eligible participants), z[s,f] ∈ {0,1} facilitator f at s
//   (f covers s).
//   Σ_s x[p,s] ≤ 1 (= 1 when pinned); Σ_k y[s,k] ≤ 1; min_group·y[s,k] ≤ Σ_{p of k} x[p,s] ≤
//   seats(s)·y[s,k]; Σ_{p of company c} x[p,s] ≤ 1; Σ_f z[s,f] = Σ_k y[s,k]; room and facilitator
//   clashes as clique constraints of the interval graphs (one per slot start: every slot of the
//   room or facilitator whose [start, end) resp. [start, end + staff_gap) contains that start);
//   fixed sessions: y[s,k] = 1 and z[s,f] = 1 when named.
//   objective Σ value(p,s)·x[p,s] − per_session·Σ y[s,k].

#include "bench/solver/generator.hpp"
#include "engine/solver/solver.hpp"
#include "tests/engine/solver/checker.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace tafel::solver;
namespace chk = tafel::solver::testing;
std::size_t ix(int i) { return static_cast<std::size_t>(i); }

struct Lp {
  std::string text;
  std::string line;
  int terms = 0;
  void term(double c, const std::string& var) {
    line += fmt::format(" {} {:.6f} {}", c < 0 ? "-" : "+", std::abs(c), var);
    if (++terms % 8 == 0) flush();
  }
  void flush() {
    if (!line.empty()) text += line + "\n";
    line.clear();
  }
  void end_row(const std::string& rhs) {
    line += " " + rhs;
    flush();
    terms = 0;
  }
};

bool eligible(const Instance& inst, int p, int s) {
  const Participant& q = inst.participants[ix(p)];
  const Slot& slot = inst.slots[ix(s)];
  if (!chk::checker_rule1(inst, slot) || !inst.slot_allows(s, q.sector)) return false;
  if (q.pinned_slot >= 0) return q.pinned_slot == s;
  bool avail = false;
  for (const Interval& a : q.availability) avail |= a.covers(slot.time);
  if (!avail) return false;
  if (!q.location) return true;
  return chk::checker_km(*q.location, inst.venues[ix(slot.venue)].location) <=
         q.max_travel_km.value_or(inst.rules.max_travel_km);
}

std::string write_lp(const Instance& inst) {
  const int ns = static_cast<int>(inst.slots.size());
  const int nk = static_cast<int>(inst.sector_names.size());
  std::vector<std::vector<int>> elig(ix(ns));  // slot -> participants
  for (int s = 0; s < ns; ++s) {
    if (!chk::checker_rule1(inst, inst.slots[ix(s)])) continue;
    for (int p = 0; p < static_cast<int>(inst.participants.size()); ++p) {
      if (eligible(inst, p, s)) elig[ix(s)].push_back(p);
    }
  }
  std::vector<std::vector<int>> cover(ix(ns));
  for (int s = 0; s < ns; ++s) {
    if (!chk::checker_rule1(inst, inst.slots[ix(s)])) continue;
    for (int f = 0; f < static_cast<int>(inst.staff.size()); ++f) {
      for (const Interval& a : inst.staff[ix(f)].availability) {
        if (a.covers(inst.slots[ix(s)].time)) {
          cover[ix(s)].push_back(f);
          break;
        }
      }
    }
  }
  auto x = [](int p, int s) { return fmt::format("x_{}_{}", p, s); };
  auto y = [](int s, int k) { return fmt::format("y_{}_{}", s, k); };
  auto z = [](int s, int f) { return fmt::format("z_{}_{}", s, f); };
  // Sectors with a possible session per slot.
  std::vector<std::vector<int>> sectors(ix(ns));
  for (int s = 0; s < ns; ++s) {
    if (cover[ix(s)].empty()) continue;
    std::vector<int> count(ix(nk), 0);
    for (int p : elig[ix(s)]) ++count[ix(inst.participants[ix(p)].sector)];
    for (int k = 0; k < nk; ++k) {
      const bool fixed =
          std::any_of(inst.fixed_sessions.begin(), inst.fixed_sessions.end(),
                      [&](const FixedSession& f) { return f.slot == s && f.sector == k; });
      if (count[ix(k)] >= inst.rules.min_group || fixed) sectors[ix(s)].push_back(k);
    }
  }
  Lp lp;
  lp.text = "Minimize\n obj:";
  for (int s = 0; s < ns; ++s) {
    for (int k : sectors[ix(s)]) lp.term(inst.weights.per_session, y(s, k));
    if (sectors[ix(s)].empty()) continue;
    for (int p : elig[ix(s)]) {
      if (std::find(sectors[ix(s)].begin(), sectors[ix(s)].end(),
                    inst.participants[ix(p)].sector) == sectors[ix(s)].end())
        continue;
      lp.term(-chk::checker_value(inst, p, s), x(p, s));
    }
  }
  lp.flush();
  lp.text += "Subject To\n";
  int row = 0;
  auto has_x = [&](int p, int s) {
    return std::find(sectors[ix(s)].begin(), sectors[ix(s)].end(),
                     inst.participants[ix(p)].sector) != sectors[ix(s)].end();
  };
  // Each participant at most once (pins exactly once).
  std::vector<std::vector<int>> by_person(inst.participants.size());
  for (int s = 0; s < ns; ++s) {
    for (int p : elig[ix(s)]) {
      if (has_x(p, s)) by_person[ix(p)].push_back(s);
    }
  }
  for (std::size_t p = 0; p < by_person.size(); ++p) {
    if (by_person[p].empty()) continue;
    lp.line = fmt::format(" r{}:", row++);
    for (int s : by_person[p]) lp.term(1, x(static_cast<int>(p), s));
    lp.end_row(inst.participants[p].pinned_slot >= 0 ? "= 1" : "<= 1");
  }
  for (int s = 0; s < ns; ++s) {
    if (sectors[ix(s)].empty()) continue;
    const int seats = std::min(inst.rules.max_group, inst.slots[ix(s)].capacity);
    for (int k : sectors[ix(s)]) {
      for (int side = 0; side < 2; ++side) {
        lp.line = fmt::format(" r{}:", row++);
        for (int p : elig[ix(s)]) {
          if (inst.participants[ix(p)].sector == k) lp.term(1, x(p, s));
        }
        lp.term(side == 0 ? -inst.rules.min_group : -seats, y(s, k));
        lp.end_row(side == 0 ? ">= 0" : "<= 0");
      }
      std::map<int, std::vector<int>> companies;
      for (int p : elig[ix(s)]) {
        const Participant& q = inst.participants[ix(p)];
        if (q.sector == k && q.company >= 0) companies[q.company].push_back(p);
      }
      for (const auto& [c, ps] : companies) {
        if (ps.size() < 2) continue;
        lp.line = fmt::format(" r{}:", row++);
        for (int p : ps) lp.term(1, x(p, s));
        lp.end_row("<= 1");
      }
    }
    // One session per slot (rule 2), whatever the room.
    lp.line = fmt::format(" r{}:", row++);
    for (int k : sectors[ix(s)]) lp.term(1, y(s, k));
    lp.end_row("<= 1");
    lp.line = fmt::format(" r{}:", row++);
    for (int f : cover[ix(s)]) lp.term(1, z(s, f));
    for (int k : sectors[ix(s)]) lp.term(-1, y(s, k));
    lp.end_row("= 0");
  }
  // Rooms: one clique per slot start.
  for (int s = 0; s < ns; ++s) {
    if (sectors[ix(s)].empty()) continue;
    const Slot& a = inst.slots[ix(s)];
    std::vector<int> clique;
    for (int t = 0; t < ns; ++t) {
      const Slot& b = inst.slots[ix(t)];
      if (sectors[ix(t)].empty() || b.venue != a.venue || b.room != a.room) continue;
      if (b.time.start <= a.time.start && a.time.start < b.time.end) clique.push_back(t);
    }
    if (clique.size() < 2) continue;
    lp.line = fmt::format(" r{}:", row++);
    for (int t : clique) {
      for (int k : sectors[ix(t)]) lp.term(1, y(t, k));
    }
    lp.end_row("<= 1");
  }
  // Facilitators: one clique per facilitator and covered slot start.
  const std::int64_t gap = inst.rules.staff_gap_min * 60LL;
  std::vector<std::vector<int>> staff_slots(inst.staff.size());
  for (int s = 0; s < ns; ++s) {
    if (sectors[ix(s)].empty()) continue;
    for (int f : cover[ix(s)]) staff_slots[ix(f)].push_back(s);
  }
  for (std::size_t f = 0; f < staff_slots.size(); ++f) {
    for (int s : staff_slots[f]) {
      const std::int64_t at = inst.slots[ix(s)].time.start.utc_seconds;
      std::vector<int> clique;
      for (int t : staff_slots[f]) {
        const Interval& b = inst.slots[ix(t)].time;
        if (b.start.utc_seconds <= at && at < b.end.utc_seconds + gap) clique.push_back(t);
      }
      if (clique.size() < 2) continue;
      lp.line = fmt::format(" r{}:", row++);
      for (int t : clique) lp.term(1, z(t, static_cast<int>(f)));
      lp.end_row("<= 1");
    }
  }
  for (const FixedSession& f : inst.fixed_sessions) {
    lp.text += fmt::format(" r{}: {} = 1\n", row++, y(f.slot, f.sector));
    if (f.facilitator >= 0)
      lp.text += fmt::format(" r{}: {} = 1\n", row++, z(f.slot, f.facilitator));
  }
  lp.text += "Binaries\n";
  for (int s = 0; s < ns; ++s) {
    if (sectors[ix(s)].empty()) continue;
    for (int k : sectors[ix(s)]) lp.text += " " + y(s, k) + "\n";
    for (int f : cover[ix(s)]) lp.text += " " + z(s, f) + "\n";
    for (int p : elig[ix(s)]) {
      if (has_x(p, s)) lp.text += " " + x(p, s) + "\n";
    }
  }
  lp.text += "End\n";
  return lp.text;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double after(const std::string& text, const std::string& key, double fallback) {
  const std::size_t pos = text.rfind(key);
  if (pos == std::string::npos) return fallback;
  return std::strtod(text.c_str() + pos + key.size(), nullptr);
}

}  // namespace

int main(int argc, char** argv) {
  int n = 200;
  std::uint64_t seed = 1;
  int sec = 60;
  int threads = 2;
  bool mipstart = false;
  long long engine_ms = 60000;
  std::string dir = "/tmp/tafel-cbc";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--size") n = std::atoi(argv[i + 1]);
    if (a == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    if (a == "--sec") sec = std::atoi(argv[i + 1]);
    if (a == "--dir") dir = argv[i + 1];
    if (a == "--threads") threads = std::atoi(argv[i + 1]);
    if (a == "--engine-ms") engine_ms = std::atoll(argv[i + 1]);
    if (a == "--mipstart") mipstart = std::atoi(argv[i + 1]) != 0;
  }
  const Instance inst = tafel::bench::generate_instance({n, seed});
  std::system(("mkdir -p " + dir).c_str());
  const std::string stem = fmt::format("{}/n{}_s{}", dir, n, seed);
  {
    std::ofstream out(stem + ".lp");
    out << write_lp(inst);
  }
  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + std::chrono::milliseconds(engine_ms);
  SolveOptions opt;
  opt.seed = seed;
  opt.expired = [deadline] { return std::chrono::steady_clock::now() >= deadline; };
  auto ours = solve(inst, opt);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const double score = ours ? ours->score : 0.0;
  const auto our_problems =
      ours ? chk::check_result(inst, *ours) : std::vector<std::string>{"exit 3"};
  // With --mipstart 1, CBC starts from the engine's solution (a warm start: CBC's best is then
  // at least ours, and the run shows whether CBC can improve on it). CBC 2.10.8 aborts
  // ("Illegal index in ClpModel::getColumnName") when preprocessing a MIP start, so it is off.
  std::string start_arg;
  if (mipstart && ours) {
    std::string text;
    int k = 0;
    for (const Session& x : ours->sessions) {
      text += fmt::format("{} y_{}_{} 1\n", k++, x.slot, x.sector);
      text += fmt::format("{} z_{}_{} 1\n", k++, x.slot, x.facilitator);
      for (int p : x.participants) text += fmt::format("{} x_{}_{} 1\n", k++, p, x.slot);
    }
    std::ofstream(stem + ".start") << "Feasible - objective value 0\n" << text;
    start_arg = fmt::format(" mips {}.start preprocess off", stem);  // 2.10.8 aborts otherwise
  }
  const std::string cmd = fmt::format(
      "cbc {0}.lp{3} timeMode elapsed sec {1} threads {2} solve solu {0}.sol > {0}.log 2>&1", stem,
      sec, threads, start_arg);
  std::system(cmd.c_str());
  const std::string log = slurp(stem + ".log");
  const std::string sol = slurp(stem + ".sol");
  const bool optimal = sol.rfind("Optimal", 0) == 0;
  const bool found = sol.find("no integer solution") == std::string::npos && !sol.empty();
  const double cbc_obj = found ? -after(log, "Objective value:", 0.0) : 0.0;
  const double cbc_bound = optimal ? cbc_obj : -after(log, "Lower bound:", -cbc_obj);
  const double cbc_sec = after(log, "(Wallclock seconds):", 0.0);

  // CBC's solution as a Result, validated by the checker.
  Result cbc;
  std::map<int, Session> by_slot;
  std::istringstream lines(sol);
  std::string line;
  std::getline(lines, line);
  while (found && std::getline(lines, line)) {
    std::istringstream f(line);
    std::string index, name;
    double value = 0;
    if (!(f >> index >> name >> value) || value < 0.5) continue;
    int a = 0, b = 0;
    if (std::sscanf(name.c_str() + 2, "%d_%d", &a, &b) != 2) continue;
    if (name[0] == 'x') by_slot[b].participants.push_back(a);
    if (name[0] == 'y') by_slot[a].sector = b;
    if (name[0] == 'z') by_slot[a].facilitator = b;
  }
  std::vector<int> seated(inst.participants.size(), 0);
  for (auto& [s, x] : by_slot) {
    x.slot = s;
    std::sort(x.participants.begin(), x.participants.end());
    for (int p : x.participants) seated[ix(p)] = 1;
    cbc.sessions.push_back(x);
  }
  for (std::size_t p = 0; p < seated.size(); ++p) {
    if (!seated[p]) cbc.unplaced.push_back(Unplaced{static_cast<int>(p), {}, {}});
  }
  cbc.score = chk::checker_score(inst, cbc);
  const auto cbc_problems = chk::check_result(inst, cbc);

  fmt::print(
      "| {} | {} | {:.2f} | {:.2f} | {:.0f} | {:.2f} | {:.0f} | {:.3f} | {:.3f} | {} | {} |\n", n,
      optimal ? "optimal" : (found ? "time limit" : "time limit, no solution"), cbc_obj, cbc_bound,
      cbc_sec, score, ms, cbc_obj != 0 ? 100.0 * score / cbc_obj : 0.0,
      cbc_bound != 0 ? 100.0 * (cbc_bound - score) / cbc_bound : 0.0,
      !found                 ? std::string("-")
      : cbc_problems.empty() ? (std::abs(cbc.score - cbc_obj) < 0.05 ? "yes" : "score differs")
                             : fmt::format("NO: {}", cbc_problems.front()),
      our_problems.empty() ? std::string("yes") : fmt::format("NO: {}", our_problems.front()));
  return 0;
}
