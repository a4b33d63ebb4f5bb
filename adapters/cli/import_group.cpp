#include "adapters/cli/commands.hpp"

namespace tafel {

CLI::App& import_group(CLI::App& app) {
  for (CLI::App* existing :
       app.get_subcommands([](CLI::App* a) { return a->get_name() == "import"; }))
    return *existing;
  auto* group = app.add_subcommand("import", "Import a network's member list or event calendar");
  group->require_subcommand(1);
  return *group;
}

}  // namespace tafel
