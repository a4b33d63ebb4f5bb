#include "adapters/cli/commands.hpp"

namespace tafel {

void register_member_commands(CLI::App& app, CliContext& ctx) {
  (void)app;
  (void)ctx;
}

}  // namespace tafel
