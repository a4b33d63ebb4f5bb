#include "adapters/pages/poll_page.hpp"

#include "adapters/pages/form_guard.hpp"
#include "adapters/pages/page_common.hpp"
#include "adapters/pages/poll_moments.hpp"
#include "adapters/store/store.hpp"

#include <fmt/format.h>

#include <charconv>
#include <optional>
#include <set>

namespace tafel::pages {

namespace {

struct PollView {
  std::int64_t poll_id = 0;
  std::int64_t member_id = 0;
  std::int64_t network_id = 0;
  Date from, to;
  std::string theme, network;
  bool open = false;
  std::vector<PollMoment> moments;
  std::vector<PollEvent> events;
  LocalTime period_start, period_end;
};

std::optional<PollView> load_view(const PagesSetup& setup, SQLite::Database& db,
                                  std::int64_t poll_id) {
  SQLite::Statement q(db,
                      "SELECT pi.member_id, r.network_id, r.period_from, r.period_to, r.theme, "
                      "r.status, CASE WHEN n.sender_name <> '' THEN n.sender_name ELSE n.name "
                      "END FROM poll_invitations pi JOIN planning_rounds r ON r.id = pi.round_id "
                      "JOIN networks n ON n.id = r.network_id WHERE pi.id = ?");
  q.bind(1, poll_id);
  if (!q.executeStep()) return std::nullopt;
  PollView v;
  v.poll_id = poll_id;
  v.member_id = q.getColumn(0).getInt64();
  v.network_id = q.getColumn(1).getInt64();
  const auto from = parse_date(q.getColumn(2).getString());
  const auto to = parse_date(q.getColumn(3).getString());
  if (!from || !to) return std::nullopt;
  v.from = *from;
  v.to = *to;
  v.theme = q.getColumn(4).getString();
  const std::string status = q.getColumn(5).getString();
  v.open = status == "open" || status == "polling";
  v.network = q.getColumn(6).getString();
  v.period_start = setup.zone.from_local(v.from, 0, 0);
  v.period_end = setup.zone.from_local(add_days(v.to, 1), 0, 0);
  if (v.open) {
    v.moments = poll_moments(db, setup.config, setup.zone, v.network_id, v.from, v.to);
    v.events = poll_events(db, setup.zone, v.network_id, setup.now(), v.to);
  }
  return v;
}

std::string path_of(std::string_view token) { return fmt::format("/peiling/{}", token); }

// The person's current poll answer: ticked moment ids and event ids.
struct Ticks {
  std::set<std::string> moments;
  std::set<std::int64_t> events;
};

Ticks current_ticks(SQLite::Database& db, const PollView& v) {
  Ticks t;
  SQLite::Statement a(db,
                      "SELECT start_utc, end_utc FROM availability WHERE member_id = ? AND "
                      "source = 'poll' AND start_utc < ? AND end_utc > ?");
  a.bind(1, v.member_id);
  a.bind(2, v.period_end.utc_seconds);
  a.bind(3, v.period_start.utc_seconds);
  std::vector<std::pair<std::int64_t, std::int64_t>> intervals;
  while (a.executeStep())
    intervals.emplace_back(a.getColumn(0).getInt64(), a.getColumn(1).getInt64());
  for (const auto& m : v.moments)
    for (const auto& [s, e] : intervals)
      if (s <= m.start.utc_seconds && e >= m.end.utc_seconds) t.moments.insert(m.id);
  SQLite::Statement e(db, "SELECT event_id FROM event_attendance WHERE member_id = ?");
  e.bind(1, v.member_id);
  while (e.executeStep()) t.events.insert(e.getColumn(0).getInt64());
  return t;
}

std::string checkbox(std::string_view field, const std::string& value, std::string_view label,
                     bool checked, std::size_t index) {
  const std::string id = fmt::format("{}-{}", field, index);
  return fmt::format(
      "<div class=\"keuze\"><input type=\"checkbox\" id=\"{0}\" name=\"{1}\" value=\"{2}\"{3}>"
      "<label for=\"{0}\">{4}</label></div>\n",
      id, field, outreach::html_escape(value), checked ? " checked" : "",
      outreach::html_escape(label));
}

http::Response show_form(const PagesSetup& setup, const PollView& v, const Ticks& ticks,
                         std::string_view token, int status, std::string_view error) {
  std::string moments;
  for (std::size_t i = 0; i < v.moments.size(); ++i)
    moments += checkbox("moment", v.moments[i].id, v.moments[i].label,
                        ticks.moments.contains(v.moments[i].id), i + 1);
  if (moments.empty()) moments = "<p>Er zijn in deze periode geen momenten voorgesteld.</p>";
  std::string events;
  for (std::size_t i = 0; i < v.events.size(); ++i)
    events += checkbox("bijeenkomst", std::to_string(v.events[i].id), v.events[i].label,
                       ticks.events.contains(v.events[i].id), i + 1);
  if (events.empty()) events = "<p>Er staan geen bijeenkomsten in de agenda.</p>";
  PageValues p;
  p.text("netwerk", v.network)
      .text("thema", v.theme.empty() ? std::string("goed werkgeverschap") : v.theme)
      .text("periode", fmt::format("{} tot en met {}", outreach::dutch_long_date(v.from),
                                   outreach::dutch_long_date(v.to)))
      .html("momenten", moments)
      .html("bijeenkomsten", events)
      .html("fout", error.empty() ? std::string()
                                  : fmt::format("<p class=\"fout\" role=\"alert\">{}</p>",
                                                outreach::html_escape(error)))
      .text("actie", path_of(token))
      .text("controle", form_check(setup.link_key, token));
  return setup.templates.respond(status, "peiling.html", "Wanneer kun je?", p);
}

http::Response show_closed(const PagesSetup& setup, const PollView& v) {
  PageValues p;
  p.text("netwerk", v.network);
  return setup.templates.respond(200, "peiling_gesloten.html", "Peiling gesloten", p);
}

http::Response show_received(const PagesSetup& setup, SQLite::Database& db, const PollView& v,
                             std::string_view token) {
  const Ticks t = current_ticks(db, v);
  std::size_t events = 0;
  for (const auto& e : v.events) events += t.events.contains(e.id) ? 1 : 0;
  PageValues p;
  p.text("momenten", std::to_string(t.moments.size()))
      .text("bijeenkomsten", std::to_string(events))
      .text("terug", path_of(token));
  return setup.templates.respond(200, "peiling_ontvangen.html", "Beschikbaarheid opgeslagen", p);
}

}  // namespace

http::Response handle_poll_get(const PagesSetup& setup, const http::Request& request) {
  const auto token = route_token(request);
  auto db = open_page_db(setup.database);
  const auto claims = verify_for(setup, token, {links::Purpose::poll});
  if (!claims) return gone_for(setup, *db, path_of(token), token, claims.error());
  const auto view = load_view(setup, *db, claims->subject);
  if (!view) return gone_response(setup, path_of(token), token, false);
  if (!view->open) return show_closed(setup, *view);
  if (request.query == "ontvangen=1") return show_received(setup, *db, *view, token);
  return show_form(setup, *view, current_ticks(*db, *view), token, 200, "");
}

http::Response handle_poll_post(const PagesSetup& setup, const http::Request& request) {
  const auto token = route_token(request);
  auto db = open_page_db(setup.database);
  const auto claims = verify_for(setup, token, {links::Purpose::poll});
  if (!claims)
    return handle_fresh_link_post(setup, *db, path_of(token), token, claims.error(), request);
  const auto view = load_view(setup, *db, claims->subject);
  if (!view) return gone_response(setup, path_of(token), token, false);
  if (!view->open) return show_closed(setup, *view);

  const auto form = form_of(request);
  if (!form)
    return show_form(setup, *view, current_ticks(*db, *view), token, 400,
                     "Het formulier kwam niet goed aan. Probeer het opnieuw.");
  // What was ticked, kept when the page is shown again with an error.
  Ticks ticked;
  for (auto m : form->all("moment")) ticked.moments.emplace(m);
  std::vector<std::string> bad_events;
  for (auto e : form->all("bijeenkomst")) {
    std::int64_t id = 0;
    const auto [ptr, ec] = std::from_chars(e.data(), e.data() + e.size(), id);
    if (ec != std::errc() || ptr != e.data() + e.size()) bad_events.emplace_back(e);
    ticked.events.insert(id);
  }
  if (!form_check_ok(setup.link_key, token, form->get(kCheckField).value_or("")))
    return show_form(setup, *view, ticked, token, 403,
                     "Het formulier is niet compleet (veld ‘controle’ ontbreekt of klopt niet). "
                     "Probeer het opnieuw vanaf deze pagina.");
  std::vector<const PollMoment*> moments;
  for (const auto& id : ticked.moments) {
    const PollMoment* found = nullptr;
    for (const auto& m : view->moments)
      if (m.id == id) found = &m;
    if (!found)
      return show_form(setup, *view, ticked, token, 422,
                       "Het veld ‘moment’ bevat een moment dat niet (meer) op deze pagina staat. "
                       "Kies opnieuw.");
    moments.push_back(found);
  }
  std::set<std::int64_t> listed;
  for (const auto& e : view->events) listed.insert(e.id);
  bool events_ok = bad_events.empty();
  for (auto id : ticked.events) events_ok = events_ok && listed.contains(id);
  if (!events_ok)
    return show_form(setup, *view, ticked, token, 422,
                     "Het veld ‘bijeenkomst’ bevat een bijeenkomst die niet (meer) op deze pagina "
                     "staat. Kies opnieuw.");

  const std::string now_iso = now_utc_iso();
  SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement del(*db,
                        "DELETE FROM availability WHERE member_id = ? AND source = 'poll' AND "
                        "start_utc < ? AND end_utc > ?");
  del.bind(1, view->member_id);
  del.bind(2, view->period_end.utc_seconds);
  del.bind(3, view->period_start.utc_seconds);
  del.exec();
  for (const PollMoment* m : moments) {
    SQLite::Statement ins(*db,
                          "INSERT INTO availability (member_id, start_utc, start_offset, end_utc, "
                          "end_offset, source, recorded_at) VALUES (?, ?, ?, ?, ?, 'poll', ?)");
    ins.bind(1, view->member_id);
    ins.bind(2, m->start.utc_seconds);
    ins.bind(3, m->start.offset_seconds);
    ins.bind(4, m->end.utc_seconds);
    ins.bind(5, m->end.offset_seconds);
    ins.bind(6, now_iso);
    ins.exec();
  }
  for (const auto& e : view->events) {
    SQLite::Statement d(*db,
                        "DELETE FROM event_attendance WHERE member_id = ? AND event_id = ? AND "
                        "source = 'poll'");
    d.bind(1, view->member_id);
    d.bind(2, e.id);
    d.exec();
    if (!ticked.events.contains(e.id)) continue;
    SQLite::Statement ins(*db,
                          "INSERT OR IGNORE INTO event_attendance (member_id, event_id, source, "
                          "recorded_at) VALUES (?, ?, 'poll', ?)");
    ins.bind(1, view->member_id);
    ins.bind(2, e.id);
    ins.bind(3, now_iso);
    ins.exec();
  }
  SQLite::Statement answered(*db, "UPDATE poll_invitations SET answered_at = ? WHERE id = ?");
  answered.bind(1, now_iso);
  answered.bind(2, view->poll_id);
  answered.exec();
  tx.commit();
  return see_other(fmt::format("{}?ontvangen=1", path_of(token)));
}

}  // namespace tafel::pages
