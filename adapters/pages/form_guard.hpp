#pragma once
// The hidden `controle` field every form on a personal page carries, and why.
//
// These pages have no login and no session cookie: the signed token in the URL is the
// capability (128 random bits plus an HMAC; link_token.hpp). Classic CSRF — a hostile site
// making the victim's browser POST with the victim's ambient credentials — needs ambient
// credentials; here there are none, and whoever knows the URL can already act on it directly,
// with or without anyone's browser. So no anti-CSRF token can protect a leaked link, and none is
// claimed to.
//
// What the field does buy: a POST is honoured only when it carries
// controle = base64url(HMAC-SHA256(link key, "tafel-page-form\0" || token)), which only a page
// we rendered contains. A form built from the URL alone (the URL seen in a forwarded mail, a
// link-preview or scanner replaying the link as POST, a hand-made cross-site form) is refused,
// so only someone who opened the page itself can change anything. It is no secret beyond the
// token (anyone holding the token can GET the page and read it) and never expires with the
// page, so a form left open still works until the token itself expires.
//
// The one-click List-Unsubscribe POST (RFC 8058) carries no such field by design: it is built
// by the mail client from the header alone; it is accepted on its own (body
// `List-Unsubscribe=One-Click`) and only withdraws consent, the least harmful action.
//
// Other protections on the same pages: Referrer-Policy no-referrer and Cache-Control no-store
// (the token never leaks to other sites or caches), form-action 'self' in the CSP, and the
// access log records the route pattern, never the token.

#include "adapters/links/link_key.hpp"

#include <string>
#include <string_view>

namespace tafel::pages {

inline constexpr std::string_view kCheckField = "controle";

// The field's value for `token` (43 URL-safe characters).
std::string form_check(const links::LinkKey& key, std::string_view token);

// Compares `value` with form_check(key, token) in constant time.
bool form_check_ok(const links::LinkKey& key, std::string_view token, std::string_view value);

}  // namespace tafel::pages
