#include "adapters/store/coordinator_items.hpp"

#include "adapters/store/store.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

TEST(CoordinatorItems, DedupeKeyMakesOneItemAndResolvingClosesIt) {
  testing::TempDir dir;
  auto store = Store::open(dir / "t.db");
  ASSERT_TRUE(store);
  auto& db = store->db();
  CoordinatorItem item;
  item.kind = "below_quorum";
  item.detail = "Tafel van 12 maart: 5 van de 8 aanmeldingen.";
  item.dedupe_key = "quorum:12";
  const auto first = add_coordinator_item(db, item);
  EXPECT_EQ(add_coordinator_item(db, item), first);
  item.dedupe_key.reset();
  item.kind = "unclear_reply";
  item.detail = "\"ja maar later\"";
  const auto second = add_coordinator_item(db, item);
  EXPECT_NE(second, first);

  auto open = open_coordinator_items(db);
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].kind, "below_quorum");
  EXPECT_EQ(open[0].dedupe_key, "quorum:12");
  EXPECT_FALSE(open[1].dedupe_key.has_value());

  EXPECT_TRUE(resolve_coordinator_item(db, first, "coordinator@example.nl"));
  EXPECT_FALSE(resolve_coordinator_item(db, first, "coordinator@example.nl"));
  open = open_coordinator_items(db);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].id, second);
}

}  // namespace
}  // namespace tafel
