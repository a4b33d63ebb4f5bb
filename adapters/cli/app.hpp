#pragma once
// Builds the command-line application and runs it. `main` and the `demo` command (which runs a
// sequence of ordinary subcommands) share this.

#include "adapters/cli/commands.hpp"

#include <memory>
#include <string>
#include <vector>

namespace tafel {

// The root app with every subcommand registered; callbacks refer to `ctx`, which must outlive
// the app.
std::unique_ptr<CLI::App> make_app(CliContext& ctx);

// Parses `args` (without the program name) and runs the chosen subcommand. Returns the exit
// code; messages go to stderr.
int run_app(CLI::App& app, int argc, const char* const* argv);
int run_app(CLI::App& app, std::vector<std::string> args);

}  // namespace tafel
