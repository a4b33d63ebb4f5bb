// Runs the real `tafelplanner` binary with a temporary configuration and database.

#include "tests/adapters/importers/members/import_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace tafel::testing {
namespace {

struct RunResult {
  int code = -1;
  std::string out;
};

class CliMembers : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(members_data("test_config.toml"));
    std::stringstream text;
    text << in.rdbuf();
    std::string config = text.str();
    const std::string key = "database = \"members-test.db\"";
    config.replace(config.find(key), key.size(),
                   "database = \"" + (dir_ / "cli.db").string() + "\"");
    config_ = dir_.write("tafel.toml", config);
  }

  // Runs the binary with `args`; stdout is captured, stderr goes to a file.
  RunResult run(const std::string& args) {
    const std::string cmd = std::string("'") + TAFEL_BINARY + "' --config '" + config_.string() +
                            "' " + args + " 2>'" + (dir_ / "stderr.txt").string() + "'";
    RunResult r;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (pipe == nullptr) return r;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
  }

  std::string copy_fixture(const std::string& name) {
    std::ifstream in(members_data(name), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return dir_.write(name, bytes.str()).string();
  }

  TempDir dir_;
  std::filesystem::path config_;
};

TEST_F(CliMembers, ImportReportsAndExitsZeroWhenTaken) {
  const auto file = copy_fixture("leden_windows1252.csv");
  const auto r = run("import members '" + file + "' --network 'BTO Test'");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, file +
                       ":5:0: warning: location not found (postcode \"3901 AA\", town \"\"); "
                       "no travel limit applies (unresolved_location)\n" +
                       file +
                       ":8:8 (Branche): warning: sector \"kapper\" is not a configured "
                       "sector or synonym; imported as not eligible (unknown_sector)\n" +
                       file +
                       ":8:0: warning: location not found (postcode \"\", town \"\"); no "
                       "travel limit applies (unresolved_location)\n");
}

TEST_F(CliMembers, RefusedImportExitsTwoAndJsonEndsWithSummary) {
  const auto file = copy_fixture("bad_rows.csv");
  const auto r = run("import members '" + file + "' --network 'BTO Test' --format json");
  EXPECT_EQ(r.code, 2);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  EXPECT_EQ(j.back()["taken"], false);
  EXPECT_EQ(j.back()["errors"], 4);
  EXPECT_EQ(j.front()["code"], "missing_company");
  EXPECT_EQ(j.front()["line"], 3);
  EXPECT_EQ(j.front()["column"], 1);
  EXPECT_EQ(j.front()["header"], "Bedrijf");
  EXPECT_EQ(run("members export --format json").out, "[]\n");
}

TEST_F(CliMembers, UnknownNetworkIsBadInput) {
  const auto file = copy_fixture("bad_rows.csv");
  EXPECT_EQ(run("import members '" + file + "' --network 'Nope'").code, 2);
}

TEST_F(CliMembers, ExportJsonAndCsvAndShow) {
  ASSERT_EQ(
      run("import members '" + copy_fixture("members_utf8_bom.csv") + "' --network 'BTO Test'")
          .code,
      0);
  const auto json = run("members export --format json --network 'BTO Test'");
  ASSERT_EQ(json.code, 0);
  const auto j = nlohmann::ordered_json::parse(json.out);
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[0].dump(),
            R"({"id":"1","network":"BTO Test","company":"Yıldız Installaties","name":"Ayşe )"
            R"(Yıldız","email":"ayse@yildiz.example.com","phone":"+31645678901","sector":)"
            R"("installatie","employees":5,"eligible":true,"eligibility_reason":null,"consent":)"
            R"({"email":true,"whatsapp":true}})");

  const auto csv = run("members export --format csv");
  ASSERT_EQ(csv.code, 0);
  EXPECT_EQ(csv.out,
            "\xEF\xBB\xBFid;network;company;name;email;phone;sector;employees;eligible;"
            "eligibility_reason;consent_email;consent_whatsapp\r\n"
            "1;BTO Test;Yıldız Installaties;Ayşe Yıldız;ayse@yildiz.example.com;+31645678901;"
            "installatie;5;ja;;ja;ja\r\n"
            "2;BTO Test;Müller Elektro;Jürgen Müller;JURGEN@Mueller.example.com;+493012345678;"
            "elektrotechniek;2;ja;;nee;nee\r\n"
            "3;BTO Test;\"Smith \"\"The Builder\"\"\";John Smith;john@smith.example.com;"
            "+31656789012;bouw;26;nee;too_many_employees;ja;ja\r\n");

  const auto show = run("members show 2");
  ASSERT_EQ(show.code, 0);
  const auto m = nlohmann::json::parse(show.out);
  EXPECT_EQ(m["consent"]["email"]["granted"], false);
  EXPECT_EQ(m["consent"]["email"]["source"], "import:members_utf8_bom.csv");
  EXPECT_EQ(m["consent"]["whatsapp"]["source"], "import:members_utf8_bom.csv (default)");
  EXPECT_EQ(m["consent_history"].size(), 2u);
  EXPECT_EQ(m["landline"], "+493012345678");
  EXPECT_EQ(m["attributes"]["Member since"], "2021");
  EXPECT_EQ(run("members show 99").code, 2);
}

TEST_F(CliMembers, DecimalEmployeesUseACommaInCsv) {
  ASSERT_EQ(run("import members '" + copy_fixture("leden_windows1252.csv") +
                "' --network 'BTO Test' --dry-run")
                .code,
            0);
  EXPECT_EQ(run("members export --format json").out, "[]\n");  // the dry run wrote nothing
  ASSERT_EQ(
      run("import members '" + copy_fixture("leden_windows1252.csv") + "' --network 'BTO Test'")
          .code,
      0);
  const auto csv = run("members export --format csv").out;
  EXPECT_NE(csv.find(";Anneloes van der Linde;;+31623456789;installatie;12,5;ja;;ja;nee\r\n"),
            std::string::npos);
}

}  // namespace
}  // namespace tafel::testing
