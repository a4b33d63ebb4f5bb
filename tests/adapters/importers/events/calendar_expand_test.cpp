#include "adapters/importers/events/calendar_expand.hpp"

#include "adapters/importers/events/zones.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tafel {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

icaltimezone* amsterdam() { return *builtin_zone("Europe/Amsterdam"); }

ExpandWindow window(Date from, Date to_inclusive) {
  return ExpandWindow{local_midnight_utc(from, amsterdam()),
                      local_midnight_utc(add_days(to_inclusive, 1), amsterdam())};
}

const ExpandWindow kAutumn2026 = window({2026, 9, 1}, {2027, 1, 31});

std::string fixture(const char* name) {
  return read_file(std::filesystem::path(TAFEL_SOURCE_DIR) / "tests/data/events" / name);
}

std::vector<std::string> starts_of(const ExpandedCalendar& c, const std::string& uid) {
  std::vector<std::string> out;
  for (const auto& o : c.occurrences)
    if (o.uid == uid) out.push_back(format_iso8601(o.start));
  return out;
}

TEST(CalendarExpand, AmsterdamZoneIsAvailableFromSystemTzdata) {
  auto z = builtin_zone("Europe/Amsterdam");
  ASSERT_TRUE(z.has_value()) << z.error();
  EXPECT_EQ(offset_at(local_midnight_utc({2026, 7, 1}, *z), *z), 7200);
  EXPECT_EQ(offset_at(local_midnight_utc({2026, 12, 1}, *z), *z), 3600);
  EXPECT_FALSE(builtin_zone("Mars/Olympus_Mons").has_value());
}

TEST(CalendarExpand, MonthlyMeetingKeepsLocalTimeAcrossDstWithExdateAndMove) {
  auto c = expand_calendar(fixture("member_meetings.ics"), amsterdam(), kAutumn2026);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(starts_of(*c, "ledenavond@bto.example.nl"),
            (std::vector<std::string>{"2026-09-01T19:30:00+02:00", "2026-10-06T19:30:00+02:00",
                                      "2026-11-05T20:00:00+01:00",     // moved from 11-03
                                      "2027-01-05T19:30:00+01:00"}));  // 12-01 excluded
  for (const auto& o : c->occurrences)
    if (o.uid == "ledenavond@bto.example.nl") {
      EXPECT_FALSE(o.all_day);
      EXPECT_EQ(o.end.utc_seconds - o.start.utc_seconds, 2 * 3600);
    }
  const auto moved = std::find_if(c->occurrences.begin(), c->occurrences.end(),
                                  [](const auto& o) { return o.title.ends_with("(verplaatst)"); });
  ASSERT_NE(moved, c->occurrences.end());
  EXPECT_EQ(moved->recurrence_id, "2026-11-03T18:30:00Z");
}

TEST(CalendarExpand, AllDayEventRunsFromLocalMidnightToMidnight) {
  auto c = expand_calendar(fixture("member_meetings.ics"), amsterdam(), kAutumn2026);
  ASSERT_TRUE(c.has_value());
  const auto day = std::find_if(c->occurrences.begin(), c->occurrences.end(),
                                [](const auto& o) { return o.uid.starts_with("branchedag"); });
  ASSERT_NE(day, c->occurrences.end());
  EXPECT_TRUE(day->all_day);
  EXPECT_EQ(format_iso8601(day->start), "2026-10-15T00:00:00+02:00");
  EXPECT_EQ(format_iso8601(day->end), "2026-10-16T00:00:00+02:00");
  EXPECT_EQ(day->recurrence_id, "");
}

TEST(CalendarExpand, WindowIsHalfOpenOnStart) {
  auto c = expand_calendar(fixture("member_meetings.ics"), amsterdam(),
                           window({2026, 10, 6}, {2026, 10, 6}));
  ASSERT_TRUE(c.has_value());
  ASSERT_EQ(c->occurrences.size(), 1u);
  EXPECT_EQ(format_iso8601(c->occurrences[0].start), "2026-10-06T19:30:00+02:00");
}

TEST(CalendarExpand, CancelledOverrideRemovesItsOccurrence) {
  std::string text = fixture("member_meetings.ics");
  const std::string marker = "RECURRENCE-ID;TZID=Europe/Amsterdam:20261103T193000\r\n";
  text.replace(text.find(marker), marker.size(), marker + "STATUS:CANCELLED\r\n");
  auto c = expand_calendar(text, amsterdam(), kAutumn2026);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(starts_of(*c, "ledenavond@bto.example.nl").size(), 3u);
}

TEST(CalendarExpand, WindowsAndOutlookZoneNamesAreDutchTime) {
  const std::string cal =
      "BEGIN:VCALENDAR\r\n"
      "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=W. Europe Standard Time:20261110T193000\r\n"
      "END:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=\"GMT +0100 (Standard) / GMT +0200 "
      "(Daylight)\":20260610T193000\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:c\r\n"
      "DTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/Amsterdam:20260610T080000\r\n"
      "END:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:d\r\nDTSTART;TZID=Nowhere/Special:20260610T080000\r\nEND:VEVENT\r\n"
      "END:VCALENDAR\r\n";
  auto c = expand_calendar(cal, amsterdam(), window({2026, 1, 1}, {2026, 12, 31}));
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(starts_of(*c, "a"), std::vector<std::string>{"2026-11-10T19:30:00+01:00"});
  EXPECT_EQ(starts_of(*c, "b"), std::vector<std::string>{"2026-06-10T19:30:00+02:00"});
  EXPECT_EQ(starts_of(*c, "c"), std::vector<std::string>{"2026-06-10T08:00:00+02:00"});
  EXPECT_EQ(starts_of(*c, "d"), std::vector<std::string>{"2026-06-10T08:00:00+02:00"});
  ASSERT_EQ(c->warnings.size(), 1u);
  EXPECT_EQ(c->warnings[0].code, "unknown_timezone");
  EXPECT_EQ(c->warnings[0].line, 16);
}

TEST(CalendarExpand, DateOnlyExdateRemovesDateTimeInstance) {
  const std::string cal =
      "\xEF\xBB\xBF"
      "BEGIN:VCALENDAR\r\n\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260609T030000Z\r\n"
      "RRULE:FREQ=DAILY;COUNT=4\r\nEXDATE;VALUE=DATE:20260611\r\nEND:VEVENT\r\n\r\n"
      "END:VCALENDAR\r\n";
  auto c = expand_calendar(cal, amsterdam(), window({2026, 6, 1}, {2026, 6, 30}));
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(starts_of(*c, "x"),
            (std::vector<std::string>{"2026-06-09T05:00:00+02:00", "2026-06-10T05:00:00+02:00",
                                      "2026-06-12T05:00:00+02:00"}));
}

TEST(CalendarExpand, Windows1252TextIsReadWithAWarning) {
  const std::string cal =
      "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:w\nSUMMARY:Ledenavond Caf\xE9 De R\xF6ssli\n"
      "DTSTART:20261006T173000Z\nEND:VEVENT\nEND:VCALENDAR\n";
  auto c = expand_calendar(cal, amsterdam(), kAutumn2026);
  ASSERT_TRUE(c.has_value());
  ASSERT_EQ(c->occurrences.size(), 1u);
  EXPECT_EQ(c->occurrences[0].title, "Ledenavond Caf\u00e9 De R\u00f6ssli");
  ASSERT_FALSE(c->warnings.empty());
  EXPECT_EQ(c->warnings[0].code, "not_utf8");
}

TEST(CalendarExpand, BrokenFilesAreRefusedNamingTheLine) {
  struct Case {
    std::string text;
    int line;
    std::string code;
  };
  const std::vector<Case> cases = {
      {fixture("broken.ics"), 7, "bad_line"},
      {"hello,world\r\n1,2\r\n", 1, "not_icalendar"},
      {"", 1, "not_icalendar"},
      {"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VCALENDAR\r\n", 4, "bad_structure"},
      {"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261\r\n", 2, "bad_structure"},
      {"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:tomorrow\r\nEND:VEVENT\r\n"
       "END:VCALENDAR\r\n",
       4, "bad_value"},
      {std::string("BEGIN:VCALENDAR\r\n\0\0", 19), 1, "not_icalendar"},
  };
  for (const auto& k : cases) {
    auto c = expand_calendar(k.text, amsterdam(), kAutumn2026);
    ASSERT_FALSE(c.has_value()) << k.text;
    const auto err = std::find_if(c.error().begin(), c.error().end(),
                                  [](const auto& p) { return p.is_error(); });
    ASSERT_NE(err, c.error().end());
    EXPECT_EQ(err->line, k.line) << k.text;
    EXPECT_EQ(err->code, k.code) << k.text;
    EXPECT_FALSE(err->message.empty());
  }
}

TEST(CalendarExpand, EverySampleFileExpandsOrIsRefusedWithAReason) {
  const auto dir = std::filesystem::path(TAFEL_SHARED_DIR) / "samples/ics";
  ASSERT_TRUE(std::filesystem::exists(dir));
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".ics") continue;
    ++files;
    auto c =
        expand_calendar(read_file(entry.path()), amsterdam(), window({2000, 1, 1}, {2030, 12, 31}));
    if (!c) {
      ASSERT_FALSE(c.error().empty()) << entry.path();
      continue;
    }
    for (const auto& o : c->occurrences) {
      EXPECT_FALSE(o.uid.empty()) << entry.path();
      EXPECT_LE(o.start.utc_seconds, o.end.utc_seconds) << entry.path();
    }
  }
  EXPECT_GE(files, 18);
}

TEST(CalendarExpand, SampleQuirksGiveTheExpectedOccurrences) {
  const auto dir = std::filesystem::path(TAFEL_SHARED_DIR) / "samples/ics";
  const auto wide = window({2000, 1, 1}, {2030, 12, 31});
  // Weekday standup in Exchange's generic Dutch zone with `BYDAY=MO, TU, ...` (spaces).
  auto standup = expand_calendar(read_file(dir / "issue_165_missing_event.ics"), amsterdam(), wide);
  ASSERT_TRUE(standup.has_value());
  ASSERT_EQ(standup->occurrences.size(), 14u);
  EXPECT_EQ(format_iso8601(standup->occurrences.front().start), "2015-07-03T10:00:00+02:00");
  // Five EXDATEs on separate lines remove five of fifteen Tuesdays.
  auto exdates = expand_calendar(
      read_file(dir / "event_with_recurrence_exdates_on_different_lines.ics"), amsterdam(), wide);
  ASSERT_TRUE(exdates.has_value());
  EXPECT_EQ(exdates->occurrences.size(), 10u);
  // Vendor-prefixed TZIDs resolve to their Olson zone (no unknown_timezone warnings).
  auto prefixed =
      expand_calendar(read_file(dir / "issue_313_globally_unique_tzid.ics"), amsterdam(), wide);
  ASSERT_TRUE(prefixed.has_value());
  ASSERT_EQ(prefixed->occurrences.size(), 3u);
  for (const auto& w : prefixed->warnings) EXPECT_NE(w.code, "unknown_timezone");
  EXPECT_EQ(format_iso8601(prefixed->occurrences[0].start), "2020-04-26T14:00:00+02:00");
  // Two RRULEs in one event are united.
  auto two = expand_calendar(read_file(dir / "icaljs/multiple_rrules.ics"), amsterdam(), wide);
  ASSERT_TRUE(two.has_value());
  EXPECT_GT(two->occurrences.size(), 18u);
}

}  // namespace
}  // namespace tafel
