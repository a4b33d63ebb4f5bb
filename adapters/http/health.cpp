#include "adapters/http/health.hpp"

namespace tafel::http {

Response handle_healthz(const Request&) { return json_response(200, R"({"status":"ok"})"); }

void register_health_routes(Router& router) { router.get("/healthz", handle_healthz); }

}  // namespace tafel::http
