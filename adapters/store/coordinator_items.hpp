#pragma once
// The coordinator's inbox (schema v4 `coordinator_items`): what a person must look at because
// the software will not guess — unclear or unmatched replies, quarantined webhook deliveries,
// quorum alerts, unreachable people, failed channels, template errors, bounces.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct CoordinatorItem {
  std::int64_t id = 0;  // set when loaded
  std::string kind;     // unclear_reply | unmatched_reply | quarantined | below_quorum |
                        // unreachable | channel_failed | template_error | refused_answer | bounce
  std::optional<std::int64_t> network_id;
  std::optional<std::int64_t> session_id;
  std::optional<std::int64_t> member_id;
  std::optional<std::int64_t> inbound_id;
  std::optional<std::int64_t> delivery_id;
  std::string detail;                     // Dutch, for the coordinator; may quote the reply
  std::optional<std::string> dedupe_key;  // an item with the same key is not added twice
  std::string created_at;                 // set when loaded
  std::optional<std::string> resolved_at;
};

// Inside the caller's transaction (or on its own). Returns the new item's id, or the existing
// one's when an item with the same dedupe key is already there.
std::int64_t add_coordinator_item(SQLite::Database& db, const CoordinatorItem& item);

// Open items (not resolved), oldest first.
std::vector<CoordinatorItem> open_coordinator_items(SQLite::Database& db);

// Marks an item resolved by `who` (an account's e-mail address or "system"); false if unknown.
bool resolve_coordinator_item(SQLite::Database& db, std::int64_t id, const std::string& who);

}  // namespace tafel
