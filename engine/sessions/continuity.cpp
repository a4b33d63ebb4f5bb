#include "engine/sessions/continuity.hpp"

#include "engine/time/civil.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tafel::sessions {

namespace {

int rank(const OfferCandidate& c) {
  if (c.came_before) return 0;
  if (c.invited_before) return 1;
  return 2;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// "12-03-2026 16:30" on the local wall clock.
std::string local_label(std::int64_t utc, std::int32_t offset) {
  const std::int64_t local = utc + offset;
  const Date d = civil_from_days(floor_div(local, 86400));
  const std::int64_t minute = (local - floor_div(local, 86400) * 86400) / 60;
  return fmt::format("{:02}-{:02}-{:04} {:02}:{:02}", d.day, d.month, d.year, minute / 60,
                     minute % 60);
}

// True when the union of `intervals` covers [start, end).
bool covers(std::vector<Interval> intervals, std::int64_t start, std::int64_t end) {
  std::sort(intervals.begin(), intervals.end(),
            [](const Interval& a, const Interval& b) { return a.start_utc < b.start_utc; });
  std::int64_t reached = start;
  for (const auto& iv : intervals) {
    if (iv.start_utc > reached) break;
    reached = std::max(reached, iv.end_utc);
    if (reached >= end) return true;
  }
  return reached >= end;
}

}  // namespace

std::vector<std::int64_t> offer_order(const std::vector<OfferCandidate>& candidates) {
  std::vector<OfferCandidate> sorted = candidates;
  std::stable_sort(
      sorted.begin(), sorted.end(),
      [](const OfferCandidate& a, const OfferCandidate& b) { return rank(a) < rank(b); });
  std::vector<std::int64_t> out;
  out.reserve(sorted.size());
  for (const auto& c : sorted) out.push_back(c.member_id);
  return out;
}

std::vector<SeriesWarning> series_warnings(const std::vector<SeriesDate>& dates,
                                           const std::vector<PinnedMember>& members) {
  std::vector<SeriesWarning> out;
  for (const auto& m : members)
    for (std::size_t i = 0; i < dates.size(); ++i) {
      const auto& d = dates[i];
      const auto label = local_label(d.start_utc, d.start_offset);
      if (m.availability.empty()) {
        out.push_back({m.member_id, i, SeriesWarning::Kind::unknown,
                       fmt::format("Beschikbaarheid op {} is niet bekend.", label)});
      } else if (!covers(m.availability, d.start_utc, d.end_utc)) {
        out.push_back({m.member_id, i, SeriesWarning::Kind::not_covered,
                       fmt::format("Opgegeven beschikbaarheid dekt {} niet.", label)});
      }
    }
  return out;
}

}  // namespace tafel::sessions
