#pragma once
// Finding the invitation or member an inbound message is about. Each lookup is one indexed
// query; all return nullopt when nothing matches (never a guess).

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace tafel::replies {

// The per-invitation reply address's id (`<local>+<id>@domain`, compared lowercase).
std::optional<std::int64_t> invitation_by_reply_id(SQLite::Database& db, std::string_view reply_id);
// A Message-ID (mail, without angle brackets) or wamid (WhatsApp) of a message we sent.
std::optional<std::int64_t> invitation_by_message_id(SQLite::Database& db,
                                                     std::string_view message_id);
// The UID of an invitation's calendar object.
std::optional<std::int64_t> invitation_by_ical_uid(SQLite::Database& db, std::string_view uid);
// A member by address (case-insensitive) or E.164 number (a WhatsApp wa_id has no '+'; both
// forms match).
std::optional<std::int64_t> member_by_email(SQLite::Database& db, std::string_view address);
std::optional<std::int64_t> member_by_phone(SQLite::Database& db, std::string_view phone);
// The member's invitation to the next session that has not started at `now_utc` (for a reply
// that names no invitation); nullopt when there is none or more than one.
std::optional<std::int64_t> open_invitation_of_member(SQLite::Database& db, std::int64_t member_id,
                                                      std::int64_t now_utc);

}  // namespace tafel::replies
