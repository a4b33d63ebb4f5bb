#include "adapters/http/security_headers.hpp"

namespace tafel::http {

void apply_default_headers(Response& response) {
  response.set_default_header("X-Content-Type-Options", "nosniff");
  response.set_default_header("Referrer-Policy", "no-referrer");
  response.set_default_header("X-Frame-Options", "DENY");
  response.set_default_header("Content-Security-Policy", std::string(kStrictContentSecurityPolicy));
  response.set_default_header("Cache-Control", "no-store");
}

}  // namespace tafel::http
