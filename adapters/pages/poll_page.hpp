#pragma once
// The availability poll `GET/POST /peiling/{token}` (token purpose poll, subject a
// poll_invitations id).
//
// GET lists the round's candidate moments (poll_moments.hpp) as checkboxes, ticked where the
// person's earlier poll answer covers them, and the network's coming events in the period
// ("waar ik sowieso ben"); it changes nothing. `?ontvangen=1` shows the confirmation. POST
// (fields moment = <moment id>, repeated; bijeenkomst = <event id>, repeated; controle) replaces
// the person's earlier poll answer in one transaction: availability rows with source 'poll'
// overlapping the round's period, and event_attendance rows (source 'poll') of the listed events,
// then sets poll_invitations.answered_at; answers 303 to the confirmation. An id not on the page
// is a 422 naming the field. A round no longer open or polling shows the closed page.

#include "adapters/http/message.hpp"
#include "adapters/pages/pages_setup.hpp"

namespace tafel::pages {

http::Response handle_poll_get(const PagesSetup& setup, const http::Request& request);
http::Response handle_poll_post(const PagesSetup& setup, const http::Request& request);

}  // namespace tafel::pages
