// Calendar feeds by URL against a real local HTTP server (cpp-httplib) and a real SQLite file:
// a fetched calendar is imported, the next fetch is conditional (ETag -> 304), and a failing
// server, a refused calendar or a too large body becomes one coordinator item, never a crash.

#include "adapters/feeds/feed_refresh.hpp"

#include "adapters/feeds/feed_fetch.hpp"
#include "adapters/store/coordinator_items.hpp"
#include "adapters/store/networks.hpp"
#include "tests/support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

namespace tafel {
namespace {

// One event a week from now, inside the default import window.
std::string one_event_calendar(const std::string& title) {
  using namespace std::chrono;
  const year_month_day ymd(floor<days>(system_clock::now()) + days(7));
  const std::string date =
      fmt::format("{:04}{:02}{:02}", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//NL\r\nBEGIN:VEVENT\r\n"
         "UID:feed-1@test\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:" +
         title + "\r\nDTSTART:" + date + "T180000Z\r\nDTEND:" + date +
         "T200000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class FeedRefresh : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Get("/agenda.ics", [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard lock(mutex_);
        if_none_match_.push_back(req.get_header_value("If-None-Match"));
      }
      if (req.get_header_value("If-None-Match") == "\"v1\"") {
        res.status = 304;
        return;
      }
      res.set_header("ETag", "\"v1\"");
      res.set_content(one_event_calendar("Ledenavond"), "text/calendar");
    });
    server_.Get("/kapot.ics",
                [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
    server_.Get("/onleesbaar.ics", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          read_file(std::filesystem::path(TAFEL_SOURCE_DIR) / "tests/data/events/broken.ics"),
          "text/calendar");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }

  void TearDown() override {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  std::string url(const std::string& path) const {
    return fmt::format("http://127.0.0.1:{}{}", port_, path);
  }

  // A configuration with network "Noord" reading `calendar_url`, and its store.
  void open(const std::string& calendar_url) {
    const std::string text = fmt::format(
        "database = \"{}\"\npublic_url = \"http://127.0.0.1:8080\"\n\n[[networks]]\nname = "
        "\"Noord\"\ncalendar_url = \"{}\"\n"
        "calendar_refresh_minutes = 15\n\n[sectors.bouw]\nlabel = \"Bouw\"\n",
        (dir_ / "t.db").string(), calendar_url);
    auto cfg = parse_config(text, dir_ / "t.toml");
    std::string errors;
    if (!cfg)
      for (const auto& e : cfg.error()) errors += format_config_error(dir_ / "t.toml", e) + "\n";
    ASSERT_TRUE(cfg.has_value()) << errors;
    config_ = *cfg;
    EXPECT_EQ(config_.networks[0].calendar_refresh_minutes, 15);
    store_.reset();
    auto s = Store::open(config_.database);
    ASSERT_TRUE(s.has_value()) << s.error().message;
    store_.emplace(std::move(*s));
    sync_configuration(*store_, config_);
  }

  int events() { return store_->db().execAndGet("SELECT COUNT(*) FROM events").getInt(); }

  testing::TempDir dir_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<std::string> if_none_match_;
  Config config_;
  std::optional<Store> store_;
};

TEST_F(FeedRefresh, ImportsThenRevalidatesWithTheEtag) {
  ASSERT_NO_FATAL_FAILURE(open(url("/agenda.ics")));
  const auto first = feeds::refresh_feed(*store_, config_, config_.networks[0]);
  ASSERT_EQ(first.kind, feeds::FeedOutcome::Kind::imported) << first.report;
  EXPECT_NE(first.report.find("1 added"), std::string::npos) << first.report;
  EXPECT_EQ(events(), 1);
  EXPECT_EQ(store_->db().execAndGet("SELECT source FROM events").getString(), url("/agenda.ics"));

  const auto second = feeds::refresh_feed(*store_, config_, config_.networks[0]);
  EXPECT_EQ(second.kind, feeds::FeedOutcome::Kind::not_modified) << second.report;
  EXPECT_EQ(events(), 1);
  {
    std::lock_guard lock(mutex_);
    ASSERT_EQ(if_none_match_.size(), 2u);
    EXPECT_EQ(if_none_match_[0], "");
    EXPECT_EQ(if_none_match_[1], "\"v1\"");
  }
  EXPECT_TRUE(open_coordinator_items(store_->db()).empty());
}

TEST_F(FeedRefresh, FailingServerBecomesOneCoordinatorItemAndKeepsTheEvents) {
  ASSERT_NO_FATAL_FAILURE(open(url("/agenda.ics")));
  ASSERT_EQ(feeds::refresh_feed(*store_, config_, config_.networks[0]).kind,
            feeds::FeedOutcome::Kind::imported);
  ASSERT_NO_FATAL_FAILURE(open(url("/kapot.ics")));
  const auto failed = feeds::refresh_feed(*store_, config_, config_.networks[0]);
  ASSERT_EQ(failed.kind, feeds::FeedOutcome::Kind::failed);
  ASSERT_TRUE(failed.item_id);
  EXPECT_EQ(events(), 1);  // the old calendar stays

  const auto items = open_coordinator_items(store_->db());
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].kind, "feed_failed");
  EXPECT_EQ(items[0].network_id, find_network(*store_, "Noord")->id);
  EXPECT_NE(items[0].detail.find("kon niet worden bijgewerkt"), std::string::npos);
  EXPECT_NE(items[0].detail.find("HTTP 500"), std::string::npos) << items[0].detail;

  const auto again = feeds::refresh_feed(*store_, config_, config_.networks[0]);
  EXPECT_EQ(again.item_id, failed.item_id);  // one item per network per day
  EXPECT_EQ(open_coordinator_items(store_->db()).size(), 1u);
}

TEST_F(FeedRefresh, RefusedCalendarNamesTheLine) {
  ASSERT_NO_FATAL_FAILURE(open(url("/onleesbaar.ics")));
  const auto failed = feeds::refresh_feed(*store_, config_, config_.networks[0]);
  ASSERT_EQ(failed.kind, feeds::FeedOutcome::Kind::failed);
  const auto items = open_coordinator_items(store_->db());
  ASSERT_EQ(items.size(), 1u);
  EXPECT_NE(items[0].detail.find("regel 7"), std::string::npos) << items[0].detail;
  EXPECT_EQ(events(), 0);
}

TEST_F(FeedRefresh, UnreachableServerAndOversizeBodyAreFailuresNotCrashes) {
  ASSERT_NO_FATAL_FAILURE(open("http://127.0.0.1:1/agenda.ics"));
  const auto down = feeds::refresh_feed(
      *store_, config_, config_.networks[0],
      feeds::FeedLimits{1024, std::chrono::seconds(2), std::chrono::seconds(2)});
  EXPECT_EQ(down.kind, feeds::FeedOutcome::Kind::failed);
  EXPECT_NE(down.report.find("geen verbinding"), std::string::npos) << down.report;

  ASSERT_NO_FATAL_FAILURE(open(url("/agenda.ics")));
  const auto big =
      feeds::refresh_feed(*store_, config_, config_.networks[0],
                          feeds::FeedLimits{100, std::chrono::seconds(5), std::chrono::seconds(5)});
  EXPECT_EQ(big.kind, feeds::FeedOutcome::Kind::failed);
  EXPECT_NE(big.report.find("groter dan"), std::string::npos) << big.report;
  EXPECT_EQ(events(), 0);
}

TEST_F(FeedRefresh, RefreshFeedsTakesOnlyNetworksWithAUrl) {
  ASSERT_NO_FATAL_FAILURE(open(url("/agenda.ics")));
  config_.networks.push_back(NetworkConfig{"Zuid", "Zuid", "", "", 60});
  const auto all = feeds::refresh_feeds(*store_, config_);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].network, "Noord");
}

TEST(FeedConfig, RejectsNonHttpUrlsAndOddIntervals) {
  const auto cfg = parse_config(
      "database = \"/tmp/x.db\"\npublic_url = \"http://127.0.0.1:8080\"\n[[networks]]\nname = "
      "\"N\"\ncalendar_url = \"ftp://x/a.ics\"\n"
      "calendar_refresh_minutes = 1\n[sectors.bouw]\nlabel = \"Bouw\"\n",
      "t.toml");
  ASSERT_FALSE(cfg.has_value());
  std::string all;
  for (const auto& e : cfg.error()) all += e.key + ": " + e.message + "\n";
  EXPECT_NE(all.find("calendar_url"), std::string::npos) << all;
  EXPECT_NE(all.find("calendar_refresh_minutes"), std::string::npos) << all;
}

}  // namespace
}  // namespace tafel
