// `tafelplanner approve [PROPOSAL]` and `tafelplanner dispatch --once`: approving a proposal
// turns its sessions into invitations in the outbox; dispatching decides which contact moments
// are due now (reminders, nudges, changes, cancellations), then sends everything due through the
// configured SMTP account or, without one, into the local outbox folder.

#include "adapters/cli/commands.hpp"
#include "adapters/cli/senders.hpp"
#include "adapters/links/link_key.hpp"
#include "adapters/links/reply_address.hpp"
#include "adapters/outbox/dispatcher.hpp"
#include "adapters/outbox/fallback_render.hpp"
#include "adapters/outbox/folder_sender.hpp"
#include "adapters/outbox/outreach_planner.hpp"
#include "adapters/outbox/smtp_channel.hpp"
#include "adapters/outbox/template_files.hpp"
#include "adapters/store/outbox_store.hpp"
#include "adapters/store/proposals_store.hpp"
#include "adapters/whatsapp/sender_setup.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>

namespace tafel {

namespace {

std::int64_t now_utc() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Reply-address ids come from adapters/links (128 random bits, lowercase base32).
std::string new_reply_id() { return links::new_reply_address_id(); }

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

void approve(CliContext& ctx, std::int64_t proposal, const std::string& by) {
  const Config& cfg = ctx.config();
  const auto& templates = ctx.templates();  // before anything is decided
  Store& store = ctx.store();
  if (proposal == 0) {
    for (const auto& h : list_proposals(store))
      if (h.status == "proposed") {
        proposal = h.id;
        break;
      }
    if (proposal == 0) throw CommandExit{kExitBadInput, "geen voorstel om goed te keuren"};
  }
  const outbox::OutreachSetup setup{cfg, ctx.time_zone(), templates, ctx.link_key(), new_reply_id};
  // The approval and its invitations' outbox rows commit together.
  SQLite::Transaction tx(store.db());
  auto approved = approve_proposal_in_transaction(store.db(), proposal, by);
  if (!approved) throw CommandExit{kExitBadInput, approved.error().message};
  const auto report = outbox::enqueue_due_messages_in_transaction(store, setup, now_utc());
  tx.commit();
  std::cout << fmt::format("Voorstel {} goedgekeurd\n", proposal);
  print_planner_report(report);
}

void dispatch(CliContext& ctx) {
  const Config& cfg = ctx.config();
  const auto& templates = ctx.templates();
  Store& store = ctx.store();
  if (const int requeued = requeue_in_flight(store); requeued > 0)
    std::cerr << fmt::format(
        "{} berichten waren onderweg bij een onderbreking; opnieuw in de rij\n", requeued);
  const std::int64_t now = now_utc();
  const outbox::OutreachSetup setup{cfg, ctx.time_zone(), templates, ctx.link_key(), new_reply_id};
  print_planner_report(outbox::enqueue_due_messages(store, setup, now));
  {  // Time passing: offers expire, quorum checks run, sessions start.
    SQLite::Transaction tx(store.db());
    if (const int n = replies::advance_sessions(store.db(), ctx.reply_context(), now); n > 0)
      std::cout << fmt::format("{} berichten door verlopen termijnen\n", n);
    tx.commit();
  }

  // The senders `serve` uses too (adapters/cli/senders.hpp), one instance each here.
  const auto senders = choose_senders_or_exit(cfg);
  if (!senders.note.empty()) std::cerr << senders.note << "\n";
  const auto email = senders.choice.email.make();
  const auto whatsapp = senders.choice.whatsapp.make();
  std::mt19937_64 rng(std::random_device{}());
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const outbox::RetryPolicy retry{cfg.messaging.max_attempts, cfg.messaging.retry_base_seconds,
                                  cfg.messaging.retry_max_seconds};
  auto clock = [] {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  auto sleep = [](double seconds) {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  };
  const auto r = outbox::dispatch_due(
      store, *email, *whatsapp, retry, outbox::DispatchLimits::from_config(cfg.messaging), clock,
      sleep, [&] { return unit(rng); }, 100,
      outbox::make_fallback_renderer(store, {cfg, ctx.time_zone(), templates, ctx.link_key()}));
  std::cout << fmt::format(
      "{} verstuurd, {} later opnieuw, {} mislukt{}\n", r.sent, r.retried, r.failed,
      senders.choice.email_to_folder
          ? fmt::format(" (zonder account: in {})", cfg.messaging.outbox_dir.string())
          : "");
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
  dispatch_cmd->callback([&ctx, once] { dispatch(ctx); });  // `once` lives as long as the option
}

}  // namespace tafel
