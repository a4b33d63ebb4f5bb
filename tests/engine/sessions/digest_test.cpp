#include "engine/sessions/digest.hpp"

#include <gtest/gtest.h>

namespace tafel::sessions {
namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kNow = 1780000000;

DigestItem item(std::int64_t id, std::string kind, std::string sector, std::int64_t age_days,
                std::string text = "Een tip") {
  return {id,         std::move(kind), std::move(sector),
          "Behouden", std::move(text), kNow - age_days * kDay};
}

TEST(Digest, SelectsNewTipsAndSolutionsOnlyInDocumentedOrder) {
  DigestInput in;
  in.now_utc = kNow;
  in.since_utc = kNow - 30 * kDay;
  in.items = {
      item(1, "tip", "installatie", 5), item(2, "solution", "installatie", 10),
      item(3, "tip", "bouw", 2),        item(4, "tip", "bouw", 40),  // before the last digest
      item(5, "bottleneck", "bouw", 1),                              // never in a digest
      item(6, "contact", "bouw", 1),                                 // never in a digest
      item(7, "takeaway", "bouw", 1),                                // never in a digest
      item(8, "solution", "bouw", -1),                               // in the future
      item(9, "solution", "bouw", 3),
  };
  const auto d = compose_digest(in);
  ASSERT_EQ(d.items.size(), 4u);
  EXPECT_EQ(d.items[0].id, 9);  // bouw: solution first
  EXPECT_EQ(d.items[1].id, 3);
  EXPECT_EQ(d.items[2].id, 2);  // installatie: solution, then tip
  EXPECT_EQ(d.items[3].id, 1);
  EXPECT_EQ(d.items_left_out, 0);
  EXPECT_EQ(d.items_refused, 0);
}

TEST(Digest, LimitsPerSectorAndOverallKeepTheNewest) {
  DigestInput in;
  in.now_utc = kNow;
  for (int i = 1; i <= 10; ++i) in.items.push_back(item(i, "tip", "bouw", i));
  for (int i = 11; i <= 13; ++i) in.items.push_back(item(i, "tip", "installatie", i));
  DigestLimits limits;
  limits.max_items = 6;
  limits.max_items_per_sector = 4;
  const auto d = compose_digest(in, limits);
  ASSERT_EQ(d.items.size(), 6u);
  EXPECT_EQ(d.items[0].id, 1);
  EXPECT_EQ(d.items[3].id, 4);  // the four newest of bouw
  EXPECT_EQ(d.items[4].id, 11);
  EXPECT_EQ(d.items[5].id, 12);
  EXPECT_EQ(d.items_left_out, 7);
}

TEST(Digest, NothingPersonalReachesTheDigest) {
  DigestInput in;
  in.now_utc = kNow;
  in.people = {{"Gerrit Hendriksen", {"g@hendriksen.nl"}, {"+31611122233"}}};
  in.items = {
      item(1, "tip", "bouw", 1, "Hendriksen laat leerlingen meedraaien"),
      item(2, "tip", "bouw", 1, "Mail g@hendriksen.nl voor het contract"),
      item(3, "tip", "bouw", 1, "Bel 06 111 222 33"),
      item(4, "tip", "bouw", 1, "Laat leerlingen een dag meedraaien met een vakman"),
  };
  const auto d = compose_digest(in);
  ASSERT_EQ(d.items.size(), 1u);
  EXPECT_EQ(d.items[0].id, 4);
  EXPECT_EQ(d.items_refused, 3);
  for (const auto& i : d.items) EXPECT_FALSE(contains_personal_data(i.text, in.people));
}

TEST(Digest, ComingSessionsWithinHorizonAndNewestFiguresPerSector) {
  DigestInput in;
  in.now_utc = kNow;
  in.sessions = {{3, kNow + 10 * kDay, 3600, kNow + 10 * kDay + 5400, "bouw", "", "Ede"},
                 {1, kNow + 2 * kDay, 3600, kNow + 2 * kDay + 5400, "bouw", "", "Ede"},
                 {2, kNow - kDay, 3600, kNow - kDay + 5400, "bouw", "", "Ede"},
                 {4, kNow + 200 * kDay, 3600, kNow + 200 * kDay + 5400, "bouw", "", "Ede"}};
  in.figures = {{1, "bouw", "Vacatures", 12, "%", "UWV", "2025-01-01"},
                {2, "bouw", "Vacatures", 14, "%", "UWV", "2026-01-01"},
                {3, "bouw", "Vacatures", 13, "%", "UWV", "2025-07-01"},
                {4, "installatie", "Vergrijzing", 30, "%", "CBS", "2024-01-01"}};
  const auto d = compose_digest(in);
  ASSERT_EQ(d.sessions.size(), 2u);
  EXPECT_EQ(d.sessions[0].session_id, 1);
  EXPECT_EQ(d.sessions[1].session_id, 3);
  ASSERT_EQ(d.figures.size(), 3u);
  EXPECT_EQ(d.figures[0].id, 2);
  EXPECT_EQ(d.figures[1].id, 3);
  EXPECT_EQ(d.figures[2].id, 4);
  EXPECT_FALSE(d.empty());
  EXPECT_TRUE(compose_digest(DigestInput{}).empty());
}

TEST(Digest, OverdueAfterAQuarterWithoutOne) {
  EXPECT_FALSE(digest_overdue(kNow - 90 * kDay, 0, kNow));
  EXPECT_TRUE(digest_overdue(kNow - 91 * kDay, 0, kNow));
  EXPECT_FALSE(digest_overdue(std::nullopt, kNow - 10 * kDay, kNow));
  EXPECT_TRUE(digest_overdue(std::nullopt, kNow - 100 * kDay, kNow));
}

}  // namespace
}  // namespace tafel::sessions
