#include "adapters/web/members_pages.hpp"

#include "adapters/importers/members/contact_hash.hpp"
#include "adapters/pages/page_common.hpp"
#include "adapters/pages/pages_setup.hpp"
#include "adapters/store/erasure.hpp"
#include "adapters/store/member_search.hpp"
#include "adapters/store/members_store.hpp"
#include "adapters/web/beheer_parts.hpp"
#include "adapters/web/login.hpp"
#include "engine/outreach/template_renderer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <stdexcept>

namespace tafel::web {

namespace {

using outreach::html_escape;

std::optional<bool> yes_no(const pages::FormBody& query, std::string_view name) {
  const auto v = query.get(name);
  if (v == "ja") return true;
  if (v == "nee") return false;
  return std::nullopt;
}

// The filter from the query, limited to what `account` may see.
MemberFilter filter_of(const Account& account, const pages::FormBody& query, int& page) {
  MemberFilter f;
  if (account.role == Role::partner) f.network_id = account.network_id.value_or(-1);
  if (account.role == Role::facilitator) f.facilitator_id = account.staff_id.value_or("");
  f.text = pages::trim_text(query.get("q").value_or(""));
  if (const auto s = query.get("sector"); s && !s->empty())
    f.sector = *s == "-" ? std::string() : std::string(*s);
  f.eligible = yes_no(query, "geschikt");
  f.consent_email = yes_no(query, "email");
  f.consent_whatsapp = yes_no(query, "whatsapp");
  f.answered = yes_no(query, "beantwoord");
  page = 1;
  if (const auto p = query.get("pagina")) {
    int n = 0;
    const auto [end, ec] = std::from_chars(p->data(), p->data() + p->size(), n);
    if (ec == std::errc{} && end == p->data() + p->size() && n >= 1 && n <= 100000) page = n;
  }
  f.offset = (page - 1) * kPageSize;
  f.limit = kPageSize;
  return f;
}

std::optional<std::int64_t> network_scope(const Account& account) {
  if (account.role == Role::partner) return account.network_id.value_or(-1);
  return std::nullopt;
}

std::string select_html(std::string_view name, std::string_view label, std::string_view current) {
  std::string out = fmt::format(
      "<label for=\"f-{0}\">{1}</label>\n<select id=\"f-{0}\" name=\"{0}\">", name, label);
  for (const auto& [value, text] :
       {std::pair{"", "alle"}, std::pair{"ja", "ja"}, std::pair{"nee", "nee"}})
    out += fmt::format("<option value=\"{}\"{}>{}</option>", value,
                       current == value ? " selected" : "", text);
  return out + "</select>\n";
}

std::string filters_html(const pages::FormBody& query, const std::vector<std::string>& sectors) {
  const std::string q(query.get("q").value_or(""));
  const std::string sector(query.get("sector").value_or(""));
  std::string out = fmt::format(
      "<label for=\"f-q\">Naam of bedrijf</label>\n"
      "<input id=\"f-q\" type=\"search\" name=\"q\" value=\"{}\">\n"
      "<label for=\"f-sector\">Sector</label>\n<select id=\"f-sector\" name=\"sector\">"
      "<option value=\"\">alle</option><option value=\"-\"{}>zonder sector</option>",
      html_escape(q), sector == "-" ? " selected" : "");
  for (const auto& s : sectors)
    out += fmt::format("<option value=\"{0}\"{1}>{0}</option>", html_escape(s),
                       s == sector ? " selected" : "");
  out += "</select>\n";
  out += select_html("geschikt", "Geschikt voor een praktijktafel",
                     query.get("geschikt").value_or(""));
  out += select_html("email", "Toestemming e-mail", query.get("email").value_or(""));
  out += select_html("whatsapp", "Toestemming WhatsApp", query.get("whatsapp").value_or(""));
  out += select_html("beantwoord", "Heeft geantwoord", query.get("beantwoord").value_or(""));
  return out;
}

std::string yes_no_text(bool b) { return b ? "ja" : "nee"; }

std::string members_table(const std::vector<MemberListRow>& rows, bool show_network) {
  if (rows.empty()) return "<p>Geen leden gevonden.</p>\n";
  std::string out = fmt::format(
      "<div class=\"tabel\"><table>\n<caption class=\"klein\">Leden op deze pagina</caption>\n"
      "<thead><tr><th scope=\"col\">Bedrijf</th><th scope=\"col\">Naam</th>{}"
      "<th scope=\"col\">Sector</th><th scope=\"col\">Geschikt</th><th scope=\"col\">E-mail</th>"
      "<th scope=\"col\">WhatsApp</th><th scope=\"col\">Antwoorden</th></tr></thead>\n<tbody>\n",
      show_network ? "<th scope=\"col\">Netwerk</th>" : "");
  for (const auto& r : rows)
    out += fmt::format(
        "<tr><td><a href=\"/beheer/leden/{}\">{}</a></td><td>{}</td>{}<td>{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td><td>{} van {}</td></tr>\n",
        r.id, html_escape(r.company), html_escape(r.name),
        show_network ? fmt::format("<td>{}</td>", html_escape(r.network)) : std::string(),
        html_escape(r.sector.value_or("—")), yes_no_text(r.eligible), yes_no_text(r.consent_email),
        yes_no_text(r.consent_whatsapp), r.answered, r.invitations);
  return out + "</tbody>\n</table></div>\n";
}

// The query string without `pagina`, for the paging links.
std::string query_without_page(const pages::FormBody& query) {
  std::string out;
  for (const auto& f : query.fields) {
    if (f.name == "pagina" || f.value.empty()) continue;
    std::string enc;
    for (const unsigned char c : f.value) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
        enc += static_cast<char>(c);
      else
        enc += fmt::format("%{:02X}", c);
    }
    out += fmt::format("{}={}&", f.name, enc);
  }
  return out;
}

std::string paging_html(const pages::FormBody& query, int page, int total) {
  const int pages_total = std::max(1, (total + kPageSize - 1) / kPageSize);
  if (pages_total == 1) return "";
  const std::string base = html_escape(query_without_page(query));
  std::string out = "<nav aria-label=\"Pagina's\" class=\"knoppen\">";
  if (page > 1)
    out += fmt::format("<a rel=\"prev\" href=\"/beheer/leden?{}pagina={}\">Vorige</a> ", base,
                       page - 1);
  out += fmt::format("<span>Pagina {} van {}</span>", page, pages_total);
  if (page < pages_total)
    out += fmt::format(" <a rel=\"next\" href=\"/beheer/leden?{}pagina={}\">Volgende</a>", base,
                       page + 1);
  return out + "</nav>\n";
}

nlohmann::json opt_json(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// The member `id` if it exists and is in the account's scope.
std::optional<MemberRecord> member_for(Store& store, const Account& account, std::int64_t id) {
  auto m = find_member(store, id);
  if (!m || !member_in_scope(store.db(), account, m->id, m->network_id)) return std::nullopt;
  return m;
}

std::string_view kind_label(std::string_view kind) {
  static const std::map<std::string_view, std::string_view> labels = {
      {"invitation", "uitnodiging"},
      {"reminder", "herinnering"},
      {"nudge", "extra herinnering"},
      {"change", "wijziging"},
      {"cancellation", "afzegging"},
      {"poll", "beschikbaarheidsvraag"},
      {"poll_reminder", "herinnering beschikbaarheid"},
      {"followup", "nabericht"},
      {"optout_confirmation", "bevestiging afmelding"},
      {"confirmation", "bevestiging"},
      {"declined", "bevestiging afmelding tafel"},
      {"tentative", "bevestiging misschien"},
      {"waitlisted", "wachtlijst"},
      {"offer", "plek aangeboden"},
      {"offer_expired", "aanbod verlopen"},
      {"refusal", "antwoord te laat"},
      {"reply", "antwoord"},
      {"button", "knop"},
      {"status", "afleverstatus"},
      {"calendar_reply", "agenda-antwoord"},
      {"bounce", "onbestelbaar"},
      {"auto_reply", "automatisch antwoord"},
      {"unknown", "onbekend"},
      {"invite", "uitgenodigd"},
      {"enlist", "op wachtlijst gezet"},
      {"answer", "antwoord"},
      {"optout", "afgemeld"},
      {"invite_from_waitlist", "uitgenodigd van wachtlijst"},
      {"reschedule", "verplaatst"},
      {"cancel", "afgelast"},
      {"tick", "tijd"}};
  const auto it = labels.find(kind);
  return it == labels.end() ? kind : it->second;
}

std::string_view state_label(std::string_view state) {
  static const std::map<std::string_view, std::string_view> labels = {
      {"pending", "wacht"},
      {"in_flight", "wordt verstuurd"},
      {"sent", "verstuurd"},
      {"delivered", "afgeleverd"},
      {"read", "gelezen"},
      {"failed", "mislukt"},
      {"cancelled", "geannuleerd"},
      {"accept", "komt"},
      {"decline", "komt niet"},
      {"tentative", "misschien"},
      {"yes", "ja"},
      {"no", "nee"},
      {"maybe", "misschien"},
      {"opt_out", "afmelden"},
      {"unclear", "onduidelijk"},
      {"applied", "verwerkt"},
      {"refused", "geweigerd"},
      {"unmatched", "niet gekoppeld"},
      {"ignored", "genegeerd"},
      {"recorded", "vastgelegd"}};
  const auto it = labels.find(state);
  return it == labels.end() ? state : it->second;
}

std::string_view direction_label(std::string_view d) {
  if (d == "out") return "verstuurd";
  if (d == "in") return "ontvangen";
  return "antwoordlog";
}

std::string history_html(const std::vector<ContactEvent>& events) {
  if (events.empty()) return "<p>Nog geen berichten of antwoorden.</p>\n";
  std::string out =
      "<div class=\"tabel\"><table>\n<thead><tr><th scope=\"col\">Tijd</th>"
      "<th scope=\"col\">Richting</th><th scope=\"col\">Kanaal</th><th scope=\"col\">Soort</th>"
      "<th scope=\"col\">Status</th><th scope=\"col\">Tafel</th></tr></thead>\n<tbody>\n";
  for (const auto& e : events)
    out += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        html_escape(utc_text(e.at_utc)), direction_label(e.direction), html_escape(e.channel),
        html_escape(kind_label(e.kind)), html_escape(state_label(e.state)),
        e.session_id
            ? fmt::format("<a href=\"/beheer/sessies/{0}/antwoorden\">{0}</a>", *e.session_id)
            : std::string("—"));
  return out + "</tbody>\n</table></div>\n";
}

std::string consent_text(const ConsentState& c, bool opted_out) {
  if (opted_out) return "ingetrokken in Tafelplanner";
  return c.granted ? "ja" : "nee";
}

std::string details_html(const MemberRecord& m, const std::string& network) {
  const auto row = [](std::string_view term, const std::string& value) {
    return fmt::format("<dt>{}</dt><dd>{}</dd>\n", term, html_escape(value));
  };
  std::string out = "<dl>\n";
  out += row("Netwerk", network);
  out += row("Sector", m.sector.value_or("—"));
  out += row("Geschikt", m.eligible
                             ? std::string("ja")
                             : "nee" + (m.eligibility_reason ? " (" + *m.eligibility_reason + ")"
                                                             : std::string()));
  out += row("Medewerkers", m.employees ? fmt::format("{:g}", *m.employees) : "—");
  out += row("Plaats", m.town.value_or("—"));
  out += row("E-mail", m.email.value_or("—"));
  out += row("Mobiel", m.mobile.value_or("—"));
  out += row("Vast", m.landline.value_or("—"));
  out += row("Toestemming e-mail", consent_text(m.consent_email, m.opted_out_email));
  out += row("Toestemming WhatsApp", consent_text(m.consent_whatsapp, m.opted_out_whatsapp));
  return out + "</dl>\n";
}

std::string network_name(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, "SELECT name FROM networks WHERE id = ?");
  q.bind(1, id);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

Store open_store(const WebSetup& setup) {
  auto store = Store::open(setup.database);
  if (!store) throw std::runtime_error("the database could not be opened");
  return std::move(*store);
}

}  // namespace

http::Response handle_members_get(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto query = query_of(request);
  int page = 1;
  const auto filter = filter_of(who->account, query, page);
  const auto found = search_members(*db, filter);
  pages::PageValues v;
  v.html("menu", menu_html(*who))
      .html("filters", filters_html(query, member_sectors(*db, network_scope(who->account))))
      .text("aantal", found.total == 1 ? std::string("1 lid gevonden.")
                                       : fmt::format("{} leden gevonden.", found.total))
      .html("tabel", members_table(found.rows, who->account.role == Role::coordinator))
      .html("paginas", paging_html(query, page, found.total));
  return setup.templates.respond(200, "leden.html", "Leden", v);
}

http::Response handle_api_members(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, true);
  if (!who) return api_unauthorized();
  int page = 1;
  const auto found = search_members(*db, filter_of(who->account, query_of(request), page));
  nlohmann::json members = nlohmann::json::array();
  for (const auto& r : found.rows)
    members.push_back({{"id", r.id},
                       {"network_id", r.network_id},
                       {"network", r.network},
                       {"company", r.company},
                       {"name", r.name},
                       {"sector", opt_json(r.sector)},
                       {"eligible", r.eligible},
                       {"consent_email", r.consent_email},
                       {"consent_whatsapp", r.consent_whatsapp},
                       {"invitations", r.invitations},
                       {"answered", r.answered}});
  return http::json_response(200, nlohmann::json{{"total", found.total},
                                                 {"page", page},
                                                 {"page_size", kPageSize},
                                                 {"members", std::move(members)}}
                                      .dump());
}

http::Response handle_member_get(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto id = path_id(request);
  if (!id) return not_found_page(setup);
  auto store = open_store(setup);
  const auto m = member_for(store, who->account, *id);
  if (!m) return not_found_page(setup);
  pages::PageValues v;
  v.html("menu", menu_html(*who))
      .text("naam", m->name)
      .text("bedrijf", m->company)
      .html("gegevens", details_html(*m, network_name(*db, m->network_id)))
      .html("geschiedenis", history_html(member_history(*db, m->id)))
      .html("verwijderen",
            who->account.role == Role::coordinator
                ? fmt::format("<p><a href=\"/beheer/leden/{}/verwijderen\">Alle gegevens van dit "
                              "lid wissen (AVG)</a></p>\n",
                              m->id)
                : std::string());
  return setup.templates.respond(200, "lid.html", "Lid", v);
}

http::Response handle_api_member(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, true);
  if (!who) return api_unauthorized();
  const auto id = path_id(request);
  if (!id) return api_not_found();
  auto store = open_store(setup);
  const auto m = member_for(store, who->account, *id);
  if (!m) return api_not_found();
  nlohmann::json history = nlohmann::json::array();
  for (const auto& e : member_history(*db, m->id))
    history.push_back(
        {{"at", e.at_utc},
         {"direction", e.direction},
         {"channel", e.channel},
         {"kind", e.kind},
         {"state", e.state},
         {"session_id", e.session_id ? nlohmann::json(*e.session_id) : nlohmann::json(nullptr)}});
  nlohmann::json member{
      {"id", m->id},
      {"network_id", m->network_id},
      {"company", m->company},
      {"name", m->name},
      {"email", opt_json(m->email)},
      {"mobile", opt_json(m->mobile)},
      {"landline", opt_json(m->landline)},
      {"sector", opt_json(m->sector)},
      {"town", opt_json(m->town)},
      {"eligible", m->eligible},
      {"eligibility_reason", opt_json(m->eligibility_reason)},
      {"consent_email", m->consent_email.granted && !m->opted_out_email},
      {"consent_whatsapp", m->consent_whatsapp.granted && !m->opted_out_whatsapp}};
  return http::json_response(
      200, nlohmann::json{{"member", std::move(member)}, {"history", std::move(history)}}.dump());
}

http::Response handle_member_erase_get(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto id = path_id(request);
  if (!id || who->account.role != Role::coordinator) return not_found_page(setup);
  auto store = open_store(setup);
  const auto m = member_for(store, who->account, *id);
  if (!m) return not_found_page(setup);
  pages::PageValues v;
  v.html("menu", menu_html(*who))
      .text("naam", m->name)
      .text("bedrijf", m->company)
      .text("id", std::to_string(m->id))
      .text("csrf", who->csrf);
  return setup.templates.respond(200, "lid_verwijderen.html", "Lid wissen", v);
}

http::Response handle_member_erase_post(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto form = pages::form_of(request);
  if (!form || !csrf_ok(*who, *form)) return forbidden_page(setup);
  const auto id = path_id(request);
  if (!id || who->account.role != Role::coordinator) return not_found_page(setup);
  if (form->get("bevestig") != "ja")
    return redirect_to(fmt::format("/beheer/leden/{}/verwijderen", *id));
  db.reset();  // erasure needs the file to itself for its checkpoint and VACUUM
  auto store = open_store(setup);
  if (!member_for(store, who->account, *id)) return not_found_page(setup);
  const ContactHasher hasher{email_contact_hash, phone_contact_hash};
  const auto done = erase_member(store, *id, hasher, setup.outbox_dir);
  if (!done) {
    if (done.error().kind == ErasureError::Kind::not_found) return not_found_page(setup);
    throw std::runtime_error(done.error().message);
  }
  {
    SQLite::Transaction tx(store.db());
    add_audit(
        store.db(),
        AuditEntry{"", who->account.email, "erased", "member", std::to_string(*id),
                   fmt::format("rows={} scrubbed={} hashes={} files={} wal_truncated={}",
                               done->rows_deleted, done->values_scrubbed, done->hashes_recorded,
                               done->files_removed, done->wal_truncated ? 1 : 0)});
    tx.commit();
  }
  pages::PageValues v;
  v.html("menu", menu_html(*who))
      .text("id", std::to_string(*id))
      .text("rijen", std::to_string(done->rows_deleted))
      .text("teksten", std::to_string(done->values_scrubbed))
      .text("bestanden", std::to_string(done->files_removed))
      .html("wal", done->wal_truncated
                       ? std::string()
                       : std::string("<p class=\"fout\" role=\"alert\">Let op: oude kopieën kunnen "
                                     "nog tot de volgende controle in het logbestand van de "
                                     "database staan.</p>"));
  return setup.templates.respond(200, "lid_verwijderd.html", "Lid gewist", v);
}

}  // namespace tafel::web
