// `import members FILE --network NAME [--dry-run] [--format text|json]`,
// `members export --format json|csv [--network NAME]`, `members show ID` and
// `members erase ID --yes` (see adapters/store/erasure.hpp).

#include "adapters/cli/commands.hpp"
#include "adapters/importers/members/contact_hash.hpp"
#include "adapters/importers/members/member_export.hpp"
#include "adapters/importers/members/member_import.hpp"
#include "adapters/store/erasure.hpp"
#include "adapters/store/members_store.hpp"
#include "adapters/store/networks.hpp"

#include <fmt/format.h>

#include <charconv>
#include <iostream>
#include <memory>

namespace tafel {

namespace {

NetworkRow require_network(Store& store, const std::string& name) {
  auto network = find_network(store, name);
  if (!network)
    throw CommandExit{kExitBadInput,
                      fmt::format("unknown network '{}' (see `tafelplanner networks list`; add "
                                  "it with `tafelplanner networks add`)",
                                  name)};
  return *network;
}

NetworkNames network_names(Store& store) {
  NetworkNames names;
  for (const auto& n : list_networks(store)) names[n.id] = n.name;
  return names;
}

void register_import_members(CLI::App& app, CliContext& ctx) {
  struct Args {
    std::string file;
    std::string network;
    bool dry_run = false;
    std::string format = "text";
  };
  auto args = std::make_shared<Args>();
  auto* cmd = import_group(app).add_subcommand(
      "members",
      "Import a network's member list (CSV; see shared/spec/members-csv.md). Prints one line "
      "per problem, FILE:LINE:COLUMN: error|warning: text (code). Exit 0 when taken, 2 when "
      "refused (then nothing is written).");
  cmd->add_option("FILE", args->file, "The member list (CSV, ; , or tab separated)")->required();
  cmd->add_option("--network", args->network, "The network the members belong to")->required();
  cmd->add_flag("--dry-run", args->dry_run, "Report as usual but write nothing");
  cmd->add_option("--format", args->format,
                  "text, or json: an array of problems whose last element is the summary")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&ctx, args] {
    Store& store = ctx.store();
    const NetworkRow network = require_network(store, args->network);
    MemberImportOptions options;
    options.dry_run = args->dry_run;
    options.now = now_utc_iso();
    const auto result = import_members(store, ctx.config(), network, args->file, options);
    const auto& s = result.summary;
    if (args->format == "json") {
      std::cout << format_member_report_json(args->file, result.problems, s).dump(2) << "\n";
    } else {
      std::cout << format_member_report_text(args->file, result.problems);
      std::cerr << fmt::format(
          "{}: {}{}: {} added, {} updated, {} unchanged; {} errors, {} warnings\n", args->file,
          s.taken ? "taken" : "refused, nothing written", s.dry_run ? " (dry run)" : "", s.added,
          s.updated, s.unchanged, s.errors, s.warnings);
    }
    std::cout.flush();
    if (!s.taken) throw CommandExit{kExitBadInput, ""};
  });
}

void register_members_group(CLI::App& app, CliContext& ctx) {
  auto* group = app.add_subcommand("members", "Members of the networks");
  group->require_subcommand(1);

  struct ExportArgs {
    std::string format = "json";
    std::string network;
  };
  auto ex = std::make_shared<ExportArgs>();
  auto* exp = group->add_subcommand(
      "export", "Print every member (JSON array, or CSV for Excel: ';', UTF-8 with BOM)");
  exp->add_option("--format", ex->format, "json or csv")->check(CLI::IsMember({"json", "csv"}));
  exp->add_option("--network", ex->network, "Only this network's members");
  exp->callback([&ctx, ex] {
    Store& store = ctx.store();
    std::optional<std::int64_t> network_id;
    if (!ex->network.empty()) network_id = require_network(store, ex->network).id;
    const auto members = list_members(store, network_id);
    const auto names = network_names(store);
    if (ex->format == "csv")
      std::cout << members_export_csv(members, names);
    else
      std::cout << members_export_json(members, names).dump(2) << "\n";
  });

  auto id_text = std::make_shared<std::string>();
  auto* show = group->add_subcommand("show", "Print everything held about one member (JSON)");
  show->add_option("ID", *id_text, "The member's id (see `members export`)")->required();
  show->callback([&ctx, id_text] {
    std::int64_t id = 0;
    const char* end = id_text->data() + id_text->size();
    if (std::from_chars(id_text->data(), end, id).ptr != end || id_text->empty())
      throw CommandExit{kExitBadInput, fmt::format("ID: '{}' is not a member id", *id_text)};
    Store& store = ctx.store();
    const auto member = find_member(store, id);
    if (!member) throw CommandExit{kExitBadInput, fmt::format("no member with id {}", id)};
    std::cout << member_show_json(*member, network_names(store), consent_history(store, id)).dump(2)
              << "\n";
  });

  struct EraseArgs {
    std::string id;
    bool yes = false;
  };
  auto er = std::make_shared<EraseArgs>();
  auto* erase = group->add_subcommand(
      "erase",
      "Erase one member everywhere (database, its WAL, the local outbox folder); a later import "
      "skips their email and phone (erased). Cannot be undone; backups keep them until they age "
      "out.");
  erase->add_option("ID", er->id, "The member's id (see `members export`)")->required();
  erase->add_flag("--yes", er->yes, "Confirm: without it nothing is erased (exit 2)");
  erase->callback([&ctx, er] {
    std::int64_t id = 0;
    const char* end = er->id.data() + er->id.size();
    if (std::from_chars(er->id.data(), end, id).ptr != end || er->id.empty())
      throw CommandExit{kExitBadInput, fmt::format("ID: '{}' is not a member id", er->id)};
    Store& store = ctx.store();
    const auto member = find_member(store, id);
    if (!member) throw CommandExit{kExitBadInput, fmt::format("no member with id {}", id)};
    if (!er->yes)
      throw CommandExit{kExitBadInput,
                        fmt::format("this erases member {} ({}, {}) permanently; run again with "
                                    "--yes to confirm",
                                    id, member->name, member->company)};
    const ContactHasher hasher{email_contact_hash, phone_contact_hash};
    const auto done = erase_member(store, id, hasher, ctx.config().messaging.outbox_dir);
    if (!done)
      throw CommandExit{
          done.error().kind == ErasureError::Kind::not_found ? kExitBadInput : kExitFailure,
          done.error().message};
    std::cout << fmt::format(
        "member {} erased: {} referring rows deleted, {} texts scrubbed, {} contact hashes kept "
        "for future imports, {} outbox files removed\n",
        id, done->rows_deleted, done->values_scrubbed, done->hashes_recorded, done->files_removed);
    if (!done->wal_truncated)
      throw CommandExit{kExitFailure,
                        "the database's WAL could not be emptied (another connection was reading): "
                        "old copies of the erased data may remain in the -wal file until SQLite's "
                        "next checkpoint"};
  });
}

}  // namespace

void register_member_commands(CLI::App& app, CliContext& ctx) {
  register_import_members(app, ctx);
  register_members_group(app, ctx);
}

}  // namespace tafel
