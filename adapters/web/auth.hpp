#pragma once
// Who is asking: the session cookie of a logged-in browser, or for /api/ a bearer API token.
//
// Sessions: the cookie `tp_sessie` holds 256 random bits; the store keeps only their SHA-256.
// A session ends after kIdleLimit without requests, after kSessionLifetime in any case, at
// log-out and when the password is reset. Each session has its own CSRF token, which every form
// posted with the session must carry in the field `csrf` (compared in constant time).
//
// Cookies are HttpOnly, SameSite=Lax, Path=/, and Secure when the daemon is reached over https.

#include "adapters/http/message.hpp"
#include "adapters/pages/form_body.hpp"
#include "adapters/store/accounts_store.hpp"
#include "adapters/web/web_setup.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tafel::web {

inline constexpr std::string_view kSessionCookie = "tp_sessie";
inline constexpr std::string_view kCsrfField = "csrf";
inline constexpr std::int64_t kIdleLimit = 8 * 3600;
inline constexpr std::int64_t kSessionLifetime = 24 * 3600;

struct Authenticated {
  Account account;
  std::string csrf;          // the session's CSRF token; empty for API tokens
  std::string session_hash;  // empty for API tokens
};

// The value of cookie `name` in the request's Cookie headers, if any.
std::optional<std::string> cookie_value(const http::Request& request, std::string_view name);

// A Set-Cookie header value; `max_age` 0 deletes the cookie.
std::string cookie_header(std::string_view name, std::string_view value, std::string_view path,
                          std::int64_t max_age, bool secure);

// The session cookie's account (live session, account not disabled; records the request as the
// session's last activity), or with `allow_token` an `Authorization: Bearer` API token's.
std::optional<Authenticated> authenticate(const WebSetup& setup, SQLite::Database& db,
                                          const http::Request& request, bool allow_token);

// True when `form` carries the session's CSRF token.
bool csrf_ok(const Authenticated& who, const pages::FormBody& form);

// Starts a session for `account_id`; returns the cookie value.
std::string start_session(const WebSetup& setup, SQLite::Database& db, std::int64_t account_id);

}  // namespace tafel::web
