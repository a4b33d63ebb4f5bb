// The composition root: parses the command line and runs one subcommand.

#include "adapters/cli/commands.hpp"

#include <fmt/format.h>

#include <iostream>

int main(int argc, char** argv) {
  using namespace tafel;
  CLI::App app{"Tafelplanner: plans praktijktafels for small construction and installation firms.",
               "tafelplanner"};
  app.set_version_flag("--version", "tafelplanner 0.1.0");
  app.require_subcommand(1);
  CliContext ctx;
  app.add_option("--config", ctx.config_flag,
                 "Configuration file (default: $TAFELPLANNER_CONFIG, else "
                 "/etc/tafelplanner/tafelplanner.toml)");
  app.add_option("--db", ctx.db_flag, "Database file (overrides the configured one)");

  register_config_commands(app, ctx);
  register_network_commands(app, ctx);
  register_member_commands(app, ctx);
  register_event_commands(app, ctx);
  register_serve_command(app, ctx);
  register_solve_command(app, ctx);
  register_demo_command(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitBadInput;
  } catch (const CommandExit& e) {
    if (!e.message.empty()) std::cerr << e.message << (e.message.ends_with('\n') ? "" : "\n");
    return e.code;
  } catch (const std::exception& e) {
    std::cerr << "tafelplanner: " << e.what() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}
