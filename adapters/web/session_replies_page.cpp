#include "adapters/web/session_replies_page.hpp"

#include "adapters/pages/page_common.hpp"
#include "adapters/pages/pages_setup.hpp"
#include "adapters/web/beheer_parts.hpp"
#include "adapters/web/login.hpp"
#include "engine/outreach/template_renderer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace tafel::web {

namespace {

using outreach::html_escape;

std::optional<std::string> phone_of(const Invitee& p) { return p.mobile ? p.mobile : p.landline; }

std::vector<const Invitee*> not_answered(const SessionReplies& r) {
  std::vector<const Invitee*> out;
  for (const auto& p : r.invitees)
    if (p.rsvp == "invited") out.push_back(&p);
  return out;
}

// A CSV cell: quoted, quotes doubled; a leading = + - @ (a formula in a spreadsheet) gets a '.
std::string csv_cell(std::string_view text, bool guard_formula) {
  std::string out = "\"";
  if (guard_formula && !text.empty() &&
      std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
    out += '\'';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string person_item(const Invitee& p) {
  return fmt::format("<li><a href=\"/beheer/leden/{}\">{}</a>, {}</li>\n", p.member_id,
                     html_escape(p.name), html_escape(p.company));
}

std::string groups_html(const SessionReplies& r) {
  std::string out;
  for (const auto& [status, title] :
       {std::pair{"accepted", "Komt"}, std::pair{"tentative", "Misschien"},
        std::pair{"offered", "Plek aangeboden"}, std::pair{"declined", "Komt niet"},
        std::pair{"lapsed", "Aanbod verlopen"}, std::pair{"invited", "Nog geen antwoord"}}) {
    std::string items;
    int n = 0;
    for (const auto& p : r.invitees)
      if (p.rsvp == status) {
        items += person_item(p);
        ++n;
      }
    out += fmt::format("<h3>{} ({})</h3>\n", title, n);
    out += n == 0 ? std::string("<p class=\"klein\">Niemand.</p>\n") : "<ul>\n" + items + "</ul>\n";
  }
  return out;
}

std::string waitlist_html(const SessionReplies& r) {
  if (r.waitlist.empty()) return "<p>De wachtlijst is leeg.</p>\n";
  std::string out = "<ol>\n";
  for (const auto& w : r.waitlist)
    out += fmt::format("<li><a href=\"/beheer/leden/{}\">{}</a>, {}</li>\n", w.member_id,
                       html_escape(w.name), html_escape(w.company));
  return out + "</ol>\n";
}

std::string quorum_html(const SessionReplies& r, const std::string& csrf) {
  if (!r.quorum) return "<p>Geen waarschuwing: er is (nog) geen tekort aan aanmeldingen.</p>\n";
  const auto& q = *r.quorum;
  const std::string proposal = fmt::format("/beheer/voorstellen/{}", r.session.proposal_id);
  std::string out = fmt::format("<div class=\"fout\" role=\"alert\"><p>{}</p></div>\n<ul>\n",
                                html_escape(q.detail));
  for (const auto& o : q.options) {
    if (o == "invite_from_waitlist")
      out += fmt::format(
          "<li>Reserves uitnodigen: {} op de wachtlijst (zie hieronder); uitnodigen kan nog niet "
          "vanuit deze pagina.</li>\n",
          q.reserves);
    else if (o == "merge")
      out += fmt::format(
          "<li><a href=\"{}\">Samenvoegen met een andere tafel</a> (in voorstel "
          "{})</li>\n",
          proposal, r.session.proposal_id);
    else if (o == "move")
      out += fmt::format(
          "<li><a href=\"{}\">Verplaatsen naar een ander moment</a> (in voorstel "
          "{})</li>\n",
          proposal, r.session.proposal_id);
    else if (o == "cancel")
      out += "<li>Afgelasten: kan nog niet vanuit deze pagina.</li>\n";
  }
  out += fmt::format(
      "</ul>\n<form method=\"post\" action=\"/beheer/meldingen/{}/afhandelen\">\n"
      "<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n"
      "<button type=\"submit\" class=\"tweede\">Waarschuwing afgehandeld</button>\n</form>\n",
      q.item_id, html_escape(csrf));
  return out;
}

std::string call_list_html(const SessionReplies& r) {
  const auto people = not_answered(r);
  if (people.empty()) return "<p>Iedereen heeft geantwoord.</p>\n";
  std::string out =
      "<div class=\"tabel\"><table>\n<thead><tr><th scope=\"col\">Naam</th>"
      "<th scope=\"col\">Bedrijf</th><th scope=\"col\">Telefoon</th></tr></thead>\n<tbody>\n";
  for (const Invitee* p : people) {
    const auto phone = phone_of(*p);
    out +=
        fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_escape(p->name),
                    html_escape(p->company),
                    phone ? fmt::format("<a href=\"tel:{0}\">{0}</a>", html_escape(*phone)) : "—");
  }
  return out + fmt::format(
                   "</tbody>\n</table></div>\n<p><a href=\"/beheer/sessies/{}/"
                   "belijst.csv\" download>Belijst downloaden (CSV)</a></p>\n",
                   r.session.id);
}

std::string session_html(const SessionHeader& s) {
  const LocalTime start{s.start_utc, s.start_offset};
  const auto row = [](std::string_view term, const std::string& value) {
    return fmt::format("<dt>{}</dt><dd>{}</dd>\n", term, html_escape(value));
  };
  std::string out = "<dl>\n";
  out += row("Sector", s.sector);
  out += row("Wanneer", pages::date_text(start) + " " + pages::clock_text(start));
  out += row("Waar", s.venue);
  out += row("Netwerk", s.network);
  out += row("Facilitator", s.facilitator);
  out += row("Status", s.status == "approved"    ? "goedgekeurd"
                       : s.status == "cancelled" ? "afgelast"
                       : s.status == "held"      ? "gehouden"
                                                 : "voorgesteld");
  return out + "</dl>\n";
}

// The replies of the session in the request, if it exists and is in scope.
std::optional<SessionReplies> replies_for(const WebSetup& setup, SQLite::Database& db,
                                          const Account& account, const http::Request& request) {
  const auto id = path_id(request);
  if (!id) return std::nullopt;
  const auto header = find_session_header(db, *id);
  if (!header || !session_in_scope(account, *header)) return std::nullopt;
  return load_session_replies(db, planning_of(setup), *id);
}

}  // namespace

std::string funnel_svg(int invited, int answered, int accepted) {
  constexpr int kWidth = 320;
  constexpr int kLabel = 110;
  constexpr int kBar = kWidth - kLabel - 40;
  const int top = std::max(invited, 1);
  std::string bars;
  int y = 0;
  for (const auto& [label, n, colour] :
       {std::tuple{"Uitgenodigd", invited, "#9bbbd4"},
        std::tuple{"Geantwoord", answered, "#4f86b0"}, std::tuple{"Komt", accepted, "#1f5f8b"}}) {
    const int w = n <= 0 ? 0 : std::max(2, kBar * n / top);
    bars += fmt::format(
        "<text x=\"0\" y=\"{0}\" font-size=\"13\" fill=\"#1b1b1b\">{1}</text>"
        "<rect x=\"{2}\" y=\"{3}\" width=\"{4}\" height=\"18\" fill=\"{5}\"/>"
        "<text x=\"{6}\" y=\"{0}\" font-size=\"13\" fill=\"#1b1b1b\">{7}</text>\n",
        y + 14, label, kLabel, y + 1, w, colour, kLabel + w + 6, n);
    y += 26;
  }
  return fmt::format(
      "<svg role=\"img\" aria-labelledby=\"trechter-titel\" viewBox=\"0 0 {0} {1}\" width=\"100%\" "
      "height=\"{1}\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"trechter-titel\">"
      "Uitgenodigd {2}, geantwoord {3}, komt {4}</title>\n{5}</svg>\n",
      kWidth, y, invited, answered, accepted, bars);
}

std::string call_list_csv(const SessionReplies& replies) {
  std::string out = "\xEF\xBB\xBFnaam;bedrijf;telefoon\r\n";
  for (const Invitee* p : not_answered(replies))
    out += fmt::format("{};{};{}\r\n", csv_cell(p->name, true), csv_cell(p->company, true),
                       csv_cell(phone_of(*p).value_or(""), false));
  return out;
}

http::Response handle_session_replies_get(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto r = replies_for(setup, *db, who->account, request);
  if (!r) return not_found_page(setup);
  pages::PageValues v;
  v.html("menu", menu_html(*who))
      .text("sessie", std::to_string(r->session.id))
      .html("gegevens", session_html(r->session))
      .html("trechter", funnel_svg(r->invited, r->answered, r->accepted))
      .html("groepen", groups_html(*r))
      .html("wachtlijst", waitlist_html(*r))
      .html("quorum", quorum_html(*r, who->csrf))
      .html("belijst", call_list_html(*r));
  return setup.templates.respond(200, "antwoorden.html", "Antwoorden", v);
}

http::Response handle_call_list_csv(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, true);
  if (!who) return redirect_to("/inloggen");
  const auto r = replies_for(setup, *db, who->account, request);
  if (!r) return not_found_page(setup);
  http::Response out;
  out.status = 200;
  out.body = call_list_csv(*r);
  out.set_header("Content-Type", "text/csv; charset=utf-8");
  out.set_header("Content-Disposition",
                 fmt::format("attachment; filename=\"belijst-tafel-{}.csv\"", r->session.id));
  out.set_header("Cache-Control", "no-store");
  return out;
}

http::Response handle_api_session_replies(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, true);
  if (!who) return api_unauthorized();
  const auto r = replies_for(setup, *db, who->account, request);
  if (!r) return api_not_found();
  const auto opt = [](const std::optional<std::string>& s) {
    return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
  };
  nlohmann::json invitees = nlohmann::json::array();
  for (const auto& p : r->invitees)
    invitees.push_back({{"member_id", p.member_id},
                        {"name", p.name},
                        {"company", p.company},
                        {"rsvp", p.rsvp},
                        {"rsvp_at", opt(p.rsvp_at)},
                        {"rsvp_channel", opt(p.rsvp_channel)}});
  nlohmann::json waitlist = nlohmann::json::array();
  for (const auto& w : r->waitlist)
    waitlist.push_back({{"member_id", w.member_id}, {"name", w.name}, {"company", w.company}});
  nlohmann::json calls = nlohmann::json::array();
  for (const Invitee* p : not_answered(*r))
    calls.push_back({{"member_id", p->member_id},
                     {"name", p->name},
                     {"company", p->company},
                     {"phone", opt(phone_of(*p))}});
  nlohmann::json quorum = nullptr;
  if (r->quorum)
    quorum = {{"item_id", r->quorum->item_id},
              {"detail", r->quorum->detail},
              {"reserves", r->quorum->reserves},
              {"options", r->quorum->options},
              {"proposal_id", r->session.proposal_id}};
  const auto& s = r->session;
  nlohmann::json session{{"id", s.id},
                         {"proposal_id", s.proposal_id},
                         {"network_id", s.network_id},
                         {"network", s.network},
                         {"facilitator_id", s.facilitator_id},
                         {"start_utc", s.start_utc},
                         {"sector", s.sector},
                         {"venue", s.venue},
                         {"status", s.status}};
  return http::json_response(
      200,
      nlohmann::json{
          {"session", std::move(session)},
          {"counts",
           {{"invited", r->invited}, {"answered", r->answered}, {"accepted", r->accepted}}},
          {"invitees", std::move(invitees)},
          {"waitlist", std::move(waitlist)},
          {"quorum", std::move(quorum)},
          {"call_list", std::move(calls)}}
          .dump());
}

}  // namespace tafel::web
