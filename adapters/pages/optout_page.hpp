#pragma once
// Opt-out `GET/POST /afmelden/{token}` (token purpose optout or unsubscribe, subject a member id;
// these tokens never expire). The same URL is the List-Unsubscribe target of every mail.
//
// GET shows what will stop, with a choice of channel (alles | email | whatsapp); it changes
// nothing. POST with that choice and the check field withdraws consent through
// replies::record_opt_out (Source web) and answers 200 with the Dutch confirmation.
//
// One-click unsubscribe (RFC 8058): a POST whose body is `List-Unsubscribe=One-Click`
// (urlencoded, or as a multipart/form-data field) needs no cookie and no check field, withdraws
// the email channel (the mail's own list; other channels stay as they are) and answers 200 with a
// short Dutch page — never a redirect. Repeating it changes nothing.

#include "adapters/http/message.hpp"
#include "adapters/pages/pages_setup.hpp"

namespace tafel::pages {

http::Response handle_optout_get(const PagesSetup& setup, const http::Request& request);
http::Response handle_optout_post(const PagesSetup& setup, const http::Request& request);

// True when `request` is an RFC 8058 one-click unsubscribe POST.
bool is_one_click(const http::Request& request);

}  // namespace tafel::pages
