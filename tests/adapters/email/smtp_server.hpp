#pragma once
// A real SMTP server for tests: Debian's python3-aiosmtpd, run by /usr/bin/python3, saving each
// message as NNNN.eml in a folder. Recipients starting with "tijdelijk" get 451, "fout" get 550.

#include "tests/support/temp_dir.hpp"

#include <chrono>
#include <fstream>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace tafel::testing {

inline constexpr const char* kSmtpScript = R"py(
import os, signal, sys, time
from aiosmtpd.controller import Controller
folder, port = sys.argv[1], int(sys.argv[2])
class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("tijdelijk"):
            return "451 4.3.0 Probeer het later"
        if address.startswith("fout"):
            return "550 5.1.1 Onbekende ontvanger"
        envelope.rcpt_tos.append(address)
        return "250 OK"
    async def handle_DATA(self, server, session, envelope):
        n = len([f for f in os.listdir(folder) if f.endswith(".eml")])
        tmp = os.path.join(folder, "%04d.tmp" % n)
        with open(tmp, "wb") as f:
            f.write(envelope.original_content)
        os.rename(tmp, os.path.join(folder, "%04d.eml" % n))
        return "250 OK"
c = Controller(Handler(), hostname="127.0.0.1", port=port)
c.start()
open(os.path.join(folder, "ready"), "w").close()
signal.signal(signal.SIGTERM, lambda *a: (c.stop(), sys.exit(0)))
while True:
    time.sleep(1)
)py";

class SmtpServer {
 public:
  SmtpServer() {
    port_ = free_port();
    const auto script = dir_.write("server.py", kSmtpScript);
    std::filesystem::create_directories(dir_ / "mail");
    const std::string folder = (dir_ / "mail").string(), port = std::to_string(port_);
    std::vector<char*> argv = {const_cast<char*>("/usr/bin/python3"),
                               const_cast<char*>(script.c_str()), const_cast<char*>(folder.c_str()),
                               const_cast<char*>(port.c_str()), nullptr};
    if (posix_spawn(&pid_, "/usr/bin/python3", nullptr, nullptr, argv.data(), environ) != 0)
      pid_ = 0;
    for (int i = 0; i < 200 && !std::filesystem::exists(dir_ / "mail" / "ready"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ~SmtpServer() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
  }
  bool ready() const { return std::filesystem::exists(dir_ / "mail" / "ready"); }
  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  // The n-th message received (0-based), waiting briefly for it.
  std::string message(int n) const {
    char name[16];
    std::snprintf(name, sizeof name, "%04d.eml", n);
    const auto p = dir_ / "mail" / name;
    for (int i = 0; i < 100 && !std::filesystem::exists(p); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

 private:
  static int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    close(fd);
    return ntohs(addr.sin_port);
  }

  TempDir dir_;
  pid_t pid_ = 0;
  int port_ = 0;
};

}  // namespace tafel::testing
