#include "adapters/web/sector_cards_page.hpp"

#include "adapters/pages/page_common.hpp"
#include "adapters/pages/pages_setup.hpp"
#include "adapters/store/accounts_store.hpp"
#include "adapters/store/knowledge_store.hpp"
#include "adapters/web/beheer_parts.hpp"
#include "adapters/web/login.hpp"
#include "adapters/web/session_access.hpp"
#include "engine/outreach/template_renderer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <map>

namespace tafel::web {

namespace {

using outreach::html_escape;

bool may_edit(const Account& account) { return account.role == Role::coordinator; }

std::string number_text(double value) {
  std::string v = fmt::format("{:.4f}", value);
  while (!v.empty() && v.back() == '0') v.pop_back();
  if (!v.empty() && v.back() == '.') v.pop_back();
  for (auto& c : v)
    if (c == '.') c = ',';
  return v;
}

std::optional<double> parse_number(std::string text) {
  for (auto& c : text)
    if (c == ',') c = '.';
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return v;
}

struct CardForm {
  SectorCard card;
  std::string value_text;
};

std::string list_html(const std::vector<SectorCard>& cards, bool edit) {
  if (cards.empty()) return "<p>Er zijn nog geen sectorcijfers.</p>\n";
  std::string out =
      "<div class=\"tabel\"><table>\n<thead><tr><th scope=\"col\">Sector</th><th "
      "scope=\"col\">Cijfer</th><th scope=\"col\">Waarde</th><th scope=\"col\">Bron</th><th "
      "scope=\"col\">Datum</th><th scope=\"col\"></th></tr></thead>\n<tbody>\n";
  std::map<std::string, std::vector<Bar>> per_sector;
  for (const auto& c : cards) {
    const std::string value = number_text(c.value) + (c.unit.empty() ? "" : " " + c.unit);
    out += fmt::format(
        "<tr><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        html_escape(c.sector), html_escape(c.figure),
        c.active ? "" : " <span class=\"label\">niet actief</span>", html_escape(value),
        html_escape(c.source), html_escape(c.figure_date),
        edit ? fmt::format("<a href=\"/beheer/sectorcijfers?bewerk={}#formulier\">Bewerken</a>",
                           c.id)
             : std::string());
    if (c.active)
      per_sector[c.sector].push_back({c.figure + " (" + c.figure_date + ")", c.value, value});
  }
  out += "</tbody>\n</table></div>\n";
  int n = 0;
  for (const auto& [sector, bars] : per_sector)
    out +=
        fmt::format("<h3>{}</h3>\n<figure class=\"grafiek\">\n{}</figure>\n", html_escape(sector),
                    bar_chart_svg(fmt::format("sector-{}", ++n), "Sectorcijfers " + sector, bars));
  return out;
}

std::string form_html(const CardForm& f, const std::string& csrf, const std::string& error) {
  std::string out;
  if (!error.empty())
    out += fmt::format("<div class=\"fout\" role=\"alert\"><p>{}</p></div>\n", html_escape(error));
  const auto& c = f.card;
  const auto input = [](const char* id, const char* label, const char* type,
                        const std::string& value, bool required) {
    return fmt::format(
        "<label for=\"{0}\">{1}</label>\n<input type=\"{2}\" id=\"{0}\" name=\"{0}\" "
        "value=\"{3}\"{4}>\n",
        id, label, type, html_escape(value), required ? " required" : "");
  };
  out += fmt::format(
      "<form method=\"post\" action=\"/beheer/sectorcijfers\" id=\"formulier\">\n"
      "<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n<input type=\"hidden\" name=\"id\" "
      "value=\"{}\">\n<fieldset>\n<legend>{}</legend>\n",
      html_escape(csrf), c.id == 0 ? std::string() : std::to_string(c.id),
      c.id == 0 ? "Sectorcijfer toevoegen" : fmt::format("Sectorcijfer {} bewerken", c.id));
  out += input("sector", "Sector", "text", c.sector, true);
  out += input("cijfer", "Wat is gemeten", "text", c.figure, true);
  out += input("waarde", "Waarde (bijvoorbeeld 12,5)", "text", f.value_text, true);
  out += input("eenheid", "Eenheid (%, per 100, …; mag leeg)", "text", c.unit, false);
  out += input("bron", "Bron (verplicht)", "text", c.source, true);
  out += input("datum", "Datum van het cijfer (verplicht)", "date", c.figure_date, true);
  out += fmt::format(
      "<label class=\"keuze\"><input type=\"checkbox\" name=\"actief\" value=\"1\"{}> Tonen in "
      "draaiboeken</label>\n</fieldset>\n<button type=\"submit\">Opslaan</button>\n</form>\n",
      c.active ? " checked" : "");
  return out;
}

http::Response render(const WebSetup& setup, SQLite::Database& db, const Authenticated& who,
                      const CardForm& f, int status, const std::string& error) {
  const bool edit = may_edit(who.account);
  pages::PageValues v;
  v.html("menu", menu_html(who))
      .html("lijst", list_html(list_sector_cards(db, std::nullopt, true), edit))
      .html("formulier", edit ? form_html(f, who.csrf, error)
                              : std::string("<p class=\"klein\">De coördinator beheert de "
                                            "sectorcijfers.</p>\n"));
  return setup.templates.respond(status, "sectorcijfers.html", "Sectorcijfers", v);
}

SessionResult<std::int64_t> save(SQLite::Database& db, const Authenticated& who,
                                 const SectorCard& card) {
  SQLite::Transaction tx(db);
  auto r = save_sector_card(db, card, who.account.email);
  if (!r) return r;
  add_audit(db, AuditEntry{"", who.account.email,
                           card.id == 0 ? "sector_card_added" : "sector_card_updated",
                           "sector_card", std::to_string(*r), ""});
  tx.commit();
  return r;
}

nlohmann::json card_json(const SectorCard& c) {
  return {{"id", c.id},
          {"sector", c.sector},
          {"figure", c.figure},
          {"value", c.value},
          {"unit", c.unit},
          {"source", c.source},
          {"figure_date", c.figure_date},
          {"active", c.active},
          {"updated_at", c.updated_at}};
}

}  // namespace

http::Response handle_sector_cards_get(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  CardForm f;
  const auto q = query_of(request);
  if (const auto e = q.get("bewerk"); e && may_edit(who->account)) {
    std::int64_t id = 0;
    std::from_chars(e->data(), e->data() + e->size(), id);
    const auto card = find_sector_card(*db, id);
    if (!card) return not_found_page(setup);
    f.card = *card;
    f.value_text = number_text(card->value);
  }
  return render(setup, *db, *who, f, 200, "");
}

http::Response handle_sector_cards_post(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto form = pages::form_of(request);
  if (!form || !csrf_ok(*who, *form)) return forbidden_page(setup);
  if (!may_edit(who->account)) return not_found_page(setup);
  CardForm f;
  const auto get = [&](std::string_view n) { return pages::trim_text(form->get(n).value_or("")); };
  const std::string id_text = get("id");
  if (!id_text.empty()) {
    const auto [end, ec] =
        std::from_chars(id_text.data(), id_text.data() + id_text.size(), f.card.id);
    if (ec != std::errc{} || end != id_text.data() + id_text.size()) return not_found_page(setup);
  }
  f.card.sector = get("sector");
  f.card.figure = get("cijfer");
  f.value_text = get("waarde");
  f.card.unit = get("eenheid");
  f.card.source = get("bron");
  f.card.figure_date = get("datum");
  f.card.active = form->get("actief") == "1";
  const auto value = parse_number(f.value_text);
  if (!value)
    return render(setup, *db, *who, f, 422, "Waarde: vul een getal in, bijvoorbeeld 12,5.");
  f.card.value = *value;
  const auto r = save(*db, *who, f.card);
  if (r) return redirect_to("/beheer/sectorcijfers");
  if (r.error().kind == SessionStoreError::Kind::not_found) return not_found_page(setup);
  return render(setup, *db, *who, f, 422, r.error().message);
}

http::Response handle_api_sector_cards(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, true);
  if (!who) return api_unauthorized();
  nlohmann::json cards = nlohmann::json::array();
  for (const auto& c : list_sector_cards(*db, std::nullopt, true)) cards.push_back(card_json(c));
  return http::json_response(200, nlohmann::json{{"cards", std::move(cards)}}.dump());
}

http::Response handle_api_sector_cards_post(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, true);
  if (!who) return api_unauthorized();
  if (auto refusal = api_csrf_refusal(*who, request)) return std::move(*refusal);
  if (!may_edit(who->account)) return api_not_found();
  const auto body = json_body(request);
  if (!body) return api_input_error(400, "", "body: verwacht een JSON-object");
  SectorCard c;
  if (const auto it = body->find("id"); it != body->end() && !it->is_null()) {
    if (!it->is_number_integer()) return api_input_error(422, "/id", "Verwacht een getal.");
    c.id = it->get<std::int64_t>();
  }
  for (const auto& [field, target] :
       {std::pair{"sector", &c.sector}, std::pair{"figure", &c.figure}, std::pair{"unit", &c.unit},
        std::pair{"source", &c.source}, std::pair{"figure_date", &c.figure_date}}) {
    const auto it = body->find(field);
    if (it == body->end()) continue;
    if (!it->is_string())
      return api_input_error(422, std::string("/") + field, "Verwacht een tekst.");
    *target = it->get<std::string>();
  }
  const auto v = body->find("value");
  if (v == body->end() || !v->is_number())
    return api_input_error(422, "/value", "Verwacht een getal.");
  c.value = v->get<double>();
  if (const auto it = body->find("active"); it != body->end()) {
    if (!it->is_boolean()) return api_input_error(422, "/active", "Verwacht true of false.");
    c.active = it->get<bool>();
  }
  const auto r = save(*db, *who, c);
  if (!r)
    return api_input_error(r.error().kind == SessionStoreError::Kind::not_found ? 404 : 422,
                           r.error().field, r.error().message);
  return http::json_response(200, nlohmann::json{{"id", *r}}.dump());
}

}  // namespace tafel::web
