#include "adapters/store/store.hpp"

#include "adapters/store/networks.hpp"
#include "adapters/store/schema.hpp"
#include "tests/support/temp_dir.hpp"

#include <fmt/format.h>
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
    upsert_network(*store, NetworkConfig{.name = "Coop",
                                         .sender_name = "Coop BV",
                                         .sender_email = "a@b.nl",
                                         .calendar_url = ""});
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

// Version 4 rebuilds the outbox table: rows and the message ids that reference them survive.
TEST(Store, MigratesVersion3OutboxWithItsMessageIds) {
  testing::TempDir dir;
  {
    SQLite::Database db((dir / "t.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)");
    for (int v = 0; v < 3; ++v) {
      db.exec(std::string(schema_migrations()[static_cast<std::size_t>(v)]));
      db.exec(fmt::format("INSERT INTO schema_version VALUES ({}, 'then')", v + 1));
    }
    db.exec("INSERT INTO networks (id, name, created_at) VALUES (1, 'Coop', 'then')");
    db.exec(
        "INSERT INTO members (id, network_id, company, name, eligible, consent_email, "
        "consent_email_source, consent_email_at, consent_whatsapp, consent_whatsapp_source, "
        "consent_whatsapp_at, created_at, updated_at) VALUES (7, 1, 'Bouw BV', 'Jan', 1, 1, "
        "'import', 'then', 0, 'import', 'then', 'then', 'then')");
    db.exec(
        "INSERT INTO outbox (id, member_id, channel, kind, dedupe_key, due_utc, payload, state, "
        "next_attempt_utc, created_at, updated_at) VALUES (3, 7, 'email', 'invitation', 'k', 10, "
        "'{}', 'sent', 10, 'then', 'then')");
    db.exec(
        "INSERT INTO message_ids (message_id, outbox_id, channel, created_at) VALUES ('m@x', 3, "
        "'email', 'then')");
  }
  auto store = Store::open(dir / "t.db");
  ASSERT_TRUE(store.has_value()) << store.error().message;
  auto& db = store->db();
  EXPECT_EQ(store->schema_version(), Store::latest_schema_version());
  EXPECT_EQ(db.execAndGet("SELECT kind || '/' || state FROM outbox WHERE id = 3").getString(),
            "invitation/sent");
  EXPECT_EQ(db.execAndGet("PRAGMA foreign_keys").getInt(), 1);
  // The message id still points at the rebuilt table: erasing the member cascades through it.
  db.exec("DELETE FROM members WHERE id = 7");
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM message_ids").getInt(), 0);
}

}  // namespace
}  // namespace tafel
