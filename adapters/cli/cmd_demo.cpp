#include "adapters/cli/app.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

namespace tafel {

namespace {

// The demo network's files sit next to its configuration (config/demo/).
struct DemoFiles {
  std::filesystem::path members, events, availability;
};

DemoFiles demo_files(const Config& cfg) {
  const auto dir = cfg.source.parent_path();
  return DemoFiles{dir / "leden.csv", dir / "agenda.ics", dir / "beschikbaarheid.json"};
}

// The planning period of the demo: the period the availability answers cover.
std::pair<std::string, std::string> demo_period(const std::filesystem::path& availability) {
  std::ifstream in(availability);
  const auto doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.contains("period"))
    throw CommandExit{kExitBadInput, availability.string() + ": no \"period\""};
  return {doc["period"].value("from", ""), doc["period"].value("to", "")};
}

}  // namespace

void register_demo_command(CLI::App& app, CliContext& ctx) {
  auto time_limit = std::make_shared<std::int64_t>(10000);
  auto* cmd = app.add_subcommand(
      "demo",
      "Run the main job on the bundled demo network: import its members, calendar and "
      "availability answers, propose sessions, approve them and send the invitations (to the "
      "local outbox folder when no accounts are configured; use with --config "
      "config/demo/demo.toml)");
  cmd->add_option("--time-limit-ms", *time_limit, "Solver time limit")->check(CLI::PositiveNumber);
  cmd->callback([&ctx, time_limit] {
    const Config& cfg = ctx.config();
    if (cfg.networks.empty()) throw CommandExit{kExitBadInput, "the configuration has no network"};
    const std::string network = cfg.networks.front().name;
    const DemoFiles files = demo_files(cfg);
    for (const auto& f : {files.members, files.events, files.availability})
      if (!std::filesystem::exists(f))
        throw CommandExit{kExitBadInput,
                          fmt::format("{}: missing; `demo` needs the demo network's files next to "
                                      "its configuration (config/demo/)",
                                      f.string())};
    const auto [from, to] = demo_period(files.availability);

    // Each step is an ordinary subcommand, run as a user would type it.
    const std::vector<std::pair<std::string, std::vector<std::string>>> steps = {
        {"Leden importeren", {"import", "members", files.members.string(), "--network", network}},
        {"Agenda importeren",
         {"import", "events", files.events.string(), "--network", network, "--from", from, "--to",
          to}},
        {"Beschikbaarheid importeren",
         {"import", "availability", files.availability.string(), "--network", network}},
        {"Tafels plannen",
         {"plan", "--network", network, "--from", from, "--to", to, "--theme",
          "Personeel vinden en houden", "--time-limit-ms", std::to_string(*time_limit)}},
        {"Voorstel goedkeuren", {"approve", "--by", "demo"}},
        {"Uitnodigingen versturen (naar de lokale map)", {"dispatch", "--once"}},
    };
    std::cout << fmt::format("Demonetwerk: {} (fictieve gegevens)\nDatabase: {}\n", network,
                             cfg.database.string());
    for (const auto& [title, args] : steps) {
      std::cout << fmt::format("\n== {}\n", title) << std::flush;
      CliContext step_ctx;
      step_ctx.config_flag = ctx.config_flag;
      step_ctx.db_flag = ctx.db_flag;
      auto step_app = make_app(step_ctx);
      const int rc = run_app(*step_app, args);
      if (rc != kExitOk) throw CommandExit{rc, fmt::format("demo: step '{}' failed", title)};
    }
  });
}

}  // namespace tafel
