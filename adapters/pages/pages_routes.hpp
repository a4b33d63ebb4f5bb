#pragma once
// Registers the personal pages on the daemon's Router:
//   GET/POST /r/{token}         RSVP page (rsvp_page.hpp)
//   GET/POST /afmelden/{token}  opt-out and one-click List-Unsubscribe (optout_page.hpp)
//   GET/POST /peiling/{token}   availability poll (poll_page.hpp)
// POST bodies are limited to kPageBodyLimit. The access log records the route pattern, so tokens
// never reach it. No personal data is logged here.

#include "adapters/http/router.hpp"
#include "adapters/pages/pages_setup.hpp"

#include <expected>
#include <memory>
#include <string>

namespace tafel::pages {

void register_pages_routes(http::Router& router, std::shared_ptr<const PagesSetup> setup);

// Builds the setup for `serve`: page templates from `<templates>/pages` (compiled-in defaults for
// missing files), message templates from `<templates>` (compiled-in page defaults do not cover
// those: without them an answer's confirmation cannot be rendered, so that is an error), the
// link key from the state directory or TAFELPLANNER_LINK_KEY, the system clock. Errors name the
// file or key source.
std::expected<std::shared_ptr<const PagesSetup>, std::string> make_pages_setup(
    const Config& config, const TimeZone& zone);

}  // namespace tafel::pages
