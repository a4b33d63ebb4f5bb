#include "adapters/planning/planner.hpp"

#include "adapters/planning/resolve_inputs.hpp"
#include "adapters/solve_io/instance_json.hpp"
#include "adapters/solve_io/instance_writer.hpp"
#include "adapters/solve_io/result_json.hpp"

#include <chrono>

namespace tafel {

std::expected<PlanOutcome, solver::Infeasible> prepare_planning(Store& store, const Config& config,
                                                                const TimeZone& tz,
                                                                const PlanningRequest& request,
                                                                const Proposal* previous) {
  PlanOutcome out;
  out.built = build_instance(store, config, tz, request);
  if (previous) out.warnings = apply_previous_proposal(out.built, *previous);
  // Solve what the JSON says, so the stored instance replays this run exactly.
  out.instance_json = solve_io::instance_to_json(out.built.instance).dump();
  auto parsed = solve_io::parse_instance(out.instance_json);
  if (!parsed) return std::unexpected(solver::Infeasible{parsed.error()});
  out.built.instance = std::move(*parsed);
  return out;
}

std::expected<void, solver::Infeasible> solve_prepared(PlanOutcome& out, std::int64_t time_limit_ms,
                                                       std::uint64_t seed) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::milliseconds(time_limit_ms);
  solver::SolveOptions options;
  options.seed = seed;
  options.expired = [deadline] { return Clock::now() >= deadline; };
  auto result = solver::solve(out.built.instance, options);
  if (!result) return std::unexpected(result.error());
  out.result = std::move(*result);
  out.elapsed_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  out.result_json = solve_io::result_to_json(out.built.instance, out.result, out.elapsed_ms).dump();
  return {};
}

std::expected<PlanOutcome, solver::Infeasible> run_planning(
    Store& store, const Config& config, const TimeZone& tz, const PlanningRequest& request,
    std::int64_t time_limit_ms, std::uint64_t seed, const Proposal* previous) {
  auto out = prepare_planning(store, config, tz, request, previous);
  if (!out) return out;
  if (auto solved = solve_prepared(*out, time_limit_ms, seed); !solved)
    return std::unexpected(solved.error());
  return out;
}

}  // namespace tafel
