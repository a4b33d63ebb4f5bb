#pragma once
// Pieces the page handlers share: verifying a URL token for a route, Dutch date and time
// wording, and the answers for gone links (410) and bad forms.

#include "adapters/http/message.hpp"
#include "adapters/links/link_token.hpp"
#include "adapters/pages/form_body.hpp"
#include "adapters/pages/pages_setup.hpp"
#include "engine/time/local_time.hpp"

#include <expected>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace tafel::pages {

// The token of a "/x/{token}" route (tokens are URL-safe: no decoding needed).
std::string_view route_token(const http::Request& request);

// Verifies `token` now; a genuine token of another purpose counts as bad.
std::expected<links::LinkClaims, links::LinkFailure> verify_for(
    const PagesSetup& setup, std::string_view token,
    std::initializer_list<links::Purpose> purposes);

// "07:00"
std::string clock_text(LocalTime t);
// "dinsdag 13 oktober 2026"
std::string date_text(LocalTime t);

// The 410 page: with the "send me a fresh link" form posting to `path` when `offer_fresh_link`,
// else the page that says nothing about the link.
http::Response gone_response(const PagesSetup& setup, std::string_view path, std::string_view token,
                             bool offer_fresh_link);

// The 410 answer for a failed token: the fresh-link form only when the token is genuine, expired
// and a fresh link would still be useful (fresh_link.hpp).
http::Response gone_for(const PagesSetup& setup, SQLite::Database& db, std::string_view path,
                        std::string_view token, const links::LinkFailure& failure);

// A POST to a failed token's URL: the 410 page's form (actie=nieuwe_link plus the check field)
// enqueues a fresh link when the token is genuine and expired; anything else gets the 410 page
// again. The answer never says whether a channel was known.
http::Response handle_fresh_link_post(const PagesSetup& setup, SQLite::Database& db,
                                      std::string_view path, std::string_view token,
                                      const links::LinkFailure& failure,
                                      const http::Request& request);

// Parses a POST's form body; nullopt when the Content-Type is not a form or the body is
// malformed (the caller answers with its page and a Dutch error).
std::optional<FormBody> form_of(const http::Request& request);

// A 303 See Other to `location` (same-site path).
http::Response see_other(std::string location);

// Trims ASCII spaces, tabs and line breaks at both ends.
std::string trim_text(std::string_view s);

}  // namespace tafel::pages
