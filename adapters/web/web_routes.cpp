#include "adapters/web/web_routes.hpp"

#include "adapters/web/inbox.hpp"
#include "adapters/web/login.hpp"

namespace tafel::web {

void register_web_routes(http::Router& router, std::shared_ptr<const WebSetup> setup) {
  const http::RouteOptions limit{kWebBodyLimit};
  const auto bind = [setup](auto handler) {
    return [setup, handler](const http::Request& r) { return handler(*setup, r); };
  };
  router.get("/inloggen", bind(handle_login_get), limit);
  router.post("/inloggen", bind(handle_login_post), limit);
  router.post("/uitloggen", bind(handle_logout_post), limit);
  router.get("/beheer", bind(handle_inbox_get), limit);
  router.post("/beheer/meldingen/{id}/afhandelen", bind(handle_item_resolve), limit);
  router.get("/api/meldingen", bind(handle_api_items), limit);
}

}  // namespace tafel::web
