#include "adapters/web/runsheet_page.hpp"

#include "adapters/pages/page_common.hpp"
#include "adapters/pages/pages_setup.hpp"
#include "adapters/store/accounts_store.hpp"
#include "adapters/store/knowledge_store.hpp"
#include "adapters/store/sessions_store.hpp"
#include "adapters/web/beheer_parts.hpp"
#include "adapters/web/login.hpp"
#include "adapters/web/session_access.hpp"
#include "engine/outreach/template_renderer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>

namespace tafel::web {

namespace {

using outreach::html_escape;
using sessions::Part;

std::string staff_name(const std::vector<StaffOption>& staff, const std::string& id) {
  for (const auto& s : staff)
    if (s.id == id) return s.name;
  return id;
}

bool may_set_roles(const Account& account) { return account.role != Role::facilitator; }

std::string rsvp_label(std::string_view rsvp) {
  if (rsvp == "accepted") return "komt";
  if (rsvp == "tentative") return "misschien";
  return std::string(rsvp);
}

std::string value_text(double value, const std::string& unit) {
  std::string v = fmt::format("{:.2f}", value);
  while (v.find('.') != std::string::npos && (v.back() == '0' || v.back() == '.')) {
    const bool dot = v.back() == '.';
    v.pop_back();
    if (dot) break;
  }
  for (auto& c : v)
    if (c == '.') c = ',';
  return unit.empty() ? v : v + " " + unit;
}

struct Sheet {
  SessionHeader header;
  SessionProgramme programme;
  SessionRoles roles;
  std::vector<RunSheetParticipant> participants;
  std::vector<SectorCard> cards;
  std::vector<StaffOption> staff;
  std::vector<Question> start_questions;
  std::vector<Question> action_questions;
};

Sheet load_sheet(SQLite::Database& db, const SessionHeader& header) {
  Sheet s;
  s.header = header;
  s.programme = load_programme(db, header.id).value_or(SessionProgramme{});
  s.roles =
      session_roles(db, header.id).value_or(SessionRoles{header.id, header.facilitator_id, {}});
  s.participants = run_sheet_participants(db, header.id);
  s.cards = list_sector_cards(db, header.sector);
  s.staff = active_staff(db);
  s.start_questions = list_questions(db, sessions::QuestionKind::start);
  s.action_questions = list_questions(db, sessions::QuestionKind::action);
  return s;
}

std::string details_html(const Sheet& s) {
  const LocalTime start{s.header.start_utc, s.header.start_offset};
  const auto row = [](std::string_view term, const std::string& value) {
    return fmt::format("<dt>{}</dt><dd>{}</dd>\n", term, html_escape(value));
  };
  std::string out = "<dl>\n";
  out += row("Wanneer", pages::date_text(start) + " " + pages::clock_text(start));
  out += row("Duur", fmt::format("{} minuten", s.programme.programme.length_minutes));
  out += row("Sector", s.header.sector);
  out += row("Waar", s.header.venue);
  out += row("Netwerk", s.header.network);
  out += row("Facilitator", staff_name(s.staff, s.roles.facilitator_id));
  out += row("Kennisexpert",
             s.roles.expert_id ? staff_name(s.staff, *s.roles.expert_id) : std::string("geen"));
  return out + "</dl>\n";
}

std::string findings_html(const std::vector<sessions::Finding>& findings,
                          const std::string& error) {
  std::string out;
  if (!error.empty())
    out += fmt::format("<div class=\"fout\" role=\"alert\"><p>{}</p></div>\n", html_escape(error));
  if (findings.empty()) return out;
  out +=
      "<div class=\"fout regels\" role=\"alert\">\n<h2>Let op: dit programma voldoet niet aan de "
      "regels</h2>\n<ul>\n";
  for (const auto& f : findings) out += fmt::format("<li>{}</li>\n", html_escape(f.message));
  return out + "</ul>\n</div>\n";
}

std::string programme_html(const Sheet& s) {
  const auto& p = s.programme.programme;
  std::string out =
      "<div class=\"tabel\"><table class=\"programma\">\n<thead><tr><th scope=\"col\">Tijd</th>"
      "<th scope=\"col\">Min.</th><th scope=\"col\">Onderdeel</th></tr></thead>\n<tbody>\n";
  std::int64_t at = s.header.start_utc;
  for (const Part part : sessions::kParts) {
    const LocalTime from{at, s.header.start_offset};
    at += static_cast<std::int64_t>(p.at(part)) * 60;
    const LocalTime to{at, s.header.start_offset};
    std::string extra;
    if (part == Part::welcome)
      extra = fmt::format("<p><strong>Startvraag:</strong> {}</p>", html_escape(p.start_question));
    if (part == Part::sector_data)
      extra = s.cards.empty() ? std::string(
                                    "<p class=\"klein\">Nog geen sectorcijfers voor deze "
                                    "sector; zie hieronder.</p>")
                              : std::string(
                                    "<p class=\"klein\">Zie de sectorcijfers "
                                    "hieronder.</p>");
    if (part == Part::own_cases)
      extra = fmt::format("<p><strong>Methode:</strong> {}</p>", html_escape(p.intervision_method));
    if (part == Part::takeaways)
      extra = fmt::format("<p><strong>Actievraag:</strong> {}</p>", html_escape(p.action_question));
    out += fmt::format(
        "<tr id=\"deel-{0}\"><td>{1}–{2}</td><td>{3}</td><td><strong>{4}</strong><p>{5}</p>{6}"
        "</td></tr>\n",
        sessions::part_key(part), pages::clock_text(from), pages::clock_text(to), p.at(part),
        html_escape(sessions::part_title(part)), html_escape(sessions::part_prompt(part)), extra);
  }
  out += "</tbody>\n</table></div>\n";
  out += fmt::format(
      "<p class=\"klein\">Landen (welkom + stoom afblazen): {} minuten (regel: {}–{}). Tijd voor "
      "eigen casuïstiek (stoom afblazen + eigen casussen): {} van {} minuten (regel: minstens de "
      "helft). {}</p>\n",
      p.landing(), sessions::kLandingMin, sessions::kLandingMax, p.own_case_time(),
      p.length_minutes,
      s.programme.stored ? "Aangepast programma." : "Standaardprogramma voor deze duur.");
  return out;
}

std::string participants_html(const Sheet& s) {
  if (s.participants.empty()) return "<p>Nog niemand heeft zich aangemeld.</p>\n";
  std::string out =
      "<div class=\"tabel\"><table>\n<thead><tr><th scope=\"col\">Bedrijf</th>"
      "<th scope=\"col\">Sector</th><th scope=\"col\">Aanmelding</th></tr></thead>\n<tbody>\n";
  for (const auto& p : s.participants)
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_escape(p.company),
                       html_escape(p.sector.empty() ? std::string("onbekend") : p.sector),
                       rsvp_label(p.rsvp));
  return out + "</tbody>\n</table></div>\n";
}

std::string cases_html(const Sheet& s) {
  std::string out;
  for (const auto& p : s.participants)
    if (!p.case_text.empty())
      out += fmt::format("<li><strong>{}:</strong> {}</li>\n", html_escape(p.company),
                         html_escape(p.case_text));
  return out.empty() ? std::string("<p>Er zijn (nog) geen casussen ingestuurd.</p>\n")
                     : "<ul class=\"casussen\">\n" + out + "</ul>\n";
}

std::string cards_html(const Sheet& s) {
  if (s.cards.empty())
    return "<p>Er zijn geen sectorcijfers voor deze sector. <a class=\"geen-print\" "
           "href=\"/beheer/sectorcijfers\">Sectorcijfers toevoegen</a></p>\n";
  std::string out =
      "<div class=\"tabel\"><table>\n<thead><tr><th scope=\"col\">Cijfer</th>"
      "<th scope=\"col\">Waarde</th><th scope=\"col\">Bron</th><th scope=\"col\">Datum</th>"
      "</tr></thead>\n<tbody>\n";
  std::vector<Bar> bars;
  for (const auto& c : s.cards) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       html_escape(c.figure), html_escape(value_text(c.value, c.unit)),
                       html_escape(c.source), html_escape(c.figure_date));
    bars.push_back({c.figure + " (" + c.figure_date + ")", c.value, value_text(c.value, c.unit)});
  }
  out += "</tbody>\n</table></div>\n";
  out += "<figure class=\"grafiek\">\n" +
         bar_chart_svg("cijfers-titel", "Sectorcijfers " + s.header.sector, bars) + "</figure>\n";
  return out;
}

std::string options_html(const std::vector<Question>& list, const std::string& current) {
  std::string out;
  bool found = false;
  for (const auto& q : list) {
    const bool sel = q.text == current;
    found = found || sel;
    out += fmt::format("<option value=\"{0}\"{1}>{0}</option>\n", html_escape(q.text),
                       sel ? " selected" : "");
  }
  if (!found && !current.empty())
    out = fmt::format("<option value=\"{0}\" selected>{0}</option>\n", html_escape(current)) + out;
  return out;
}

std::string edit_form_html(const Sheet& s, const std::string& csrf) {
  const auto& p = s.programme.programme;
  std::string out = fmt::format(
      "<form method=\"post\" action=\"/beheer/sessies/{}/draaiboek\" class=\"geen-print\">\n"
      "<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n<fieldset>\n<legend>Minuten per "
      "onderdeel (samen {} minuten)</legend>\n",
      s.header.id, html_escape(csrf), p.length_minutes);
  for (const Part part : sessions::kParts)
    out += fmt::format(
        "<label for=\"m-{0}\">{1}</label>\n<input type=\"number\" id=\"m-{0}\" "
        "name=\"minutes_{0}\" min=\"0\" max=\"240\" value=\"{2}\" required>\n",
        sessions::part_key(part), html_escape(sessions::part_title(part)), p.at(part));
  out += "</fieldset>\n";
  out += fmt::format(
      "<label for=\"startvraag\">Startvraag</label>\n<select id=\"startvraag\" "
      "name=\"start_question\">\n{}</select>\n"
      "<label for=\"actievraag\">Actievraag</label>\n<select id=\"actievraag\" "
      "name=\"action_question\">\n{}</select>\n",
      options_html(s.start_questions, p.start_question),
      options_html(s.action_questions, p.action_question));
  std::string methods;
  for (const auto m : sessions::intervision_methods())
    methods += fmt::format("<option value=\"{0}\"{1}>{0}</option>\n", html_escape(m),
                           m == p.intervision_method ? " selected" : "");
  out += fmt::format(
      "<label for=\"methode\">Intervisiemethode</label>\n<select id=\"methode\" "
      "name=\"intervision_method\">\n{}</select>\n",
      methods);
  std::string cards = "<option value=\"\">Geen</option>\n";
  for (const auto& c : s.cards)
    cards += fmt::format("<option value=\"{}\"{}>{} ({})</option>\n", c.id,
                         s.programme.sector_card_id == c.id ? " selected" : "",
                         html_escape(c.figure), html_escape(c.figure_date));
  out += fmt::format(
      "<label for=\"kaart\">Sectorcijfer voor het gesprek</label>\n<select id=\"kaart\" "
      "name=\"sector_card_id\">\n{}</select>\n<button type=\"submit\">Programma opslaan</button>\n"
      "</form>\n",
      cards);
  return out;
}

std::string roles_html(const Sheet& s, const Authenticated& who, const std::string& error) {
  std::string out;
  if (!error.empty())
    out += fmt::format("<div class=\"fout\" role=\"alert\"><p>{}</p></div>\n", html_escape(error));
  if (!may_set_roles(who.account))
    return out + "<p class=\"klein\">De coördinator of netwerkpartner wijst de rollen toe.</p>\n";
  std::string fac;
  std::string exp = "<option value=\"\">Geen kennisexpert</option>\n";
  for (const auto& st : s.staff) {
    const std::string label =
        html_escape(st.name) + (st.role == "expert" ? " (kennisexpert)" : " (facilitator)");
    fac += fmt::format("<option value=\"{}\"{}>{}</option>\n", html_escape(st.id),
                       st.id == s.roles.facilitator_id ? " selected" : "", label);
    exp += fmt::format("<option value=\"{}\"{}>{}</option>\n", html_escape(st.id),
                       s.roles.expert_id == st.id ? " selected" : "", label);
  }
  return out + fmt::format(
                   "<form method=\"post\" action=\"/beheer/sessies/{}/rollen\" "
                   "class=\"geen-print\">\n<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n"
                   "<label for=\"facilitator\">Facilitator</label>\n<select id=\"facilitator\" "
                   "name=\"facilitator_id\">\n{}</select>\n<label for=\"expert\">Kennisexpert "
                   "(niet verplicht)</label>\n<select id=\"expert\" name=\"expert_id\">\n{}"
                   "</select>\n<button type=\"submit\" class=\"tweede\">Rollen opslaan</button>\n"
                   "</form>\n",
                   s.header.id, html_escape(who.csrf), fac, exp);
}

http::Response render(const WebSetup& setup, const Authenticated& who, const Sheet& s, int status,
                      const std::string& error, const std::string& roles_error) {
  pages::PageValues v;
  v.html("menu", menu_html(who))
      .text("sessie", std::to_string(s.header.id))
      .html("links", session_links_html(s.header.id))
      .html("gegevens", details_html(s))
      .html("melding", findings_html(s.programme.findings, error))
      .html("programma", programme_html(s))
      .html("deelnemers", participants_html(s))
      .html("casussen", cases_html(s))
      .html("sectorcijfers", cards_html(s))
      .html("formulier", edit_form_html(s, who.csrf))
      .html("rollen", roles_html(s, who, roles_error));
  return setup.templates.respond(status, "draaiboek.html", "Draaiboek", v);
}

std::optional<int> parse_int(std::string_view s) {
  int n = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return n;
}

nlohmann::json sheet_json(const Sheet& s) {
  const auto& p = s.programme.programme;
  nlohmann::json parts = nlohmann::json::array();
  std::int64_t at = s.header.start_utc;
  for (const Part part : sessions::kParts) {
    const LocalTime from{at, s.header.start_offset};
    at += static_cast<std::int64_t>(p.at(part)) * 60;
    parts.push_back({{"key", sessions::part_key(part)},
                     {"title", sessions::part_title(part)},
                     {"minutes", p.at(part)},
                     {"start", pages::clock_text(from)},
                     {"prompt", sessions::part_prompt(part)}});
  }
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : s.programme.findings)
    findings.push_back({{"rule", sessions::rule_key(f.rule)},
                        {"actual", f.actual},
                        {"limit", f.limit},
                        {"message", f.message}});
  nlohmann::json participants = nlohmann::json::array();
  for (const auto& x : s.participants)
    participants.push_back({{"member_id", x.member_id},
                            {"company", x.company},
                            {"sector", x.sector},
                            {"rsvp", x.rsvp},
                            {"case_text", x.case_text}});
  nlohmann::json cards = nlohmann::json::array();
  for (const auto& c : s.cards)
    cards.push_back({{"id", c.id},
                     {"figure", c.figure},
                     {"value", c.value},
                     {"unit", c.unit},
                     {"source", c.source},
                     {"figure_date", c.figure_date}});
  return {
      {"session",
       {{"id", s.header.id},
        {"network_id", s.header.network_id},
        {"start_utc", s.header.start_utc},
        {"sector", s.header.sector}}},
      {"programme",
       {{"length_minutes", p.length_minutes},
        {"parts", std::move(parts)},
        {"start_question", p.start_question},
        {"action_question", p.action_question},
        {"intervision_method", p.intervision_method},
        {"sector_card_id", s.programme.sector_card_id ? nlohmann::json(*s.programme.sector_card_id)
                                                      : nlohmann::json(nullptr)},
        {"stored", s.programme.stored}}},
      {"findings", std::move(findings)},
      {"roles",
       {{"facilitator_id", s.roles.facilitator_id},
        {"expert_id",
         s.roles.expert_id ? nlohmann::json(*s.roles.expert_id) : nlohmann::json(nullptr)}}},
      {"participants", std::move(participants)},
      {"sector_cards", std::move(cards)}};
}

struct ProgrammeInput {
  sessions::Programme programme;
  std::optional<std::int64_t> card;
};

// Saves in one transaction with the audit row; the store's refusal otherwise.
SessionResult<std::vector<sessions::Finding>> save(SQLite::Database& db, const Authenticated& who,
                                                   std::int64_t session_id,
                                                   const ProgrammeInput& in) {
  SQLite::Transaction tx(db);
  auto r = save_programme(db, session_id, in.programme, in.card, who.account.email);
  if (!r) return r;
  add_audit(db, AuditEntry{"", who.account.email, "programme_saved", "session",
                           std::to_string(session_id), fmt::format("findings={}", r->size())});
  tx.commit();
  return r;
}

SessionResult<void> save_roles(SQLite::Database& db, const Authenticated& who,
                               std::int64_t session_id, const std::string& facilitator,
                               const std::optional<std::string>& expert) {
  SQLite::Transaction tx(db);
  auto r = set_session_roles(db, session_id, facilitator, expert, who.account.email);
  if (!r) return r;
  add_audit(db,
            AuditEntry{"", who.account.email, "roles_set", "session", std::to_string(session_id),
                       fmt::format("facilitator={} expert={}", facilitator, expert.value_or("-"))});
  tx.commit();
  return r;
}

}  // namespace

http::Response handle_runsheet_get(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto header = session_of_request(*db, who->account, request);
  if (!header) return not_found_page(setup);
  return render(setup, *who, load_sheet(*db, *header), 200, "", "");
}

http::Response handle_runsheet_post(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto form = pages::form_of(request);
  if (!form || !csrf_ok(*who, *form)) return forbidden_page(setup);
  const auto header = session_of_request(*db, who->account, request);
  if (!header) return not_found_page(setup);
  Sheet s = load_sheet(*db, *header);
  ProgrammeInput in{s.programme.programme, std::nullopt};
  std::string error;
  for (const Part part : sessions::kParts) {
    const std::string name = fmt::format("minutes_{}", sessions::part_key(part));
    const auto n = parse_int(form->get(name).value_or(""));
    if (!n && error.empty())
      error = fmt::format("{}: vul een heel aantal minuten in.", sessions::part_title(part));
    if (n) in.programme.at(part) = *n;
  }
  in.programme.start_question = std::string(form->get("start_question").value_or(""));
  in.programme.action_question = std::string(form->get("action_question").value_or(""));
  in.programme.intervision_method = std::string(form->get("intervision_method").value_or(""));
  if (const auto c = form->get("sector_card_id"); c && !c->empty()) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(c->data(), c->data() + c->size(), id);
    if (ec != std::errc{} || end != c->data() + c->size())
      error = "Sectorcijfer: kies een kaart uit de lijst.";
    in.card = id;
  }
  if (error.empty()) {
    const auto r = save(*db, *who, header->id, in);
    if (r) return redirect_to(fmt::format("/beheer/sessies/{}/draaiboek", header->id));
    error = r.error().message;
  }
  s.programme.programme = in.programme;  // keep the input
  s.programme.sector_card_id = in.card;
  s.programme.findings = sessions::check_programme(in.programme);
  return render(setup, *who, s, 422, error, "");
}

http::Response handle_roles_post(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto form = pages::form_of(request);
  if (!form || !csrf_ok(*who, *form)) return forbidden_page(setup);
  const auto header = session_of_request(*db, who->account, request);
  if (!header || !may_set_roles(who->account)) return not_found_page(setup);
  const std::string facilitator(form->get("facilitator_id").value_or(""));
  const std::string expert_text(form->get("expert_id").value_or(""));
  const std::optional<std::string> expert =
      expert_text.empty() ? std::nullopt : std::optional<std::string>(expert_text);
  const auto r = save_roles(*db, *who, header->id, facilitator, expert);
  if (r) return redirect_to(fmt::format("/beheer/sessies/{}/draaiboek", header->id));
  Sheet s = load_sheet(*db, *header);
  s.roles.facilitator_id = facilitator;  // keep the input
  s.roles.expert_id = expert;
  return render(setup, *who, s, 422, "", r.error().message);
}

http::Response handle_api_runsheet(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, true);
  if (!who) return api_unauthorized();
  const auto header = session_of_request(*db, who->account, request);
  if (!header) return api_not_found();
  return http::json_response(200, sheet_json(load_sheet(*db, *header)).dump());
}

http::Response handle_api_runsheet_post(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, true);
  if (!who) return api_unauthorized();
  if (auto refusal = api_csrf_refusal(*who, request)) return std::move(*refusal);
  const auto header = session_of_request(*db, who->account, request);
  if (!header) return api_not_found();
  const auto body = json_body(request);
  if (!body) return api_input_error(400, "", "body: verwacht een JSON-object");
  const Sheet s = load_sheet(*db, *header);
  ProgrammeInput in{s.programme.programme, s.programme.sector_card_id};
  const auto minutes = body->find("minutes");
  if (minutes != body->end()) {
    if (!minutes->is_object())
      return api_input_error(422, "/minutes", "minutes: verwacht een object");
    for (const auto& [key, value] : minutes->items()) {
      const auto part = sessions::parse_part(key);
      if (!part) return api_input_error(422, "/minutes/" + key, "Onbekend onderdeel.");
      if (!value.is_number_integer())
        return api_input_error(422, "/minutes/" + key, "Vul een heel aantal minuten in.");
      in.programme.at(*part) = value.get<int>();
    }
  }
  for (const auto& [field, target] :
       {std::pair{"start_question", &in.programme.start_question},
        std::pair{"action_question", &in.programme.action_question},
        std::pair{"intervision_method", &in.programme.intervision_method}}) {
    const auto it = body->find(field);
    if (it == body->end()) continue;
    if (!it->is_string())
      return api_input_error(422, std::string("/") + field, "Verwacht een tekst.");
    *target = it->get<std::string>();
  }
  if (const auto it = body->find("sector_card_id"); it != body->end()) {
    if (it->is_null())
      in.card.reset();
    else if (it->is_number_integer())
      in.card = it->get<std::int64_t>();
    else
      return api_input_error(422, "/sector_card_id", "Verwacht een kaartnummer of null.");
  }
  const auto r = save(*db, *who, header->id, in);
  if (!r) return api_input_error(422, r.error().field, r.error().message);
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : *r)
    findings.push_back({{"rule", sessions::rule_key(f.rule)},
                        {"actual", f.actual},
                        {"limit", f.limit},
                        {"message", f.message}});
  return http::json_response(200, nlohmann::json{{"findings", std::move(findings)}}.dump());
}

http::Response handle_api_roles_post(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, true);
  if (!who) return api_unauthorized();
  if (auto refusal = api_csrf_refusal(*who, request)) return std::move(*refusal);
  const auto header = session_of_request(*db, who->account, request);
  if (!header || !may_set_roles(who->account)) return api_not_found();
  const auto body = json_body(request);
  if (!body) return api_input_error(400, "", "body: verwacht een JSON-object");
  const auto fac = body->find("facilitator_id");
  if (fac == body->end() || !fac->is_string())
    return api_input_error(422, "/facilitator_id", "Kies een facilitator.");
  std::optional<std::string> expert;
  if (const auto it = body->find("expert_id"); it != body->end() && !it->is_null()) {
    if (!it->is_string()) return api_input_error(422, "/expert_id", "Verwacht een tekst of null.");
    if (!it->get<std::string>().empty()) expert = it->get<std::string>();
  }
  const auto r = save_roles(*db, *who, header->id, fac->get<std::string>(), expert);
  if (!r)
    return api_input_error(r.error().kind == SessionStoreError::Kind::not_found ? 404 : 422,
                           r.error().field, r.error().message);
  return http::json_response(
      200, nlohmann::json{{"facilitator_id", fac->get<std::string>()},
                          {"expert_id", expert ? nlohmann::json(*expert) : nlohmann::json(nullptr)}}
               .dump());
}

}  // namespace tafel::web
