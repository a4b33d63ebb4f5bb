#pragma once
// What the state machine decides: commands that adapters turn into outbox rows (messages) or
// coordinator inbox items. Message commands carry the channels the person still consents to;
// a message with no channel left is not emitted (an important one becomes an Unreachable alert).

#include "engine/rsvp/events.hpp"
#include "engine/rsvp/types.hpp"

#include <variant>
#include <vector>

namespace tafel::rsvp {

struct SendInvitation {
  PersonId person = 0;
  Channels channels = kNoChannels;
  friend bool operator==(const SendInvitation&, const SendInvitation&) = default;
};

// Acknowledges an answer: accepted, tentative ("misschien", seat held) or declined.
struct SendConfirmation {
  PersonId person = 0;
  Reply reply = Reply::accept;
  Channels channels = kNoChannels;
  friend bool operator==(const SendConfirmation&, const SendConfirmation&) = default;
};

// The table is full: the person is on the waitlist at 1-based `position` at this moment.
struct SendWaitlisted {
  PersonId person = 0;
  int position = 0;
  Channels channels = kNoChannels;
  friend bool operator==(const SendWaitlisted&, const SendWaitlisted&) = default;
};

// A seat is reserved for the person until `expires_at` (Unix seconds).
struct SendOffer {
  PersonId person = 0;
  UnixSeconds expires_at = 0;
  Channels channels = kNoChannels;
  friend bool operator==(const SendOffer&, const SendOffer&) = default;
};

struct SendOfferExpired {
  PersonId person = 0;
  Channels channels = kNoChannels;
  friend bool operator==(const SendOfferExpired&, const SendOfferExpired&) = default;
};

// The session moved: a new calendar REQUEST with a higher SEQUENCE and a notice.
struct SendChangeNotice {
  PersonId person = 0;
  LocalTime new_start;
  Channels channels = kNoChannels;
  friend bool operator==(const SendChangeNotice&, const SendChangeNotice&) = default;
};

// The session is cancelled: a notice on every allowed channel and METHOD:CANCEL by mail.
struct SendCancellation {
  PersonId person = 0;
  CancelReason reason = CancelReason::coordinator;
  std::int64_t merged_into = 0;
  Channels channels = kNoChannels;
  friend bool operator==(const SendCancellation&, const SendCancellation&) = default;
};

// An answer that cannot be applied; the adapter tells the person (and shows the coordinator).
enum class RefusalReason : std::uint8_t { session_started, session_cancelled, unknown_person };
struct RefuseAnswer {
  PersonId person = 0;
  Reply reply = Reply::accept;
  RefusalReason reason = RefusalReason::unknown_person;
  friend bool operator==(const RefuseAnswer&, const RefuseAnswer&) = default;
};

// Consent was withdrawn: the adapter records it for the person (across all sessions, so it is
// idempotent there) and sends one confirmation on `via`. Emitted only when something changed.
struct RecordOptOut {
  PersonId person = 0;
  Channels withdrawn = kNoChannels;
  Channel via = Channel::email;
  friend bool operator==(const RecordOptOut&, const RecordOptOut&) = default;
};

// Options offered to the coordinator when a table is below quorum.
enum class QuorumOption : std::uint8_t { invite_from_waitlist, merge, move, cancel };

enum class AlertKind : std::uint8_t {
  below_quorum,  // at the quorum deadline: accepted < quorum
  unreachable,   // a notice could not go out: no channel with consent left
};

struct AlertCoordinator {
  AlertKind kind = AlertKind::below_quorum;
  PersonId person = 0;  // for `unreachable`
  int accepted = 0;
  int tentative = 0;
  int quorum = 0;
  int reserves = 0;  // reserves on the waitlist who could be invited
  std::vector<QuorumOption> options;
  friend bool operator==(const AlertCoordinator&, const AlertCoordinator&) = default;
};

using Decision =
    std::variant<SendInvitation, SendConfirmation, SendWaitlisted, SendOffer, SendOfferExpired,
                 SendChangeNotice, SendCancellation, RefuseAnswer, RecordOptOut, AlertCoordinator>;

}  // namespace tafel::rsvp
