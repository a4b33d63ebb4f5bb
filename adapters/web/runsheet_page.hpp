#pragma once
// The run sheet (draaiboek) of one session and its roles, scoped by role (beheer_parts.hpp: a
// partner its network's sessions, a facilitator the sessions they run; otherwise 404).
//
//   GET  /beheer/sessies/{id}/draaiboek  the programme (engine/sessions/programme.hpp) with
//                                        minutes and clock times from the session's start, the
//                                        start and action questions, the facilitator prompts,
//                                        the participants (company, sector) and the cases they
//                                        sent with their RSVP, facilitator and expert, the
//                                        sector-data cards of the session's sector with a bar
//                                        chart, and the rule findings shown prominently. Prints
//                                        on A4 (opmaak.html's @media print). Forms to edit the
//                                        programme and (coordinator, partner) the roles.
//   POST /beheer/sessies/{id}/draaiboek  csrf, minutes_<part key>, start_question,
//                                        action_question, intervision_method, sector_card_id
//                                        ("" = none). Saved even when it breaks a timing rule
//                                        (the sheet then shows the findings): 303 back. Input
//                                        the store refuses: 422 with the form and the message.
//   POST /beheer/sessies/{id}/rollen     csrf, facilitator_id, expert_id ("" = none); the
//                                        same person twice, unknown staff: 422 with the Dutch
//                                        message. Coordinator or the session's partner only.
//   GET  /api/sessies/{id}/draaiboek     the same as JSON.
//   POST /api/sessies/{id}/draaiboek     JSON {"minutes": {part key: int}, "start_question",
//                                        "action_question", "intervision_method",
//                                        "sector_card_id"}: 200 {"findings"}; 422 {"error",
//                                        "field"}.
//   POST /api/sessies/{id}/rollen        JSON {"facilitator_id", "expert_id"}: 200, 422.
// API writes from a browser session carry the CSRF token in X-CSRF-Token. Every write: one
// transaction with an audit_log row (ids only).

#include "adapters/http/message.hpp"
#include "adapters/web/web_setup.hpp"

namespace tafel::web {

http::Response handle_runsheet_get(const WebSetup& setup, const http::Request& request);
http::Response handle_runsheet_post(const WebSetup& setup, const http::Request& request);
http::Response handle_roles_post(const WebSetup& setup, const http::Request& request);
http::Response handle_api_runsheet(const WebSetup& setup, const http::Request& request);
http::Response handle_api_runsheet_post(const WebSetup& setup, const http::Request& request);
http::Response handle_api_roles_post(const WebSetup& setup, const http::Request& request);

}  // namespace tafel::web
