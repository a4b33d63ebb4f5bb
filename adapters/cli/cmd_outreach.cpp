// `tafelplanner approve [PROPOSAL]` and `tafelplanner dispatch --once`: approving a proposal
// turns its sessions into invitations in the outbox; dispatching decides which contact moments
// are due now (reminders, nudges, changes, cancellations), then sends everything due through the
// configured SMTP account or, without one, into the local outbox folder.

#include "adapters/cli/commands.hpp"
#include "adapters/links/reply_address.hpp"
#include "adapters/outbox/dispatcher.hpp"
#include "adapters/outbox/folder_sender.hpp"
#include "adapters/outbox/outreach_planner.hpp"
#include "adapters/outbox/smtp_channel.hpp"
#include "adapters/outbox/template_files.hpp"
#include "adapters/store/outbox_store.hpp"
#include "adapters/store/proposals_store.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>

namespace tafel {

namespace {

std::int64_t now_utc() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Reply-address ids come from adapters/links (128 random bits, lowercase base32).
std::string new_reply_id() { return links::new_reply_address_id(); }

outreach::MessageTemplates templates_or_exit(const Config& cfg) {
  auto t = outbox::load_templates(cfg.messaging.templates_dir);
  if (t) return std::move(*t);
  std::string msg = "berichtsjablonen kloppen niet:\n";
  for (const auto& p : t.error()) msg += "  " + p + "\n";
  throw CommandExit{kExitBadInput, msg};
}

void print_planner_report(const outbox::PlannerReport& r) {
  std::cout << fmt::format("{} uitnodigingen aangemaakt, {} berichten in de outbox gezet\n",
                           r.invitations_created, r.enqueued);
  for (const auto& p : r.problems) std::cerr << "niet verstuurd: " << p << "\n";
  if (!r.call_list.empty()) {
    std::cout << "Nog geen antwoord, graag even bellen:\n";
    for (const auto& c : r.call_list)
      std::cout << fmt::format("  {} ({}) {} — {}\n", c.name, c.company,
                               c.phone.empty() ? "geen nummer" : c.phone, c.session);
  }
}

std::string smtp_password(const SmtpConfig& smtp) {
  if (const char* env = std::getenv("TAFELPLANNER_SMTP_PASSWORD"); env && *env) return env;
  if (smtp.password_file.empty()) return "";
  std::ifstream in(smtp.password_file, std::ios::binary);
  if (!in)
    throw CommandExit{kExitFailure, fmt::format("{}: cannot read the SMTP password file",
                                                smtp.password_file.string())};
  std::string s;
  std::getline(in, s);
  return s;
}

void approve(CliContext& ctx, std::int64_t proposal, const std::string& by) {
  const Config& cfg = ctx.config();
  const auto templates = templates_or_exit(cfg);  // before anything is decided
  Store& store = ctx.store();
  if (proposal == 0) {
    for (const auto& h : list_proposals(store))
      if (h.status == "proposed") {
        proposal = h.id;
        break;
      }
    if (proposal == 0) throw CommandExit{kExitBadInput, "geen voorstel om goed te keuren"};
  }
  auto approved = approve_proposal(store, proposal, by);
  if (!approved) throw CommandExit{kExitBadInput, approved.error().message};
  std::cout << fmt::format("Voorstel {} goedgekeurd\n", proposal);
  const outbox::OutreachSetup setup{cfg, ctx.time_zone(), templates, new_reply_id};
  print_planner_report(outbox::enqueue_due_messages(store, setup, now_utc()));
}

void dispatch(CliContext& ctx) {
  const Config& cfg = ctx.config();
  const auto templates = templates_or_exit(cfg);
  Store& store = ctx.store();
  if (const int requeued = requeue_in_flight(store); requeued > 0)
    std::cerr << fmt::format(
        "{} berichten waren onderweg bij een onderbreking; opnieuw in de rij\n", requeued);
  const std::int64_t now = now_utc();
  const outbox::OutreachSetup setup{cfg, ctx.time_zone(), templates, new_reply_id};
  print_planner_report(outbox::enqueue_due_messages(store, setup, now));

  auto clock = [] { return now_utc(); };
  outbox::FolderSender folder(cfg.messaging.outbox_dir, clock);
  std::unique_ptr<outbox::SmtpChannel> smtp;
  if (!cfg.messaging.smtp.url.empty())
    smtp = std::make_unique<outbox::SmtpChannel>(
        email::SmtpSettings{cfg.messaging.smtp.url, cfg.messaging.smtp.user,
                            smtp_password(cfg.messaging.smtp)},
        "", clock);
  // WhatsApp: the Cloud API client is not built yet; requests go to the outbox folder.
  std::mt19937_64 rng(std::random_device{}());
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const outbox::RetryPolicy retry{cfg.messaging.max_attempts, cfg.messaging.retry_base_seconds,
                                  cfg.messaging.retry_max_seconds};
  const auto r =
      outbox::dispatch_due(store, smtp ? static_cast<outbox::ChannelSender&>(*smtp) : folder,
                           folder, now, retry, [&] { return unit(rng); });
  std::cout << fmt::format(
      "{} verstuurd, {} later opnieuw, {} mislukt{}\n", r.sent, r.retried, r.failed,
      smtp ? "" : fmt::format(" (zonder account: in {})", cfg.messaging.outbox_dir.string()));
  if (r.failed > 0) throw CommandExit{kExitFailure, ""};
}

}  // namespace

void register_outreach_commands(CLI::App& app, CliContext& ctx) {
  struct ApproveArgs {
    std::int64_t proposal = 0;
    std::string by;
  };
  auto a = std::make_shared<ApproveArgs>();
  auto* approve_cmd = app.add_subcommand(
      "approve", "Approve a proposal (default: the newest proposed one) and queue its invitations");
  approve_cmd->add_option("PROPOSAL", a->proposal, "Proposal number");
  approve_cmd->add_option("--by", a->by, "Who approves (default: $USER)");
  approve_cmd->callback([&ctx, a] {
    std::string by = a->by;
    if (by.empty()) {
      const char* user = std::getenv("USER");
      by = user && *user ? user : "coordinator";
    }
    approve(ctx, a->proposal, by);
  });

  auto once = std::make_shared<bool>(false);
  auto* dispatch_cmd = app.add_subcommand(
      "dispatch", "Queue the contact moments due now and send everything due from the outbox");
  dispatch_cmd->add_flag("--once", *once, "Send what is due now, then exit")->required();
  dispatch_cmd->callback([&ctx] { dispatch(ctx); });
}

}  // namespace tafel
