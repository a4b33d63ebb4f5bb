#include "adapters/cli/commands.hpp"
#include "adapters/planning/plan_round.hpp"
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
    std::string network, from, to, theme, export_instance, format = "text";
    std::int64_t time_limit_ms = 20000;
    std::uint64_t seed = 1;
    std::int64_t resolve = 0;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "plan",
      "Propose sessions and groups for a network's members from candidate moments and store "
      "them as a numbered proposal");
  cmd->add_option("--network", args->network, "Network name (default: the only one)");
  cmd->add_option("--from", args->from, "First day YYYY-MM-DD (default: tomorrow)");
  cmd->add_option("--to", args->to, "Last day YYYY-MM-DD (default: the configured horizon)");
  cmd->add_option("--time-limit-ms", args->time_limit_ms, "Solver time limit")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", args->seed, "Random seed");
  cmd->add_option("--theme", args->theme, "Theme of the sessions (on a re-solve: kept)");
  cmd->add_option("--resolve", args->resolve,
                  "Re-solve proposal N: keep its pins and locked sessions, move others as little "
                  "as possible (its network and period are used)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--export-instance", args->export_instance,
                  "Also write the instance built (shared/spec/solve.md) to FILE, for "
                  "`tafelplanner solve --instance FILE`");
  cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&ctx, args] {
    PlanRoundOptions options;
    options.time_limit_ms = args->time_limit_ms;
    options.seed = args->seed;
    options.theme = args->theme;
    if (args->resolve > 0) options.resolve = args->resolve;
    options.export_instance = args->export_instance;
    run_plan_round(ctx, args->network, args->from, args->to, options, args->format, std::cout);
  });
}

void run_plan_round(CliContext& ctx, const std::string& network, const std::string& from,
                    const std::string& to, const PlanRoundOptions& options,
                    const std::string& format, std::ostream& out) {
  PlanningRequest req;
  if (!options.resolve) req = planning_request(ctx, network, from, to);
  auto plan = plan_and_store(ctx.store(), ctx.config(), ctx.time_zone(), req, options);
  if (!plan) throw CommandExit{plan.error().exit_code, plan.error().message};
  if (format == "json") {
    auto j = nlohmann::json::parse(plan->outcome.result_json);
    j["proposal"] = plan->number;
    out << j.dump(2) << "\n";
    return;
  }
  out << format_stored_plan(ctx.config(), *plan);
}

}  // namespace tafel
