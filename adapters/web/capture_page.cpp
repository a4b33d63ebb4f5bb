#include "adapters/web/capture_page.hpp"

#include "adapters/pages/page_common.hpp"
#include "adapters/pages/pages_setup.hpp"
#include "adapters/store/accounts_store.hpp"
#include "adapters/store/sessions_store.hpp"
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

constexpr int kBlankRows = 4;

// The facilitator of the session or a coordinator.
std::optional<SessionHeader> capture_session(SQLite::Database& db, const Account& account,
                                             const http::Request& request) {
  if (account.role == Role::partner) return std::nullopt;
  return session_of_request(db, account, request);
}

std::vector<Invitee> invitees_of(const WebSetup& setup, SQLite::Database& db, std::int64_t id) {
  const auto r = load_session_replies(db, planning_of(setup), id);
  return r ? r->invitees : std::vector<Invitee>{};
}

std::string_view kind_label(std::string_view kind) {
  if (kind == "bottleneck") return "Knelpunt";
  if (kind == "tip") return "Tip";
  if (kind == "solution") return "Oplossing";
  if (kind == "contact") return "Gedeeld contact";
  return kind;
}

std::string form_html(const SessionHeader& h, const std::vector<Invitee>& invitees,
                      const SessionCapture& c, const std::string& csrf) {
  std::map<std::int64_t, bool> came;
  for (const auto& a : c.attendance) came[a.member_id] = a.came;
  std::string out = fmt::format(
      "<form method=\"post\" action=\"/beheer/sessies/{}/verslag\">\n"
      "<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n<fieldset>\n<legend>Aanwezigheid"
      "</legend>\n",
      h.id, html_escape(csrf));
  if (invitees.empty()) out += "<p class=\"klein\">Er is niemand uitgenodigd.</p>\n";
  for (const auto& p : invitees) {
    const auto it = came.find(p.member_id);
    const auto checked = [&](bool v) {
      return it != came.end() && it->second == v ? " checked" : "";
    };
    out += fmt::format(
        "<p><strong>{1}</strong>, {2}<br>\n<label class=\"klein-form\"><input type=\"radio\" "
        "name=\"kwam_{0}\" value=\"ja\"{3}> kwam</label>\n<label class=\"klein-form\"><input "
        "type=\"radio\" name=\"kwam_{0}\" value=\"nee\"{4}> kwam niet</label></p>\n",
        p.member_id, html_escape(p.name), html_escape(p.company), checked(true), checked(false));
  }
  out +=
      "</fieldset>\n<fieldset>\n<legend>Knelpunten, tips, oplossingen en contacten</legend>\n"
      "<p class=\"klein\">Zonder namen, e-mailadressen of telefoonnummers: alles komt in de "
      "kennisbank. Een knelpunt heeft een thema.</p>\n";
  const std::size_t rows = c.notes.size() + kBlankRows;
  for (std::size_t i = 0; i < rows; ++i) {
    const CapturedNote blank{"bottleneck", "", ""};
    const CapturedNote& n = i < c.notes.size() ? c.notes[i] : blank;
    std::string kinds;
    for (const auto* k : {"bottleneck", "tip", "solution", "contact"})
      kinds += fmt::format("<option value=\"{}\"{}>{}</option>", k, n.kind == k ? " selected" : "",
                           kind_label(k));
    out += fmt::format(
        "<div class=\"notitie\">\n<label for=\"soort-{0}\">Soort (notitie {1})</label>\n"
        "<select id=\"soort-{0}\" name=\"soort_{0}\">{2}</select>\n"
        "<label for=\"thema-{0}\">Thema</label>\n<input type=\"text\" id=\"thema-{0}\" "
        "name=\"thema_{0}\" value=\"{3}\">\n<label for=\"tekst-{0}\">Tekst</label>\n"
        "<textarea id=\"tekst-{0}\" name=\"tekst_{0}\">{4}</textarea>\n</div>\n",
        i, i + 1, kinds, html_escape(n.theme), html_escape(n.text));
  }
  out += "</fieldset>\n<fieldset>\n<legend>Drie inzichten (takeaways)</legend>\n";
  for (std::size_t i = 0; i < 3; ++i)
    out += fmt::format(
        "<label for=\"inzicht-{0}\">Inzicht {0}</label>\n<input type=\"text\" id=\"inzicht-{0}\" "
        "name=\"inzicht_{0}\" value=\"{1}\" required>\n",
        i + 1, html_escape(c.takeaways[i]));
  return out + "</fieldset>\n<button type=\"submit\">Verslag opslaan</button>\n</form>\n";
}

std::string details_html(const SessionHeader& h) {
  const LocalTime start{h.start_utc, h.start_offset};
  return fmt::format("<p>{} {}, {} · {}</p>\n", pages::date_text(start), pages::clock_text(start),
                     html_escape(h.sector), html_escape(h.venue));
}

http::Response render(const WebSetup& setup, const Authenticated& who, const SessionHeader& h,
                      const std::vector<Invitee>& invitees, const SessionCapture& c, int status,
                      const std::string& melding) {
  pages::PageValues v;
  v.html("menu", menu_html(who))
      .text("sessie", std::to_string(h.id))
      .html("links", session_links_html(h.id))
      .html("gegevens", details_html(h))
      .html("melding", melding)
      .html("formulier", form_html(h, invitees, c, who.csrf));
  return setup.templates.respond(status, "verslag.html", "Verslag", v);
}

SessionCapture capture_of_form(const pages::FormBody& form, const std::vector<Invitee>& invitees) {
  SessionCapture c;
  for (const auto& p : invitees) {
    const auto v = form.get(fmt::format("kwam_{}", p.member_id));
    if (v == "ja" || v == "nee") c.attendance.push_back({p.member_id, *v == "ja"});
  }
  for (std::size_t i = 0; i < 200; ++i) {
    const auto text = form.get(fmt::format("tekst_{}", i));
    if (!text) break;
    if (pages::trim_text(*text).empty()) continue;
    c.notes.push_back({std::string(form.get(fmt::format("soort_{}", i)).value_or("")),
                       pages::trim_text(form.get(fmt::format("thema_{}", i)).value_or("")),
                       std::string(*text)});
  }
  for (std::size_t i = 0; i < 3; ++i)
    c.takeaways[i] = pages::trim_text(form.get(fmt::format("inzicht_{}", i + 1)).value_or(""));
  return c;
}

SessionResult<void> save(const WebSetup& setup, SQLite::Database& db, const Authenticated& who,
                         std::int64_t session_id, const SessionCapture& c) {
  SQLite::Transaction tx(db);
  auto r = record_capture(db, session_id, c, who.account.email, setup.now());
  if (!r) return r;
  add_audit(
      db,
      AuditEntry{"", who.account.email, "capture_recorded", "session", std::to_string(session_id),
                 fmt::format("attendance={} notes={}", c.attendance.size(), c.notes.size())});
  tx.commit();
  return r;
}

}  // namespace

http::Response handle_capture_get(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto h = capture_session(*db, who->account, request);
  if (!h) return not_found_page(setup);
  const auto stored = load_capture(*db, h->id);
  std::string melding;
  if (query_of(request).get("opgeslagen") == "1")
    melding = "<div class=\"huidig\" role=\"status\"><p>Verslag opgeslagen.</p></div>\n";
  else if (stored)
    melding = fmt::format("<p class=\"klein\">Vastgelegd op {} (versie {}).</p>\n",
                          html_escape(stored->recorded_at), stored->revision);
  return render(setup, *who, *h, invitees_of(setup, *db, h->id),
                stored ? stored->capture : SessionCapture{}, 200, melding);
}

http::Response handle_capture_post(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto form = pages::form_of(request);
  if (!form || !csrf_ok(*who, *form)) return forbidden_page(setup);
  const auto h = capture_session(*db, who->account, request);
  if (!h) return not_found_page(setup);
  const auto invitees = invitees_of(setup, *db, h->id);
  const auto c = capture_of_form(*form, invitees);
  const auto r = save(setup, *db, *who, h->id, c);
  if (r) return redirect_to(fmt::format("/beheer/sessies/{}/verslag?opgeslagen=1", h->id));
  return render(setup, *who, *h, invitees, c, 422,
                fmt::format("<div class=\"fout\" role=\"alert\"><p>{}</p><p class=\"klein\">"
                            "Niets is opgeslagen.</p></div>\n",
                            html_escape(r.error().message)));
}

http::Response handle_api_capture(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, true);
  if (!who) return api_unauthorized();
  const auto h = capture_session(*db, who->account, request);
  if (!h) return api_not_found();
  const auto stored = load_capture(*db, h->id);
  nlohmann::json attendance = nlohmann::json::array();
  nlohmann::json notes = nlohmann::json::array();
  nlohmann::json takeaways = nlohmann::json::array();
  if (stored) {
    for (const auto& a : stored->capture.attendance)
      attendance.push_back({{"member_id", a.member_id}, {"came", a.came}});
    for (const auto& n : stored->capture.notes)
      notes.push_back({{"kind", n.kind}, {"theme", n.theme}, {"text", n.text}});
    for (const auto& t : stored->capture.takeaways) takeaways.push_back(t);
  }
  return http::json_response(200, nlohmann::json{{"session_id", h->id},
                                                 {"recorded", stored.has_value()},
                                                 {"attendance", std::move(attendance)},
                                                 {"notes", std::move(notes)},
                                                 {"takeaways", std::move(takeaways)}}
                                      .dump());
}

http::Response handle_api_capture_post(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, true);
  if (!who) return api_unauthorized();
  if (auto refusal = api_csrf_refusal(*who, request)) return std::move(*refusal);
  const auto h = capture_session(*db, who->account, request);
  if (!h) return api_not_found();
  const auto body = json_body(request);
  if (!body) return api_input_error(400, "", "body: verwacht een JSON-object");
  SessionCapture c;
  const auto att = body->find("attendance");
  if (att != body->end()) {
    if (!att->is_array()) return api_input_error(422, "/attendance", "Verwacht een lijst.");
    for (std::size_t i = 0; i < att->size(); ++i) {
      const auto& a = (*att)[i];
      if (!a.is_object() || !a.contains("member_id") || !a["member_id"].is_number_integer() ||
          !a.contains("came") || !a["came"].is_boolean())
        return api_input_error(422, fmt::format("/attendance/{}", i),
                               "Verwacht {\"member_id\": getal, \"came\": true/false}.");
      c.attendance.push_back({a["member_id"].get<std::int64_t>(), a["came"].get<bool>()});
    }
  }
  const auto notes = body->find("notes");
  if (notes != body->end()) {
    if (!notes->is_array()) return api_input_error(422, "/notes", "Verwacht een lijst.");
    for (std::size_t i = 0; i < notes->size(); ++i) {
      const auto& n = (*notes)[i];
      CapturedNote note;
      for (const auto& [field, target] :
           {std::pair{"kind", &note.kind}, std::pair{"theme", &note.theme},
            std::pair{"text", &note.text}}) {
        if (!n.is_object())
          return api_input_error(422, fmt::format("/notes/{}", i), "Verwacht een object.");
        const auto it = n.find(field);
        if (it == n.end()) continue;
        if (!it->is_string())
          return api_input_error(422, fmt::format("/notes/{}/{}", i, field), "Verwacht een tekst.");
        *target = it->get<std::string>();
      }
      c.notes.push_back(std::move(note));
    }
  }
  const auto take = body->find("takeaways");
  if (take == body->end() || !take->is_array() || take->size() != 3)
    return api_input_error(422, "/takeaways", "Verwacht precies drie inzichten.");
  for (std::size_t i = 0; i < 3; ++i) {
    if (!(*take)[i].is_string())
      return api_input_error(422, fmt::format("/takeaways/{}", i), "Verwacht een tekst.");
    c.takeaways[i] = (*take)[i].get<std::string>();
  }
  const auto r = save(setup, *db, *who, h->id, c);
  if (!r)
    return api_input_error(r.error().kind == SessionStoreError::Kind::not_found ? 404 : 422,
                           r.error().field, r.error().message);
  return http::json_response(200, nlohmann::json{{"session_id", h->id}, {"recorded", true}}.dump());
}

}  // namespace tafel::web
