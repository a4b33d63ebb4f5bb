#include "adapters/web/proposal_html.hpp"

#include "adapters/planning/plan_report.hpp"
#include "adapters/store/members_store.hpp"
#include "engine/outreach/template_renderer.hpp"
#include "engine/time/civil.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <vector>

namespace tafel::web {

namespace {

using outreach::html_escape;

std::string clock(LocalTime t) {
  const int m = t.local_minute_of_day();
  return fmt::format("{:02}:{:02}", m / 60, m % 60);
}

std::string venue_name(const Config& config, const std::string& id) {
  for (const auto& v : config.venues)
    if (v.id == id) return v.name;
  return id;
}

std::string staff_name(const Config& config, const std::string& id) {
  for (const auto& s : config.staff)
    if (s.id == id) return s.name;
  return id.empty() ? std::string("nog niemand") : id;
}

// Seats: the room's capacity, at most the planning's largest group.
int capacity_of(const Config& config, const SessionRow& s) {
  int cap = config.planning.max_group;
  for (const auto& v : config.venues)
    if (v.id == s.venue_id)
      for (const auto& r : v.rooms)
        if (r.name == s.room) cap = std::min(cap, r.capacity);
  return cap;
}

const MemberInfo& info(const MemberLookup& members, std::int64_t id) {
  static const MemberInfo unknown{"(onbekend lid)", "", ""};
  const auto it = members.find(id);
  return it == members.end() ? unknown : it->second;
}

std::string hidden(std::string_view name, std::string_view value) {
  return fmt::format("<input type=\"hidden\" name=\"{}\" value=\"{}\">", name, html_escape(value));
}

// The opening of an edit form: action, CSRF token, revision.
std::string form_open(const ProposalHtmlInput& in, std::string_view action,
                      std::string_view css_class = "") {
  return fmt::format(
      "<form method=\"post\" action=\"/beheer/voorstellen/{}/{}\"{}>{}{}", in.proposal.header.id,
      action, css_class.empty() ? std::string() : fmt::format(" class=\"{}\"", css_class),
      hidden("csrf", in.csrf), hidden("versie", std::to_string(in.proposal.header.revision)));
}

std::string member_line(const ProposalHtmlInput& in, const SessionRow& s,
                        const SessionMemberRow& m) {
  const MemberInfo& who = info(in.members, m.member_id);
  std::string out =
      fmt::format("<li><span class=\"naam\">{}</span> <span class=\"klein\">({}, {})</span>",
                  html_escape(who.name), html_escape(who.company),
                  html_escape(sector_label(in.config, who.sector)));
  if (m.pinned) out += " <span class=\"label\">vast</span>";
  if (in.editable && !s.locked) {
    const bool pin = !m.pinned;
    out += form_open(in, pin ? "vastzetten" : "losmaken", "klein-form") +
           hidden("lid", std::to_string(m.member_id)) +
           (pin ? hidden("tafel", std::to_string(s.id)) : std::string()) +
           fmt::format(
               "<button type=\"submit\" class=\"mini\" aria-label=\"{} {}\">{}</button></form>",
               html_escape(who.name), pin ? "vastzetten" : "losmaken",
               pin ? "Vastzetten" : "Losmaken");
  }
  return out + "</li>\n";
}

std::string session_block(const ProposalHtmlInput& in, const SessionRow& s) {
  const auto event = s.event_id ? in.event_titles.find(*s.event_id) : in.event_titles.end();
  std::string out = fmt::format(
      "<article class=\"tafel{}\" id=\"tafel-{}\" aria-labelledby=\"tk{}\">\n"
      "<h4 id=\"tk{}\">{} · {}–{}</h4>\n"
      "<p class=\"klein\">{}{}<br>Bijeenkomst: {}<br>Facilitator: {}</p>\n"
      "<p class=\"vulling\">{} van {} plaatsen{}</p>\n<ul class=\"leden\">\n",
      s.locked ? " vergrendeld" : "", s.id, s.id, s.id,
      html_escape(sector_label(in.config, s.sector)), clock(s.start), clock(s.end),
      html_escape(venue_name(in.config, s.venue_id)),
      s.room.empty() ? std::string() : ", " + html_escape(s.room),
      event != in.event_titles.end() ? html_escape(event->second)
                                     : std::string("geen (los moment)"),
      html_escape(staff_name(in.config, s.facilitator_id)), s.members.size(),
      capacity_of(in.config, s), s.locked ? " · <span class=\"label\">vergrendeld</span>" : "");
  for (const auto& m : s.members) out += member_line(in, s, m);
  out += "</ul>\n";
  if (in.editable)
    out += form_open(in, s.locked ? "ontgrendelen" : "vergrendelen") +
           hidden("tafel", std::to_string(s.id)) +
           fmt::format("<button type=\"submit\" class=\"tweede\">{}</button></form>\n",
                       s.locked ? "Ontgrendelen" : "Tafel vergrendelen");
  return out + "</article>\n";
}

Date monday_of(Date d) { return add_days(d, 1 - iso_weekday(d)); }

}  // namespace

std::string sector_label(const Config& config, const std::string& sector) {
  for (const auto& s : config.sectors)
    if (s.name == sector) return s.label;
  return sector.empty() ? std::string("geen sector") : sector;
}

MemberLookup lookup_members(Store& store, const Proposal& p, const Proposal* previous) {
  std::set<std::int64_t> ids;
  for (const Proposal* q : {&p, previous}) {
    if (q == nullptr) continue;
    for (const auto& s : q->sessions)
      for (const auto& m : s.members) ids.insert(m.member_id);
    for (const auto& u : q->unplaced) ids.insert(u.member_id);
  }
  MemberLookup out;
  for (const auto id : ids)
    if (const auto m = find_member(store, id))
      out[id] = MemberInfo{m->name, m->company, m->sector.value_or("")};
  return out;
}

std::map<std::int64_t, std::string> lookup_event_titles(Store& store, const Proposal& p) {
  std::map<std::int64_t, std::string> out;
  SQLite::Statement q(store.db(), "SELECT title FROM events WHERE id = ?");
  for (const auto& s : p.sessions) {
    if (!s.event_id || out.contains(*s.event_id)) continue;
    q.reset();
    q.bind(1, *s.event_id);
    if (q.executeStep()) out[*s.event_id] = q.getColumn(0).getString();
  }
  return out;
}

std::string week_view_html(const ProposalHtmlInput& in) {
  if (in.proposal.sessions.empty()) return "<p>Dit voorstel heeft geen tafels.</p>\n";
  std::map<Date, std::map<Date, std::vector<const SessionRow*>>>
      weeks;  // monday -> day -> sessions
  for (const auto& s : in.proposal.sessions) {
    const Date day = s.start.local_date();
    weeks[monday_of(day)][day].push_back(&s);
  }
  std::string out;
  for (const auto& [monday, days] : weeks) {
    const bool weekend = days.contains(add_days(monday, 5)) || days.contains(add_days(monday, 6));
    const int columns = weekend ? 7 : 5;
    out += fmt::format(
        "<section class=\"week\" aria-label=\"Week van {0}\">\n<h3>Week van {0}</h3>\n"
        "<div class=\"dagen dagen-{1}\">\n",
        html_escape(dutch_day(monday)), columns);
    for (int i = 0; i < columns; ++i) {
      const Date day = add_days(monday, i);
      const auto it = days.find(day);
      out += fmt::format("<div class=\"dag{}\">\n<p class=\"dagkop\">{}</p>\n",
                         it == days.end() ? " leeg" : "", html_escape(dutch_day(day)));
      if (it != days.end())
        for (const SessionRow* s : it->second) out += session_block(in, *s);
      out += "</div>\n";
    }
    out += "</div>\n</section>\n";
  }
  return out;
}

std::string unplaced_html(const ProposalHtmlInput& in) {
  if (in.proposal.unplaced.empty()) return "<p>Iedereen heeft een plek.</p>\n";
  std::string out =
      "<div class=\"tabel\"><table>\n<thead><tr><th scope=\"col\">Naam</th>"
      "<th scope=\"col\">Bedrijf</th><th scope=\"col\">Sector</th><th scope=\"col\">Reden</th>"
      "</tr></thead>\n<tbody>\n";
  for (const auto& u : in.proposal.unplaced) {
    const MemberInfo& who = info(in.members, u.member_id);
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td><strong>{}</strong>{}</td></tr>\n",
                       html_escape(who.name), html_escape(who.company),
                       html_escape(sector_label(in.config, who.sector)),
                       html_escape(dutch_unplaced_reason(u.reason)),
                       u.detail.empty() ? std::string() : ". " + html_escape(u.detail));
  }
  return out + "</tbody>\n</table></div>\n";
}

std::string placement_chart_svg(const ProposalHtmlInput& in) {
  std::map<std::string, std::pair<int, int>> counts;  // sector -> placed, unplaced
  for (const auto& s : in.proposal.sessions)
    counts[s.sector].first += static_cast<int>(s.members.size());
  for (const auto& u : in.proposal.unplaced) ++counts[info(in.members, u.member_id).sector].second;
  if (counts.empty()) return "";
  int most = 1;
  for (const auto& [sector, c] : counts) most = std::max(most, c.first + c.second);

  constexpr int kLabel = 130, kBar = 360, kRow = 30, kTop = 30;
  const int height = kTop + static_cast<int>(counts.size()) * kRow + 10;
  std::string desc;
  std::string rows;
  int y = kTop;
  for (const auto& [sector, c] : counts) {
    const std::string label = html_escape(sector_label(in.config, sector));
    const int placed_w = c.first * kBar / most;
    const int unplaced_w = c.second * kBar / most;
    rows += fmt::format(
        "<text x=\"0\" y=\"{0}\" class=\"as\">{1}</text>"
        "<rect x=\"{2}\" y=\"{3}\" width=\"{4}\" height=\"18\" fill=\"#1f5f8b\"/>"
        "<rect x=\"{5}\" y=\"{3}\" width=\"{6}\" height=\"18\" fill=\"#d97706\"/>"
        "<text x=\"{7}\" y=\"{0}\" class=\"as\">{8} geplaatst, {9} niet</text>\n",
        y + 14, label, kLabel, y, placed_w, kLabel + placed_w, unplaced_w,
        kLabel + placed_w + unplaced_w + 6, c.first, c.second);
    desc += fmt::format("{}: {} geplaatst, {} niet geplaatst. ", label, c.first, c.second);
    y += kRow;
  }
  return fmt::format(
      "<figure class=\"grafiek\">\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 {0}\" role=\"img\" "
      "aria-labelledby=\"grafiek-titel grafiek-uitleg\" font-size=\"13\" "
      "font-family=\"system-ui, sans-serif\">\n"
      "<title id=\"grafiek-titel\">Plaatsing per sector</title>\n<desc "
      "id=\"grafiek-uitleg\">{1}</desc>\n"
      "<rect x=\"{2}\" y=\"4\" width=\"12\" height=\"12\" fill=\"#1f5f8b\"/>"
      "<text x=\"{3}\" y=\"15\">geplaatst</text>"
      "<rect x=\"{4}\" y=\"4\" width=\"12\" height=\"12\" fill=\"#d97706\"/>"
      "<text x=\"{5}\" y=\"15\">niet geplaatst</text>\n{6}</svg>\n"
      "<figcaption class=\"klein\">Plaatsing per sector: blauw geplaatst, oranje niet "
      "geplaatst.</figcaption>\n</figure>\n",
      height, desc, kLabel, kLabel + 16, kLabel + 110, kLabel + 126, rows);
}

std::string changes_html(const ProposalHtmlInput& in) {
  if (in.previous == nullptr) return "";
  struct Place {
    std::string slot;
    std::string moment;
  };
  auto places = [&](const Proposal& p) {
    std::map<std::int64_t, Place> out;
    for (const auto& s : p.sessions)
      for (const auto& m : s.members)
        out[m.member_id] = Place{
            s.slot_id, fmt::format("{} {}", sector_label(in.config, s.sector),
                                   describe_moment(in.config, s.venue_id, s.room, s.start, s.end))};
    return out;
  };
  const auto before = places(*in.previous);
  const auto after = places(in.proposal);
  int kept = 0;
  std::vector<std::string> moved, added, removed;
  auto name = [&](std::int64_t id) { return html_escape(info(in.members, id).name); };
  for (const auto& [id, now] : after) {
    const auto was = before.find(id);
    if (was == before.end())
      added.push_back(fmt::format("<li>erbij: {} → {}</li>", name(id), html_escape(now.moment)));
    else if (was->second.slot == now.slot)
      ++kept;
    else
      moved.push_back(fmt::format("<li>verplaatst: {}: {} → {}</li>", name(id),
                                  html_escape(was->second.moment), html_escape(now.moment)));
  }
  for (const auto& [id, was] : before)
    if (!after.contains(id))
      removed.push_back(fmt::format("<li>niet meer geplaatst: {} (was {})</li>", name(id),
                                    html_escape(was.moment)));
  std::string out = fmt::format(
      "<section class=\"wijzigingen\" aria-labelledby=\"wijz\">\n<h2 id=\"wijz\">Wijzigingen "
      "ten opzichte van <a href=\"/beheer/voorstellen/{0}\">voorstel {0}</a></h2>\n"
      "<p>{1} op dezelfde plek, {2} verplaatst, {3} erbij, {4} niet meer geplaatst.</p>\n",
      in.previous->header.id, kept, moved.size(), added.size(), removed.size());
  if (moved.size() + added.size() + removed.size() > 0) {
    out += "<ul>\n";
    for (const auto* list : {&moved, &added, &removed})
      for (const auto& line : *list) out += line + "\n";
    out += "</ul>\n";
  }
  return out + "</section>\n";
}

std::string proposal_actions_html(const ProposalHtmlInput& in) {
  if (!in.editable) return "";
  std::string people;
  for (const auto& s : in.proposal.sessions)
    for (const auto& m : s.members)
      people += fmt::format("<option value=\"{}\">{} ({})</option>", m.member_id,
                            html_escape(info(in.members, m.member_id).name),
                            html_escape(info(in.members, m.member_id).company));
  for (const auto& u : in.proposal.unplaced)
    people += fmt::format("<option value=\"{}\">{} ({}) — niet geplaatst</option>", u.member_id,
                          html_escape(info(in.members, u.member_id).name),
                          html_escape(info(in.members, u.member_id).company));
  std::string tables;
  for (const auto& s : in.proposal.sessions)
    tables +=
        fmt::format("<option value=\"{}\">Tafel {}: {} {}</option>", s.id, s.id,
                    html_escape(sector_label(in.config, s.sector)),
                    html_escape(describe_moment(in.config, s.venue_id, s.room, s.start, s.end)));
  return fmt::format(
      "<section class=\"acties\" aria-labelledby=\"acties-kop\">\n"
      "<h2 id=\"acties-kop\">Aanpassen</h2>\n"
      "{0}\n<fieldset><legend>Iemand verplaatsen</legend>\n"
      "<label for=\"verplaats-lid\">Wie</label>\n<select id=\"verplaats-lid\" name=\"lid\" "
      "required>{1}</select>\n"
      "<label for=\"verplaats-tafel\">Naar tafel</label>\n<select id=\"verplaats-tafel\" "
      "name=\"tafel\" "
      "required>{2}</select>\n"
      "<button type=\"submit\">Verplaatsen en vastzetten</button>\n</fieldset>\n</form>\n"
      "<div class=\"knoppen\">\n{3}<button type=\"submit\" class=\"tweede\">Opnieuw "
      "berekenen</button></form>\n"
      "{4}<button type=\"submit\">Goedkeuren en uitnodigen</button></form>\n</div>\n"
      "<p class=\"klein\">Opnieuw berekenen houdt vastgezette mensen en vergrendelde tafels vast; "
      "de anderen schuiven zo weinig mogelijk. Goedkeuren zet de uitnodigingen klaar.</p>\n"
      "</section>\n",
      form_open(in, "vastzetten"), people, tables, form_open(in, "herberekenen"),
      form_open(in, "goedkeuren"));
}

}  // namespace tafel::web
