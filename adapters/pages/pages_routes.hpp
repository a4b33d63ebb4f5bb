#pragma once
// Registers the personal pages on the daemon's Router:
//   GET/POST /r/{token}         RSVP page (rsvp_page.hpp)
//   GET/POST /afmelden/{token}  opt-out and one-click List-Unsubscribe (optout_page.hpp)
//   GET/POST /peiling/{token}   availability poll (poll_page.hpp)
// POST bodies are limited to kPageBodyLimit. The access log records the route pattern, so tokens
// never reach it. No personal data is logged here.

#include "adapters/http/router.hpp"
#include "adapters/pages/pages_setup.hpp"
#include "adapters/replies/record_answer.hpp"

#include <expected>
#include <memory>
#include <string>

namespace tafel::pages {

void register_pages_routes(http::Router& router, std::shared_ptr<const PagesSetup> setup);

// Builds the setup for `serve`: page templates from `<templates>/pages` (compiled-in defaults for
// missing files), the message templates and link key of `context` (copied), the system clock.
// Errors name the file.
std::expected<std::shared_ptr<const PagesSetup>, std::string> make_pages_setup(
    const replies::ReplyContext& context);

}  // namespace tafel::pages
