#pragma once
// Each command group registers its subcommands on the root app. A subcommand's callback does
// its work and throws CommandExit for a non-zero exit.

#include "adapters/cli/context.hpp"

#include <CLI/CLI.hpp>

namespace tafel {

void register_config_commands(CLI::App& app, CliContext& ctx);   // check-config
void register_network_commands(CLI::App& app, CliContext& ctx);  // networks add|list
void register_member_commands(CLI::App& app, CliContext& ctx);   // import members, members ...
void register_event_commands(CLI::App& app, CliContext& ctx);    // import events, events list
void register_serve_command(CLI::App& app, CliContext& ctx);     // serve
void register_solve_command(CLI::App& app, CliContext& ctx);     // solve
void register_demo_command(CLI::App& app, CliContext& ctx);      // demo

// The `import` group is shared by members and events.
CLI::App& import_group(CLI::App& app);

}  // namespace tafel
