#include "adapters/cli/commands.hpp"
#include "adapters/importers/availability/availability_import.hpp"
#include "adapters/store/networks.hpp"

#include <fmt/format.h>

#include <iostream>

namespace tafel {

std::int64_t require_network(CliContext& ctx, const std::string& name) {
  const auto row = find_network(ctx.store(), name);
  if (!row)
    throw CommandExit{kExitBadInput,
                      fmt::format("--network: unknown network '{}' (see `networks list`)", name)};
  return row->id;
}

int run_availability_import(CliContext& ctx, const std::string& file, const std::string& network,
                            bool dry_run, std::ostream& out) {
  const auto report = import_availability(ctx.store(), ctx.time_zone(),
                                          require_network(ctx, network), file, dry_run);
  for (const auto& p : report.problems)
    out << fmt::format("{}:{}: {}: {}\n", file, p.pointer.empty() ? "/" : p.pointer,
                       p.error ? "error" : "warning", p.message);
  if (!report.taken) {
    out << fmt::format("{}: refused, nothing written\n", file);
    return kExitBadInput;
  }
  out << fmt::format("{}: {} availability of {} members ({} intervals)\n", file,
                     dry_run ? "would replace" : "replaced", report.members, report.intervals);
  return kExitOk;
}

void register_availability_commands(CLI::App& app, CliContext& ctx) {
  struct Args {
    std::string file, network;
    bool dry_run = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = import_group(app).add_subcommand(
      "availability", "Import availability answers (JSON, see config/demo/README.md)");
  cmd->add_option("FILE", args->file, "Answers file")->required();
  cmd->add_option("--network", args->network, "Network name")->required();
  cmd->add_flag("--dry-run", args->dry_run, "Check and report, write nothing");
  cmd->callback([&ctx, args] {
    const int rc =
        run_availability_import(ctx, args->file, args->network, args->dry_run, std::cout);
    if (rc != kExitOk) throw CommandExit{rc, ""};
  });
}

}  // namespace tafel
