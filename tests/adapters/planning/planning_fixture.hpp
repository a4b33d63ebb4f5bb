#pragma once
// A temporary database with the demo network's members, calendar and availability imported,
// driven through the real subcommands in-process. `two_networks` adds a second network
// ("Netwerk Twee") with the same member list, so every person is a member of both.

#include "adapters/cli/app.hpp"
#include "adapters/store/store.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace tafel::testing {

inline const std::string kDemoNetwork = "Coöperatie Vakwerk Gelderse Vallei";
inline const std::string kSecondNetwork = "Netwerk Twee";

inline std::string demo_dir() { return std::string(TAFEL_SOURCE_DIR) + "/config/demo"; }

class PlanningFixture : public ::testing::Test {
 protected:
  TempDir dir;
  std::string config;
  std::string db;

  // Writes the configuration and imports the demo files into `networks`.
  void prepare(bool two_networks) {
    std::ifstream in(demo_dir() + "/demo.toml");
    std::stringstream text;
    text << in.rdbuf();
    std::string toml = text.str();
    if (two_networks)
      toml += "\n[[networks]]\nname = \"" + kSecondNetwork +
              "\"\nsender_name = \"Netwerk Twee\"\nsender_email = \"twee@example.nl\"\n";
    config = dir.write("demo.toml", toml).string();
    db = (dir / "tafel.db").string();
    std::vector<std::string> networks = {kDemoNetwork};
    if (two_networks) networks.push_back(kSecondNetwork);
    for (const auto& n : networks) {
      ASSERT_EQ(cli({"import", "members", demo_dir() + "/leden.csv", "--network", n}), 0);
      ASSERT_EQ(cli({"import", "events", demo_dir() + "/agenda.ics", "--network", n, "--from",
                     "2026-12-01", "--to", "2027-03-31"}),
                0);
      ASSERT_EQ(
          cli({"import", "availability", demo_dir() + "/beschikbaarheid.json", "--network", n}), 0);
    }
  }

  // Runs `tafelplanner --config <config> --db <db> args...` in-process; stdout into `out`.
  int cli(std::vector<std::string> args, std::string* out = nullptr) {
    args.insert(args.begin(), {"--config", config, "--db", db});
    std::ostringstream capture;
    auto* old = std::cout.rdbuf(capture.rdbuf());
    CliContext ctx;
    auto app = make_app(ctx);
    const int rc = run_app(*app, args);
    std::cout.rdbuf(old);
    if (out) *out = capture.str();
    return rc;
  }

  // `plan` for a network over the demo period; returns the exit code.
  int plan(const std::string& network, std::string* out = nullptr,
           std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"plan",       "--network",       network,
                                     "--from",     "2026-12-01",      "--to",
                                     "2027-03-31", "--time-limit-ms", "20000"};
    args.insert(args.end(), extra.begin(), extra.end());
    return cli(args, out);
  }

  Store open_store() {
    auto s = Store::open(db);
    EXPECT_TRUE(s) << (s ? "" : s.error().message);
    return std::move(*s);
  }
};

}  // namespace tafel::testing
