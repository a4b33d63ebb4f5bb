// `tafelplanner replies fetch --once`: one pass over the configured IMAP mailbox
// ([messaging.imap]); each new mail is taken in once (bounce, automatic reply, calendar answer,
// free-text answer) and a summary with counts per kind is printed (no personal data).

#include "adapters/cli/commands.hpp"
#include "adapters/imap/fetch_pass.hpp"
#include "adapters/links/link_key.hpp"
#include "adapters/outbox/template_files.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>

namespace tafel {

namespace {

std::int64_t now_utc() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string imap_password(const ImapConfig& imap) {
  if (const char* env = std::getenv("TAFELPLANNER_IMAP_PASSWORD"); env && *env) return env;
  if (imap.password_file.empty()) return "";
  std::ifstream in(imap.password_file, std::ios::binary);
  if (!in)
    throw CommandExit{kExitFailure, fmt::format("{}: kan het IMAP-wachtwoordbestand niet lezen",
                                                imap.password_file.string())};
  std::string s;
  std::getline(in, s);
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n')) s.pop_back();
  return s;
}

std::string counts(const std::map<std::string, int>& m) {
  std::string out;
  for (const auto& [name, n] : m) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, name);
  return out.empty() ? "geen" : out;
}

void fetch_once(CliContext& ctx) {
  const Config& cfg = ctx.config();
  if (cfg.messaging.imap.url.empty())
    throw CommandExit{kExitBadInput, "geen mailbox ingesteld ([messaging.imap] url)"};
  auto templates = outbox::load_templates(cfg.messaging.templates_dir);
  if (!templates) {
    std::string msg = "berichtsjablonen kloppen niet:\n";
    for (const auto& p : templates.error()) msg += "  " + p + "\n";
    throw CommandExit{kExitBadInput, msg};
  }
  auto key = links::load_link_key(cfg.state_dir);
  if (!key) throw CommandExit{kExitFailure, key.error()};
  Store& store = ctx.store();
  const replies::ReplyContext rctx{cfg, ctx.time_zone(), *templates, *key};
  imap::ImapClient client(
      {cfg.messaging.imap.url, cfg.messaging.imap.user, imap_password(cfg.messaging.imap)});
  const auto r = imap::run_imap_pass(store.db(), rctx, client, cfg.messaging.imap.mailbox,
                                     [] { return now_utc(); });
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
  fetch->callback([&ctx] { fetch_once(ctx); });
}

}  // namespace tafel
