#pragma once
// Each command group registers its subcommands on the root app. A subcommand's callback does
// its work and throws CommandExit for a non-zero exit.

#include "adapters/cli/context.hpp"

#include <CLI/CLI.hpp>

namespace tafel {

void register_config_commands(CLI::App& app, CliContext& ctx);        // check-config
void register_network_commands(CLI::App& app, CliContext& ctx);       // networks add|list
void register_member_commands(CLI::App& app, CliContext& ctx);        // import members, members ...
void register_event_commands(CLI::App& app, CliContext& ctx);         // import events, events list
void register_serve_command(CLI::App& app, CliContext& ctx);          // serve
void register_solve_command(CLI::App& app, CliContext& ctx);          // solve
void register_plan_command(CLI::App& app, CliContext& ctx);           // plan
void register_availability_commands(CLI::App& app, CliContext& ctx);  // import availability
void register_demo_command(CLI::App& app, CliContext& ctx);           // demo
void register_outreach_commands(CLI::App& app, CliContext& ctx);      // approve, dispatch
void register_replies_commands(CLI::App& app, CliContext& ctx);       // replies fetch
void register_proposal_commands(CLI::App& app, CliContext& ctx);      // proposals ...
void register_backup_commands(CLI::App& app, CliContext& ctx);        // backup, restore
void register_retention_command(CLI::App& app, CliContext& ctx);      // retention run
void register_user_commands(CLI::App& app, CliContext& ctx);          // users ..., tokens add
void register_round_commands(CLI::App& app, CliContext& ctx);         // rounds ...
void register_staff_commands(CLI::App& app, CliContext& ctx);         // staff feed-token
void register_session_commands(CLI::App& app, CliContext& ctx);       // sessions cancel|move

// The `import` group is shared by members and events.
CLI::App& import_group(CLI::App& app);

// The id of the named network; throws CommandExit{2} naming --network when unknown.
std::int64_t require_network(CliContext& ctx, const std::string& name);

// `import availability`: prints the report to `out`, returns the exit code.
int run_availability_import(CliContext& ctx, const std::string& file, const std::string& network,
                            bool dry_run, std::ostream& out);

struct PlanningRequest;
// The network and period named by `plan`-like options; throws CommandExit{2} on bad values.
PlanningRequest planning_request(CliContext& ctx, const std::string& network,
                                 const std::string& from, const std::string& to);

struct PlanRoundOptions;
// `plan` and `proposals resolve`: plans (or re-solves), stores the proposal and prints it
// (`format` text or json) to `out`; throws CommandExit on failure.
void run_plan_round(CliContext& ctx, const std::string& network, const std::string& from,
                    const std::string& to, const PlanRoundOptions& options,
                    const std::string& format, std::ostream& out);

}  // namespace tafel
