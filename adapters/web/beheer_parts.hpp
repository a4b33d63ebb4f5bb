#pragma once
// Pieces the members, replies and accounts pages share (members_pages.hpp,
// session_replies_page.hpp, accounts_page.hpp): the page menu, path ids, query strings, scope
// checks for members and sessions, and the JSON answers for a missing log-in or object.
//
// Scope (as scope.hpp): a coordinator sees everything; a partner the members and sessions of
// its network; a facilitator the sessions they run and the members invited to or placed at
// those. Anything else is answered as if it did not exist (404).

#include "adapters/config/config.hpp"
#include "adapters/http/message.hpp"
#include "adapters/pages/form_body.hpp"
#include "adapters/store/accounts_store.hpp"
#include "adapters/store/session_replies.hpp"
#include "adapters/web/auth.hpp"
#include "adapters/web/web_setup.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tafel::web {

// The positive integer path parameter `name`, or nullopt.
std::optional<std::int64_t> path_id(const http::Request& request, std::string_view name = "id");

// The request's query string parsed as a form (a malformed one counts as empty).
pages::FormBody query_of(const http::Request& request);

// "coördinator", "netwerkpartner", "facilitator".
std::string_view dutch_role(Role role);

// Unix seconds as "2026-11-28 10:15 UTC".
std::string utc_text(std::int64_t unix_seconds);

// The navigation and log-out form at the top of every beheer page (escaped HTML).
std::string menu_html(const Authenticated& who);

bool member_in_scope(SQLite::Database& db, const Account& account, std::int64_t member_id,
                     std::int64_t network_id);
bool session_in_scope(const Account& account, const SessionHeader& session);

// API answers: 401 with WWW-Authenticate, and a JSON 404.
http::Response api_unauthorized();
http::Response api_not_found();

// The planning rules used to replay RSVP logs (from the configuration).
PlanningConfig planning_of(const WebSetup& setup);

}  // namespace tafel::web
