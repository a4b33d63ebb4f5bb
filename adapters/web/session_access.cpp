#include "adapters/web/session_access.hpp"

#include "adapters/web/beheer_parts.hpp"
#include "engine/outreach/template_renderer.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tafel::web {

using outreach::html_escape;

std::optional<SessionHeader> session_of_request(SQLite::Database& db, const Account& account,
                                                const http::Request& request) {
  const auto id = path_id(request);
  if (!id) return std::nullopt;
  auto header = find_session_header(db, *id);
  if (!header || !session_in_scope(account, *header)) return std::nullopt;
  return header;
}

std::optional<http::Response> api_csrf_refusal(const Authenticated& who,
                                               const http::Request& request) {
  if (who.session_hash.empty()) return std::nullopt;
  const auto token = request.header("X-CSRF-Token");
  if (token && csrf_ok(who, pages::FormBody{{{"csrf", std::string(*token)}}})) return std::nullopt;
  return http::error_response(403, "X-CSRF-Token: ontbreekt of klopt niet");
}

std::optional<nlohmann::json> json_body(const http::Request& request) {
  auto j = nlohmann::json::parse(request.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  return j;
}

http::Response api_input_error(int status, const std::string& field, const std::string& message) {
  return http::json_response(status, nlohmann::json{{"error", message}, {"field", field}}.dump());
}

std::vector<StaffOption> active_staff(SQLite::Database& db) {
  std::vector<StaffOption> out;
  SQLite::Statement q(db,
                      "SELECT id, name, role FROM staff WHERE active = 1 "
                      "ORDER BY name COLLATE NOCASE, id");
  while (q.executeStep())
    out.push_back(
        {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  return out;
}

std::string session_links_html(std::int64_t session_id) {
  return fmt::format(
      "<p class=\"klein geen-print\"><a href=\"/beheer/sessies/{0}/draaiboek\">Draaiboek</a> · "
      "<a href=\"/beheer/sessies/{0}/verslag\">Verslag</a> · "
      "<a href=\"/beheer/sessies/{0}/antwoorden\">Antwoorden</a> · "
      "<a href=\"/beheer/kennisbank\">Kennisbank</a> · "
      "<a href=\"/beheer/sectorcijfers\">Sectorcijfers</a></p>\n",
      session_id);
}

std::string bar_chart_svg(const std::string& id, const std::string& title,
                          const std::vector<Bar>& bars) {
  constexpr int kWidth = 420;
  constexpr int kLabel = 170;
  constexpr int kBar = kWidth - kLabel - 60;
  double top = 0;
  for (const auto& b : bars) top = std::max(top, b.value);
  std::string body;
  int y = 0;
  for (const auto& b : bars) {
    const int w =
        top <= 0 || b.value <= 0 ? 0 : std::max(2, static_cast<int>(kBar * b.value / top));
    body += fmt::format(
        "<text x=\"0\" y=\"{0}\" font-size=\"12\" fill=\"#1b1b1b\">{1}</text>"
        "<rect x=\"{2}\" y=\"{3}\" width=\"{4}\" height=\"16\" fill=\"#1f5f8b\"/>"
        "<text x=\"{5}\" y=\"{0}\" font-size=\"12\" fill=\"#1b1b1b\">{6}</text>\n",
        y + 13, html_escape(b.label), kLabel, y + 1, w, kLabel + w + 6, html_escape(b.value_text));
    y += 22;
  }
  return fmt::format(
      "<svg role=\"img\" aria-labelledby=\"{0}\" viewBox=\"0 0 {1} {2}\" width=\"100%\" "
      "height=\"{2}\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"{0}\">{3}</title>\n{4}"
      "</svg>\n",
      html_escape(id), kWidth, std::max(y, 1), html_escape(title), body);
}

}  // namespace tafel::web
