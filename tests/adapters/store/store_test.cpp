#include "adapters/store/store.hpp"

#include "adapters/store/networks.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

TEST(Store, CreatesSchemaWithWalAndForeignKeys) {
  testing::TempDir dir;
  auto store = Store::open(dir / "t.db");
  ASSERT_TRUE(store.has_value()) << store.error().message;
  EXPECT_EQ(store->schema_version(), Store::latest_schema_version());
  EXPECT_EQ(store->db().execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(store->db().execAndGet("PRAGMA foreign_keys").getInt(), 1);
}

TEST(Store, ReopeningKeepsDataAndVersion) {
  testing::TempDir dir;
  {
    auto store = Store::open(dir / "t.db");
    ASSERT_TRUE(store);
    upsert_network(*store, NetworkConfig{"Coop", "Coop BV", "a@b.nl"});
  }
  auto store = Store::open(dir / "t.db");
  ASSERT_TRUE(store);
  auto n = find_network(*store, "Coop");
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->sender_email, "a@b.nl");
  EXPECT_EQ(store->db().execAndGet("SELECT COUNT(*) FROM schema_version").getInt(),
            Store::latest_schema_version());
}

TEST(Store, RefusesNewerSchema) {
  testing::TempDir dir;
  {
    auto store = Store::open(dir / "t.db");
    ASSERT_TRUE(store);
    store->db().exec("INSERT INTO schema_version VALUES (999, 'future')");
  }
  auto store = Store::open(dir / "t.db");
  ASSERT_FALSE(store.has_value());
  EXPECT_NE(store.error().message.find("999"), std::string::npos);
  EXPECT_NE(store.error().message.find("newer"), std::string::npos);
}

TEST(Store, SyncMirrorsVenuesAndDeactivatesRemovedOnes) {
  testing::TempDir dir;
  auto store = Store::open(dir / "t.db");
  ASSERT_TRUE(store);
  Config cfg;
  for (const auto& [id, capacity] : {std::pair{"a", 12}, std::pair{"b", 8}}) {
    VenueConfig v;
    v.id = id;
    v.name = id;
    v.lat = 52;
    v.lon = 5;
    v.rooms = {RoomConfig{"z1", capacity}};
    cfg.venues.push_back(v);
  }
  sync_configuration(*store, cfg);
  cfg.venues.pop_back();
  sync_configuration(*store, cfg);
  EXPECT_EQ(store->db().execAndGet("SELECT COUNT(*) FROM venues WHERE active = 1").getInt(), 1);
  EXPECT_EQ(store->db().execAndGet("SELECT active FROM venues WHERE id = 'b'").getInt(), 0);
  EXPECT_EQ(store->db().execAndGet("SELECT COUNT(*) FROM rooms").getInt(), 2);
}

}  // namespace
}  // namespace tafel
