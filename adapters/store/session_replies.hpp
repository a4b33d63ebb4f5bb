#pragma once
// Read-only view of one session's replies for the web app: the session, every invitee with
// their mirrored answer and phone numbers (for the call list), the waitlist in the state
// machine's order (engine/rsvp waitlist_order over the replayed log) and the open quorum
// alert with the options engine/rsvp offers for it. Reads only; never appends to the log.

#include "adapters/config/config.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct SessionHeader {
  std::int64_t id = 0;
  std::int64_t proposal_id = 0;
  std::int64_t network_id = 0;
  std::string network;
  std::string facilitator_id;
  std::string facilitator;
  std::int64_t start_utc = 0;
  std::int32_t start_offset = 0;
  std::string sector;
  std::string venue;
  std::string status;  // proposed | approved | cancelled | held
};

std::optional<SessionHeader> find_session_header(SQLite::Database& db, std::int64_t session_id);

struct Invitee {
  std::int64_t member_id = 0;
  std::string name;
  std::string company;
  std::optional<std::string> mobile;
  std::optional<std::string> landline;
  std::string rsvp;  // invitations.rsvp (engine/rsvp Status name)
  std::optional<std::string> rsvp_at;
  std::optional<std::string> rsvp_channel;
};

struct WaitlistEntry {
  std::int64_t member_id = 0;
  std::string name;
  std::string company;
};

struct QuorumAlert {
  std::int64_t item_id = 0;
  std::string detail;
  int reserves = 0;
  // engine/rsvp's options in its order: invite_from_waitlist (only with reserves), merge, move,
  // cancel.
  std::vector<std::string> options;
};

struct SessionReplies {
  SessionHeader session;
  std::vector<Invitee> invitees;        // by company, name
  std::vector<WaitlistEntry> waitlist;  // best fit first
  std::optional<QuorumAlert> quorum;    // the newest open below_quorum item, if any
  int invited = 0;                      // invitations
  int answered = 0;                     // with an answer
  int accepted = 0;
};

// nullopt for an unknown session. The log is replayed with `planning` (seats, quorum).
// Throws std::runtime_error when the log does not parse (rsvp_log.hpp).
std::optional<SessionReplies> load_session_replies(SQLite::Database& db,
                                                   const PlanningConfig& planning,
                                                   std::int64_t session_id);

}  // namespace tafel
