#include "adapters/cli/app.hpp"

#include <algorithm>
#include <iostream>

namespace tafel {

std::unique_ptr<CLI::App> make_app(CliContext& ctx) {
  auto app = std::make_unique<CLI::App>(
      "Tafelplanner: plans praktijktafels for small construction and installation firms.",
      "tafelplanner");
  app->set_version_flag("--version", "tafelplanner 0.1.0");
  app->require_subcommand(1);
  app->footer("Exit codes: 0 ok, 1 failure, 2 bad input (solve and plan: 3 pins cannot hold).");
  app->add_option("--config", ctx.config_flag,
                  "Configuration file (default: $TAFELPLANNER_CONFIG, else "
                  "/etc/tafelplanner/tafelplanner.toml)");
  app->add_option("--db", ctx.db_flag, "Database file (overrides the configured one)");

  register_config_commands(*app, ctx);
  register_network_commands(*app, ctx);
  register_member_commands(*app, ctx);
  register_event_commands(*app, ctx);
  register_availability_commands(*app, ctx);
  register_plan_command(*app, ctx);
  register_proposal_commands(*app, ctx);
  register_solve_command(*app, ctx);
  register_serve_command(*app, ctx);
  register_backup_commands(*app, ctx);
  register_retention_command(*app, ctx);
  register_user_commands(*app, ctx);
  register_round_commands(*app, ctx);
  register_staff_commands(*app, ctx);
  register_session_commands(*app, ctx);
  register_outreach_commands(*app, ctx);
  register_replies_commands(*app, ctx);
  register_demo_command(*app, ctx);
  return app;
}

namespace {

template <typename Parse>
int guarded(CLI::App& app, Parse parse) {
  try {
    parse();
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

}  // namespace

int run_app(CLI::App& app, int argc, const char* const* argv) {
  return guarded(app, [&] { app.parse(argc, argv); });
}

int run_app(CLI::App& app, std::vector<std::string> args) {
  std::reverse(args.begin(), args.end());  // CLI11 takes a vector in reverse order
  return guarded(app, [&] { app.parse(args); });
}

}  // namespace tafel
