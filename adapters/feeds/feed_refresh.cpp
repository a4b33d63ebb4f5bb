#include "adapters/feeds/feed_refresh.hpp"

#include "adapters/feeds/feed_state.hpp"
#include "adapters/importers/events/event_import.hpp"
#include "adapters/store/coordinator_items.hpp"
#include "adapters/store/networks.hpp"

#include <fmt/format.h>

namespace tafel::feeds {

namespace {

FeedOutcome failed(Store& store, std::optional<std::int64_t> network_id,
                   const NetworkConfig& network, std::string reason) {
  FeedOutcome out;
  out.network = network.name;
  out.kind = FeedOutcome::Kind::failed;
  out.report = std::move(reason);
  CoordinatorItem item;
  item.kind = "feed_failed";
  item.network_id = network_id;
  item.detail = fmt::format(
      "De agenda van netwerk '{}' kon niet worden bijgewerkt: {}. De eerder ingelezen "
      "bijeenkomsten blijven staan; controleer het adres (calendar_url) of het agendabestand.",
      network.name, out.report);
  item.dedupe_key = fmt::format("feed_failed:{}:{}", network.name, now_utc_iso().substr(0, 10));
  try {
    out.item_id = add_coordinator_item(store.db(), item);
  } catch (const std::exception&) {
    // The item cannot be stored (database trouble): the outcome still says what failed.
  }
  return out;
}

// "regel 12, kolom 3: <message>" for the first error of a refused import.
std::string first_error(const EventImportResult& r) {
  for (const auto& p : r.problems)
    if (p.is_error())
      return p.column > 0 ? fmt::format("de agenda is afgewezen (regel {}, kolom {}: {})", p.line,
                                        p.column, p.message)
                          : fmt::format("de agenda is afgewezen (regel {}: {})", p.line, p.message);
  return "de agenda is afgewezen";
}

}  // namespace

FeedOutcome refresh_feed(Store& store, const Config& config, const NetworkConfig& network,
                         const FeedLimits& limits) {
  const auto row = find_network(store, network.name);
  if (!row)
    return failed(store, std::nullopt, network,
                  fmt::format("het netwerk '{}' staat niet in de database", network.name));
  if (network.calendar_url.empty())
    return failed(store, row->id, network, "er is geen calendar_url ingesteld");

  const auto known = load_feed_validators(config.state_dir, row->id, network.calendar_url);
  auto fetched = fetch_feed(network.calendar_url, known, limits);
  if (!fetched) return failed(store, row->id, network, fetched.error());
  FeedOutcome out;
  out.network = network.name;
  if (fetched->not_modified) {
    out.kind = FeedOutcome::Kind::not_modified;
    out.report = fmt::format("{}: not modified (HTTP 304)\n", network.calendar_url);
    return out;
  }

  const EventWindow window = default_event_window(config);
  EventImportRequest request{network.calendar_url, network.name, window.from_utc, window.to_utc};
  EventImportOptions options;
  options.content = std::move(fetched->body);
  const EventImportResult result = import_events(store, config, request, options);
  if (!result.taken) {
    FeedOutcome f = failed(store, row->id, network,
                           fmt::format("{}: {}", network.calendar_url, first_error(result)));
    f.report += "\n" + format_event_import_report(result);
    return f;
  }
  out.kind = FeedOutcome::Kind::imported;
  out.report = format_event_import_report(result);
  try {
    save_feed_validators(config.state_dir, row->id, network.calendar_url, fetched->validators);
  } catch (const std::exception&) {
    // Without validators the next fetch is simply unconditional.
  }
  return out;
}

std::vector<FeedOutcome> refresh_feeds(Store& store, const Config& config, std::string_view only,
                                       const FeedLimits& limits) {
  std::vector<FeedOutcome> out;
  for (const auto& n : config.networks) {
    if (!only.empty() ? n.name != only : n.calendar_url.empty()) continue;
    out.push_back(refresh_feed(store, config, n, limits));
  }
  return out;
}

}  // namespace tafel::feeds
