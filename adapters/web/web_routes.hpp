#pragma once
// Registers the coordinator web app on the daemon's Router (login.hpp, inbox.hpp):
//   GET/POST /inloggen, POST /uitloggen, GET /beheer,
//   POST /beheer/meldingen/{id}/afhandelen, GET /api/meldingen.
// Form bodies are limited to kWebBodyLimit.

#include "adapters/http/router.hpp"
#include "adapters/web/web_setup.hpp"

#include <cstddef>
#include <memory>

namespace tafel::web {

inline constexpr std::size_t kWebBodyLimit = 256 * 1024;

void register_web_routes(http::Router& router, std::shared_ptr<const WebSetup> setup);

}  // namespace tafel::web
