#pragma once
// Liveness: `GET /healthz` (and HEAD) answers 200 {"status":"ok"} while the process serves
// requests. It touches nothing else, so it stays cheap under load.

#include "adapters/http/router.hpp"

namespace tafel::http {

Response handle_healthz(const Request& request);

void register_health_routes(Router& router);

}  // namespace tafel::http
