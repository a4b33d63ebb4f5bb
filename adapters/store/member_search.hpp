#pragma once
// Read-only queries behind the members pages of the web app: searching and filtering a
// network's members with paging, and one member's contact history (messages out, replies and
// RSVP events in). No message bodies are read: kinds, channels, states and times only.
//
// Scope is the caller's: `MemberFilter::network_id` limits to one network (partners), and
// `MemberFilter::facilitator_id` to members invited to or placed at that facilitator's sessions.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct MemberFilter {
  std::optional<std::int64_t> network_id;
  std::optional<std::string> facilitator_id;
  std::string text;                   // part of the name or company, case-insensitive
  std::optional<std::string> sector;  // configured sector name; "" = no sector
  std::optional<bool> eligible;
  std::optional<bool> consent_email;  // consent given and not opted out
  std::optional<bool> consent_whatsapp;
  // true: has answered at least one invitation; false: has an invitation still unanswered.
  std::optional<bool> answered;
  int offset = 0;
  int limit = 50;
};

struct MemberListRow {
  std::int64_t id = 0;
  std::int64_t network_id = 0;
  std::string network;
  std::string company;
  std::string name;
  std::optional<std::string> sector;
  bool eligible = false;
  bool consent_email = false;  // consent given and not opted out
  bool consent_whatsapp = false;
  int invitations = 0;
  int answered = 0;  // invitations with an answer
};

struct MemberPage {
  int total = 0;  // matching members, all pages
  std::vector<MemberListRow> rows;
};

// Ordered by company, then name, then id.
MemberPage search_members(SQLite::Database& db, const MemberFilter& filter);

// The sectors members of the scope have (for the filter's choices), sorted.
std::vector<std::string> member_sectors(SQLite::Database& db,
                                        std::optional<std::int64_t> network_id);

// True when member `member_id` was invited to or placed at a session run by `facilitator_id`.
bool member_of_facilitator(SQLite::Database& db, std::int64_t member_id,
                           const std::string& facilitator_id);

struct ContactEvent {
  std::int64_t at_utc = 0;  // Unix seconds
  std::string direction;    // "out" (a message) | "in" (an inbound message) | "rsvp"
  std::string channel;      // email | whatsapp | web | ical | coordinator | system
  std::string kind;         // outbox kind, inbound kind, or rsvp event kind
  std::string state;        // outbox state, inbound outcome/intent, or the answer given
  std::optional<std::int64_t> session_id;
};

// Every outbox row, inbound row and RSVP log event of the member, oldest first.
std::vector<ContactEvent> member_history(SQLite::Database& db, std::int64_t member_id);

}  // namespace tafel
