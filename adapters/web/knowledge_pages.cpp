#include "adapters/web/knowledge_pages.hpp"

#include "adapters/links/link_key.hpp"
#include "adapters/links/link_token.hpp"
#include "adapters/pages/page_common.hpp"
#include "adapters/pages/pages_setup.hpp"
#include "adapters/store/knowledge_store.hpp"
#include "adapters/web/beheer_parts.hpp"
#include "adapters/web/login.hpp"
#include "adapters/web/session_access.hpp"
#include "engine/outreach/template_renderer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <stdexcept>

namespace tafel::web {

namespace {

using outreach::html_escape;

constexpr std::int64_t kLinkValidity = 365 * 24 * 3600;

std::string_view kind_label(std::string_view kind) {
  if (kind == "bottleneck") return "Knelpunt";
  if (kind == "tip") return "Tip";
  if (kind == "solution") return "Oplossing";
  if (kind == "contact") return "Gedeeld contact";
  if (kind == "takeaway") return "Inzicht";
  return kind;
}

// "YYYY-MM-DD" as Unix seconds at 00:00 UTC.
std::optional<std::int64_t> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  if (std::from_chars(s.data(), s.data() + 4, y).ptr != s.data() + 4 ||
      std::from_chars(s.data() + 5, s.data() + 7, m).ptr != s.data() + 7 ||
      std::from_chars(s.data() + 8, s.data() + 10, d).ptr != s.data() + 10)
    return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch() / std::chrono::seconds{1};
}

struct Search {
  KnowledgeQuery query;
  std::string sector, theme, kind, from, to, text;  // as typed, for the form
  std::string error;
};

Search search_of(const pages::FormBody& q) {
  Search s;
  const auto get = [&](std::string_view name) {
    return pages::trim_text(q.get(name).value_or(""));
  };
  s.sector = get("sector");
  s.theme = get("thema");
  s.kind = get("soort");
  s.from = get("van");
  s.to = get("tot");
  s.text = get("tekst");
  if (!s.sector.empty()) s.query.sector = s.sector;
  if (!s.theme.empty()) s.query.theme = s.theme;
  if (!s.kind.empty()) s.query.kinds = {s.kind};
  if (!s.text.empty()) s.query.text = s.text;
  if (!s.from.empty()) {
    if (const auto t = parse_date(s.from))
      s.query.from_utc = *t;
    else
      s.error = "Van: gebruik een datum als 2026-01-31.";
  }
  if (!s.to.empty()) {
    if (const auto t = parse_date(s.to))
      s.query.to_utc = *t + 24 * 3600;  // the whole day
    else
      s.error = "Tot: gebruik een datum als 2026-12-31.";
  }
  return s;
}

// The quarters of the chart: the searched range, else the four up to `now` or, when later
// (sessions planned ahead), up to the newest bottleneck.
std::pair<sessions::Quarter, sessions::Quarter> chart_range(SQLite::Database& db, const Search& s,
                                                            std::int64_t now) {
  if (!s.query.to_utc) {
    KnowledgeQuery newest;
    newest.kinds = {"bottleneck"};
    newest.limit = 1;
    for (const auto& i : search_knowledge(db, newest)) now = std::max(now, i.noted_utc);
  }
  const auto to = sessions::quarter_of(s.query.to_utc ? *s.query.to_utc - 1 : now, 0);
  sessions::Quarter from = to;
  if (s.query.from_utc) {
    from = sessions::quarter_of(*s.query.from_utc, 0);
  } else {
    from.year = to.q == 4 ? to.year : to.year - 1;
    from.q = to.q == 4 ? 1 : to.q + 1;
  }
  // At most 12 quarters on one chart.
  int n = (to.year - from.year) * 4 + (to.q - from.q) + 1;
  while (n > 12) {
    from = sessions::next_quarter(from);
    --n;
  }
  return {from, to};
}

std::string chart_svg(const sessions::BottleneckCounts& counts) {
  if (counts.themes.empty() || counts.quarters.empty())
    return "<p>Geen knelpunten in deze periode.</p>\n";
  constexpr int kLabel = 150;
  constexpr int kCell = 70;
  constexpr int kRow = 24;
  int top = 1;
  for (const auto& t : counts.themes)
    for (const int c : t.counts) top = std::max(top, c);
  const int width = kLabel + kCell * static_cast<int>(counts.quarters.size());
  std::string body;
  for (std::size_t q = 0; q < counts.quarters.size(); ++q)
    body += fmt::format("<text x=\"{}\" y=\"14\" font-size=\"12\" fill=\"#1b1b1b\">{}</text>\n",
                        kLabel + kCell * static_cast<int>(q),
                        sessions::quarter_label(counts.quarters[q]));
  int y = 22;
  for (const auto& t : counts.themes) {
    body += fmt::format("<text x=\"0\" y=\"{}\" font-size=\"12\" fill=\"#1b1b1b\">{}</text>\n",
                        y + 14, html_escape(t.theme));
    for (std::size_t q = 0; q < t.counts.size(); ++q) {
      const int c = t.counts[q];
      const int w = c == 0 ? 0 : std::max(2, (kCell - 28) * c / top);
      body += fmt::format(
          "<rect x=\"{0}\" y=\"{1}\" width=\"{2}\" height=\"16\" fill=\"#1f5f8b\"/>"
          "<text x=\"{3}\" y=\"{4}\" font-size=\"12\" fill=\"#1b1b1b\">{5}</text>\n",
          kLabel + kCell * static_cast<int>(q), y + 2, w,
          kLabel + kCell * static_cast<int>(q) + w + 4, y + 14, c);
    }
    y += kRow;
  }
  return fmt::format(
      "<figure class=\"grafiek\">\n<svg role=\"img\" aria-labelledby=\"knelpunten-titel\" "
      "viewBox=\"0 0 {0} {1}\" width=\"100%\" height=\"{1}\" xmlns=\"http://www.w3.org/2000/svg\">"
      "\n<title id=\"knelpunten-titel\">Knelpunten per thema per kwartaal</title>\n{2}</svg>\n"
      "</figure>\n",
      width, y + 4, body);
}

std::string select_html(const std::string& id, const std::string& name, const std::string& label,
                        const std::vector<std::pair<std::string, std::string>>& options,
                        const std::string& current) {
  std::string out = fmt::format(
      "<label for=\"{0}\">{1}</label>\n<select id=\"{0}\" name=\"{2}\">\n"
      "<option value=\"\">Alle</option>\n",
      id, label, name);
  for (const auto& [value, text] : options)
    out += fmt::format("<option value=\"{}\"{}>{}</option>\n", html_escape(value),
                       value == current ? " selected" : "", html_escape(text));
  return out + "</select>\n";
}

std::string filters_html(SQLite::Database& db, const Search& s, const std::string& action) {
  std::vector<std::pair<std::string, std::string>> sectors, themes, kinds;
  for (auto& x : knowledge_sectors(db)) sectors.emplace_back(x, x);
  for (auto& x : knowledge_themes(db)) themes.emplace_back(x, x);
  for (const auto* k : {"bottleneck", "tip", "solution", "contact", "takeaway"})
    kinds.emplace_back(k, std::string(kind_label(k)));
  std::string out =
      fmt::format("<form method=\"get\" action=\"{}\" class=\"zoeken\">\n", html_escape(action));
  if (!s.error.empty())
    out +=
        fmt::format("<div class=\"fout\" role=\"alert\"><p>{}</p></div>\n", html_escape(s.error));
  out += select_html("sector", "sector", "Sector", sectors, s.sector);
  out += select_html("thema", "thema", "Thema", themes, s.theme);
  out += select_html("soort", "soort", "Soort", kinds, s.kind);
  out += fmt::format(
      "<label for=\"van\">Van (datum)</label>\n<input type=\"date\" id=\"van\" name=\"van\" "
      "value=\"{}\">\n<label for=\"tot\">Tot en met (datum)</label>\n<input type=\"date\" "
      "id=\"tot\" name=\"tot\" value=\"{}\">\n<label for=\"tekst\">Tekst</label>\n<input "
      "type=\"search\" id=\"tekst\" name=\"tekst\" value=\"{}\">\n<button "
      "type=\"submit\">Zoeken</button>\n</form>\n",
      html_escape(s.from), html_escape(s.to), html_escape(s.text));
  return out;
}

std::string results_html(const std::vector<KnowledgeItem>& items) {
  if (items.empty()) return "<p>Niets gevonden.</p>\n";
  std::string out = "<ul class=\"leden kennis\">\n";
  for (const auto& i : items) {
    const auto q = sessions::quarter_of(i.noted_utc, i.noted_offset);
    out += fmt::format(
        "<li><span class=\"label\">{}</span> {}<br><span class=\"klein\">{}{}{} · {}</span></li>\n",
        kind_label(i.kind), html_escape(i.text), html_escape(i.sector),
        i.theme.empty() ? "" : " · thema ", html_escape(i.theme), sessions::quarter_label(q));
  }
  return out + "</ul>\n";
}

std::string count_text(std::size_t n) {
  return n == 1 ? std::string("1 resultaat.") : fmt::format("{} resultaten.", n);
}

std::string member_links_html(const WebSetup& setup, SQLite::Database& db, const Account& account) {
  if (account.role == Role::facilitator) return "";
  std::string out;
  SQLite::Statement q(db, "SELECT id, name FROM networks ORDER BY name COLLATE NOCASE, id");
  const std::int64_t now = setup.now();
  while (q.executeStep()) {
    const auto id = q.getColumn(0).getInt64();
    if (account.role == Role::partner && account.network_id != id) continue;
    const auto path = public_knowledge_path(setup, id, now);
    out += fmt::format("<li>{}: <a href=\"{}\">leeslink voor leden</a></li>\n",
                       html_escape(q.getColumn(1).getString()), html_escape(path));
  }
  if (out.empty()) return "";
  return "<h2>Link voor leden</h2>\n<p class=\"klein\">Leden lezen de kennisbank zonder in te "
         "loggen via deze link (een jaar geldig). Er staan geen namen in.</p>\n<ul>\n" +
         out + "</ul>\n";
}

}  // namespace

std::string public_knowledge_path(const WebSetup& setup, std::int64_t network_id,
                                  std::int64_t now) {
  return "/kennisbank/" + links::sign_link(setup.link_key, links::Purpose::kennisbank, network_id,
                                           now + kLinkValidity);
}

http::Response handle_knowledge_get(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const Search s = search_of(query_of(request));
  const auto items =
      s.error.empty() ? search_knowledge(*db, s.query) : std::vector<KnowledgeItem>{};
  const auto [from, to] = chart_range(*db, s, setup.now());
  pages::PageValues v;
  v.html("menu", menu_html(*who))
      .html("filters", filters_html(*db, s, "/beheer/kennisbank"))
      .text("aantal", count_text(items.size()))
      .html("resultaten", results_html(items))
      .html("grafiek", chart_svg(bottleneck_counts(*db, from, to, s.query.sector)))
      .html("ledenlink", member_links_html(setup, *db, who->account));
  return setup.templates.respond(200, "kennisbank.html", "Kennisbank", v);
}

http::Response handle_public_knowledge_get(const WebSetup& setup, const http::Request& request) {
  const auto it = request.params.find("token");
  if (it == request.params.end()) return not_found_page(setup);
  const auto claims = links::verify_link(setup.link_key, it->second, setup.now());
  if (!claims) {
    if (claims.error().error == links::LinkError::expired &&
        claims.error().claims.purpose == links::Purpose::kennisbank) {
      auto r = not_found_page(setup);
      r.status = 410;
      return r;
    }
    return not_found_page(setup);
  }
  if (claims->purpose != links::Purpose::kennisbank) return not_found_page(setup);
  auto db = pages::open_page_db(setup.database);
  const Search s = search_of(query_of(request));
  const auto items =
      s.error.empty() ? search_knowledge(*db, s.query) : std::vector<KnowledgeItem>{};
  const auto [from, to] = chart_range(*db, s, setup.now());
  pages::PageValues v;
  v.html("filters", filters_html(*db, s, "/kennisbank/" + it->second))
      .text("aantal", count_text(items.size()))
      .html("resultaten", results_html(items))
      .html("grafiek", chart_svg(bottleneck_counts(*db, from, to, s.query.sector)));
  auto r = setup.templates.respond(200, "kennisbank_publiek.html", "Kennisbank", v);
  r.set_header("Referrer-Policy", "no-referrer");
  return r;
}

http::Response handle_api_knowledge(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, true);
  if (!who) return api_unauthorized();
  const Search s = search_of(query_of(request));
  if (!s.error.empty()) return api_input_error(422, "", s.error);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : search_knowledge(*db, s.query))
    items.push_back(
        {{"id", i.id},
         {"session_id", i.session_id ? nlohmann::json(*i.session_id) : nlohmann::json(nullptr)},
         {"kind", i.kind},
         {"sector", i.sector},
         {"theme", i.theme},
         {"text", i.text},
         {"noted_utc", i.noted_utc}});
  const auto [from, to] = chart_range(*db, s, setup.now());
  const auto counts = bottleneck_counts(*db, from, to, s.query.sector);
  nlohmann::json quarters = nlohmann::json::array();
  for (const auto& q : counts.quarters) quarters.push_back(sessions::quarter_label(q));
  nlohmann::json themes = nlohmann::json::array();
  for (const auto& t : counts.themes)
    themes.push_back({{"theme", t.theme}, {"counts", t.counts}, {"total", t.total}});
  return http::json_response(
      200, nlohmann::json{{"items", std::move(items)},
                          {"bottlenecks",
                           {{"quarters", std::move(quarters)}, {"themes", std::move(themes)}}}}
               .dump());
}

}  // namespace tafel::web
