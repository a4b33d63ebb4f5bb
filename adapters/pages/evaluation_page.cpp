#include "adapters/pages/evaluation_page.hpp"

#include "adapters/pages/builtin_pages.hpp"
#include "adapters/pages/form_guard.hpp"
#include "adapters/pages/page_common.hpp"
#include "adapters/store/sessions_store.hpp"

#include <fmt/format.h>

#include <optional>

namespace tafel::pages {

namespace {

struct EvaluationView {
  std::int64_t session_id = 0;
  std::int64_t member_id = 0;
  LocalTime start;
  std::string venue, network;
  bool held = false;
  bool came = false;
  bool answered = false;
};

std::optional<EvaluationView> load_view(SQLite::Database& db, std::int64_t invitation_id) {
  SQLite::Statement q(
      db,
      "SELECT i.session_id, i.member_id, s.start_utc, s.start_offset, v.name, CASE WHEN "
      "n.sender_name <> '' THEN n.sender_name ELSE n.name END, s.status, "
      "EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = i.session_id AND a.member_id = "
      "i.member_id AND a.status = 'came'), "
      "EXISTS (SELECT 1 FROM evaluation_responses e WHERE e.session_id = i.session_id AND "
      "e.member_id = i.member_id) "
      "FROM invitations i JOIN sessions s ON s.id = i.session_id "
      "JOIN proposals p ON p.id = s.proposal_id JOIN venues v ON v.id = s.venue_id "
      "JOIN networks n ON n.id = p.network_id WHERE i.id = ?");
  q.bind(1, invitation_id);
  if (!q.executeStep()) return std::nullopt;
  EvaluationView v;
  v.session_id = q.getColumn(0).getInt64();
  v.member_id = q.getColumn(1).getInt64();
  v.start = {q.getColumn(2).getInt64(), q.getColumn(3).getInt()};
  v.venue = q.getColumn(4).getString();
  v.network = q.getColumn(5).getString();
  v.held = q.getColumn(6).getString() == "held";
  v.came = q.getColumn(7).getInt() != 0;
  v.answered = q.getColumn(8).getInt() != 0;
  return v;
}

std::string path_of(std::string_view token) { return fmt::format("/evaluatie/{}", token); }

http::Response show_form(const PagesSetup& setup, const PageTemplates& pages,
                         const EvaluationView& v, std::string_view token, int status,
                         std::string_view error) {
  PageValues p;
  p.text("netwerk", v.network)
      .text("datum", date_text(v.start))
      .text("begintijd", clock_text(v.start))
      .text("locatie", v.venue)
      .html("fout", error.empty() ? std::string()
                                  : fmt::format("<p class=\"fout\" role=\"alert\">{}</p>",
                                                outreach::html_escape(error)))
      .text("actie", path_of(token))
      .text("controle", form_check(setup.link_key, token));
  return pages.respond(status, "evaluatie.html", "Hoe was de praktijktafel?", p);
}

http::Response show_received(const PageTemplates& pages, const EvaluationView& v) {
  PageValues p;
  p.text("netwerk", v.network).text("datum", date_text(v.start));
  return pages.respond(200, "evaluatie_ontvangen.html", "Bedankt voor je antwoord", p);
}

http::Response show_closed(const PageTemplates& pages, const EvaluationView& v) {
  PageValues p;
  p.text("datum", date_text(v.start)).text("locatie", v.venue);
  return pages.respond(200, "evaluatie_gesloten.html", "Evaluatie", p);
}

// The view of a valid token, or the 410 answer.
std::expected<EvaluationView, http::Response> view_for(const PagesSetup& setup,
                                                       SQLite::Database& db,
                                                       std::string_view token) {
  const auto claims = verify_for(setup, token, {links::Purpose::evaluation});
  if (!claims) return std::unexpected(gone_response(setup, path_of(token), token, false));
  auto view = load_view(db, claims->subject);
  if (!view || !view->held)
    return std::unexpected(gone_response(setup, path_of(token), token, false));
  return std::move(*view);
}

}  // namespace

const PageCatalogue& evaluation_pages() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> specs = {
      {"opmaak.html", {"titel", "inhoud"}},
      {"evaluatie.html", {"netwerk", "datum", "begintijd", "locatie", "fout", "actie", "controle"}},
      {"evaluatie_ontvangen.html", {"netwerk", "datum"}},
      {"evaluatie_gesloten.html", {"datum", "locatie"}},
  };
  static const PageCatalogue catalogue{specs, builtin_pages()};
  return catalogue;
}

http::Response handle_evaluation_get(const PagesSetup& setup, const PageTemplates& pages,
                                     const http::Request& request) {
  const auto token = route_token(request);
  auto db = open_page_db(setup.database);
  auto view = view_for(setup, *db, token);
  if (!view) return std::move(view.error());
  if (view->answered) return show_received(pages, *view);
  if (!view->came) return show_closed(pages, *view);
  return show_form(setup, pages, *view, token, 200, "");
}

http::Response handle_evaluation_post(const PagesSetup& setup, const PageTemplates& pages,
                                      const http::Request& request) {
  const auto token = route_token(request);
  auto db = open_page_db(setup.database);
  auto view = view_for(setup, *db, token);
  if (!view) return std::move(view.error());
  if (view->answered) return show_received(pages, *view);
  if (!view->came) return show_closed(pages, *view);
  const auto form = form_of(request);
  if (!form)
    return show_form(setup, pages, *view, token, 400,
                     "Het formulier kwam niet goed aan. Probeer het opnieuw.");
  if (!form_check_ok(setup.link_key, token, form->get(kCheckField).value_or("")))
    return show_form(setup, pages, *view, token, 403,
                     "Het formulier is niet compleet (veld ‘controle’ ontbreekt of klopt niet). "
                     "Probeer het opnieuw vanaf deze pagina.");
  const std::string cijfer = trim_text(form->get("cijfer").value_or(""));
  if (cijfer.size() != 1 || cijfer[0] < '1' || cijfer[0] > '5')
    return show_form(setup, pages, *view, token, 422,
                     "Kies bij het veld ‘cijfer’ een cijfer van 1 tot en met 5.");
  SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
  const auto stored =
      add_evaluation_answer(*db, view->session_id, view->member_id, cijfer[0] - '0', "");
  if (!stored) {
    // Answered meanwhile (another tab): the answer that came first counts.
    if (stored.error().kind == SessionStoreError::Kind::conflict)
      return show_received(pages, *view);
    return show_closed(pages, *view);
  }
  tx.commit();
  return see_other(fmt::format("{}?ontvangen=1", path_of(token)));
}

}  // namespace tafel::pages
