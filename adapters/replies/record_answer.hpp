#pragma once
// Applies what people answer, from any channel, to the sessions' RSVP logs (schema v4
// `rsvp_events`) through the pure state machine in engine/rsvp, and writes what it decides.
//
// Contracts (every function below runs inside the caller's open transaction, so the inbound
// row, the log entry, the mirrored status and the messages it causes commit together):
// - The log is the truth: an answer is appended to `rsvp_events`, the session's whole log is
//   replayed (engine/rsvp replay), and every invitation of that session gets its replayed status
//   mirrored into `invitations.rsvp` / `rsvp_at` / `rsvp_channel`.
// - Only the decisions of the new event are acted upon: messages (confirmation, waitlist place,
//   seat offer, change, cancellation, opt-out confirmation) are rendered from
//   config/templates and enqueued in the outbox (idempotent dedupe keys); alerts and refused
//   answers become coordinator items (adapters/store/coordinator_items.hpp).
// - The same answer twice (same invitation, same reply) changes nothing and sends nothing new.
// - Times are Unix seconds passed in; nothing here reads a clock.

#include "adapters/config/config.hpp"
#include "adapters/links/link_key.hpp"
#include "adapters/tz/time_zone.hpp"
#include "engine/outreach/message_templates.hpp"
#include "engine/rsvp/events.hpp"
#include "engine/rsvp/types.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace tafel::replies {

// Where an answer or opt-out came from; stored as `rsvp_events.source` and
// `invitations.rsvp_channel`.
enum class Source { email, whatsapp, web, ical, coordinator, system };
std::string_view to_string(Source s);

// What rendering the resulting messages needs (the same parts as outbox::OutreachSetup).
struct ReplyContext {
  const Config& config;
  const TimeZone& zone;
  const outreach::MessageTemplates& templates;
  const links::LinkKey& link_key;
};

struct AnswerInput {
  std::int64_t invitation_id = 0;
  rsvp::Reply reply = rsvp::Reply::accept;
  Source source = Source::web;
  std::int64_t at_utc = 0;                 // when the answer was given (provider time or now)
  std::optional<std::int64_t> inbound_id;  // the inbound row it came from, if any
  std::optional<std::string> case_text;    // a case to bring in (RSVP page), kept on the invitation
};

struct Applied {
  std::string rsvp_before;  // invitations.rsvp before and after (engine/rsvp Status names)
  std::string rsvp_after;
  bool refused = false;  // the session had started or was cancelled: nothing changed
  int messages_enqueued = 0;
  int coordinator_items = 0;
};

// Errors (unknown invitation, a session without an approved proposal) are English, no personal
// data. Database errors throw SQLite::Exception (the caller's transaction rolls back).
std::expected<Applied, std::string> record_answer(SQLite::Database& db, const ReplyContext& ctx,
                                                  const AnswerInput& in);

struct OptOutInput {
  std::int64_t member_id = 0;
  rsvp::Channels withdrawn = rsvp::kAllChannels;
  rsvp::Channel via = rsvp::Channel::email;  // one confirmation goes out here
  Source source = Source::email;
  std::int64_t at_utc = 0;
  std::optional<std::int64_t> inbound_id;
};

// Withdraws consent for the channels (members.opted_out_*, a consent_log row), cancels pending
// outbox rows on them, appends the opt-out to the logs of the person's sessions that have not
// started, and enqueues one confirmation on `via` (only the first time). Idempotent.
std::expected<Applied, std::string> record_opt_out(SQLite::Database& db, const ReplyContext& ctx,
                                                   const OptOutInput& in);

// Applies a session-level event of the coordinator (InviteFromWaitlist, Reschedule, Cancel)
// to the session's log and acts on its decisions (seat offers, change notices, cancellations
// on every allowed channel), inside the caller's transaction. Change notices and cancellations
// carry the contact policy's dedupe keys, so the outreach planner does not send them again.
// The caller updates the `sessions` row (time, venue, sequence, status) in the same
// transaction, before calling this for a Reschedule (the messages render the row as it is).
// `note` (Dutch, optional) replaces the standard line of change notices and cancellations.
// Errors: an unknown session or one outside an approved proposal (English, ids only).
std::expected<Applied, std::string> apply_session_event(SQLite::Database& db,
                                                        const ReplyContext& ctx,
                                                        std::int64_t session_id,
                                                        const rsvp::Event& event, Source source,
                                                        const std::string& note = {});

// Applies a Tick at `now_utc` to every approved session with a deadline at or before it (offers
// expiring, the quorum check, the start), writing what that decides. Returns the number of
// messages enqueued. The dispatcher runs it before sending.
int advance_sessions(SQLite::Database& db, const ReplyContext& ctx, std::int64_t now_utc);

}  // namespace tafel::replies
