#include "adapters/solve_io/solve_command.hpp"

#include "adapters/solve_io/instance_json.hpp"
#include "adapters/solve_io/result_json.hpp"
#include "engine/solver/solver.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace tafel::solve_io {

int run_solve_command(const std::string& instance_path, const std::string& out_path,
                      std::int64_t time_limit_ms, std::uint64_t seed, std::ostream& err) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  // Leave time for explaining, serialising and writing after the search stops.
  const std::int64_t margin = std::min<std::int64_t>(500, time_limit_ms / 5);
  const Clock::time_point deadline =
      start + std::chrono::milliseconds(std::max<std::int64_t>(0, time_limit_ms - margin));

  std::string text;
  {
    std::ifstream in(instance_path, std::ios::binary);
    if (!in) {
      err << "cannot read instance '" << instance_path << "'\n";
      return 1;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    text = buf.str();
  }
  auto inst = parse_instance(text);
  if (!inst) {
    for (const std::string& m : inst.error()) err << m << '\n';
    return 2;
  }
  solver::SolveOptions opt;
  opt.seed = seed;
  opt.expired = [deadline] { return Clock::now() >= deadline; };
  auto result = solver::solve(*inst, opt);
  if (!result) {
    for (const std::string& m : result.error().messages) err << m << '\n';
    return 3;
  }
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  const std::string json = result_to_json(*inst, *result, elapsed).dump(2) + "\n";

  // Write beside the target and rename, so OUT never holds a half-written result.
  const std::string tmp = out_path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out || !(out << json) || !out.flush()) {
      err << "cannot write '" << tmp << "'\n";
      std::remove(tmp.c_str());
      return 1;
    }
  }
  if (std::rename(tmp.c_str(), out_path.c_str()) != 0) {
    err << "cannot write '" << out_path << "'\n";
    std::remove(tmp.c_str());
    return 1;
  }
  return 0;
}

}  // namespace tafel::solve_io
