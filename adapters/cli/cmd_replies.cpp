// `tafelplanner replies fetch --once`: one pass over the configured IMAP mailbox
// ([messaging.imap]); each new mail is taken in once (bounce, automatic reply, calendar answer,
// free-text answer) and a summary with counts per kind is printed (no personal data).

#include "adapters/cli/commands.hpp"
#include "adapters/cli/daemon_jobs.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>

namespace tafel {

namespace {

std::string counts(const std::map<std::string, int>& m) {
  std::string out;
  for (const auto& [name, n] : m) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, name);
  return out.empty() ? "geen" : out;
}

void fetch_once(CliContext& ctx) {
  const Config& cfg = ctx.config();
  if (cfg.messaging.imap.url.empty())
    throw CommandExit{kExitBadInput, "geen mailbox ingesteld ([messaging.imap] url)"};
  Store& store = ctx.store();
  const auto r = run_mail_intake(store.db(), ctx.reply_context());
  if (!r) throw CommandExit{kExitFailure, "mailbox lezen mislukt: " + r.error()};
  std::cout << fmt::format("{} nieuwe e-mails gelezen{}\n", r->fetched - r->duplicates,
                           r->duplicates ? fmt::format(" ({} al verwerkt)", r->duplicates) : "");
  if (r->uidvalidity_changed) std::cout << "De mailbox is opnieuw genummerd (UIDVALIDITY)\n";
  std::cout << "soort: " << counts(r->kinds) << "\n";
  std::cout << "uitkomst: " << counts(r->outcomes) << "\n";
}

}  // namespace

void register_replies_commands(CLI::App& app, CliContext& ctx) {
  // Another part of the daemon may already have made the `replies` group.
  CLI::App* group = nullptr;
  for (CLI::App* sub : app.get_subcommands([](CLI::App* a) { return a->get_name() == "replies"; }))
    group = sub;
  if (!group) {
    group = app.add_subcommand("replies", "Replies from people (mail intake)");
    group->require_subcommand(1);
  }
  auto once = std::make_shared<bool>(false);
  auto* fetch = group->add_subcommand(
      "fetch", "Read new mail from the configured IMAP mailbox and take each reply in once");
  fetch->add_flag("--once", *once, "One pass, then exit")->required();
  fetch->callback([&ctx, once] { fetch_once(ctx); });  // `once` lives as long as the option
}

}  // namespace tafel
