// JSON instance validation (JSON pointer messages), result output order, exit codes.

#include "adapters/solve_io/instance_json.hpp"
#include "adapters/solve_io/result_json.hpp"
#include "adapters/solve_io/solve_command.hpp"
#include "engine/solver/solver.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace tafel::solve_io {
namespace {

using nlohmann::json;

json valid_instance(int people = 10) {
  json j = {
      {"venues", {{{"id", "v1"}, {"lat", 52.0406}, {"lon", 5.6649}}}},
      {"events", json::array()},
      {"slots",
       {{{"id", "s2"},
         {"venue", "v1"},
         {"start", "2026-01-13T16:30:00+01:00"},
         {"end", "2026-01-13T18:00:00+01:00"}},
        {{"id", "s1"},
         {"venue", "v1"},
         {"start", "2026-01-13T12:00:00+01:00"},
         {"end", "2026-01-13T13:00:00+01:00"}}}},
      {"staff",
       {{{"id", "f1"},
         {"availability",
          {{{"start", "2026-01-13T06:00:00+01:00"}, {"end", "2026-01-13T23:00:00+01:00"}}}}}}},
      {"participants", json::array()}};
  for (int i = 0; i < people; ++i) {
    j["participants"].push_back(
        {{"id", "p" + std::to_string(i)},
         {"sector", "bouw"},
         {"company", "c" + std::to_string(i)},
         {"lat", 52.03},
         {"lon", 5.60},
         {"availability",
          {{{"start", "2026-01-13T16:00:00+01:00"}, {"end", "2026-01-13T22:00:00+01:00"}}}}});
  }
  return j;
}

std::vector<std::string> errors_of(const json& j) {
  auto r = parse_instance(j.dump());
  return r ? std::vector<std::string>{} : r.error();
}

bool has(const std::vector<std::string>& errs, const std::string& text) {
  for (const auto& e : errs) {
    if (e.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(SolveIo, ValidInstanceParses) { EXPECT_TRUE(errors_of(valid_instance()).empty()); }

TEST(SolveIo, MalformedJson) {
  auto r = parse_instance("{\"venues\": [");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error()[0].find("malformed JSON"), std::string::npos);
}

TEST(SolveIo, ErrorsNameTheFieldAsJsonPointer) {
  json j = valid_instance(20);
  j["participants"][17]["availability"][0]["end"] = "2026-01-13T15:00:00+01:00";
  j["participants"][3].erase("sector");
  j["participants"][4]["lat"] = "north";
  j["slots"][0]["start"] = "2026-01-13T16:30:00";
  j["slots"][1]["venue"] = "nowhere";
  j["participants"][5]["id"] = "p6";
  j["participants"][7]["pinned_slot"] = "s9";
  j.erase("staff");
  const auto errs = errors_of(j);
  EXPECT_TRUE(has(errs, "/participants/17/availability/0/end: end must be after start"));
  EXPECT_TRUE(has(errs, "/participants/3/sector: missing required key"));
  EXPECT_TRUE(has(errs, "/participants/4/lat: expected a number"));
  EXPECT_TRUE(has(errs, "/slots/0/start: "));
  EXPECT_TRUE(has(errs, "/slots/1/venue: unknown venue id 'nowhere'"));
  EXPECT_TRUE(has(errs, "/participants/6/id: duplicate id 'p6'"));
  EXPECT_TRUE(has(errs, "/participants/7/pinned_slot: unknown slot id 's9'"));
  EXPECT_TRUE(has(errs, "/staff: missing required key"));
}

TEST(SolveIo, NullMeansAbsentAndPreviousUnknownIdsAreIgnored) {
  json j = valid_instance();
  j["participants"][0]["pinned_slot"] = nullptr;
  j["previous"] = {{"sessions",
                    {{{"slot", "gone"},
                      {"sector", "bouw"},
                      {"facilitator", "fx"},
                      {"participants", {"p1", "nobody"}}}}}};
  EXPECT_TRUE(errors_of(j).empty());
}

TEST(SolveIo, ResultJsonIsOrderedById) {
  const json j = valid_instance(13);
  auto inst = parse_instance(j.dump());
  ASSERT_TRUE(inst);
  auto r = solver::solve(*inst, solver::SolveOptions{});
  ASSERT_TRUE(r);
  const json out = result_to_json(*inst, *r, 5);
  ASSERT_EQ(out["sessions"].size(), 1u);
  const auto members = out["sessions"][0]["participants"].get<std::vector<std::string>>();
  EXPECT_EQ(members.size(), 12u);
  EXPECT_TRUE(std::is_sorted(members.begin(), members.end()));
  EXPECT_EQ(out["rejected_slots"][0]["slot"], "s1");
  EXPECT_EQ(out["rejected_slots"][0]["reason"], "not_at_day_edge");
  ASSERT_EQ(out["unplaced"].size(), 1u);
  EXPECT_EQ(out["unplaced"][0]["reason"], "not_selected");
  EXPECT_TRUE(out.contains("score"));
  EXPECT_TRUE(out.contains("bound"));
}

class SolveCommand : public ::testing::Test {
 protected:
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("solve_io_test_" + std::to_string(::getpid()));
  void SetUp() override { std::filesystem::create_directories(dir); }
  void TearDown() override { std::filesystem::remove_all(dir); }
  int run(const std::string& text, std::string& err) {
    std::ofstream(dir / "in.json") << text;
    std::ostringstream e;
    const int rc =
        run_solve_command((dir / "in.json").string(), (dir / "out.json").string(), 5000, 1, e);
    err = e.str();
    return rc;
  }
};

TEST_F(SolveCommand, ExitCodes) {
  std::string err;
  EXPECT_EQ(run(valid_instance().dump(), err), 0) << err;
  EXPECT_TRUE(std::filesystem::exists(dir / "out.json"));
  std::filesystem::remove(dir / "out.json");

  EXPECT_EQ(run("not json", err), 2);
  EXPECT_FALSE(std::filesystem::exists(dir / "out.json"));

  json j = valid_instance();
  j["participants"][0]["pinned_slot"] = "s1";  // s1 breaks rule 1
  EXPECT_EQ(run(j.dump(), err), 3);
  EXPECT_NE(err.find("s1"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir / "out.json"));

  std::ostringstream e;
  EXPECT_EQ(
      run_solve_command((dir / "missing.json").string(), (dir / "out.json").string(), 1000, 1, e),
      1);
}

}  // namespace
}  // namespace tafel::solve_io
