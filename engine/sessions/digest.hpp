#pragma once
// The learning community's digest (Tabel 3: the knowledge base is refreshed and shared at least
// quarterly): which new tips and solutions, coming sessions and sector figures go into it, in
// which order, and when the coordinator is reminded that a quarter passed without one. Pure:
// the store supplies the candidates and the clock.

#include "engine/sessions/knowledge.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tafel::sessions {

struct DigestItem {
  std::int64_t id = 0;  // knowledge item id
  std::string kind;     // "solution" | "tip" (other kinds are never selected)
  std::string sector;
  std::string theme;
  std::string text;
  std::int64_t captured_utc = 0;  // when it was recorded
};

struct DigestSession {
  std::int64_t session_id = 0;
  std::int64_t start_utc = 0;
  std::int32_t start_offset = 0;
  std::int64_t end_utc = 0;
  std::string sector;
  std::string theme;
  std::string place;  // venue name, town
};

struct DigestFigure {
  std::int64_t id = 0;  // sector card id
  std::string sector;
  std::string figure;  // what is measured, Dutch
  double value = 0;
  std::string unit;
  std::string source;
  std::string date;  // YYYY-MM-DD, the figure's reference date
};

struct DigestInput {
  std::vector<DigestItem> items;  // candidates, any order
  std::vector<DigestSession> sessions;
  std::vector<DigestFigure> figures;
  std::optional<std::int64_t> since_utc;  // the last sent digest; none: everything counts
  std::int64_t now_utc = 0;
  std::vector<KnownPerson> people;  // items naming one of them are refused
};

struct DigestLimits {
  int max_items = 20;            // tips and solutions in all
  int max_items_per_sector = 6;  // so one busy sector does not fill the digest
  int max_sessions = 10;
  std::int64_t session_horizon_seconds = 120LL * 86400;  // sessions starting within 120 days
  int max_figures_per_sector = 2;
};

struct Digest {
  std::vector<DigestItem> items;  // by sector, then solutions before tips, newest first, by id
  std::vector<DigestSession> sessions;  // by start, then session id
  std::vector<DigestFigure> figures;    // by sector, newest date first, then id
  int items_left_out = 0;  // new items over the limits: not carried over to the next digest
                           // (it starts after this one); the preview shows the number
  int items_refused = 0;   // new items that name a person (never included)
  bool empty() const { return items.empty() && sessions.empty() && figures.empty(); }
};

// Selection:
//  - items: kind "solution" or "tip", captured after `since_utc` (strictly) and at or before
//    `now_utc`, not naming a known person and holding no contact data (find_personal_data);
//    taken newest first (ties: lower id first) while the sector and overall limits allow;
//  - sessions: starting after `now_utc` and within the horizon, the first `max_sessions`;
//  - figures: per sector, the `max_figures_per_sector` with the newest date.
Digest compose_digest(const DigestInput& input, const DigestLimits& limits = {});

// A quarter is 91 days (13 weeks). True when no digest was sent in the last quarter:
// `now_utc - last_sent_utc >= 91 days`, or, when none was ever sent, `now_utc - since_utc >= 91
// days` where `since_utc` is when the community started (its first session or network).
inline constexpr std::int64_t kQuarterSeconds = 91LL * 86400;
bool digest_overdue(std::optional<std::int64_t> last_sent_utc, std::int64_t community_start_utc,
                    std::int64_t now_utc);

}  // namespace tafel::sessions
