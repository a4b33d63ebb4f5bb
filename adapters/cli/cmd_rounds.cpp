// `tafelplanner rounds create|list|poll|close`: a planning round end to end without the pages.
// `poll` asks every eligible, reachable member of the round's network (the members `plan` would
// place) once, writing their poll invitations, the round's 'polling' status and the poll
// messages in one transaction; running it again asks only members not yet asked. `close` closes
// the poll and plans the round as `plan` does (adapters/planning/plan_round.hpp).

#include "adapters/cli/commands.hpp"
#include "adapters/links/reply_address.hpp"
#include "adapters/outbox/poll_outreach.hpp"
#include "adapters/planning/plan_round.hpp"
#include "adapters/store/networks.hpp"
#include "adapters/store/planning_queries.hpp"
#include "adapters/store/rounds_store.hpp"
#include "engine/outreach/message_facts.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>

namespace tafel {

namespace {

std::int64_t now_utc() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Date date_option(const std::string& option, const std::string& value) {
  const auto d = parse_date(value);
  if (!d)
    throw CommandExit{kExitBadInput,
                      fmt::format("{}: '{}' is not a date YYYY-MM-DD", option, value)};
  return *d;
}

RoundRow require_round(CliContext& ctx, std::int64_t id) {
  auto r = find_round(ctx.store().db(), id);
  if (!r) throw CommandExit{kExitBadInput, fmt::format("ROUND: ronde {} bestaat niet", id)};
  return *r;
}

// The last day to answer: the local day of the last second before the close.
std::string last_day(const TimeZone& zone, LocalTime closes) {
  return outreach::dutch_long_date(zone.from_utc(closes.utc_seconds - 1).local_date());
}

struct CreateArgs {
  std::string network, from, to, theme, poll_closes;
};

void create(CliContext& ctx, const CreateArgs& a) {
  const auto network = find_network(ctx.store(), a.network);
  if (!network)
    throw CommandExit{kExitBadInput, fmt::format("--network: unknown network '{}'", a.network)};
  NewRound r;
  r.network_id = network->id;
  const Date from = date_option("--from", a.from), to = date_option("--to", a.to);
  if (to < from) throw CommandExit{kExitBadInput, "--to: must not be before --from"};
  r.period_from = format_date(from);
  r.period_to = format_date(to);
  r.theme = a.theme;
  const TimeZone& zone = ctx.time_zone();
  if (!a.poll_closes.empty()) {
    const Date d = date_option("--poll-closes", a.poll_closes);
    if (d < zone.today())
      throw CommandExit{kExitBadInput, "--poll-closes: must not be in the past"};
    if (d > to) throw CommandExit{kExitBadInput, "--poll-closes: must not be after --to"};
    r.poll_closes = zone.from_local(add_days(d, 1), 0, 0);  // the end of that day
  }
  SQLite::Transaction tx(ctx.store().db());
  const std::int64_t id = create_round(ctx.store().db(), r);
  tx.commit();
  std::cout << id << "\n";
}

nlohmann::json round_json(const TimeZone& zone, const RoundRow& r) {
  nlohmann::json j = {
      {"id", r.id},
      {"network", r.network},
      {"from", r.period_from},
      {"to", r.period_to},
      {"theme", r.theme},
      {"status", r.status},
      {"created_at", r.created_at},
      {"asked", r.asked},
      {"answered", r.answered},
      {"proposals", r.proposals},
      {"poll_closes", nullptr},
      {"poll_sent_at", r.poll_sent_at ? nlohmann::json(*r.poll_sent_at) : nullptr},
      {"poll_closed_at", r.poll_closed_at ? nlohmann::json(*r.poll_closed_at) : nullptr}};
  if (r.poll_closes) j["poll_closes"] = format_iso8601(zone.from_utc(r.poll_closes->utc_seconds));
  return j;
}

void list(CliContext& ctx, const std::string& network_name, const std::string& format) {
  std::optional<std::int64_t> network;
  if (!network_name.empty()) {
    const auto n = find_network(ctx.store(), network_name);
    if (!n)
      throw CommandExit{kExitBadInput,
                        fmt::format("--network: unknown network '{}'", network_name)};
    network = n->id;
  }
  const TimeZone& zone = ctx.time_zone();
  const auto rows = list_rounds(ctx.store().db(), network);
  if (format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : rows) out.push_back(round_json(zone, r));
    std::cout << out.dump(2) << "\n";
    return;
  }
  for (const auto& r : rows)
    std::cout << fmt::format("{}\t{}\t{} t/m {}\t{}\tgevraagd {}, geantwoord {}{}\t{}\n", r.id,
                             r.network, r.period_from, r.period_to, r.status, r.asked, r.answered,
                             r.poll_closes ? ", sluit na " + last_day(zone, *r.poll_closes) : "",
                             r.theme);
}

void poll_round(CliContext& ctx, std::int64_t id) {
  const Config& cfg = ctx.config();
  const auto& templates = ctx.templates();  // before anything is decided
  const TimeZone& zone = ctx.time_zone();
  Store& store = ctx.store();
  const RoundRow round = require_round(ctx, id);
  if (round.status != "open" && round.status != "polling")
    throw CommandExit{kExitBadInput,
                      fmt::format("ROUND: ronde {} is {}; de peiling kan niet meer", id,
                                  round.status == "closed" ? "al gesloten" : "geannuleerd")};
  const std::int64_t now = now_utc();
  if (round.poll_closes && round.poll_closes->utc_seconds <= now)
    throw CommandExit{kExitBadInput, fmt::format("ROUND: de peiling van ronde {} sloot na {}", id,
                                                 last_day(zone, *round.poll_closes))};
  const outbox::OutreachSetup setup{cfg, zone, templates, ctx.link_key(),
                                    [] { return links::new_reply_address_id(); }};
  const LocalTime default_closes = zone.from_local(
      add_days(zone.from_utc(now).local_date(), cfg.messaging.policy.poll_close_after_days + 1), 0,
      0);

  SQLite::Transaction tx(store.db());
  std::vector<std::int64_t> members;
  for (const auto& m : load_planning_members(store, round.network_id)) members.push_back(m.id);
  const int added = add_poll_invitations(store.db(), id, members);
  start_polling(store.db(), id, default_closes);
  const auto report = outbox::enqueue_poll_messages_in_transaction(store, setup, now, id);
  tx.commit();

  const RoundRow after = require_round(ctx, id);
  std::cout << fmt::format(
      "Ronde {}: {} leden gevraagd ({} nieuw), {} berichten in de outbox gezet; de peiling sluit "
      "na {}\n",
      id, after.asked, added, report.enqueued,
      after.poll_closes ? last_day(zone, *after.poll_closes) : "?");
  for (const auto& p : report.problems) std::cerr << "niet verstuurd: " << p << "\n";
  if (!report.problems.empty()) throw CommandExit{kExitFailure, ""};
}

struct CloseArgs {
  std::int64_t round = 0;
  std::int64_t time_limit_ms = 20000;
  std::uint64_t seed = 1;
  std::string format = "text";
};

void close_round(CliContext& ctx, const CloseArgs& a) {
  const RoundRow round = require_round(ctx, a.round);
  if (round.status == "cancelled")
    throw CommandExit{kExitBadInput, fmt::format("ROUND: ronde {} is geannuleerd", a.round)};
  {
    SQLite::Transaction tx(ctx.store().db());
    close_poll(ctx.store().db(), a.round);
    tx.commit();
  }
  if (a.format == "text")
    std::cout << fmt::format("Ronde {}: peiling gesloten ({} van {} geantwoord)\n", a.round,
                             round.answered, round.asked);
  PlanRoundOptions options;
  options.time_limit_ms = a.time_limit_ms;
  options.seed = a.seed;
  options.theme = round.theme;
  run_plan_round(ctx, round.network, round.period_from, round.period_to, options, a.format,
                 std::cout);
}

}  // namespace

void register_round_commands(CLI::App& app, CliContext& ctx) {
  auto* group = app.add_subcommand("rounds", "Planning rounds and their availability poll");
  group->require_subcommand(1);

  auto c = std::make_shared<CreateArgs>();
  auto* create_cmd = group->add_subcommand("create", "Open a planning round; prints its id");
  create_cmd->add_option("--network", c->network, "Network name")->required();
  create_cmd->add_option("--from", c->from, "First day YYYY-MM-DD")->required();
  create_cmd->add_option("--to", c->to, "Last day YYYY-MM-DD")->required();
  create_cmd->add_option("--theme", c->theme, "Theme of the round's sessions")->required();
  create_cmd->add_option("--poll-closes", c->poll_closes,
                         "Last day YYYY-MM-DD to answer the poll (default: set when the poll is "
                         "sent, [messaging.policy] poll_close_after_days later)");
  create_cmd->callback([&ctx, c] { create(ctx, *c); });

  struct ListArgs {
    std::string network, format = "text";
  };
  auto l = std::make_shared<ListArgs>();
  auto* list_cmd = group->add_subcommand("list", "List planning rounds, newest first");
  list_cmd->add_option("--network", l->network, "Only this network's rounds");
  list_cmd->add_option("--format", l->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  list_cmd->callback([&ctx, l] { list(ctx, l->network, l->format); });

  auto p = std::make_shared<std::int64_t>(0);
  auto* poll_cmd = group->add_subcommand(
      "poll", "Send the availability poll to every eligible member not yet asked");
  poll_cmd->add_option("ROUND", *p, "Round id")->required();
  poll_cmd->callback([&ctx, p] { poll_round(ctx, *p); });

  auto a = std::make_shared<CloseArgs>();
  auto* close_cmd =
      group->add_subcommand("close", "Close the poll and plan the round as `plan` does");
  close_cmd->add_option("ROUND", a->round, "Round id")->required();
  close_cmd->add_option("--time-limit-ms", a->time_limit_ms, "Solver time limit")
      ->check(CLI::PositiveNumber);
  close_cmd->add_option("--seed", a->seed, "Random seed");
  close_cmd->add_option("--format", a->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  close_cmd->callback([&ctx, a] { close_round(ctx, *a); });
}

}  // namespace tafel
