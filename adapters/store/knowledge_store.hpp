#pragma once
// The learning community's knowledge base (schema v7 `knowledge_items`, written by
// sessions_store.hpp's record_capture) and the sector-data cards. Everything here is readable by
// the whole community: the items hold no member id and no personal data (refused on capture).
//
// Transactions and errors as in sessions_store.hpp: writers run in a savepoint (joining the
// caller's transaction), fixable input errors come back as SessionStoreError with a Dutch
// message and the field's JSON pointer.

#include "adapters/store/sessions_store.hpp"
#include "engine/sessions/knowledge.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct KnowledgeItem {
  std::int64_t id = 0;
  std::optional<std::int64_t> session_id;  // nullopt once the session is gone
  std::string kind;                        // bottleneck | tip | solution | contact | takeaway
  std::string sector;
  std::string theme;
  std::string text;
  std::int64_t noted_utc = 0;  // the session's start
  std::int32_t noted_offset = 0;
  std::int64_t created_utc = 0;  // when recorded
};

struct KnowledgeQuery {
  std::optional<std::string> sector;     // exact configured sector name
  std::optional<std::string> theme;      // exact theme
  std::vector<std::string> kinds;        // empty: all kinds
  std::optional<std::int64_t> from_utc;  // noted_utc >= from
  std::optional<std::int64_t> to_utc;    // noted_utc < to
  std::optional<std::string> text;       // substring, case-insensitive for ASCII
  int limit = 200;                       // clamped to 1..1000
  int offset = 0;
};

// Matching items, newest session first, then in recorded order.
std::vector<KnowledgeItem> search_knowledge(SQLite::Database& db, const KnowledgeQuery& query);
// Distinct non-empty themes and sectors, sorted (for the search form's choices).
std::vector<std::string> knowledge_themes(SQLite::Database& db);
std::vector<std::string> knowledge_sectors(SQLite::Database& db);

// Bottlenecks counted per theme per quarter from `from` to `to` inclusive (engine
// count_bottlenecks), optionally for one sector.
sessions::BottleneckCounts bottleneck_counts(SQLite::Database& db, sessions::Quarter from,
                                             sessions::Quarter to,
                                             const std::optional<std::string>& sector);

// --- sector-data cards --------------------------------------------------------------------

struct SectorCard {
  std::int64_t id = 0;  // 0 on insert
  std::string sector;
  std::string figure;  // what is measured, Dutch ("Openstaande vacatures per 100 werklozen")
  double value = 0;
  std::string unit;         // "%", "per 100", "" ...
  std::string source;       // e.g. "UWV Arbeidsmarktprognose", required
  std::string figure_date;  // YYYY-MM-DD, required
  bool active = true;
  std::string updated_at;  // set by the store
  std::string updated_by;
};

// Adds a card (returns its id) or updates card `card.id`; refuses an empty sector ("/sector"),
// figure ("/figure") or source ("/source"), a non-finite value ("/value"), a malformed date
// ("/figure_date"); not_found for an unknown id on update.
SessionResult<std::int64_t> save_sector_card(SQLite::Database& db, const SectorCard& card,
                                             const std::string& by);
std::optional<SectorCard> find_sector_card(SQLite::Database& db, std::int64_t id);
// Cards by sector, then figure, then date (oldest first: a chart's series), active only unless
// `include_inactive`.
std::vector<SectorCard> list_sector_cards(SQLite::Database& db,
                                          const std::optional<std::string>& sector,
                                          bool include_inactive = false);

}  // namespace tafel
