#pragma once
// Logging in and out.
//
//   GET  /inloggen   the form. Its CSRF token is double-submit: a random value in the cookie
//                    `tp_inlog` (HttpOnly, SameSite=Lax, Path=/inloggen) and in the form.
//   POST /inloggen   email, wachtwoord, csrf. Success: a new session (cookie tp_sessie) and
//                    303 to /beheer. Wrong email or password: the same form with one generic
//                    Dutch error (422), so it never tells whether an account exists; an unknown
//                    email costs the same scrypt work as a known one.
//                    Throttling: after kMaxFailures failures within kThrottleWindow for the
//                    email or from the client address, 429 with a Dutch page and Retry-After,
//                    without checking the password.
//   POST /uitloggen  csrf; ends the session, 303 to /inloggen.
//
// Client addresses are stored hashed; nothing personal is logged.

#include "adapters/http/message.hpp"
#include "adapters/web/web_setup.hpp"

#include <cstdint>

namespace tafel::web {

inline constexpr int kMaxFailures = 5;
inline constexpr std::int64_t kThrottleWindow = 15 * 60;

http::Response handle_login_get(const WebSetup& setup, const http::Request& request);
http::Response handle_login_post(const WebSetup& setup, const http::Request& request);
http::Response handle_logout_post(const WebSetup& setup, const http::Request& request);

// Shared answers: 303 to `location`; the 403 page for a missing or wrong CSRF token; the 404 page.
http::Response redirect_to(std::string location);
http::Response forbidden_page(const WebSetup& setup);
http::Response not_found_page(const WebSetup& setup);

}  // namespace tafel::web
