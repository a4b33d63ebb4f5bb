#pragma once
// Shared set-up for the web app tests: a configuration with two networks ("Noord", "Zuid") and a
// facilitator, its database in a temporary directory, the real binary for CLI commands (with a
// password on stdin) and the daemon on a free port.

#include "tests/support/daemon_process.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <regex>
#include <string>
#include <sys/wait.h>

namespace tafel::testing {

struct CliResult {
  int code = -1;
  std::string out;
  std::string err;
};

class WebTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_ =
        dir_.write("tafelplanner.toml", "database = \"" + (dir_ / "tafel.db").string() +
                                            "\"\n"
                                            "public_url = \"http://127.0.0.1:8080\"\n"
                                            "\n[[networks]]\nname = \"Noord\"\n"
                                            "\n[[networks]]\nname = \"Zuid\"\n"
                                            "\n[sectors.bouw]\nlabel = \"Bouw\"\n"
                                            "\n[[staff]]\nid = \"fac-1\"\nname = \"Fien\"\nrole = "
                                            "\"facilitator\"\n");
  }

  // Runs the binary with `args` (shell words, quoted by the caller) and `input` on stdin.
  CliResult cli(const std::string& args, const std::string& input = "") {
    const auto in_file = dir_.write("stdin.txt", input);
    const auto err_file = dir_ / "stderr.txt";
    const std::string cmd = std::string("'") + TAFEL_BINARY + "' --config '" + config_.string() +
                            "' " + args + " <'" + in_file.string() + "' 2>'" + err_file.string() +
                            "'";
    CliResult r;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (pipe == nullptr) return r;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(err_file, std::ios::binary);
    r.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
    return r;
  }

  SQLite::Database db() {
    SQLite::Database d((dir_ / "tafel.db").string(), SQLite::OPEN_READWRITE);
    d.setBusyTimeout(5000);
    return d;
  }

  std::int64_t network(const std::string& name) {
    auto d = db();
    SQLite::Statement q(d, "SELECT id FROM networks WHERE name = ?");
    q.bind(1, name);
    q.executeStep();
    return q.getColumn(0).getInt64();
  }

  std::int64_t add_item(std::int64_t network_id, const std::string& detail) {
    auto d = db();
    SQLite::Statement q(d,
                        "INSERT INTO coordinator_items (kind, network_id, detail, created_at) "
                        "VALUES ('unclear_reply', ?, ?, '2026-11-28T10:15:00Z')");
    q.bind(1, network_id);
    q.bind(2, detail);
    q.exec();
    return d.getLastInsertRowid();
  }

  bool item_open(std::int64_t id) {
    auto d = db();
    SQLite::Statement q(d, "SELECT resolved_at IS NULL FROM coordinator_items WHERE id = ?");
    q.bind(1, id);
    return q.executeStep() && q.getColumn(0).getInt() == 1;
  }

  void start_daemon() {
    daemon_ = std::make_unique<DaemonProcess>(
        TAFEL_BINARY,
        std::vector<std::string>{"--config", config_.string(), "serve", "--listen", "127.0.0.1:0"});
    ASSERT_TRUE(daemon_->wait_ready()) << daemon_->stderr_text();
  }

  std::optional<HttpResponse> get(const std::string& target, std::vector<std::string> extra = {}) {
    return http_request(daemon_->host(), daemon_->port(), "GET", target, {}, extra);
  }

  std::optional<HttpResponse> post_form(const std::string& target, const std::string& body,
                                        std::vector<std::string> extra = {}) {
    extra.push_back("Content-Type: application/x-www-form-urlencoded");
    return http_request(daemon_->host(), daemon_->port(), "POST", target, body, extra);
  }

  // The value of cookie `name` set by `r` ("" when not set).
  static std::string set_cookie(const HttpResponse& r, const std::string& name) {
    for (const auto& [n, v] : r.headers)
      if (n == "Set-Cookie" && v.starts_with(name + "="))
        return v.substr(name.size() + 1, v.find(';') - name.size() - 1);
    return "";
  }
  static std::string set_cookie_line(const HttpResponse& r, const std::string& name) {
    for (const auto& [n, v] : r.headers)
      if (n == "Set-Cookie" && v.starts_with(name + "=")) return v;
    return "";
  }

  static std::string csrf_of(const std::string& html) {
    std::smatch m;
    const std::regex re("name=\"csrf\" value=\"([^\"]*)\"");
    return std::regex_search(html, m, re) ? m[1].str() : "";
  }

  static std::string url_encode(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
        out += static_cast<char>(c);
      } else {
        static const char* hex = "0123456789ABCDEF";
        out += '%';
        out += hex[c >> 4];
        out += hex[c & 15];
      }
    }
    return out;
  }

  // GET then POST /inloggen; the POST's response.
  std::optional<HttpResponse> login(const std::string& email, const std::string& password) {
    const auto form = get("/inloggen");
    if (!form || form->status != 200) return form;
    const std::string cookie = set_cookie(*form, "tp_inlog");
    return post_form("/inloggen",
                     "csrf=" + url_encode(csrf_of(form->body)) + "&email=" + url_encode(email) +
                         "&wachtwoord=" + url_encode(password),
                     {"Cookie: tp_inlog=" + cookie});
  }

  // Logs in and returns the session cookie value ("" on failure).
  std::string session_for(const std::string& email, const std::string& password) {
    const auto r = login(email, password);
    return r && r->status == 303 ? set_cookie(*r, "tp_sessie") : "";
  }

  TempDir dir_;
  std::filesystem::path config_;
  std::unique_ptr<DaemonProcess> daemon_;
};

}  // namespace tafel::testing
