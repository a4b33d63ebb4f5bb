#pragma once
// Refreshing a network's calendar feed (`calendar_url` in its [[networks]] table): a conditional
// fetch (feed_fetch.hpp), then the events importer on the fetched bytes over the default window
// (today .. today + horizon_days), with the URL as the occurrences' source key. One import, one
// transaction, as `tafelplanner import events URL` does.
//
// A failed fetch or a calendar the importer refuses leaves the stored events as they were and
// becomes one coordinator item (kind `feed_failed`, the network's id, a Dutch detail naming the
// URL and, for a refused calendar, the first error's line and column); at most one such item per
// network per day (its dedupe key). Validators are kept only after a successful import, so a
// refused calendar is fetched in full again next time. Never throws for a feed's own problems.

#include "adapters/config/config.hpp"
#include "adapters/feeds/feed_fetch.hpp"
#include "adapters/store/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::feeds {

struct FeedOutcome {
  enum class Kind { imported, not_modified, failed };
  std::string network;
  Kind kind = Kind::failed;
  // imported: the events import report (text lines); failed: the Dutch reason.
  std::string report;
  std::optional<std::int64_t> item_id;  // the coordinator item of a failure
};

FeedOutcome refresh_feed(Store& store, const Config& config, const NetworkConfig& network,
                         const FeedLimits& limits = {});

// refresh_feed for every configured network with a calendar_url, or only the one named `only`
// (which must then have one), in configuration order.
std::vector<FeedOutcome> refresh_feeds(Store& store, const Config& config,
                                       std::string_view only = {}, const FeedLimits& limits = {});

}  // namespace tafel::feeds
