#pragma once
// Runs the real `tafelplanner` binary as a child process for integration tests: spawns it with
// stderr captured, waits for its `listening on http://ADDR:PORT` line, sends signals and
// collects the exit status. The destructor kills a daemon that is still running.
//
// Threading: a background thread drains the child's stderr (so the access log can never fill
// the pipe and stall the daemon); stderr_text() is safe to call at any time.

#include "tests/support/temp_dir.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <optional>
#include <signal.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace tafel::testing {

// A minimal valid configuration with its database in `dir` (written as tafelplanner.toml);
// `extra` is appended verbatim.
inline std::filesystem::path write_test_config(const TempDir& dir, const std::string& extra = "") {
  return dir.write("tafelplanner.toml",
                   "database = \"tafel.db\"\n"
                   "public_url = \"http://127.0.0.1:8080\"\n" +
                       extra +
                       "\n[[networks]]\nname = \"Test\"\n"
                       "\n[sectors.bouw]\nlabel = \"Bouw\"\n");
}

// The outcome of running the binary to completion.
struct RunResult {
  int exit_code = -1;  // 128 + signal number when killed by a signal
  std::string err;     // everything written to stderr
};

class DaemonProcess {
 public:
  // Starts `binary` with `args` (argv[0] excluded). Check started() / wait_ready().
  DaemonProcess(const std::string& binary, const std::vector<std::string>& args) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
    std::vector<std::string> storage{binary};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : storage) argv.push_back(s.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    reader_ = std::thread([this, fd = fds[0]] { drain(fd); });
  }

  DaemonProcess(const DaemonProcess&) = delete;
  DaemonProcess& operator=(const DaemonProcess&) = delete;

  ~DaemonProcess() {
    if (pid_ > 0 && !exit_code_) {
      ::kill(pid_, SIGKILL);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
    if (reader_.joinable()) reader_.join();
  }

  bool started() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }

  // Waits for the `listening on http://HOST:PORT` line; false when the process ends first or
  // `timeout` passes.
  bool wait_ready(std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return ready_ || eof_; }) && ready_;
  }

  const std::string& host() const { return host_; }  // without brackets
  std::uint16_t port() const { return port_; }

  void signal(int sig) const {
    if (pid_ > 0) ::kill(pid_, sig);
  }

  // The exit code (128 + signal when killed), or nullopt if still running after `timeout`.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    if (exit_code_ || pid_ <= 0) return exit_code_;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    do {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    } while (std::chrono::steady_clock::now() < deadline);
    return std::nullopt;
  }

  // Everything the process wrote to stderr so far.
  std::string stderr_text() const {
    std::lock_guard lock(mutex_);
    return err_;
  }

  // Waits until stderr contains `needle`.
  bool wait_for_stderr(const std::string& needle,
                       std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] {
      return err_.find(needle) != std::string::npos || eof_;
    }) && err_.find(needle) != std::string::npos;
  }

  // Runs `binary` to completion (for commands that do not serve).
  static RunResult run(const std::string& binary, const std::vector<std::string>& args,
                       std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    DaemonProcess p(binary, args);
    RunResult r;
    if (auto code = p.wait_exit(timeout)) r.exit_code = *code;
    if (p.reader_.joinable() && p.exit_code_) p.reader_.join();
    r.err = p.stderr_text();
    return r;
  }

 private:
  void drain(int fd) {
    char buf[4096];
    while (true) {
      const auto n = ::read(fd, buf, sizeof buf);
      if (n <= 0) break;
      std::lock_guard lock(mutex_);
      err_.append(buf, static_cast<std::size_t>(n));
      if (!ready_) parse_ready();
      changed_.notify_all();
    }
    ::close(fd);
    std::lock_guard lock(mutex_);
    eof_ = true;
    changed_.notify_all();
  }

  // Caller holds mutex_.
  void parse_ready() {
    static const std::string kPrefix = "listening on http://";
    const auto at = err_.find(kPrefix);
    if (at == std::string::npos) return;
    const auto eol = err_.find('\n', at);
    if (eol == std::string::npos) return;
    const std::string addr = err_.substr(at + kPrefix.size(), eol - at - kPrefix.size());
    const auto colon = addr.rfind(':');
    if (colon == std::string::npos) return;
    host_ = addr.substr(0, colon);
    if (host_.size() > 2 && host_.front() == '[') host_ = host_.substr(1, host_.size() - 2);
    port_ = static_cast<std::uint16_t>(std::stoi(addr.substr(colon + 1)));
    ready_ = true;
  }

  pid_t pid_ = -1;
  std::optional<int> exit_code_;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string err_;
  bool ready_ = false;
  bool eof_ = false;
  std::string host_;
  std::uint16_t port_ = 0;
};

}  // namespace tafel::testing
