#pragma once
// A real Dovecot IMAP server (Debian dovecot-imapd) for the intake tests, run from a throw-away
// configuration in a temp dir: 127.0.0.1 on a free port, IMAP only, plaintext login allowed on
// loopback, one passwd-file user, Maildir, logs, base_dir and state in the temp dir. As root the
// login and internal processes run as Debian's `dovenull`/`dovecot` users and mail is stored as
// `dovecot` (Dovecot refuses uid 0 for both); otherwise everything runs as the current user.
// Mail is delivered with IMAP APPEND through libcurl. The destructor stops the server.

#include "tests/support/temp_dir.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <grp.h>
#include <netinet/in.h>
#include <optional>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace tafel::testing {

inline int free_local_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  ::close(fd);
  return port;
}

inline bool can_connect(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

class DovecotServer {
 public:
  static constexpr const char* kUser = "antwoorden";
  static constexpr const char* kPassword = "test-geheim";

  DovecotServer() {
    const auto& d = dir_.path();
    std::filesystem::create_directories(d / "run");
    std::filesystem::create_directories(d / "state");
    std::filesystem::create_directories(d / "mail");
    port_ = free_local_port();
    std::string login_user, internal_user, internal_group;
    uid_t mail_uid = ::getuid();
    gid_t mail_gid = ::getgid();
    if (::geteuid() == 0) {
      const passwd* login = ::getpwnam("dovenull");
      const passwd* internal = ::getpwnam("dovecot");
      if (!login || !internal) {
        error_ = "users dovenull/dovecot missing (is dovecot-core installed?)";
        return;
      }
      login_user = "dovenull";
      internal_user = "dovecot";
      const group* g = ::getgrgid(internal->pw_gid);
      internal_group = g ? g->gr_name : "dovecot";
      mail_uid = internal->pw_uid;
      mail_gid = internal->pw_gid;
      std::filesystem::permissions(
          d, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                 std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                 std::filesystem::perms::others_exec);
      if (::chown((d / "mail").c_str(), mail_uid, mail_gid) != 0) {
        error_ = "cannot hand the mail folder to the dovecot user";
        return;
      }
    } else {
      const passwd* me = ::getpwuid(::getuid());
      const group* g = ::getgrgid(::getgid());
      login_user = internal_user = me ? me->pw_name : "";
      internal_group = g ? g->gr_name : "";
    }
    dir_.write("passwd", fmt::format("{}:{{PLAIN}}{}::::::\n", kUser, kPassword));
    conf_ = dir_.write(
        "dovecot.conf",
        fmt::format(R"(base_dir = {d}/run
state_dir = {d}/state
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = {d}/dovecot.log
info_log_path = {d}/dovecot.log
default_login_user = {login}
default_internal_user = {internal}
default_internal_group = {group}
first_valid_uid = 1
mail_location = maildir:{d}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={d}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
service pop3-login {{
  inet_listener pop3 {{
    port = 0
  }}
  inet_listener pop3s {{
    port = 0
  }}
}}
)",
                    fmt::arg("d", d.string()), fmt::arg("login", login_user),
                    fmt::arg("internal", internal_user), fmt::arg("group", internal_group),
                    fmt::arg("uid", mail_uid), fmt::arg("gid", mail_gid), fmt::arg("port", port_)));
    std::vector<std::string> args{"/usr/sbin/dovecot", "-F", "-c", conf_.string()};
    std::vector<char*> argv;
    for (auto& s : args) argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    const std::string out = (d / "stdout.log").string();
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    if (posix_spawn(&pid_, args[0].c_str(), &actions, nullptr, argv.data(), environ) != 0)
      pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    if (pid_ <= 0) {
      error_ = "cannot start /usr/sbin/dovecot";
      return;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!can_connect(port_)) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        error_ = "dovecot exited: " + log();
        return;
      }
      if (std::chrono::steady_clock::now() > deadline) {
        error_ = "dovecot did not listen: " + log();
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  ~DovecotServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }

  DovecotServer(const DovecotServer&) = delete;
  DovecotServer& operator=(const DovecotServer&) = delete;

  const std::string& error() const { return error_; }  // "" when running
  std::string url() const { return fmt::format("imap://127.0.0.1:{}", port_); }

  std::string log() const {
    std::string s;
    for (const char* f : {"dovecot.log", "stdout.log"}) {
      std::ifstream in(dir_.path() / f);
      s.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return s;
  }

  // APPENDs `raw` to INBOX; empty on success, else the curl error.
  std::string append(const std::string& raw) const {
    struct Reader {
      const std::string& data;
      std::size_t pos = 0;
    } reader{raw};
    auto read = +[](char* buf, size_t size, size_t n, void* p) -> size_t {
      auto* r = static_cast<Reader*>(p);
      const size_t k = std::min(size * n, r->data.size() - r->pos);
      std::copy_n(r->data.data() + r->pos, k, buf);
      r->pos += k;
      return k;
    };
    return perform(url() + "/INBOX", "", [&](CURL* c) {
      curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
      curl_easy_setopt(c, CURLOPT_READFUNCTION, read);
      curl_easy_setopt(c, CURLOPT_READDATA, &reader);
      curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(raw.size()));
    });
  }

  // Runs one IMAP command on INBOX (e.g. "UID STORE 1:2 +FLAGS (\\Seen)").
  std::string command(const std::string& cmd, std::string* out = nullptr) const {
    return perform(url() + "/INBOX", cmd, [&](CURL* c) {
      if (out) {
        curl_easy_setopt(
            c, CURLOPT_WRITEFUNCTION, +[](char* d, size_t s, size_t n, void* p) -> size_t {
              static_cast<std::string*>(p)->append(d, s * n);
              return s * n;
            });
        curl_easy_setopt(c, CURLOPT_WRITEDATA, out);
      }
    });
  }

 private:
  template <typename Setup>
  std::string perform(const std::string& target, const std::string& custom, Setup setup) const {
    CURL* c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, target.c_str());
    curl_easy_setopt(c, CURLOPT_USERNAME, kUser);
    curl_easy_setopt(c, CURLOPT_PASSWORD, kPassword);
    if (!custom.empty()) curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, custom.c_str());
    curl_easy_setopt(
        c, CURLOPT_WRITEFUNCTION,
        +[](char*, size_t s, size_t n, void*) -> size_t { return s * n; });
    setup(c);
    const CURLcode rc = curl_easy_perform(c);
    curl_easy_cleanup(c);
    return rc == CURLE_OK ? "" : curl_easy_strerror(rc);
  }

  TempDir dir_;
  std::filesystem::path conf_;
  int port_ = 0;
  pid_t pid_ = -1;
  std::string error_;
};

}  // namespace tafel::testing
