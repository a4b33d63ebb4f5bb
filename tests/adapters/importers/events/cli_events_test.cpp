// Runs the real `tafelplanner` binary: import from a file and from a feed served over loopback
// HTTP, then `events list --format json`.

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace tafel {
namespace {

const std::filesystem::path kData = std::filesystem::path(TAFEL_SOURCE_DIR) / "tests/data/events";

struct Run {
  int code = -1;
  std::string out;
};

Run run(const std::string& args) {
  const std::string cmd = std::string(TAFEL_BINARY) + " --config '" +
                          (kData / "config.toml").string() + "' " + args + " 2>&1";
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// A python http.server on a free loopback port serving `dir`; stopped in the destructor.
class LoopbackHttpServer {
 public:
  explicit LoopbackHttpServer(const std::filesystem::path& dir) {
    port_ = free_port();
    pid_ = fork();
    if (pid_ == 0) {
      const std::string port = std::to_string(port_);
      std::freopen("/dev/null", "w", stdout);  // quiet banner and request log
      std::freopen("/dev/null", "w", stderr);
      execl("/usr/bin/python3", "python3", "-m", "http.server", port.c_str(), "--bind", "127.0.0.1",
            "--directory", dir.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 100 && !accepting(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ~LoopbackHttpServer() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/" + path;
  }
  bool accepting() const {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port_));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    close(fd);
    return ok;
  }

 private:
  static int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    close(fd);
    return ntohs(a.sin_port);
  }
  int port_ = 0;
  pid_t pid_ = -1;
};

const std::string kImport = " import events ";
const std::string kNetwork = " --network 'BTO Gelderse Vallei' --from 2026-09-01 --to 2027-01-31";

TEST(CliEvents, MonthlyMeetingAcrossOctoberDstListsRightLocalTimes) {
  testing::TempDir dir;
  const std::string db = " --db '" + (dir / "t.db").string() + "'";
  const auto imported =
      run(db + kImport + "'" + (kData / "member_meetings.ics").string() + "'" + kNetwork);
  ASSERT_EQ(imported.code, 0) << imported.out;
  EXPECT_NE(imported.out.find("taken: 6 occurrence(s)"), std::string::npos) << imported.out;

  const auto listed = run(db + " events list --format json --from 2026-09-01 --to 2027-01-31");
  ASSERT_EQ(listed.code, 0) << listed.out;
  const auto json = nlohmann::json::parse(listed.out);
  ASSERT_TRUE(json.is_array());
  std::vector<std::string> meetings;
  for (const auto& e : json) {
    ASSERT_EQ(e.size(), 8u) << e.dump();
    for (const char* key : {"id", "uid", "network", "title", "start", "end", "all_day", "venue"})
      EXPECT_TRUE(e.contains(key)) << key;
    EXPECT_TRUE(e["id"].is_string());
    EXPECT_EQ(e["network"], "BTO Gelderse Vallei");
    if (e["uid"] == "ledenavond@bto.example.nl") {
      meetings.push_back(e["start"].get<std::string>());
      EXPECT_EQ(e["venue"], "bto-ede");
      EXPECT_EQ(e["all_day"], false);
    }
    if (e["uid"] == "bedrijfsbezoek-2026@bto.example.nl") {
      EXPECT_TRUE(e["venue"].is_null());
    }
    if (e["uid"] == "branchedag-2026@bto.example.nl") {
      EXPECT_EQ(e["all_day"], true);
      EXPECT_EQ(e["start"], "2026-10-15T00:00:00+02:00");
    }
  }
  EXPECT_EQ(meetings,
            (std::vector<std::string>{"2026-09-01T19:30:00+02:00", "2026-10-06T19:30:00+02:00",
                                      "2026-11-05T20:00:00+01:00", "2027-01-05T19:30:00+01:00"}));
  // Ordered by start.
  for (std::size_t i = 1; i < json.size(); ++i)
    EXPECT_LE(json[i - 1]["start"].get<std::string>().substr(0, 10),
              json[i]["start"].get<std::string>().substr(0, 10));
  // --to is inclusive, --from the first day.
  const auto october = run(db + " events list --format json --from 2026-10-06 --to 2026-10-15");
  EXPECT_EQ(nlohmann::json::parse(october.out).size(), 2u) << october.out;
}

TEST(CliEvents, BrokenFileExitsTwoNamingTheLine) {
  testing::TempDir dir;
  const std::string db = " --db '" + (dir / "t.db").string() + "'";
  const auto r = run(db + kImport + "'" + (kData / "broken.ics").string() + "'" + kNetwork);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("broken.ics:7:1: error:"), std::string::npos) << r.out;
  EXPECT_EQ(run(db + " events list --format json").out, "[]\n");
}

TEST(CliEvents, BadDateIsBadInput) {
  testing::TempDir dir;
  const auto r = run(" --db '" + (dir / "t.db").string() + "' events list --from 2026-13-01");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--from"), std::string::npos) << r.out;
}

TEST(CliEvents, ImportsFeedUrlOverLoopbackHttp) {
  testing::TempDir dir;
  testing::TempDir www;
  std::filesystem::copy_file(kData / "member_meetings.ics", www / "feed.ics");
  LoopbackHttpServer server(www.path());
  ASSERT_TRUE(server.accepting());
  const std::string db = " --db '" + (dir / "t.db").string() + "'";
  const auto r = run(db + kImport + server.url("feed.ics") + kNetwork);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("taken: 6 occurrence(s): 6 added"), std::string::npos) << r.out;
  const auto again = run(db + kImport + server.url("feed.ics") + kNetwork);
  EXPECT_NE(again.out.find("6 unchanged"), std::string::npos) << again.out;

  const auto missing = run(db + kImport + server.url("missing.ics") + kNetwork);
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.out.find("HTTP 404"), std::string::npos) << missing.out;
}

}  // namespace
}  // namespace tafel
