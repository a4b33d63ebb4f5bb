#pragma once
// Migrations kept in files of their own, one per area (see schema.cpp for the order).

#include <string_view>

namespace tafel {

// Version 2: planning rounds, proposals and their sessions (schema_v2_planning.cpp).
std::string_view schema_v2_planning();
// Version 3: invitations, the outbox and inbound messages (schema_v3_outreach.cpp).
std::string_view schema_v3_outreach();
// Version 4: RSVP logs, inbound messages and webhook deliveries, the coordinator's inbox, the
// availability poll, channel state (schema_v4_replies.cpp).
std::string_view schema_v4_replies();
// Version 5: accounts, web sessions, log-in attempts, API tokens, audit log
// (schema_v5_accounts.cpp).
std::string_view schema_v5_accounts();
// Version 6: availability-poll timing on planning rounds (schema_v6_rounds.cpp).
std::string_view schema_v6_rounds();
// Version 7: session roles, run sheets, after-session capture, knowledge base, sector figures,
// evaluations and digests (schema_v7_sessions.cpp).
std::string_view schema_v7_sessions();

}  // namespace tafel
