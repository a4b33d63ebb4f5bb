#include "adapters/pages/rsvp_page.hpp"

#include "adapters/pages/form_guard.hpp"
#include "adapters/pages/page_common.hpp"
#include "adapters/replies/record_answer.hpp"
#include "engine/outreach/message_facts.hpp"

#include <fmt/format.h>

#include <optional>

namespace tafel::pages {

namespace {

struct RsvpView {
  std::int64_t invitation_id = 0;
  std::string rsvp;
  std::string case_text;
  LocalTime start, end;
  bool closed = false;
  std::string room, theme, venue, address, network;
};

std::optional<RsvpView> load_view(SQLite::Database& db, std::int64_t invitation_id,
                                  std::int64_t now) {
  SQLite::Statement q(
      db,
      "SELECT i.rsvp, COALESCE(i.case_text, ''), s.start_utc, s.start_offset, s.end_utc, "
      "s.end_offset, s.status, p.status, s.room, CASE WHEN s.theme <> '' THEN s.theme ELSE "
      "p.theme END, v.name, v.address, CASE WHEN n.sender_name <> '' THEN n.sender_name ELSE "
      "n.name END FROM invitations i JOIN sessions s ON s.id = i.session_id "
      "JOIN proposals p ON p.id = s.proposal_id JOIN venues v ON v.id = s.venue_id "
      "JOIN networks n ON n.id = p.network_id WHERE i.id = ?");
  q.bind(1, invitation_id);
  if (!q.executeStep()) return std::nullopt;
  RsvpView v;
  v.invitation_id = invitation_id;
  v.rsvp = q.getColumn(0).getString();
  v.case_text = q.getColumn(1).getString();
  v.start = {q.getColumn(2).getInt64(), q.getColumn(3).getInt()};
  v.end = {q.getColumn(4).getInt64(), q.getColumn(5).getInt()};
  v.closed = now >= v.start.utc_seconds || q.getColumn(6).getString() != "approved" ||
             q.getColumn(7).getString() != "approved";
  v.room = q.getColumn(8).getString();
  v.theme = q.getColumn(9).getString();
  v.venue = q.getColumn(10).getString();
  v.address = q.getColumn(11).getString();
  v.network = q.getColumn(12).getString();
  return v;
}

std::string current_answer_text(const std::string& rsvp) {
  if (rsvp == "accepted") return "Je antwoord nu: je komt.";
  if (rsvp == "tentative") return "Je antwoord nu: misschien.";
  if (rsvp == "declined") return "Je antwoord nu: je kunt niet.";
  if (rsvp == "waitlisted")
    return "Je staat op de wachtlijst: de tafel is vol. We laten het je weten als er een plek "
           "vrijkomt.";
  if (rsvp == "offered") return "Er is een plek voor je vrij. Kies ‘Ik kom’ om hem te nemen.";
  if (rsvp == "lapsed") return "Je hebt nog niet geantwoord; je kunt nog steeds antwoorden.";
  return "Je hebt nog niet geantwoord.";
}

std::string path_of(std::string_view token) { return fmt::format("/r/{}", token); }

http::Response show_form(const PagesSetup& setup, const RsvpView& v, std::string_view token,
                         int status, std::string_view error, std::string_view case_text) {
  PageValues p;
  p.text("netwerk", v.network)
      .text("datum", date_text(v.start))
      .text("begintijd", clock_text(v.start))
      .text("eindtijd", clock_text(v.end))
      .text("duur", outreach::dutch_duration(minutes_between(v.start, v.end)))
      .text("locatie", v.venue)
      .text("adres", v.address)
      .text("zaal", v.room.empty() ? std::string() : fmt::format("(zaal {})", v.room))
      .text("thema", v.theme.empty() ? std::string("goed werkgeverschap") : v.theme)
      .text("huidig", current_answer_text(v.rsvp))
      .text("casus", case_text)
      .text("casus_max", std::to_string(kMaxCaseChars))
      .html("fout", error.empty() ? std::string()
                                  : fmt::format("<p class=\"fout\" role=\"alert\">{}</p>",
                                                outreach::html_escape(error)))
      .text("actie", path_of(token))
      .text("controle", form_check(setup.link_key, token));
  return setup.templates.respond(status, "antwoord.html", "Praktijktafel: kom je?", p);
}

http::Response show_closed(const PagesSetup& setup, const RsvpView& v) {
  PageValues p;
  p.text("datum", date_text(v.start))
      .text("begintijd", clock_text(v.start))
      .text("locatie", v.venue)
      .text("huidig", current_answer_text(v.rsvp));
  return setup.templates.respond(200, "antwoord_gesloten.html", "Antwoorden gesloten", p);
}

http::Response show_received(const PagesSetup& setup, const RsvpView& v, std::string_view token) {
  PageValues p;
  p.text("antwoord", current_answer_text(v.rsvp))
      .text("datum", date_text(v.start))
      .text("begintijd", clock_text(v.start))
      .text("locatie", v.venue)
      .text("terug", path_of(token));
  return setup.templates.respond(200, "antwoord_ontvangen.html", "Antwoord ontvangen", p);
}

}  // namespace

http::Response handle_rsvp_get(const PagesSetup& setup, const http::Request& request) {
  const auto token = route_token(request);
  auto db = open_page_db(setup.database);
  const auto claims = verify_for(setup, token, {links::Purpose::rsvp});
  if (!claims) return gone_for(setup, *db, path_of(token), token, claims.error());
  const auto view = load_view(*db, claims->subject, setup.now());
  if (!view) return gone_response(setup, path_of(token), token, false);
  if (view->closed) return show_closed(setup, *view);
  if (request.query == "ontvangen=1") return show_received(setup, *view, token);
  return show_form(setup, *view, token, 200, "", view->case_text);
}

http::Response handle_rsvp_post(const PagesSetup& setup, const http::Request& request) {
  const auto token = route_token(request);
  auto db = open_page_db(setup.database);
  const auto claims = verify_for(setup, token, {links::Purpose::rsvp});
  if (!claims)
    return handle_fresh_link_post(setup, *db, path_of(token), token, claims.error(), request);
  const auto view = load_view(*db, claims->subject, setup.now());
  if (!view) return gone_response(setup, path_of(token), token, false);
  if (view->closed) return show_closed(setup, *view);

  const auto form = form_of(request);
  if (!form)
    return show_form(setup, *view, token, 400,
                     "Het formulier kwam niet goed aan. Probeer het opnieuw.", view->case_text);
  const std::string case_text = trim_text(form->get("casus").value_or(""));
  if (!form_check_ok(setup.link_key, token, form->get(kCheckField).value_or("")))
    return show_form(setup, *view, token, 403,
                     "Het formulier is niet compleet (veld ‘controle’ ontbreekt of klopt niet). "
                     "Probeer het opnieuw vanaf deze pagina.",
                     case_text);
  if (utf8_length(case_text) > kMaxCaseChars)
    return show_form(setup, *view, token, 422,
                     fmt::format("Het veld ‘casus’ is te lang: hoogstens {} tekens, het zijn er nu "
                                 "{}. Maak je beschrijving korter.",
                                 kMaxCaseChars, utf8_length(case_text)),
                     case_text);
  const auto answer = form->get("antwoord").value_or("");
  std::optional<rsvp::Reply> reply;
  if (answer == "ja") reply = rsvp::Reply::accept;
  if (answer == "nee") reply = rsvp::Reply::decline;
  if (answer == "misschien") reply = rsvp::Reply::tentative;
  if (!reply)
    return show_form(setup, *view, token, 422,
                     "Kies bij het veld ‘antwoord’: Ik kom, Kan niet of Misschien.", case_text);

  const replies::ReplyContext ctx{setup.config, setup.zone, setup.messages, setup.link_key};
  replies::AnswerInput in;
  in.invitation_id = view->invitation_id;
  in.reply = *reply;
  in.source = replies::Source::web;
  in.at_utc = setup.now();
  in.case_text = case_text;
  SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
  const auto applied = replies::record_answer(*db, ctx, in);
  if (!applied) throw std::runtime_error(applied.error());  // the Router answers 500
  tx.commit();
  if (applied->refused) {
    const auto now_view = load_view(*db, claims->subject, setup.now());
    return show_closed(setup, now_view ? *now_view : *view);
  }
  return see_other(fmt::format("{}?ontvangen=1", path_of(token)));
}

}  // namespace tafel::pages
