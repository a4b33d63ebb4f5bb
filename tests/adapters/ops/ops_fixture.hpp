#pragma once
// Shared set-up for the operations tests: a temporary state directory with a configuration whose
// database lives in it, and helpers to run the real binary and to start the daemon.

#include "tests/support/daemon_process.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace tafel::testing {

struct CommandResult {
  int code = -1;
  std::string out;
  std::string err;
};

class OpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_ = dir_.write("tafelplanner.toml", "database = \"" + db().string() +
                                                  "\"\n"
                                                  "public_url = \"http://127.0.0.1:8080\"\n"
                                                  "\n[messaging]\ntemplates = \"" TAFEL_SOURCE_DIR
                                                  "/config/templates\"\n"
                                                  "\n[[networks]]\nname = \"Test\"\n"
                                                  "\n[sectors.bouw]\nlabel = \"Bouw\"\n");
  }

  std::filesystem::path db() const { return dir_ / "tafel.db"; }

  // Runs the binary with `args` (shell words, already quoted); stdout and stderr are captured.
  CommandResult run(const std::string& args) {
    const auto err_file = dir_ / "stderr.txt";
    const std::string cmd = std::string("'") + TAFEL_BINARY + "' --config '" + config_.string() +
                            "' " + args + " 2>'" + err_file.string() + "'";
    CommandResult r;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (pipe == nullptr) return r;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read_file(err_file);
    std::filesystem::remove(err_file);
    return r;
  }

  // Starts `serve` on a free port; check wait_ready().
  std::unique_ptr<DaemonProcess> start_daemon() {
    auto d = std::make_unique<DaemonProcess>(
        TAFEL_BINARY,
        std::vector<std::string>{"--config", config_.string(), "serve", "--listen", "127.0.0.1:0"});
    return d;
  }

  static std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  TempDir dir_;
  std::filesystem::path config_;
};

}  // namespace tafel::testing
