#include "adapters/cli/commands.hpp"
#include "adapters/store/networks.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

namespace tafel {

void register_network_commands(CLI::App& app, CliContext& ctx) {
  auto* group = app.add_subcommand("networks", "Network partners");
  group->require_subcommand(1);

  struct AddArgs {
    NetworkConfig network;
  };
  auto args = std::make_shared<AddArgs>();
  auto* add = group->add_subcommand("add", "Add a network partner (or update its sender)");
  add->add_option("NAME", args->network.name, "The network's name")->required();
  add->add_option("--sender-name", args->network.sender_name,
                  "Name invitations are sent in (default: NAME)");
  add->add_option("--sender-email", args->network.sender_email, "From address for its mail");
  add->callback([&ctx, args] {
    if (args->network.name.empty()) throw CommandExit{kExitBadInput, "NAME: must not be empty"};
    const auto id = upsert_network(ctx.store(), args->network);
    std::cout << fmt::format("network {} '{}'\n", id, args->network.name);
  });

  auto format = std::make_shared<std::string>("text");
  auto* list = group->add_subcommand("list", "List network partners");
  list->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  list->callback([&ctx, format] {
    const auto rows = list_networks(ctx.store());
    if (*format == "json") {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& n : rows)
        out.push_back({{"id", std::to_string(n.id)},
                       {"name", n.name},
                       {"sender_name", n.sender_name},
                       {"sender_email", n.sender_email}});
      std::cout << out.dump(2) << "\n";
      return;
    }
    for (const auto& n : rows)
      std::cout << fmt::format("{}\t{}\t{}\n", n.id, n.name, n.sender_email);
  });
}

}  // namespace tafel
