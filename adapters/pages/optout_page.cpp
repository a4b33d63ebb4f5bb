#include "adapters/pages/optout_page.hpp"

#include "adapters/pages/form_guard.hpp"
#include "adapters/pages/page_common.hpp"
#include "adapters/replies/record_answer.hpp"

#include <fmt/format.h>

#include <optional>

namespace tafel::pages {

namespace {

struct MemberView {
  std::int64_t id = 0;
  std::string network;
  bool has_email = false;
  bool has_whatsapp = false;
};

std::optional<MemberView> load_member(SQLite::Database& db, std::int64_t member_id) {
  SQLite::Statement q(db,
                      "SELECT CASE WHEN n.sender_name <> '' THEN n.sender_name ELSE n.name END, "
                      "COALESCE(m.email, '') <> '', COALESCE(m.mobile, '') <> '' FROM members m "
                      "JOIN networks n ON n.id = m.network_id WHERE m.id = ?");
  q.bind(1, member_id);
  if (!q.executeStep()) return std::nullopt;
  return MemberView{member_id, q.getColumn(0).getString(), q.getColumn(1).getInt() == 1,
                    q.getColumn(2).getInt() == 1};
}

std::string path_of(std::string_view token) { return fmt::format("/afmelden/{}", token); }

http::Response show_form(const PagesSetup& setup, const MemberView& m, std::string_view token,
                         int status, std::string_view error) {
  PageValues p;
  p.text("netwerk", m.network)
      .html("fout", error.empty() ? std::string()
                                  : fmt::format("<p class=\"fout\" role=\"alert\">{}</p>",
                                                outreach::html_escape(error)))
      .text("actie", path_of(token))
      .text("controle", form_check(setup.link_key, token));
  return setup.templates.respond(status, "afmelden.html", "Afmelden", p);
}

http::Response show_done(const PagesSetup& setup, rsvp::Channels withdrawn) {
  std::string text;
  if (withdrawn == rsvp::kAllChannels)
    text = "Je krijgt geen berichten meer over praktijktafels, per e-mail noch per WhatsApp.";
  else if (withdrawn == rsvp::bit(rsvp::Channel::email))
    text = "Je krijgt geen e-mails meer over praktijktafels.";
  else
    text = "Je krijgt geen WhatsApp-berichten meer over praktijktafels.";
  PageValues p;
  p.text("kanalen", text);
  return setup.templates.respond(200, "afgemeld.html", "Afgemeld", p);
}

http::Response withdraw(const PagesSetup& setup, SQLite::Database& db, const MemberView& m,
                        rsvp::Channels withdrawn) {
  replies::OptOutInput in;
  in.member_id = m.id;
  in.withdrawn = withdrawn;
  // The confirmation goes out on a withdrawn channel the person has, email first.
  const bool email = (withdrawn & rsvp::bit(rsvp::Channel::email)) != 0 && m.has_email;
  in.via = email || !m.has_whatsapp ? rsvp::Channel::email : rsvp::Channel::whatsapp;
  if (withdrawn == rsvp::bit(rsvp::Channel::whatsapp)) in.via = rsvp::Channel::whatsapp;
  in.source = replies::Source::web;
  in.at_utc = setup.now();
  const replies::ReplyContext ctx{setup.config, setup.zone, setup.messages, setup.link_key};
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  const auto applied = replies::record_opt_out(db, ctx, in);
  if (!applied) throw std::runtime_error(applied.error());  // the Router answers 500
  tx.commit();
  return show_done(setup, withdrawn);
}

}  // namespace

bool is_one_click(const http::Request& request) {
  const auto type = request.header("Content-Type").value_or("");
  if (is_form_content_type(type)) {
    const auto form = parse_form(request.body);
    return form && form->get("List-Unsubscribe") == std::optional<std::string_view>("One-Click");
  }
  // multipart/form-data: one part named List-Unsubscribe whose content is One-Click.
  std::string lower(type.substr(0, 19));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower != "multipart/form-data") return false;
  const auto name = request.body.find("name=\"List-Unsubscribe\"");
  if (name == std::string::npos) return false;
  const auto blank = request.body.find("\r\n\r\n", name);
  return blank != std::string::npos &&
         std::string_view(request.body).substr(blank + 4).starts_with("One-Click");
}

http::Response handle_optout_get(const PagesSetup& setup, const http::Request& request) {
  const auto token = route_token(request);
  const auto claims =
      verify_for(setup, token, {links::Purpose::optout, links::Purpose::unsubscribe});
  if (!claims) return gone_response(setup, path_of(token), token, false);
  auto db = open_page_db(setup.database);
  const auto member = load_member(*db, claims->subject);
  if (!member) return gone_response(setup, path_of(token), token, false);
  return show_form(setup, *member, token, 200, "");
}

http::Response handle_optout_post(const PagesSetup& setup, const http::Request& request) {
  const auto token = route_token(request);
  const auto claims =
      verify_for(setup, token, {links::Purpose::optout, links::Purpose::unsubscribe});
  if (!claims) return gone_response(setup, path_of(token), token, false);
  auto db = open_page_db(setup.database);
  const auto member = load_member(*db, claims->subject);
  if (!member) return gone_response(setup, path_of(token), token, false);

  if (is_one_click(request)) return withdraw(setup, *db, *member, rsvp::bit(rsvp::Channel::email));

  const auto form = form_of(request);
  if (!form)
    return show_form(setup, *member, token, 400,
                     "Het formulier kwam niet goed aan. Probeer het opnieuw.");
  if (!form_check_ok(setup.link_key, token, form->get(kCheckField).value_or("")))
    return show_form(setup, *member, token, 403,
                     "Het formulier is niet compleet (veld ‘controle’ ontbreekt of klopt niet). "
                     "Probeer het opnieuw vanaf deze pagina.");
  const auto channel = form->get("kanaal").value_or("");
  rsvp::Channels withdrawn = rsvp::kNoChannels;
  if (channel == "alles") withdrawn = rsvp::kAllChannels;
  if (channel == "email") withdrawn = rsvp::bit(rsvp::Channel::email);
  if (channel == "whatsapp") withdrawn = rsvp::bit(rsvp::Channel::whatsapp);
  if (withdrawn == rsvp::kNoChannels)
    return show_form(setup, *member, token, 422,
                     "Kies bij het veld ‘kanaal’: alle berichten, alleen e-mail of alleen "
                     "WhatsApp.");
  return withdraw(setup, *db, *member, withdrawn);
}

}  // namespace tafel::pages
