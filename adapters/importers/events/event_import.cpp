#include "adapters/importers/events/event_import.hpp"

#include "adapters/importers/events/calendar_expand.hpp"
#include "adapters/importers/events/http_fetch.hpp"
#include "adapters/importers/events/venue_match.hpp"
#include "adapters/importers/events/zones.hpp"
#include "adapters/store/networks.hpp"

#include <SQLiteCpp/Backup.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>

namespace tafel {

namespace {

constexpr std::size_t kMaxFileBytes = 10 * 1024 * 1024;

std::expected<std::string, std::string> read_source(const std::string& source) {
  if (is_feed_url(source)) return fetch_url(source);
  std::error_code ec;
  const auto size = std::filesystem::file_size(source, ec);
  if (ec) return std::unexpected(fmt::format("cannot read the file: {}", ec.message()));
  if (size > kMaxFileBytes)
    return std::unexpected(fmt::format("the file is larger than {} bytes", kMaxFileBytes));
  std::ifstream in(source, std::ios::binary);
  if (!in) return std::unexpected("cannot open the file");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in) return std::unexpected("cannot read the file");
  return bytes;
}

// The key under which occurrences of this source are replaced on re-import.
std::string canonical_source(const std::string& source, bool given) {
  if (given || is_feed_url(source)) return source;
  std::error_code ec;
  auto p = std::filesystem::weakly_canonical(source, ec);
  return ec ? source : p.string();
}

EventImportResult refuse(EventImportResult r, CalendarProblem p) {
  r.problems.push_back(std::move(p));
  r.taken = false;
  return r;
}

}  // namespace

EventImportResult import_events(Store& store, const Config& config,
                                const EventImportRequest& request,
                                const EventImportOptions& options) {
  EventImportResult result;
  result.file = request.source;
  const auto network = find_network(store, request.network);
  if (!network)
    return refuse(std::move(result),
                  calendar_error(1, 0, "unknown_network",
                                 fmt::format("network '{}' does not exist (add it with "
                                             "`tafelplanner networks add`)",
                                             request.network)));
  auto zone = builtin_zone(config.timezone);
  if (!zone)
    return refuse(std::move(result), calendar_error(1, 0, "unknown_timezone", zone.error()));
  auto bytes = options.content ? std::expected<std::string, std::string>(*options.content)
                               : read_source(request.source);
  if (!bytes)
    return refuse(std::move(result), calendar_error(1, 0, "unreadable_file", bytes.error()));

  auto expanded = expand_calendar(*bytes, *zone, ExpandWindow{request.from_utc, request.to_utc});
  if (!expanded) {
    result.problems = std::move(expanded.error());
    return result;
  }
  result.problems = std::move(expanded->warnings);

  const VenueMatcher venues(config.venues);
  std::vector<EventRow> rows;
  std::set<std::string> reported;
  for (const auto& o : expanded->occurrences) {
    EventRow r;
    r.network_id = network->id;
    r.uid = o.uid;
    r.recurrence_id = o.recurrence_id;
    r.title = o.title;
    r.location = o.location;
    r.venue_id = venues.match(o.location);
    r.start = o.start;
    r.end = o.end;
    r.all_day = o.all_day;
    const std::string title = o.title.empty() ? "(untitled)" : o.title;
    if (!r.venue_id && reported.insert(o.uid + '\x1f' + o.location).second) {
      ++result.unmatched;
      result.problems.push_back(
          o.location.empty()
              ? calendar_warning(o.line, 0, "missing_location",
                                 fmt::format("'{}' has no LOCATION; kept without a venue", title))
              : calendar_warning(o.line, 0, "unmatched_location",
                                 fmt::format("LOCATION '{}' of '{}' matches no configured venue; "
                                             "kept without a venue",
                                             o.location, title)));
    }
    rows.push_back(std::move(r));
  }
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });

  const EventImportLog log{
      network->id, canonical_source(request.source, options.content.has_value()), request.from_utc,
      request.to_utc, static_cast<int>(result.problems.size())};
  try {
    result.dry_run = options.dry_run;
    if (options.dry_run) {  // the same import on a copy that is thrown away
      auto copy = Store::open(":memory:");
      if (!copy) throw std::runtime_error(copy.error().message);
      SQLite::Backup(copy->db(), store.db()).executeStep();
      result.counts = replace_events(*copy, log, rows);
    } else {
      result.counts = replace_events(store, log, rows);
    }
  } catch (const std::exception& e) {
    return refuse(std::move(result),
                  calendar_error(1, 0, "store_failed", fmt::format("cannot store: {}", e.what())));
  }
  result.taken = true;
  result.occurrences = static_cast<int>(rows.size());
  return result;
}

EventWindow default_event_window(const Config& config) {
  auto zone = builtin_zone(config.timezone);
  if (!zone) return {};
  const Date today = today_in(*zone);
  return EventWindow{local_midnight_utc(today, *zone),
                     local_midnight_utc(add_days(today, config.horizon_days), *zone)};
}

std::string format_event_import_report(const EventImportResult& r) {
  std::string out;
  int errors = 0;
  for (const auto& p : r.problems) {
    out += format_calendar_problem(r.file, p) + "\n";
    errors += p.is_error() ? 1 : 0;
  }
  const int warnings = static_cast<int>(r.problems.size()) - errors;
  if (!r.taken)
    return out + fmt::format("{}: refused: {} error(s), {} warning(s); nothing was imported\n",
                             r.file, errors, warnings);
  return out + fmt::format(
                   "{}: {}: {} occurrence(s): {} added, {} updated, {} removed, {} unchanged; "
                   "{} event(s) without a venue; {} warning(s)\n",
                   r.file, r.dry_run ? "would be taken (dry run)" : "taken", r.occurrences,
                   r.counts.added, r.counts.updated, r.counts.removed, r.counts.unchanged,
                   r.unmatched, warnings);
}

}  // namespace tafel
