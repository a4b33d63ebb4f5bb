#include "adapters/importers/events/event_import.hpp"

#include "adapters/importers/events/zones.hpp"
#include "adapters/store/events_store.hpp"
#include "adapters/store/networks.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tafel {
namespace {

const std::filesystem::path kData = std::filesystem::path(TAFEL_SOURCE_DIR) / "tests/data/events";

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class EventImport : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cfg = load_config(kData / "config.toml");
    ASSERT_TRUE(cfg.has_value());
    config_ = *cfg;
    auto s = Store::open(dir_ / "t.db");
    ASSERT_TRUE(s.has_value()) << s.error().message;
    store_.emplace(std::move(*s));
    sync_configuration(*store_, config_);
  }

  EventImportRequest request(const std::filesystem::path& file) const {
    auto* z = *builtin_zone("Europe/Amsterdam");
    return EventImportRequest{file.string(), "BTO Gelderse Vallei",
                              local_midnight_utc({2026, 9, 1}, z),
                              local_midnight_utc({2027, 2, 1}, z)};
  }
  EventImportResult run(const std::filesystem::path& file) {
    return import_events(*store_, config_, request(file));
  }
  std::vector<EventRow> all() { return list_events(*store_, 0, 4'000'000'000); }
  // Every row's content, to compare a database before and after.
  std::string dump() {
    std::string out;
    for (const auto& e : all())
      out += std::to_string(e.id) + e.uid + e.recurrence_id + e.title + format_iso8601(e.start) +
             e.venue_id.value_or("-") + "\n";
    out += std::to_string(store_->db().execAndGet("SELECT COUNT(*) FROM imports").getInt());
    return out;
  }

  testing::TempDir dir_;
  Config config_;
  std::optional<Store> store_;
};

TEST_F(EventImport, StoresOccurrencesWithVenuesAndReportsUnmatched) {
  const auto r = run(kData / "member_meetings.ics");
  ASSERT_TRUE(r.taken) << format_event_import_report(r);
  EXPECT_EQ(r.occurrences, 6);
  EXPECT_EQ(r.counts.added, 6);
  EXPECT_EQ(r.unmatched, 1);
  const auto rows = all();
  ASSERT_EQ(rows.size(), 6u);
  for (const auto& e : rows) {
    if (e.uid.starts_with("ledenavond")) {
      EXPECT_EQ(e.venue_id, "bto-ede");
    }  // by alias
    if (e.uid.starts_with("branchedag")) {
      EXPECT_EQ(e.venue_id, "schaffelaar-barneveld");
    }
    if (e.uid.starts_with("bedrijfsbezoek")) {
      EXPECT_EQ(e.venue_id, std::nullopt);
    }
  }
  const std::string report = format_event_import_report(r);
  EXPECT_NE(report.find("member_meetings.ics:48:0: warning: LOCATION 'Werkplaats Jansen, "
                        "Veenendaal'"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("(unmatched_location)"), std::string::npos);
  EXPECT_NE(report.find("taken: 6 occurrence(s): 6 added"), std::string::npos) << report;
}

TEST_F(EventImport, ReimportIsIdempotentAndKeepsIds) {
  ASSERT_TRUE(run(kData / "member_meetings.ics").taken);
  const std::string before = dump();
  const auto again = run(kData / "member_meetings.ics");
  ASSERT_TRUE(again.taken);
  EXPECT_EQ(again.counts.unchanged, 6);
  EXPECT_EQ(again.counts.added + again.counts.updated + again.counts.removed, 0);
  const std::string after = dump();
  EXPECT_EQ(before.substr(0, before.rfind('\n')), after.substr(0, after.rfind('\n')));
}

TEST_F(EventImport, RemovedOccurrenceDisappearsOthersKeepTheirId) {
  // The feed is served from one path that changes between imports.
  std::string text = read_file(kData / "member_meetings.ics");
  const auto feed = dir_.write("feed.ics", text);
  ASSERT_TRUE(run(feed).taken);
  std::map<std::string, std::int64_t> ids;
  for (const auto& e : all()) ids[e.uid + e.recurrence_id] = e.id;

  const std::string exdate = "EXDATE;TZID=Europe/Amsterdam:20261201T193000\r\n";
  text.replace(text.find(exdate), exdate.size(),
               exdate + "EXDATE;TZID=Europe/Amsterdam:20261006T193000\r\n");
  const std::string title = "SUMMARY:Branchedag Installatie";
  text.replace(text.find(title), title.size(), "SUMMARY:Branchedag Installatietechniek");
  dir_.write("feed.ics", text);
  const auto r = run(feed);
  ASSERT_TRUE(r.taken);
  EXPECT_EQ(r.counts.removed, 1);
  EXPECT_EQ(r.counts.updated, 1);
  EXPECT_EQ(r.counts.unchanged, 4);
  const auto rows = all();
  ASSERT_EQ(rows.size(), 5u);
  for (const auto& e : rows) {
    EXPECT_NE(format_iso8601(e.start), "2026-10-06T19:30:00+02:00");
    EXPECT_EQ(ids.at(e.uid + e.recurrence_id), e.id) << e.uid << e.recurrence_id;
  }
}

TEST_F(EventImport, BrokenFileIsRefusedAndLeavesTheDatabaseUnchanged) {
  ASSERT_TRUE(run(kData / "member_meetings.ics").taken);
  const std::string before = dump();
  const auto r = run(kData / "broken.ics");
  EXPECT_FALSE(r.taken);
  const std::string report = format_event_import_report(r);
  EXPECT_NE(report.find("broken.ics:7:1: error: not an iCalendar content line"), std::string::npos)
      << report;
  EXPECT_NE(report.find("refused"), std::string::npos);
  EXPECT_EQ(dump(), before);
}

TEST_F(EventImport, MissingFileAndUnknownNetworkAreRefused) {
  const auto missing = run(dir_ / "nope.ics");
  EXPECT_FALSE(missing.taken);
  ASSERT_FALSE(missing.problems.empty());
  EXPECT_EQ(missing.problems[0].code, "unreadable_file");
  auto req = request(kData / "member_meetings.ics");
  req.network = "Nobody";
  const auto r = import_events(*store_, config_, req);
  EXPECT_FALSE(r.taken);
  EXPECT_EQ(r.problems.at(0).code, "unknown_network");
  EXPECT_TRUE(all().empty());
}

TEST_F(EventImport, OtherSourcesOfTheNetworkAreLeftAlone) {
  ASSERT_TRUE(run(kData / "member_meetings.ics").taken);
  const auto other =
      dir_.write("other.ics",
                 "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:other@x\r\nSUMMARY:Other\r\n"
                 "DTSTART:20261020T150000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  const auto r = run(other);
  ASSERT_TRUE(r.taken);
  EXPECT_EQ(r.counts.removed, 0);
  EXPECT_EQ(all().size(), 7u);
}

}  // namespace
}  // namespace tafel
