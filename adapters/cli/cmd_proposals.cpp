// `proposals list|show|pin|unpin|lock|unlock|resolve`: the coordinator's review of proposals
// from the command line (the web pages call the same store functions).

#include "adapters/cli/commands.hpp"
#include "adapters/planning/plan_round.hpp"
#include "adapters/planning/proposal_view.hpp"
#include "adapters/store/proposals_store.hpp"

#include <fmt/format.h>

#include <iostream>

namespace tafel {

namespace {

Proposal require_proposal(CliContext& ctx, std::int64_t id) {
  auto p = load_proposal(ctx.store(), id);
  if (!p) throw CommandExit{kExitBadInput, fmt::format("Voorstel {} bestaat niet.", id)};
  return std::move(*p);
}

// Prints the new revision, or ends with exit 2 and the store's Dutch message.
void report_edit(const std::expected<int, ProposalError>& r, const std::string& done) {
  if (!r) throw CommandExit{kExitBadInput, r.error().message};
  std::cout << fmt::format("{} (versie {})\n", done, *r);
}

std::optional<int> revision_of(int given) {
  return given >= 0 ? std::optional<int>(given) : std::nullopt;
}

}  // namespace

void register_proposal_commands(CLI::App& app, CliContext& ctx) {
  auto* group = app.add_subcommand("proposals",
                                   "Review proposed schedules: list, show, pin, "
                                   "lock, re-solve");
  group->require_subcommand(1);

  struct ListArgs {
    std::string network, format = "text";
  };
  auto list_args = std::make_shared<ListArgs>();
  auto* list = group->add_subcommand("list", "List proposals, newest first");
  list->add_option("--network", list_args->network, "Only this network");
  list->add_option("--format", list_args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  list->callback([&ctx, list_args] {
    std::optional<std::int64_t> network;
    if (!list_args->network.empty()) network = require_network(ctx, list_args->network);
    const auto all = list_proposals(ctx.store(), network);
    if (list_args->format == "json")
      std::cout << proposal_list_to_json(all).dump(2) << "\n";
    else
      std::cout << format_proposal_list(all);
  });

  struct ShowArgs {
    std::int64_t id = 0;
    std::string format = "text";
  };
  auto show_args = std::make_shared<ShowArgs>();
  auto* show = group->add_subcommand("show",
                                     "Show a proposal: sessions with members, unplaced "
                                     "people with reasons");
  show->add_option("N", show_args->id, "Proposal number")->required();
  show->add_option("--format", show_args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  show->callback([&ctx, show_args] {
    const Proposal p = require_proposal(ctx, show_args->id);
    if (show_args->format == "json")
      std::cout << proposal_to_json(ctx.store(), p).dump(2) << "\n";
    else
      std::cout << format_proposal(ctx.store(), ctx.config(), p);
  });

  struct EditArgs {
    std::int64_t id = 0, member = 0, session = 0;
    int revision = -1;
  };
  auto add_edit = [&](const char* name, const char* help, bool needs_member, bool needs_session) {
    auto args = std::make_shared<EditArgs>();
    auto* cmd = group->add_subcommand(name, help);
    cmd->add_option("N", args->id, "Proposal number")->required();
    if (needs_member) cmd->add_option("--member", args->member, "Member id")->required();
    if (needs_session)
      cmd->add_option("--session", args->session, "Session (tafel) id")->required();
    cmd->add_option("--revision", args->revision,
                    "Refuse when the proposal is no longer at this version");
    return std::pair{cmd, args};
  };

  auto [pin, pin_args] =
      add_edit("pin", "Pin a member to a session (moving them there when needed)", true, true);
  pin->callback([&ctx, a = pin_args] {
    report_edit(pin_member(ctx.store(), a->id, a->member, a->session, revision_of(a->revision)),
                fmt::format("Lid {} staat vast aan tafel {}", a->member, a->session));
  });
  auto [unpin, unpin_args] = add_edit("unpin", "Release a member's pin", true, false);
  unpin->callback([&ctx, a = unpin_args] {
    report_edit(unpin_member(ctx.store(), a->id, a->member, revision_of(a->revision)),
                fmt::format("Lid {} staat niet meer vast", a->member));
  });
  auto [lock, lock_args] = add_edit(
      "lock", "Lock a session: a re-solve keeps its moment, facilitator and members", false, true);
  lock->callback([&ctx, a = lock_args] {
    report_edit(set_session_locked(ctx.store(), a->id, a->session, true, revision_of(a->revision)),
                fmt::format("Tafel {} is vergrendeld", a->session));
  });
  auto [unlock, unlock_args] = add_edit("unlock", "Unlock a session", false, true);
  unlock->callback([&ctx, a = unlock_args] {
    report_edit(set_session_locked(ctx.store(), a->id, a->session, false, revision_of(a->revision)),
                fmt::format("Tafel {} is ontgrendeld", a->session));
  });

  struct ResolveArgs {
    std::int64_t id = 0;
    std::int64_t time_limit_ms = 20000;
    std::uint64_t seed = 1;
    std::string export_instance, format = "text";
  };
  auto resolve_args = std::make_shared<ResolveArgs>();
  auto* resolve = group->add_subcommand(
      "resolve",
      "Re-solve a proposal: pins and locks hold, others move as little as possible; "
      "stores a new proposal and prints what changed");
  resolve->add_option("N", resolve_args->id, "Proposal number")->required();
  resolve->add_option("--time-limit-ms", resolve_args->time_limit_ms, "Solver time limit")
      ->check(CLI::PositiveNumber);
  resolve->add_option("--seed", resolve_args->seed, "Random seed");
  resolve->add_option("--export-instance", resolve_args->export_instance,
                      "Also write the instance built to FILE");
  resolve->add_option("--format", resolve_args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  resolve->callback([&ctx, a = resolve_args] {
    PlanRoundOptions options;
    options.time_limit_ms = a->time_limit_ms;
    options.seed = a->seed;
    options.resolve = a->id;
    options.export_instance = a->export_instance;
    run_plan_round(ctx, "", "", "", options, a->format, std::cout);
  });
}

}  // namespace tafel
