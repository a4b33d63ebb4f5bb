#include "adapters/cli/commands.hpp"
#include "adapters/solve_io/solve_command.hpp"

#include <iostream>

namespace tafel {

void register_solve_command(CLI::App& app, CliContext& /*ctx*/) {
  struct Args {
    std::string instance;
    std::string out;
    std::int64_t time_limit_ms = 60000;
    std::uint64_t seed = 1;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "solve",
      "Solve a scheduling instance file (shared/spec/solve.md); exit 3 when pins and "
      "fixed sessions cannot all hold");
  cmd->add_option("--instance", args->instance, "Instance JSON file")->required();
  cmd->add_option("--out", args->out, "Result JSON file (written only on success)")->required();
  cmd->add_option("--time-limit-ms", args->time_limit_ms, "Time limit for the whole command")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", args->seed, "Random seed");
  cmd->callback([args] {
    const int rc = solve_io::run_solve_command(args->instance, args->out, args->time_limit_ms,
                                               args->seed, std::cerr);
    if (rc != 0) throw CommandExit{rc, ""};
  });
}

}  // namespace tafel
