#include "adapters/cli/commands.hpp"

namespace tafel {

void register_serve_command(CLI::App& app, CliContext& ctx) {
  (void)app;
  (void)ctx;
}

}  // namespace tafel
