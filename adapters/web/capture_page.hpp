#pragma once
// The after-session capture (verslag) of one session: for its facilitator (only the sessions
// they run) and the coordinator; anyone else, a partner included, gets 404.
//
//   GET  /beheer/sessies/{id}/verslag  attendance per invited member (came / did not show / not
//                                      noted), the bottlenecks (text + theme), tips, solutions
//                                      and contacts shared, and the three takeaways; filled
//                                      with what was recorded before.
//   POST /beheer/sessies/{id}/verslag  csrf, kwam_<member id> = ja|nee, rows soort_<i>,
//                                      thema_<i>, tekst_<i> (empty text: row skipped),
//                                      inzicht_1..3. Stored by record_capture (sessions_store)
//                                      in one transaction with the audit row: 303 back with
//                                      ?opgeslagen=1. Refused input (e.g. a text naming a
//                                      participant): 422, the store's Dutch message, the form
//                                      keeping what was typed, nothing stored.
//   GET  /api/sessies/{id}/verslag     {"session_id", "recorded", "attendance", "notes",
//                                      "takeaways"}.
//   POST /api/sessies/{id}/verslag     JSON {"attendance": [{"member_id", "came"}], "notes":
//                                      [{"kind", "theme", "text"}], "takeaways": [3 texts]}:
//                                      200; 422 {"error", "field"}.

#include "adapters/http/message.hpp"
#include "adapters/web/web_setup.hpp"

namespace tafel::web {

http::Response handle_capture_get(const WebSetup& setup, const http::Request& request);
http::Response handle_capture_post(const WebSetup& setup, const http::Request& request);
http::Response handle_api_capture(const WebSetup& setup, const http::Request& request);
http::Response handle_api_capture_post(const WebSetup& setup, const http::Request& request);

}  // namespace tafel::web
