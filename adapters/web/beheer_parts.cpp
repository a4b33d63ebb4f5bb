#include "adapters/web/beheer_parts.hpp"

#include "adapters/store/member_search.hpp"
#include "engine/outreach/template_renderer.hpp"

#include <fmt/format.h>

#include <charconv>
#include <ctime>

namespace tafel::web {

std::optional<std::int64_t> path_id(const http::Request& request, std::string_view name) {
  const auto it = request.params.find(name);
  if (it == request.params.end()) return std::nullopt;
  std::int64_t id = 0;
  const auto& s = it->second;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc{} || end != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

pages::FormBody query_of(const http::Request& request) {
  auto parsed = pages::parse_form(request.query);
  return parsed ? std::move(*parsed) : pages::FormBody{};
}

std::string_view dutch_role(Role role) {
  switch (role) {
    case Role::coordinator:
      return "coördinator";
    case Role::partner:
      return "netwerkpartner";
    case Role::facilitator:
      return "facilitator";
  }
  return "";
}

std::string utc_text(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02} UTC", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min);
}

std::string menu_html(const Authenticated& who) {
  using outreach::html_escape;
  const bool plans = who.account.role != Role::facilitator;  // coordinator or partner
  std::string links = "<a href=\"/beheer\">Meldingen</a> · <a href=\"/beheer/leden\">Leden</a>";
  if (plans)
    links += " · <a href=\"/beheer/rondes\">Rondes</a> · <a href=\"/beheer/import\">Import</a>";
  links +=
      " · <a href=\"/beheer/kennisbank\">Kennisbank</a> · <a "
      "href=\"/beheer/sectorcijfers\">Sectorcijfers</a>";
  if (who.account.role == Role::coordinator)
    links += " · <a href=\"/beheer/accounts\">Accounts</a>";
  return fmt::format(
      "<nav class=\"kop\" aria-label=\"Menu\">\n<p>{}</p>\n"
      "<p class=\"klein\">Ingelogd als {} ({})</p>\n"
      "<form method=\"post\" action=\"/uitloggen\">\n"
      "<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n"
      "<button type=\"submit\" class=\"tweede\">Uitloggen</button>\n</form>\n</nav>\n",
      links, html_escape(who.account.email), html_escape(dutch_role(who.account.role)),
      html_escape(who.csrf));
}

bool member_in_scope(SQLite::Database& db, const Account& account, std::int64_t member_id,
                     std::int64_t network_id) {
  switch (account.role) {
    case Role::coordinator:
      return true;
    case Role::partner:
      return account.network_id && *account.network_id == network_id;
    case Role::facilitator:
      return account.staff_id && member_of_facilitator(db, member_id, *account.staff_id);
  }
  return false;
}

bool session_in_scope(const Account& account, const SessionHeader& session) {
  switch (account.role) {
    case Role::coordinator:
      return true;
    case Role::partner:
      return account.network_id && *account.network_id == session.network_id;
    case Role::facilitator:
      return account.staff_id && *account.staff_id == session.facilitator_id;
  }
  return false;
}

http::Response api_unauthorized() {
  auto r = http::error_response(401, "not logged in: send Authorization: Bearer <api token>");
  r.set_header("WWW-Authenticate", "Bearer");
  return r;
}

http::Response api_not_found() { return http::error_response(404, "not found"); }

PlanningConfig planning_of(const WebSetup& setup) { return setup.planning; }

}  // namespace tafel::web
