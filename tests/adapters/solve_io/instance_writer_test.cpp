// instance_to_json writes what parse_instance reads back as the same instance.

#include "adapters/solve_io/instance_writer.hpp"

#include "adapters/solve_io/instance_json.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace tafel::solve_io {
namespace {

using nlohmann::json;

json full_instance() {
  return json::parse(R"({
    "timezone": "Europe/Amsterdam",
    "rules": {"min_group": 3, "max_group": 5, "duration_min": 45, "duration_max": 120,
              "morning_end": "09:00", "evening_start": "15:30", "max_travel_km": 33.5,
              "staff_gap_min": 20},
    "weights": {"placed": 900, "at_event": 80, "per_km": 1.5, "per_session": 70, "stability": 40},
    "venues": [{"id": "v1", "lat": 52.0406, "lon": 5.6649}, {"id": "v2", "lat": 52.1, "lon": 5.5}],
    "events": [{"id": "e1", "venue": "v1", "start": "2026-12-08T18:15:00+01:00",
                "end": "2026-12-08T21:00:00+01:00", "title": "ALV"}],
    "slots": [
      {"id": "s1", "venue": "v1", "room": "zaal 1", "start": "2026-12-08T16:30:00+01:00",
       "end": "2026-12-08T18:00:00+01:00", "capacity": 10, "event": "e1"},
      {"id": "s2", "venue": "v2", "start": "2027-06-02T07:00:00+02:00",
       "end": "2027-06-02T08:15:00+02:00", "sectors": ["installatie"]}],
    "staff": [{"id": "f1", "availability": [{"start": "2026-12-08T16:00:00+01:00",
                                             "end": "2026-12-08T22:00:00+01:00"}]},
              {"id": "f2", "availability": []}],
    "participants": [
      {"id": "p1", "sector": "bouw", "company": "c1", "lat": 52.03, "lon": 5.6,
       "availability": [{"start": "2026-12-08T16:00:00+01:00", "end": "2026-12-08T22:00:00+01:00"}],
       "attends_events": ["e1"], "max_travel_km": 12.25, "pinned_slot": "s1"},
      {"id": "p2", "sector": "installatie", "availability": []}],
    "fixed_sessions": [{"slot": "s1", "sector": "bouw", "facilitator": "f1"},
                       {"slot": "s2", "sector": "installatie"}],
    "previous": {"sessions": [{"slot": "s1", "sector": "bouw", "facilitator": "f1",
                               "participants": ["p1"]}]}
  })");
}

TEST(InstanceWriter, RoundTripIsStable) {
  auto first = parse_instance(full_instance().dump());
  ASSERT_TRUE(first) << first.error().front();
  const json written = instance_to_json(*first);
  auto second = parse_instance(written.dump());
  ASSERT_TRUE(second) << second.error().front();
  EXPECT_EQ(instance_to_json(*second), written);
}

TEST(InstanceWriter, KeepsEveryField) {
  auto inst = parse_instance(full_instance().dump());
  ASSERT_TRUE(inst);
  const json j = instance_to_json(*inst);
  EXPECT_EQ(j["rules"]["morning_end"], "09:00");
  EXPECT_EQ(j["rules"]["evening_start"], "15:30");
  EXPECT_EQ(j["rules"]["max_travel_km"], 33.5);
  EXPECT_EQ(j["weights"]["per_km"], 1.5);
  EXPECT_EQ(j["slots"][0]["event"], "e1");
  EXPECT_EQ(j["slots"][0]["room"], "zaal 1");
  EXPECT_EQ(j["slots"][0]["capacity"], 10);
  EXPECT_FALSE(j["slots"][0].contains("sectors"));
  EXPECT_EQ(j["slots"][1]["sectors"], json::array({"installatie"}));
  EXPECT_EQ(j["slots"][1]["start"], "2027-06-02T07:00:00+02:00");
  EXPECT_EQ(j["slots"][1]["capacity"], 5);  // defaulted to max_group by the reader
  EXPECT_EQ(j["participants"][0]["company"], "c1");
  EXPECT_EQ(j["participants"][0]["attends_events"], json::array({"e1"}));
  EXPECT_EQ(j["participants"][0]["max_travel_km"], 12.25);
  EXPECT_EQ(j["participants"][0]["pinned_slot"], "s1");
  EXPECT_FALSE(j["participants"][1].contains("company"));
  EXPECT_FALSE(j["participants"][1].contains("lat"));
  EXPECT_TRUE(j["participants"][1]["pinned_slot"].is_null());
  EXPECT_EQ(j["fixed_sessions"][0]["facilitator"], "f1");
  EXPECT_FALSE(j["fixed_sessions"][1].contains("facilitator"));
  EXPECT_EQ(j["previous"]["sessions"][0]["participants"], json::array({"p1"}));
}

TEST(InstanceWriter, NoPreviousKeyWithoutPreviousSessions) {
  json in = full_instance();
  in.erase("previous");
  auto inst = parse_instance(in.dump());
  ASSERT_TRUE(inst);
  EXPECT_FALSE(instance_to_json(*inst).contains("previous"));
}

}  // namespace
}  // namespace tafel::solve_io
