#include "adapters/cli/commands.hpp"

namespace tafel {

void register_demo_command(CLI::App& app, CliContext& ctx) {
  (void)app;
  (void)ctx;
}

}  // namespace tafel
