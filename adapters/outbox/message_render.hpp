#pragma once
// Rendering one outbox payload (mail with optional calendar object, or WhatsApp template
// request) for one person and one session. Shared by the outreach planner (invitations,
// reminders, changes, cancellations) and the replies core (confirmations, waitlist places,
// seat offers, opt-out confirmations), so every message carries the same links and headers.
//
// Links are signed tokens (adapters/links/link_token.hpp): the answer link
// `{public_url}/r/{rsvp token for the invitation, expiring at the session's end}`, the opt-out
// link and List-Unsubscribe URL `{public_url}/afmelden/{optout token for the member}`, and the
// WhatsApp quick-reply payloads `ja:{rsvp token}`, `nee:{token}`, `misschien:{token}`. The
// reply ADDRESS stays `<local>+<reply_id>@<domain>` with the invitation's random id.

#include "adapters/config/config.hpp"
#include "adapters/links/link_key.hpp"
#include "adapters/tz/time_zone.hpp"
#include "engine/outreach/message_kind.hpp"
#include "engine/outreach/message_templates.hpp"
#include "engine/time/local_time.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <expected>
#include <optional>
#include <string>

namespace tafel::outbox {

struct RenderContext {
  const Config& config;
  const TimeZone& zone;
  const outreach::MessageTemplates& templates;
  const links::LinkKey& link_key;
};

// A session of an approved proposal as messages describe it.
struct SessionFacts {
  std::int64_t id = 0;
  LocalTime start;
  LocalTime end;
  std::string status;  // approved | cancelled | ...
  std::string uid, room, theme, venue, address, sector;
  int sequence = 0;
  std::int64_t network_id = 0;
  std::string network, sender_name, sender_email;
};

// A member as a recipient; *_ok: address present, consent given and not withdrawn, not unusable.
struct RecipientFacts {
  std::int64_t id = 0;
  std::string name, company, email, mobile, landline;
  bool email_ok = false, whatsapp_ok = false;
};

struct InvitationRef {
  std::int64_t id = 0;
  std::string reply_id;
  std::string ical_uid;
};

enum class CalendarPart { none, request, cancel };

struct RenderRequest {
  outreach::MessageKind kind = outreach::MessageKind::invitation;
  outreach::Channel channel = outreach::Channel::email;
  std::string key;   // the outbox dedupe key (also seeds the mail's Message-ID)
  int sequence = 0;  // iCalendar SEQUENCE for the calendar part
  CalendarPart calendar = CalendarPart::none;
  bool answer_buttons = false;  // WhatsApp: the three quick-reply answer buttons
  std::string note;             // {{wijziging}}: one Dutch sentence, or ""
  // Messages that are not about one invitation (the availability poll): {{antwoordlink}} and
  // the mail's Reply-To instead of the invitation's RSVP link and reply address; "" = those.
  std::string answer_link;
  std::string reply_address;
  outreach::MessageContent content;  // followup and digest: {{punten}}, {{nieuwsbrief}}, ...
};

// Sessions of approved proposals (any session status); nullopt when unknown.
std::optional<SessionFacts> load_session_facts(SQLite::Database& db, std::int64_t session_id);
std::optional<RecipientFacts> load_recipient(SQLite::Database& db, std::int64_t member_id);

std::string answer_link(const RenderContext& ctx, std::int64_t invitation_id,
                        std::int64_t expires_at);
std::string optout_link(const RenderContext& ctx, std::int64_t member_id);

// The payload JSON for the outbox; an error names the template problem.
std::expected<std::string, std::string> render_payload(
    const RenderContext& ctx, const RenderRequest& req, const SessionFacts& session,
    const RecipientFacts& member, const InvitationRef& invitation, std::int64_t now_utc);

}  // namespace tafel::outbox
