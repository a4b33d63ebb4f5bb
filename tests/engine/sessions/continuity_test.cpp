#include "engine/sessions/continuity.hpp"

#include <gtest/gtest.h>

namespace tafel::sessions {
namespace {

TEST(Continuity, CameBeforeThenInvitedThenOthersStable) {
  const std::vector<OfferCandidate> c = {
      {1, false, false}, {2, false, true}, {3, true, true},
      {4, false, false}, {5, true, false}, {6, false, true},
  };
  EXPECT_EQ(offer_order(c), (std::vector<std::int64_t>{3, 5, 2, 6, 1, 4}));
  EXPECT_TRUE(offer_order({}).empty());
}

TEST(Continuity, SeriesWarnsWhereAvailabilityDoesNotCoverADate) {
  // 2026-03-12 16:30 local (+01:00) = 15:30Z.
  const std::int64_t start = 1773329400;
  const std::vector<SeriesDate> dates = {{start, 3600, start + 5400},
                                         {start + 7 * 86400, 3600, start + 7 * 86400 + 5400}};
  const std::vector<PinnedMember> members = {
      // Covers the first date by two touching intervals, not the second.
      {10, {{start - 600, start + 3000}, {start + 3000, start + 6000}}},
      {11, {}},                                                                    // unknown
      {12, {{start, start + 5400}, {start + 7 * 86400 - 60, start + 8 * 86400}}},  // both
  };
  const auto w = series_warnings(dates, members);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0].member_id, 10);
  EXPECT_EQ(w[0].date_index, 1u);
  EXPECT_EQ(w[0].kind, SeriesWarning::Kind::not_covered);
  EXPECT_EQ(w[0].message, "Opgegeven beschikbaarheid dekt 19-03-2026 16:30 niet.");
  EXPECT_EQ(w[1].member_id, 11);
  EXPECT_EQ(w[1].kind, SeriesWarning::Kind::unknown);
  EXPECT_EQ(w[1].message, "Beschikbaarheid op 12-03-2026 16:30 is niet bekend.");
  EXPECT_EQ(w[2].member_id, 11);
  EXPECT_EQ(w[2].date_index, 1u);
}

}  // namespace
}  // namespace tafel::sessions
