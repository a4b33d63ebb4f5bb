// `plan --export-instance` writes the instance it solved; `tafelplanner solve` (the real
// binary) on that file gives the stored result for the same seed. And the demo flow end to end.

#include "adapters/store/proposals_store.hpp"
#include "tests/adapters/planning/planning_fixture.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <sys/wait.h>

namespace tafel::testing {
namespace {

class ReplayTest : public PlanningFixture {};

nlohmann::json read_json(const std::filesystem::path& p) {
  std::ifstream in(p);
  return nlohmann::json::parse(in);
}

// Runs the real binary; stdout into `out_file`.
int binary(const std::string& args, const std::filesystem::path& out_file) {
  const std::string cmd =
      std::string("'") + TAFEL_BINARY + "' " + args + " > '" + out_file.string() + "'";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(ReplayTest, ExportedInstanceReplaysWithSolve) {
  prepare(false);
  const auto file = dir / "instance.json";
  ASSERT_EQ(plan(kDemoNetwork, nullptr, {"--export-instance", file.string(), "--seed", "7"}), 0);
  const auto instance = read_json(file);
  EXPECT_FALSE(instance["slots"].empty());
  EXPECT_FALSE(instance["participants"].empty());

  Store store = open_store();
  const auto p = load_proposal(store, 1);
  ASSERT_TRUE(p);
  EXPECT_EQ(nlohmann::json::parse(p->instance_json), instance);

  const auto result_file = dir / "result.json";
  ASSERT_EQ(binary("solve --instance '" + file.string() + "' --out '" + result_file.string() +
                       "' --seed 7 --time-limit-ms 30000",
                   dir / "solve.out"),
            0);
  const auto replay = read_json(result_file);
  const auto stored = nlohmann::json::parse(p->result_json);
  ASSERT_FALSE(stored["stats"]["stopped_by_deadline"].get<bool>());
  ASSERT_FALSE(replay["stats"]["stopped_by_deadline"].get<bool>());
  EXPECT_NEAR(replay["score"].get<double>(), stored["score"].get<double>(), 0.01);
  EXPECT_EQ(replay["sessions"], stored["sessions"]);
  EXPECT_EQ(replay["unplaced"], stored["unplaced"]);
}

TEST_F(ReplayTest, DemoFlowWithTheRealBinary) {
  config = demo_dir() + "/demo.toml";
  db = (dir / "demo.db").string();
  const std::string base = "--config '" + config + "' --db '" + db + "' ";
  const std::string net = "--network '" + kDemoNetwork + "' ";
  const auto log = dir / "out.txt";
  ASSERT_EQ(binary(base + "import members '" + demo_dir() + "/leden.csv' " + net, log), 0);
  ASSERT_EQ(binary(base + "import events '" + demo_dir() + "/agenda.ics' " + net +
                       "--from 2026-12-01 --to 2027-03-31",
                   log),
            0);
  ASSERT_EQ(
      binary(base + "import availability '" + demo_dir() + "/beschikbaarheid.json' " + net, log),
      0);
  ASSERT_EQ(binary(base + "plan " + net + "--from 2026-12-01 --to 2027-03-31", log), 0);
  std::ifstream in(log);
  std::string first_line;
  std::getline(in, first_line);
  EXPECT_TRUE(first_line.starts_with("Voorstel 1:")) << first_line;

  ASSERT_EQ(binary(base + "proposals show 1 --format json", log), 0);
  const auto shown = read_json(log);
  EXPECT_EQ(shown["number"], 1);
  EXPECT_EQ(shown["network"], kDemoNetwork);
  EXPECT_EQ(shown["status"], "proposed");
  ASSERT_FALSE(shown["sessions"].empty());
  for (const auto& s : shown["sessions"]) {
    EXPECT_GE(s["members"].size(), 8u);
    EXPECT_FALSE(s["members"][0]["name"].get<std::string>().empty());
  }
  for (const auto& u : shown["unplaced"]) EXPECT_FALSE(u["detail"].get<std::string>().empty());

  // Pin and lock through the CLI, re-solve, and see the changes.
  const auto session = shown["sessions"][0]["id"].get<std::int64_t>();
  const auto member = shown["sessions"][0]["members"][0]["member"].get<std::int64_t>();
  ASSERT_EQ(binary(base + "proposals pin 1 --member " + std::to_string(member) + " --session " +
                       std::to_string(session),
                   log),
            0);
  ASSERT_EQ(binary(base + "proposals lock 1 --session " + std::to_string(session), log), 0);
  ASSERT_EQ(binary(base + "plan --resolve 1", log), 0);
  std::ifstream resolved(log);
  std::string text((std::istreambuf_iterator<char>(resolved)), {});
  EXPECT_TRUE(text.starts_with("Voorstel 2:")) << text;
  EXPECT_NE(text.find("Wijzigingen ten opzichte van voorstel 1"), std::string::npos) << text;
  ASSERT_EQ(binary(base + "proposals list --format json", log), 0);
  const auto list = read_json(log);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1]["status"], "superseded");
}

}  // namespace
}  // namespace tafel::testing
