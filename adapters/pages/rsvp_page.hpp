#pragma once
// The RSVP page `GET/POST /r/{token}` (token purpose rsvp, subject an invitation id).
//
// GET shows the session (date, time, duration, venue, room, address, theme), the current answer
// and a form with three buttons (Ik kom / Kan niet / Misschien) and an optional case text; it
// never changes anything (mail scanners open every link). `?ontvangen=1` shows the confirmation
// after a POST. POST (fields antwoord = ja|nee|misschien, casus, controle) records the answer
// through replies::record_answer (Source web) in one transaction and answers 303 to the
// confirmation. Once the session has started, is cancelled or its proposal is no longer
// approved, both show that answering is closed. An expired token gets the 410 page with the
// fresh-link form (POST with actie=nieuwe_link), an unknown one the bare 410 page.

#include "adapters/http/message.hpp"
#include "adapters/pages/pages_setup.hpp"

namespace tafel::pages {

inline constexpr std::size_t kMaxCaseChars = 1000;

http::Response handle_rsvp_get(const PagesSetup& setup, const http::Request& request);
http::Response handle_rsvp_post(const PagesSetup& setup, const http::Request& request);

}  // namespace tafel::pages
