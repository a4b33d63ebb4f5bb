#pragma once
// The replies of one session in the web app, scoped by role (beheer_parts.hpp: a partner only
// its network's sessions, a facilitator only the sessions they run; otherwise 404).
//
//   GET /beheer/sessies/{id}/antwoorden   who accepted, might come, declined, has not answered;
//                                         the waitlist in engine/rsvp order; the open quorum
//                                         warning with its options (merge and move link to the
//                                         proposal page /beheer/voorstellen/{proposal}; the
//                                         warning can be marked handled); a reply funnel
//                                         (invited → answered → accepted) as inline SVG; the
//                                         call list of people who have not answered.
//   GET /beheer/sessies/{id}/belijst.csv  the call list as CSV: UTF-8 with BOM, ';'-separated
//                                         (as Dutch Excel reads it), header naam;bedrijf;telefoon;
//                                         the mobile number, else the landline. Text cells that
//                                         a spreadsheet would run as a formula get a leading '.
//   GET /api/sessies/{id}/antwoorden      the same as JSON: {"session", "counts", "invitees",
//                                         "waitlist", "quorum", "call_list"}.
//
// Not logged in: pages answer 303 to /inloggen, the API 401 JSON.

#include "adapters/http/message.hpp"
#include "adapters/store/session_replies.hpp"
#include "adapters/web/web_setup.hpp"

#include <string>

namespace tafel::web {

http::Response handle_session_replies_get(const WebSetup& setup, const http::Request& request);
http::Response handle_call_list_csv(const WebSetup& setup, const http::Request& request);
http::Response handle_api_session_replies(const WebSetup& setup, const http::Request& request);

// The call list's CSV text (exposed for tests).
std::string call_list_csv(const SessionReplies& replies);

// The reply funnel as an inline SVG (no script, no style attributes).
std::string funnel_svg(int invited, int answered, int accepted);

}  // namespace tafel::web
