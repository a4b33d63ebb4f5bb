#include "adapters/planning/planner.hpp"

#include <chrono>

namespace tafel {

std::expected<PlanOutcome, solver::Infeasible> run_planning(Store& store, const Config& config,
                                                            const TimeZone& tz,
                                                            const PlanningRequest& request,
                                                            std::int64_t time_limit_ms,
                                                            std::uint64_t seed) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::milliseconds(time_limit_ms);
  PlanOutcome out;
  out.built = build_instance(store, config, tz, request);
  solver::SolveOptions options;
  options.seed = seed;
  options.expired = [deadline] { return Clock::now() >= deadline; };
  auto result = solver::solve(out.built.instance, options);
  if (!result) return std::unexpected(result.error());
  out.result = std::move(*result);
  out.elapsed_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  return out;
}

}  // namespace tafel
