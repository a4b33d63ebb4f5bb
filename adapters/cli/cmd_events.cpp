#include "adapters/cli/commands.hpp"

namespace tafel {

void register_event_commands(CLI::App& app, CliContext& ctx) {
  (void)app;
  (void)ctx;
}

}  // namespace tafel
