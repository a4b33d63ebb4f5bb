#include "adapters/web/auth.hpp"

#include "adapters/web/secrets.hpp"

#include <fmt/format.h>

namespace tafel::web {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> cookie_value(const http::Request& request, std::string_view name) {
  for (const auto& h : request.headers) {
    if (!http::iequals(h.name, "Cookie")) continue;
    std::string_view rest = h.value;
    while (!rest.empty()) {
      const auto semi = rest.find(';');
      const std::string_view pair = trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      const auto eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      if (trim(pair.substr(0, eq)) == name) return std::string(trim(pair.substr(eq + 1)));
    }
  }
  return std::nullopt;
}

std::string cookie_header(std::string_view name, std::string_view value, std::string_view path,
                          std::int64_t max_age, bool secure) {
  return fmt::format("{}={}; Path={}; Max-Age={}; HttpOnly; SameSite=Lax{}", name, value, path,
                     max_age, secure ? "; Secure" : "");
}

std::optional<Authenticated> authenticate(const WebSetup& setup, SQLite::Database& db,
                                          const http::Request& request, bool allow_token) {
  const std::int64_t now = setup.now();
  if (allow_token) {
    if (const auto auth = request.header("Authorization")) {
      const std::string_view value = trim(*auth);
      if (value.size() <= 7 || !http::iequals(value.substr(0, 7), "Bearer ")) return std::nullopt;
      const auto account_id = use_api_token(db, sha256_hex(trim(value.substr(7))), now);
      if (!account_id) return std::nullopt;
      auto account = find_account(db, *account_id);
      if (!account || account->disabled) return std::nullopt;
      return Authenticated{std::move(*account), "", ""};
    }
  }
  const auto cookie = cookie_value(request, kSessionCookie);
  if (!cookie || cookie->empty()) return std::nullopt;
  const std::string hash = sha256_hex(*cookie);
  const auto session = find_web_session(db, hash, now, kIdleLimit);
  if (!session) return std::nullopt;
  auto account = find_account(db, session->account_id);
  if (!account || account->disabled) return std::nullopt;
  if (now != session->last_seen) touch_web_session(db, hash, now);
  return Authenticated{std::move(*account), session->csrf, hash};
}

bool csrf_ok(const Authenticated& who, const pages::FormBody& form) {
  const auto sent = form.get(kCsrfField);
  return !who.csrf.empty() && sent && same_secret(*sent, who.csrf);
}

std::string start_session(const WebSetup& setup, SQLite::Database& db, std::int64_t account_id) {
  const std::string value = random_secret();
  const std::int64_t now = setup.now();
  add_web_session(db, sha256_hex(value), account_id, random_secret(), now, now + kSessionLifetime);
  return value;
}

}  // namespace tafel::web
