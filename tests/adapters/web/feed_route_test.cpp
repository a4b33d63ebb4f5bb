// The staff calendar feed (/agenda/{token}.ics) in process on a real SQLite store: the token
// from issue_feed_token opens the facilitator's sessions only, as iCalendar that libical reads
// back with its VTIMEZONE; unknown, malformed and revoked tokens get 404.

#include "adapters/web/feed_route.hpp"

#include "adapters/web/web_templates.hpp"
#include "tests/adapters/outbox/followup_fixture.hpp"

#include <libical/ical.h>

namespace tafel::testing {
namespace {

using F = FollowupFixture;

struct Feed {
  F f;
  web::WebSetup setup = make_setup(f);

  static web::WebSetup make_setup(const F& fx) {
    web::WebSetup s{fx.config.database,
                    pages::PageTemplates::builtin(web::web_pages()),
                    false,
                    [] { return F::kNow; },
                    PlanningConfig{},
                    std::filesystem::path{},
                    links::LinkKey{std::string(32, 'k')}};
    return s;
  }

  Feed() {
    auto& db = f.store.db();
    db.exec("INSERT INTO staff (id, name, role) VALUES ('g', 'Gijs', 'expert')");
    SQLite::Statement s(db,
                        "INSERT INTO sessions (proposal_id, slot_id, venue_id, room, start_utc, "
                        "start_offset, end_utc, end_offset, sector, facilitator_id, uid, status) "
                        "VALUES (1, 'slot-2', 'v', 'Groot', ?, 7200, ?, 7200, 'bouw', 'g', "
                        "'tafel-2', 'approved')");
    s.bind(1, F::kStart + 7 * 86400);
    s.bind(2, F::kStart + 7 * 86400 + 5400);
    s.exec();
  }

  http::Response get(const std::string& feed) {
    http::Request r;
    r.method = "GET";
    r.path = r.target = "/agenda/" + feed;
    r.params["feed"] = feed;
    return web::handle_feed_get(setup, r);
  }
  std::string token(const std::string& staff) {
    auto t = web::issue_feed_token(f.store.db(), staff);
    EXPECT_TRUE(t.has_value());
    return t.value_or("");
  }
};

TEST(StaffFeed, ListsOnlyThatStaffMembersSessionsAndParses) {
  Feed feed;
  const auto r = feed.get(feed.token("f") + ".ics");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("METHOD:PUBLISH"), std::string::npos);
  icalcomponent* cal = icalparser_parse_string(r.body.c_str());
  ASSERT_NE(cal, nullptr);
  std::vector<std::string> uids;
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    uids.emplace_back(icalcomponent_get_uid(ev));
    icalproperty* start = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    ASSERT_NE(start, nullptr);
    icalparameter* tzid = icalproperty_get_first_parameter(start, ICAL_TZID_PARAMETER);
    ASSERT_NE(tzid, nullptr);
    EXPECT_STREQ(icalparameter_get_tzid(tzid), "Europe/Amsterdam");
    EXPECT_EQ(icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY), nullptr);
    EXPECT_EQ(icalcomponent_get_dtstart(ev).hour, 7);
  }
  EXPECT_EQ(uids, std::vector<std::string>{"tafel-1"});
  icalcomponent* tz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
  ASSERT_NE(tz, nullptr);
  icalcomponent_free(cal);
  EXPECT_EQ(r.body.find("Persoon"), std::string::npos);  // no member data

  const auto g = feed.get(feed.token("g") + ".ics");
  ASSERT_EQ(g.status, 200);
  EXPECT_NE(g.body.find("UID:tafel-2"), std::string::npos);
  EXPECT_EQ(g.body.find("UID:tafel-1"), std::string::npos);
}

TEST(StaffFeed, UnknownMalformedAndRevokedTokensAre404) {
  Feed feed;
  EXPECT_EQ(feed.get(std::string(64, 'a') + ".ics").status, 404);
  const auto old = feed.token("f");
  EXPECT_EQ(feed.get(old).status, 404);  // without .ics
  EXPECT_EQ(feed.get(old + ".ics").status, 200);
  const auto fresh = feed.token("f");
  EXPECT_EQ(feed.get(old + ".ics").status, 404);
  EXPECT_EQ(feed.get(fresh + ".ics").status, 200);
  EXPECT_FALSE(web::issue_feed_token(feed.f.store.db(), "nobody").has_value());
}

}  // namespace
}  // namespace tafel::testing
