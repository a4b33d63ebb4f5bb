#pragma once
// What the session pages (runsheet_page.hpp, capture_page.hpp) and the knowledge pages
// (knowledge_pages.hpp, sector_cards_page.hpp) share: the session of a request within the
// account's scope (beheer_parts.hpp: a partner its network's sessions, a facilitator the ones
// they run; otherwise nullopt, answered 404), browser-or-token checks for API writes, the
// configured staff, the links of these pages, and a small inline-SVG bar chart.

#include "adapters/http/message.hpp"
#include "adapters/store/session_replies.hpp"
#include "adapters/web/auth.hpp"
#include "adapters/web/web_setup.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tafel::web {

// The session named by path parameter "id", if it exists and `account` may see it.
std::optional<SessionHeader> session_of_request(SQLite::Database& db, const Account& account,
                                                const http::Request& request);

// For API writes: nullopt when the caller may write (a bearer token, or a browser session that
// sends its CSRF token in the X-CSRF-Token header); otherwise the 403 answer.
std::optional<http::Response> api_csrf_refusal(const Authenticated& who,
                                               const http::Request& request);

// The JSON body of an API write, or nullopt (the caller answers 400).
std::optional<nlohmann::json> json_body(const http::Request& request);

// A fixable input error as JSON: {"error": message, "field": pointer}.
http::Response api_input_error(int status, const std::string& field, const std::string& message);

struct StaffOption {
  std::string id;
  std::string name;
  std::string role;  // facilitator | expert
};
// The active configured staff, by name.
std::vector<StaffOption> active_staff(SQLite::Database& db);

// Links to the session pages and the knowledge base (escaped HTML paragraph).
std::string session_links_html(std::int64_t session_id);

struct Bar {
  std::string label;  // shown left of the bar (escaped here)
  double value = 0;
  std::string value_text;  // shown right of the bar (escaped here)
};
// A horizontal bar chart as inline SVG (no script, no style attribute), titled `title`.
std::string bar_chart_svg(const std::string& id, const std::string& title,
                          const std::vector<Bar>& bars);

}  // namespace tafel::web
