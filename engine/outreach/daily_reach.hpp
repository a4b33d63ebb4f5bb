#pragma once
// WhatsApp's daily limit on people reached outside their 24-hour window (shared/spec/
// messaging.md: 250 for a new business, then higher tiers) and the per-person spacing (about one
// message per 6 s to one person, error 131056). Pure: the caller supplies what was sent and when.
//
// Counting rule: a message sent at `t` counts against the limit when the person was outside the
// window at `t`, i.e. had written no message in the 24 h before `t`. Only the last inbound time is
// stored, so an inbound message *after* `t` hides any earlier one: such a send counts
// (conservative: the limit is never overrun, at worst a message waits needlessly).

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <vector>

namespace tafel::outreach {

inline constexpr std::int64_t kWhatsAppWindowSeconds = 24 * 3600;

// True when a message at `at_utc` to a person whose last inbound message was at `last_inbound`
// (none: never wrote) goes outside the 24-hour customer-service window.
bool outside_window(std::optional<std::int64_t> last_inbound_utc, std::int64_t at_utc);

struct ReachSend {
  std::int64_t member = 0;
  std::int64_t sent_at_utc = 0;
  std::optional<std::int64_t> last_inbound_utc;  // the member's, as stored now
};

// The people counted against the limit at `now`, and when a place frees up.
class DailyReach {
 public:
  // `limit` <= 0: no limit. `sends`: WhatsApp messages accepted by the provider (any age).
  DailyReach(int limit, const std::vector<ReachSend>& sends, std::int64_t now_utc);

  enum class Verdict { fits, inside_window, already_counted, over_limit };
  // Whether a new message to `member` may go at `now` (the constructor's).
  Verdict check(std::int64_t member, std::optional<std::int64_t> last_inbound_utc) const;
  // Records a message about to go (claimed), so the next check sees it.
  void add(std::int64_t member, std::optional<std::int64_t> last_inbound_utc);
  // When the count drops below the limit again (for a row that must wait); nullopt if it is
  // below the limit now.
  std::optional<std::int64_t> next_free_utc() const;
  std::size_t counted() const { return latest_.size(); }

 private:
  int limit_;
  std::int64_t now_;
  std::map<std::int64_t, std::int64_t> latest_;  // member -> latest counted send in the window
};

// Spacing between two messages to one person on one channel. Times in seconds (fractions ok).
class PersonSpacing {
 public:
  explicit PersonSpacing(double min_gap_seconds) : gap_(min_gap_seconds) {}
  // The earliest time a message to `member` may go, at or after `now`.
  double earliest(std::int64_t member, double now) const;
  void record(std::int64_t member, double at);
  // Forgets entries older than the gap (keeps the map small in a long-running daemon).
  void prune(double now);

 private:
  double gap_;
  std::map<std::int64_t, double> last_;
};

}  // namespace tafel::outreach
