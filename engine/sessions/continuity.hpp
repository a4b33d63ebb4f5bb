#pragma once
// Continuity of a group (Tabel 3: keep in touch over many contact moments): who is offered the
// next session of a group first, and, for a group continuing as a series of fixed sessions with
// its members pinned, where a member's known availability does not cover a date. Pure.

#include <cstdint>
#include <string>
#include <vector>

namespace tafel::sessions {

struct OfferCandidate {
  std::int64_t member_id = 0;
  bool came_before = false;     // attended an earlier session of the group
  bool invited_before = false;  // was invited to one (whatever the answer)
};

// Member ids in offer order: those who came before, then those invited before, then the
// others; stable (the input order is kept within each rank).
std::vector<std::int64_t> offer_order(const std::vector<OfferCandidate>& candidates);

struct Interval {
  std::int64_t start_utc = 0;
  std::int64_t end_utc = 0;  // exclusive
};

struct SeriesDate {
  std::int64_t start_utc = 0;
  std::int32_t start_offset = 0;  // for the message's local time
  std::int64_t end_utc = 0;
};

struct PinnedMember {
  std::int64_t member_id = 0;
  // The member's known availability; an empty list means "not known" (no poll answer), which
  // is reported as such, not as a conflict.
  std::vector<Interval> availability;
};

struct SeriesWarning {
  enum class Kind { not_covered, unknown };
  std::int64_t member_id = 0;
  std::size_t date_index = 0;  // into the dates given
  Kind kind = Kind::not_covered;
  std::string message;  // Dutch, without the member's name (the page adds it)
};

// For every pinned member and date of the series (member order, then date order): a warning
// when the member's availability is unknown, or when the union of their intervals does not
// cover the date's whole [start, end) span.
std::vector<SeriesWarning> series_warnings(const std::vector<SeriesDate>& dates,
                                           const std::vector<PinnedMember>& members);

}  // namespace tafel::sessions
