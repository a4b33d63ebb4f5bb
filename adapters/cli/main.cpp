// The composition root: parses the command line and runs one subcommand.

#include "adapters/cli/app.hpp"

int main(int argc, char** argv) {
  tafel::CliContext ctx;
  auto app = tafel::make_app(ctx);
  return tafel::run_app(*app, argc, argv);
}
