#include "adapters/cli/commands.hpp"
#include "adapters/planning/plan_report.hpp"
#include "adapters/planning/planner.hpp"
#include "adapters/solve_io/result_json.hpp"
#include "adapters/store/networks.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

namespace tafel {

PlanningRequest planning_request(CliContext& ctx, const std::string& network,
                                 const std::string& from, const std::string& to) {
  const Config& cfg = ctx.config();
  std::string name = network;
  if (name.empty()) {
    const auto all = list_networks(ctx.store());
    if (all.size() != 1)
      throw CommandExit{kExitBadInput, "--network: name the network (there are " +
                                           std::to_string(all.size()) + ")"};
    name = all.front().name;
  }
  const auto row = find_network(ctx.store(), name);
  if (!row) throw CommandExit{kExitBadInput, fmt::format("--network: unknown network '{}'", name)};
  PlanningRequest req;
  req.network_id = row->id;
  const Date today = ctx.time_zone().today();
  req.from = add_days(today, 1);
  req.to = add_days(today, cfg.horizon_days);
  if (!from.empty()) {
    auto d = parse_date(from);
    if (!d)
      throw CommandExit{kExitBadInput, fmt::format("--from: '{}' is not a date YYYY-MM-DD", from)};
    req.from = *d;
  }
  if (!to.empty()) {
    auto d = parse_date(to);
    if (!d)
      throw CommandExit{kExitBadInput, fmt::format("--to: '{}' is not a date YYYY-MM-DD", to)};
    req.to = *d;
  }
  if (req.to < req.from) throw CommandExit{kExitBadInput, "--to: must not be before --from"};
  return req;
}

void register_plan_command(CLI::App& app, CliContext& ctx) {
  struct Args {
    std::string network, from, to, format = "text";
    std::int64_t time_limit_ms = 20000;
    std::uint64_t seed = 1;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "plan", "Propose sessions and groups for a network's members from candidate moments");
  cmd->add_option("--network", args->network, "Network name (default: the only one)");
  cmd->add_option("--from", args->from, "First day YYYY-MM-DD (default: tomorrow)");
  cmd->add_option("--to", args->to, "Last day YYYY-MM-DD (default: the configured horizon)");
  cmd->add_option("--time-limit-ms", args->time_limit_ms, "Solver time limit")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", args->seed, "Random seed");
  cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&ctx, args] {
    const PlanningRequest req = planning_request(ctx, args->network, args->from, args->to);
    auto outcome = run_planning(ctx.store(), ctx.config(), ctx.time_zone(), req,
                                args->time_limit_ms, args->seed);
    if (!outcome) {
      std::string msg;
      for (const auto& m : outcome.error().messages) msg += m + "\n";
      throw CommandExit{3, msg};
    }
    if (args->format == "json") {
      std::cout << solve_io::result_to_json(outcome->built.instance, outcome->result,
                                            outcome->elapsed_ms)
                       .dump(2)
                << "\n";
      return;
    }
    std::cout << fmt::format("Voorstel praktijktafels {} t/m {}\n", dutch_day(req.from),
                             dutch_day(req.to))
              << format_plan_report(ctx.config(), outcome->built, outcome->result);
  });
}

}  // namespace tafel
