#include "adapters/web/feed_route.hpp"

#include "adapters/email/calendar_invite.hpp"
#include "adapters/pages/page_common.hpp"

#include <fmt/format.h>
#include <libical/ical.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <memory>
#include <stdexcept>

namespace tafel::web {

namespace {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

std::string hex(const unsigned char* data, std::size_t n) {
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) out += fmt::format("{:02x}", data[i]);
  return out;
}

struct Venue {
  std::string name, address;
};

Venue venue_of(SQLite::Database& db, const std::string& id) {
  SQLite::Statement q(db, "SELECT name, address FROM venues WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return {};
  return {q.getColumn(0).getString(), q.getColumn(1).getString()};
}

void remove_all(icalcomponent* c, icalproperty_kind kind) {
  while (icalproperty* p = icalcomponent_get_first_property(c, kind)) {
    icalcomponent_remove_property(c, p);
    icalproperty_free(p);
  }
}

http::Response not_found() {
  http::Response r;
  r.status = 404;
  r.headers.push_back({"Content-Type", "text/plain; charset=utf-8"});
  r.body = "Niet gevonden.\n";
  return r;
}

}  // namespace

std::string new_feed_token() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1)
    throw std::runtime_error("the system's random generator failed");
  return hex(bytes, sizeof bytes);
}

std::string feed_token_hash(std::string_view token) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), digest);
  return hex(digest, sizeof digest);
}

SessionResult<std::string> issue_feed_token(SQLite::Database& db, const std::string& staff_id) {
  std::string token = new_feed_token();
  if (auto r = add_feed_token(db, staff_id, feed_token_hash(token)); !r)
    return std::unexpected(r.error());
  return token;
}

std::expected<std::string, std::string> staff_calendar(SQLite::Database& db,
                                                       const std::string& staff_id,
                                                       std::int64_t now_utc) {
  ComponentPtr cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//Tafelplanner//NL"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  icalproperty* name = icalproperty_new_x("Praktijktafels");
  icalproperty_set_x_name(name, "X-WR-CALNAME");
  icalcomponent_add_property(cal.get(), name);
  bool have_zone = false;
  for (const auto& s : staff_sessions(db, staff_id)) {
    const Venue v = venue_of(db, s.venue_id);
    email::CalendarInvite in;
    in.cancel = s.status == "cancelled";
    in.uid = s.uid;
    in.sequence = s.sequence;
    in.dtstamp_utc = now_utc;
    in.start = {s.start_utc, s.start_offset};
    in.end = {s.end_utc, s.end_offset};
    in.tzid = std::string(kFeedTimeZone);
    const std::string role = s.role == "expert" ? "kennisexpert" : "gespreksleider";
    in.summary = fmt::format("Praktijktafel {} ({})", s.theme.empty() ? s.sector : s.theme, role);
    in.description = fmt::format("Je rol: {}. Sector: {}.", role, s.sector);
    in.location = s.room.empty() ? fmt::format("{}, {}", v.name, v.address)
                                 : fmt::format("{} ({}), {}", v.name, s.room, v.address);
    auto ics = email::make_calendar_invite(in);
    if (!ics) return std::unexpected(ics.error());
    ComponentPtr one(icalparser_parse_string(ics->c_str()));
    if (!one) return std::unexpected("libical could not read its own calendar object");
    if (!have_zone) {
      if (icalcomponent* tz =
              icalcomponent_get_first_component(one.get(), ICAL_VTIMEZONE_COMPONENT))
        icalcomponent_add_component(cal.get(), icalcomponent_new_clone(tz));
      have_zone = true;
    }
    icalcomponent* ev = icalcomponent_get_first_component(one.get(), ICAL_VEVENT_COMPONENT);
    if (!ev) return std::unexpected("libical calendar object without VEVENT");
    icalcomponent* copy = icalcomponent_new_clone(ev);
    remove_all(copy, ICAL_ORGANIZER_PROPERTY);
    remove_all(copy, ICAL_ATTENDEE_PROPERTY);
    icalcomponent_add_component(cal.get(), copy);
  }
  char* text = icalcomponent_as_ical_string_r(cal.get());
  if (!text) return std::unexpected("libical could not serialise the feed");
  std::string out(text);
  icalmemory_free_buffer(text);
  return out;
}

http::Response handle_feed_get(const WebSetup& setup, const http::Request& request) {
  const auto it = request.params.find("feed");
  if (it == request.params.end()) return not_found();
  std::string_view token = it->second;
  if (!token.ends_with(".ics")) return not_found();
  token.remove_suffix(4);
  if (token.size() != 64) return not_found();
  auto db = pages::open_page_db(setup.database);
  const auto staff = staff_for_feed_token(*db, feed_token_hash(token));
  if (!staff) return not_found();
  auto ics = staff_calendar(*db, *staff, setup.now());
  if (!ics) throw std::runtime_error(ics.error());  // the Router answers 500
  http::Response r;
  r.headers.push_back({"Content-Type", "text/calendar; charset=utf-8"});
  r.headers.push_back({"Cache-Control", "no-store"});
  r.headers.push_back({"Referrer-Policy", "no-referrer"});
  r.body = std::move(*ics);
  return r;
}

}  // namespace tafel::web
