#include "adapters/pages/page_common.hpp"

#include "adapters/pages/form_guard.hpp"
#include "adapters/pages/fresh_link.hpp"
#include "engine/outreach/message_facts.hpp"

#include <fmt/format.h>

namespace tafel::pages {

std::unique_ptr<SQLite::Database> open_page_db(const std::filesystem::path& database) {
  auto db = std::make_unique<SQLite::Database>(database.string(), SQLite::OPEN_READWRITE);
  db->setBusyTimeout(5000);
  db->exec("PRAGMA foreign_keys = ON");
  return db;
}

std::string_view route_token(const http::Request& request) {
  const auto it = request.params.find("token");
  return it == request.params.end() ? std::string_view() : std::string_view(it->second);
}

std::expected<links::LinkClaims, links::LinkFailure> verify_for(
    const PagesSetup& setup, std::string_view token,
    std::initializer_list<links::Purpose> purposes) {
  auto claims = links::verify_link(setup.link_key, token, setup.now());
  const links::Purpose purpose = claims ? claims->purpose : claims.error().claims.purpose;
  if (!claims && claims.error().error == links::LinkError::bad) return claims;
  bool allowed = false;
  for (auto p : purposes) allowed = allowed || p == purpose;
  if (!allowed) return std::unexpected(links::LinkFailure{});
  return claims;
}

std::string clock_text(LocalTime t) {
  const int m = t.local_minute_of_day();
  return fmt::format("{:02}:{:02}", m / 60, m % 60);
}

std::string date_text(LocalTime t) { return outreach::dutch_long_date(t.local_date()); }

http::Response gone_response(const PagesSetup& setup, std::string_view path, std::string_view token,
                             bool offer_fresh_link) {
  PageValues v;
  if (!offer_fresh_link) return setup.templates.respond(410, "ongeldig.html", "Link werkt niet", v);
  v.text("actie", path).text("controle", form_check(setup.link_key, token));
  return setup.templates.respond(410, "verlopen.html", "Link verlopen", v);
}

std::optional<FormBody> form_of(const http::Request& request) {
  const auto type = request.header("Content-Type");
  if (!type || !is_form_content_type(*type)) return std::nullopt;
  auto form = parse_form(request.body);
  if (!form) return std::nullopt;
  return std::move(*form);
}

http::Response see_other(std::string location) {
  http::Response r;
  r.status = 303;
  r.set_header("Location", std::move(location));
  r.set_header("Content-Type", "text/plain; charset=utf-8");
  r.body = "Zie de volgende pagina.\n";
  return r;
}

std::string trim_text(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(kSpace);
  return std::string(s.substr(first, last - first + 1));
}

// The answers for an expired or bad token (GET shows, POST may ask for a fresh link).
http::Response gone_for(const PagesSetup& setup, SQLite::Database& db, std::string_view path,
                        std::string_view token, const links::LinkFailure& failure) {
  const bool offer = failure.error == links::LinkError::expired &&
                     fresh_link_useful(db, failure.claims, setup.now());
  return gone_response(setup, path, token, offer);
}

// Handles the 410 page's form: a fresh link when the token is genuine, expired and the check
// field matches; otherwise the 410 page again. Shared by the RSVP and poll routes.
http::Response handle_fresh_link_post(const PagesSetup& setup, SQLite::Database& db,
                                      std::string_view path, std::string_view token,
                                      const links::LinkFailure& failure,
                                      const http::Request& request) {
  const auto form = form_of(request);
  const bool asked = form && form->get("actie") == std::optional<std::string_view>("nieuwe_link");
  const bool checked =
      form && form_check_ok(setup.link_key, token, form->get(kCheckField).value_or(""));
  if (failure.error != links::LinkError::expired || !asked || !checked) {
    const bool offer = failure.error == links::LinkError::expired &&
                       fresh_link_useful(db, failure.claims, setup.now());
    return gone_response(setup, path, token, offer);
  }
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  const auto outcome = enqueue_fresh_link(db, setup, failure.claims, setup.now());
  tx.commit();
  if (outcome == FreshLink::not_useful) return gone_response(setup, path, token, false);
  // The same page whether or not a channel was known or a link already went out this hour.
  return setup.templates.respond(200, "nieuwe_link_verstuurd.html", "Nieuwe link", PageValues{});
}

}  // namespace tafel::pages
