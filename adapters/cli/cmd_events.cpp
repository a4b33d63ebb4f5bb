// `import events FILE|URL --network NAME [--from DATE --to DATE]` and
// `events list [--format text|json] [--from DATE --to DATE] [--network NAME]`,
// `events refresh [--network NAME]`: fetch and import the configured calendar feeds once
// (adapters/feeds); exit 1 when one failed (it then is a coordinator item too).
// DATEs are local dates (YYYY-MM-DD) in the configured zone; --to is inclusive. The default
// window is today .. today + horizon_days.

#include "adapters/cli/commands.hpp"
#include "adapters/feeds/feed_refresh.hpp"
#include "adapters/importers/events/event_import.hpp"
#include "adapters/importers/events/zones.hpp"
#include "adapters/store/events_store.hpp"
#include "adapters/store/networks.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace tafel {

namespace {

struct WindowArgs {
  std::string from;
  std::string to;
};

struct Window {
  std::int64_t from_utc = 0;
  std::int64_t to_utc = 0;
};

Window resolve_window(const WindowArgs& args, const Config& config) {
  auto zone = builtin_zone(config.timezone);
  if (!zone) throw CommandExit{kExitBadInput, "timezone: " + zone.error()};
  auto date = [](const std::string& text, const char* option) {
    auto d = parse_date(text);
    if (!d)
      throw CommandExit{kExitBadInput,
                        fmt::format("{}: '{}' is not a date (YYYY-MM-DD)", option, text)};
    return *d;
  };
  const Date today = today_in(*zone);
  const Date from = args.from.empty() ? today : date(args.from, "--from");
  const Date to_exclusive =
      args.to.empty() ? add_days(from, config.horizon_days) : add_days(date(args.to, "--to"), 1);
  if (to_exclusive <= from) throw CommandExit{kExitBadInput, "--to: must not be before --from"};
  return Window{local_midnight_utc(from, *zone), local_midnight_utc(to_exclusive, *zone)};
}

void add_window_options(CLI::App* cmd, WindowArgs& args) {
  cmd->add_option("--from", args.from, "First local date, YYYY-MM-DD (default: today)");
  cmd->add_option("--to", args.to,
                  "Last local date, inclusive, YYYY-MM-DD (default: from + horizon_days)");
}

nlohmann::ordered_json event_json(const EventRow& e) {
  return {{"id", std::to_string(e.id)},
          {"uid", e.uid},
          {"network", e.network},
          {"title", e.title},
          {"start", format_iso8601(e.start)},
          {"end", format_iso8601(e.end)},
          {"all_day", e.all_day},
          {"venue",
           e.venue_id ? nlohmann::ordered_json(*e.venue_id) : nlohmann::ordered_json(nullptr)}};
}

void register_import_events(CLI::App& app, CliContext& ctx) {
  struct Args {
    std::string source;
    std::string network;
    WindowArgs window;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = import_group(app).add_subcommand(
      "events", "Import a network's event calendar (iCalendar file or http(s) feed URL)");
  cmd->add_option("SOURCE", args->source, "An .ics file or a feed URL")->required();
  cmd->add_option("--network", args->network, "The network the events belong to")->required();
  add_window_options(cmd, args->window);
  cmd->callback([&ctx, args] {
    const Config& config = ctx.config();
    const Window w = resolve_window(args->window, config);
    const auto result = import_events(
        ctx.store(), config, EventImportRequest{args->source, args->network, w.from_utc, w.to_utc});
    std::cout << format_event_import_report(result) << std::flush;
    if (!result.taken) throw CommandExit{kExitBadInput, ""};
  });
}

void register_events_refresh(CLI::App& group, CliContext& ctx) {
  auto network = std::make_shared<std::string>();
  auto* cmd = group.add_subcommand(
      "refresh", "Fetch and import the networks' calendar feeds (calendar_url) once");
  cmd->add_option("--network", *network, "Only this network (it must have a calendar_url)");
  cmd->callback([&ctx, network] {
    const Config& config = ctx.config();
    if (!network->empty()) {
      bool has_feed = false;
      for (const auto& n : config.networks)
        if (n.name == *network) has_feed = !n.calendar_url.empty();
      if (!has_feed)
        throw CommandExit{kExitBadInput,
                          fmt::format("--network: '{}' is not a configured network with a "
                                      "calendar_url",
                                      *network)};
    }
    const auto outcomes = feeds::refresh_feeds(ctx.store(), config, *network);
    if (outcomes.empty()) std::cout << "no network has a calendar_url\n";
    bool failed = false;
    for (const auto& o : outcomes) {
      switch (o.kind) {
        case feeds::FeedOutcome::Kind::imported:
        case feeds::FeedOutcome::Kind::not_modified:
          std::cout << o.report;
          break;
        case feeds::FeedOutcome::Kind::failed:
          failed = true;
          std::cout << fmt::format("{}: failed: {}\n", o.network, o.report);
          break;
      }
    }
    std::cout << std::flush;
    if (failed) throw CommandExit{kExitFailure, ""};
  });
}

void register_events_list(CLI::App& app, CliContext& ctx) {
  struct Args {
    std::string format = "text";
    std::string network;
    WindowArgs window;
  };
  auto args = std::make_shared<Args>();
  auto* group = app.add_subcommand("events", "Network events (member meetings, gatherings)");
  group->require_subcommand(1);
  register_events_refresh(*group, ctx);
  auto* list = group->add_subcommand("list", "List event occurrences, ordered by start");
  list->add_option("--format", args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  list->add_option("--network", args->network, "Only this network's events");
  add_window_options(list, args->window);
  list->callback([&ctx, args] {
    const Window w = resolve_window(args->window, ctx.config());
    std::optional<std::int64_t> network_id;
    if (!args->network.empty()) {
      const auto n = find_network(ctx.store(), args->network);
      if (!n)
        throw CommandExit{kExitBadInput,
                          fmt::format("--network: no network named '{}'", args->network)};
      network_id = n->id;
    }
    const auto rows = list_events(ctx.store(), w.from_utc, w.to_utc, network_id);
    if (args->format == "json") {
      nlohmann::ordered_json out = nlohmann::ordered_json::array();
      for (const auto& e : rows) out.push_back(event_json(e));
      std::cout << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                << "\n";
      return;
    }
    for (const auto& e : rows)
      std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\t{}\n", e.id, format_iso8601(e.start),
                               format_iso8601(e.end), e.network, e.title, e.venue_id.value_or("-"));
  });
}

}  // namespace

void register_event_commands(CLI::App& app, CliContext& ctx) {
  register_import_events(app, ctx);
  register_events_list(app, ctx);
}

}  // namespace tafel
