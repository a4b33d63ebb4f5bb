#include "adapters/store/rsvp_log.hpp"

#include "adapters/store/store.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>

namespace tafel::rsvp_log {

namespace {

using nlohmann::json;
using namespace rsvp;

json attendee_json(const Attendee& a) {
  return {{"sector", a.sector},
          {"company", a.company},
          {"available", a.available},
          {"came_before", a.came_before},
          {"channels", a.channels}};
}

Attendee attendee_from(const json& j, PersonId id) {
  Attendee a;
  a.id = id;
  a.sector = j.at("sector").get<std::string>();
  a.company = j.at("company").get<std::string>();
  a.available = j.at("available").get<bool>();
  a.came_before = j.at("came_before").get<bool>();
  a.channels = j.at("channels").get<Channels>();
  return a;
}

std::optional<PersonId> person_of(const Event& e) {
  if (const auto* i = std::get_if<Invite>(&e)) return i->attendee.id;
  if (const auto* n = std::get_if<Enlist>(&e)) return n->attendee.id;
  if (const auto* a = std::get_if<Answer>(&e)) return a->person;
  if (const auto* o = std::get_if<OptOut>(&e)) return o->person;
  return std::nullopt;
}

json data_of(const Event& e) {
  return std::visit(
      [](const auto& ev) -> json {
        using T = std::decay_t<decltype(ev)>;
        if constexpr (std::is_same_v<T, Invite> || std::is_same_v<T, Enlist>)
          return attendee_json(ev.attendee);
        else if constexpr (std::is_same_v<T, Answer>)
          return {{"reply", static_cast<int>(ev.reply)}};
        else if constexpr (std::is_same_v<T, OptOut>)
          return {{"withdrawn", ev.withdrawn}, {"via", static_cast<int>(ev.via)}};
        else if constexpr (std::is_same_v<T, InviteFromWaitlist>)
          return {{"count", ev.count}};
        else if constexpr (std::is_same_v<T, Reschedule>)
          return {{"utc", ev.new_start.utc_seconds}, {"offset", ev.new_start.offset_seconds}};
        else if constexpr (std::is_same_v<T, Cancel>)
          return {{"reason", static_cast<int>(ev.reason)}, {"merged_into", ev.merged_into}};
        else
          return json::object();
      },
      e);
}

Event event_from(const std::string& kind, std::int64_t at, std::optional<std::int64_t> member,
                 const json& d) {
  const auto who = [&] {
    if (!member) throw std::runtime_error("member_id missing");
    return *member;
  };
  if (kind == "invite") return Invite{at, attendee_from(d, who())};
  if (kind == "enlist") return Enlist{at, attendee_from(d, who())};
  if (kind == "answer") {
    const int r = d.at("reply").get<int>();
    if (r < 0 || r > 2) throw std::runtime_error("/reply out of range");
    return Answer{at, who(), static_cast<Reply>(r)};
  }
  if (kind == "optout") {
    const int via = d.at("via").get<int>();
    if (via != 1 && via != 2) throw std::runtime_error("/via out of range");
    return OptOut{at, who(), d.at("withdrawn").get<Channels>(), static_cast<Channel>(via)};
  }
  if (kind == "invite_from_waitlist") return InviteFromWaitlist{at, d.at("count").get<int>()};
  if (kind == "reschedule")
    return Reschedule{at, LocalTime{d.at("utc").get<std::int64_t>(), d.at("offset").get<int>()}};
  if (kind == "cancel") {
    const int r = d.at("reason").get<int>();
    if (r < 0 || r > 2) throw std::runtime_error("/reason out of range");
    return Cancel{at, static_cast<CancelReason>(r), d.at("merged_into").get<std::int64_t>()};
  }
  if (kind == "tick") return Tick{at};
  throw std::runtime_error("unknown kind");
}

std::string company_key(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  std::ranges::transform(s, s.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

std::string_view kind_name(const Event& e) {
  static constexpr std::string_view kNames[] = {
      "invite",     "enlist", "answer", "optout", "invite_from_waitlist",
      "reschedule", "cancel", "tick"};
  return kNames[e.index()];
}

std::int64_t append_event(SQLite::Database& db, std::int64_t session_id, const Event& e,
                          std::string_view source, std::optional<std::int64_t> inbound_id) {
  SQLite::Statement q(db,
                      "INSERT INTO rsvp_events (session_id, member_id, kind, at_utc, data, "
                      "source, inbound_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, session_id);
  if (const auto p = person_of(e)) q.bind(2, *p);
  q.bind(3, std::string(kind_name(e)));
  q.bind(4, event_time(e));
  q.bind(5, data_of(e).dump());
  q.bind(6, std::string(source));
  if (inbound_id) q.bind(7, *inbound_id);
  q.bind(8, now_utc_iso());
  q.exec();
  return db.getLastInsertRowid();
}

std::vector<Event> load_events(SQLite::Database& db, std::int64_t session_id) {
  std::vector<Event> out;
  SQLite::Statement q(db,
                      "SELECT id, kind, at_utc, member_id, data FROM rsvp_events WHERE "
                      "session_id = ? ORDER BY id");
  q.bind(1, session_id);
  while (q.executeStep()) {
    const std::int64_t id = q.getColumn(0).getInt64();
    std::optional<std::int64_t> member;
    if (!q.getColumn(3).isNull()) member = q.getColumn(3).getInt64();
    try {
      out.push_back(event_from(q.getColumn(1).getString(), q.getColumn(2).getInt64(), member,
                               json::parse(q.getColumn(4).getString())));
    } catch (const std::exception& e) {
      throw std::runtime_error(fmt::format("rsvp_events row {}: {}", id, e.what()));
    }
  }
  return out;
}

std::optional<SessionSetup> load_setup(SQLite::Database& db, const PlanningConfig& planning,
                                       std::int64_t session_id) {
  SQLite::Statement q(db,
                      "SELECT s.start_utc, s.start_offset, s.sector, r.capacity FROM sessions s "
                      "LEFT JOIN rooms r ON r.venue_id = s.venue_id AND r.name = s.room "
                      "WHERE s.id = ?");
  q.bind(1, session_id);
  if (!q.executeStep()) return std::nullopt;
  SessionSetup s;
  s.session_id = session_id;
  s.start = LocalTime{q.getColumn(0).getInt64(), q.getColumn(1).getInt()};
  s.sector = q.getColumn(2).getString();
  s.seats = planning.max_group;
  if (!q.getColumn(3).isNull()) s.seats = std::min(s.seats, q.getColumn(3).getInt());
  s.quorum = planning.min_group;
  return s;
}

std::optional<Attendee> load_attendee(SQLite::Database& db, std::int64_t member_id) {
  SQLite::Statement q(db,
                      "SELECT COALESCE(sector, ''), company, COALESCE(email, '') <> '' AND "
                      "consent_email = 1 AND opted_out_email = 0 AND email_unusable_at IS NULL, "
                      "COALESCE(mobile, '') <> '' AND consent_whatsapp = 1 AND "
                      "opted_out_whatsapp = 0 AND whatsapp_unusable_at IS NULL "
                      "FROM members WHERE id = ?");
  q.bind(1, member_id);
  if (!q.executeStep()) return std::nullopt;
  Attendee a;
  a.id = member_id;
  a.sector = q.getColumn(0).getString();
  a.company = company_key(q.getColumn(1).getString());
  if (q.getColumn(2).getInt() != 0) a.channels |= bit(Channel::email);
  if (q.getColumn(3).getInt() != 0) a.channels |= bit(Channel::whatsapp);
  return a;
}

int ensure_invites_logged(SQLite::Database& db, std::int64_t session_id) {
  SQLite::Statement q(db,
                      "SELECT i.member_id, i.created_at FROM invitations i WHERE i.session_id = ? "
                      "AND NOT EXISTS (SELECT 1 FROM rsvp_events e WHERE e.session_id = "
                      "i.session_id AND e.member_id = i.member_id AND e.kind = 'invite') "
                      "ORDER BY i.id");
  q.bind(1, session_id);
  std::vector<std::pair<std::int64_t, std::int64_t>> missing;
  while (q.executeStep()) {
    const auto t = parse_iso8601(q.getColumn(1).getString());
    missing.emplace_back(q.getColumn(0).getInt64(), t ? t->utc_seconds : 0);
  }
  int added = 0;
  for (const auto& [member, at] : missing) {
    auto a = load_attendee(db, member);
    if (!a) continue;
    append_event(db, session_id, Invite{at, *a}, "system");
    ++added;
  }
  return added;
}

}  // namespace tafel::rsvp_log
