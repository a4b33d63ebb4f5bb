// Role scopes (adapters/web/scope.hpp), session lifetimes and cookies against a real SQLite
// store: two networks, each with a proposal and a session run by its own facilitator.

#include "adapters/web/scope.hpp"

#include "adapters/store/accounts_store.hpp"
#include "adapters/store/coordinator_items.hpp"
#include "adapters/store/store.hpp"
#include "adapters/web/auth.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace tafel::web {
namespace {

class Scope : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Store::open(dir_ / "tafel.db");
    ASSERT_TRUE(opened) << opened.error().message;
    store_.emplace(std::move(*opened));
    auto& db = store_->db();
    db.exec(
        "INSERT INTO networks (id, name, created_at) VALUES (1, 'Noord', 'x'), (2, 'Zuid', 'x');"
        "INSERT INTO staff (id, name, role) VALUES ('fac-1', 'F', 'facilitator'), "
        "  ('fac-2', 'G', 'facilitator');"
        "INSERT INTO venues (id, name, lat, lon) VALUES ('v', 'V', 0, 0);"
        "INSERT INTO planning_rounds (id, network_id, period_from, period_to, created_at) "
        "  VALUES (1, 1, 'a', 'b', 'x'), (2, 2, 'a', 'b', 'x');"
        "INSERT INTO proposals (id, round_id, network_id, period_from, period_to, seed, "
        "  time_limit_ms, elapsed_ms, stopped_by_deadline, score, created_at, instance_json, "
        "  result_json) VALUES (1, 1, 1, 'a', 'b', 0, 1, 0, 0, 0, 'x', '{}', '{}'), "
        "  (2, 2, 2, 'a', 'b', 0, 1, 0, 0, 0, 'x', '{}', '{}');"
        "INSERT INTO sessions (id, proposal_id, slot_id, venue_id, start_utc, start_offset, "
        "  end_utc, end_offset, sector, facilitator_id, uid) VALUES "
        "  (10, 1, 's1', 'v', 0, 0, 1, 0, 'bouw', 'fac-1', 'u1'), "
        "  (20, 2, 's2', 'v', 0, 0, 1, 0, 'bouw', 'fac-2', 'u2');");
    const auto add = [&](std::optional<std::int64_t> network, std::optional<std::int64_t> session,
                         const char* detail) {
      CoordinatorItem item;
      item.kind = "unclear_reply";
      item.network_id = network;
      item.session_id = session;
      item.detail = detail;
      return add_coordinator_item(db, item);
    };
    noord_ = add(1, std::nullopt, "noord");
    noord_session_ = add(std::nullopt, 10, "sessie noord");
    zuid_session_ = add(std::nullopt, 20, "sessie zuid");
    system_ = add(std::nullopt, std::nullopt, "systeem");
  }

  std::vector<std::int64_t> visible(Role role, std::optional<std::int64_t> network,
                                    std::optional<std::string> staff) {
    Account a;
    a.role = role;
    a.network_id = network;
    a.staff_id = std::move(staff);
    std::vector<std::int64_t> ids;
    for (const auto& item : open_items_in_scope(store_->db(), a)) ids.push_back(item.id);
    return ids;
  }

  testing::TempDir dir_;
  std::optional<Store> store_;
  std::int64_t noord_ = 0, noord_session_ = 0, zuid_session_ = 0, system_ = 0;
};

TEST_F(Scope, EachRoleSeesOnlyItsOwnItems) {
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(visible(Role::coordinator, std::nullopt, std::nullopt),
            (V{noord_, noord_session_, zuid_session_, system_}));
  EXPECT_EQ(visible(Role::partner, 1, std::nullopt), (V{noord_, noord_session_}));
  EXPECT_EQ(visible(Role::partner, 2, std::nullopt), (V{zuid_session_}));
  EXPECT_EQ(visible(Role::facilitator, std::nullopt, "fac-1"), (V{noord_session_}));
  EXPECT_EQ(visible(Role::facilitator, std::nullopt, "fac-2"), (V{zuid_session_}));
  EXPECT_EQ(visible(Role::facilitator, std::nullopt, "fac-3"), V{});
  EXPECT_EQ(visible(Role::partner, std::nullopt, std::nullopt), V{});  // malformed: nothing
}

TEST_F(Scope, SessionsEndWhenIdleOrExpired) {
  auto& db = store_->db();
  Account a;
  a.email = "a@example.nl";
  a.password = "x";
  const auto id = add_account(db, a);
  add_web_session(db, "h1", id, "c", 1000, 1000 + kSessionLifetime);
  EXPECT_TRUE(find_web_session(db, "h1", 1000 + kIdleLimit - 1, kIdleLimit));
  EXPECT_FALSE(find_web_session(db, "h1", 1000 + kIdleLimit, kIdleLimit));
  EXPECT_FALSE(find_web_session(db, "h1", 1000, kIdleLimit)) << "a dead session is deleted";

  add_web_session(db, "h2", id, "c", 1000, 1000 + kSessionLifetime);
  touch_web_session(db, "h2", 1000 + kSessionLifetime - 10);
  EXPECT_FALSE(find_web_session(db, "h2", 1000 + kSessionLifetime, kIdleLimit));
}

TEST(Cookies, FlagsAndParsing) {
  EXPECT_EQ(cookie_header("tp_sessie", "abc", "/", 60, false),
            "tp_sessie=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax");
  EXPECT_EQ(cookie_header("tp_sessie", "abc", "/", 60, true),
            "tp_sessie=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure");
  http::Request r;
  r.headers.push_back({"cookie", "a=1; tp_sessie=xyz ;b=2"});
  EXPECT_EQ(cookie_value(r, "tp_sessie"), "xyz");
  EXPECT_EQ(cookie_value(r, "b"), "2");
  EXPECT_FALSE(cookie_value(r, "tp"));
}

}  // namespace
}  // namespace tafel::web
