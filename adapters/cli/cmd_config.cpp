#include "adapters/cli/commands.hpp"

#include <fmt/format.h>

#include <iostream>

namespace tafel {

void register_config_commands(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("check-config", "Validate the configuration file and exit");
  cmd->callback([&ctx] {
    const Config& cfg = ctx.config();
    std::cout << fmt::format("{}: ok ({} networks, {} sectors, {} venues, {} places, {} staff)\n",
                             cfg.source.string(), cfg.networks.size(), cfg.sectors.size(),
                             cfg.venues.size(), cfg.places.size(), cfg.staff.size());
  });
}

}  // namespace tafel
