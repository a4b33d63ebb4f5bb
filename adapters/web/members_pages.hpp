#pragma once
// The members pages of the web app, scoped by role (beheer_parts.hpp: a partner sees only its
// network's members, a facilitator only the members of their sessions; any other id is 404).
//
//   GET  /beheer/leden                   search and filters (query: q = part of name or company,
//                                        sector, geschikt, email, whatsapp, beantwoord = ja|nee,
//                                        pagina = 1-based, kPageSize per page).
//   GET  /api/leden                      the same as JSON: {"total", "page", "page_size",
//                                        "members": [{"id", "network_id", "network", "company",
//                                        "name", "sector", "eligible", "consent_email",
//                                        "consent_whatsapp", "invitations", "answered"}]}.
//   GET  /beheer/leden/{id}              the member's details and contact history: every outbox
//                                        message, inbound message and RSVP event with time,
//                                        channel, kind and state (no message bodies).
//   GET  /api/leden/{id}                 {"member": {...}, "history": [{"at", "direction",
//                                        "channel", "kind", "state", "session_id"}]}.
//   GET  /beheer/leden/{id}/verwijderen  coordinator only: the confirmation page.
//   POST /beheer/leden/{id}/verwijderen  coordinator only; csrf and bevestig=ja: erases the
//                                        member everywhere (adapters/store/erasure.hpp), writes
//                                        an audit_log row with ids and counts only, and shows
//                                        what was removed.
//
// Not logged in: pages answer 303 to /inloggen, the API 401 JSON.

#include "adapters/http/message.hpp"
#include "adapters/web/web_setup.hpp"

namespace tafel::web {

inline constexpr int kPageSize = 50;

http::Response handle_members_get(const WebSetup& setup, const http::Request& request);
http::Response handle_api_members(const WebSetup& setup, const http::Request& request);
http::Response handle_member_get(const WebSetup& setup, const http::Request& request);
http::Response handle_api_member(const WebSetup& setup, const http::Request& request);
http::Response handle_member_erase_get(const WebSetup& setup, const http::Request& request);
http::Response handle_member_erase_post(const WebSetup& setup, const http::Request& request);

}  // namespace tafel::web
