#pragma once
// The coordinator's inbox in the web app, scoped by role (scope.hpp).
//
//   GET  /beheer                            open items (Dutch): kind, time, detail (escaped),
//                                           each with a form to mark it handled.
//   POST /beheer/meldingen/{id}/afhandelen  csrf; resolves the item and writes the audit log
//                                           (one transaction); 303 to /beheer. An item outside
//                                           one's scope, unknown or already handled: 404.
//   GET  /api/meldingen                     the same items as JSON, for a session or a bearer
//                                           API token: {"items": [{"id", "kind", "created_at",
//                                           "detail", "network_id", "session_id"}]}.
//
// Not logged in: pages answer 303 to /inloggen, the API 401 JSON.

#include "adapters/http/message.hpp"
#include "adapters/web/web_setup.hpp"

namespace tafel::web {

http::Response handle_inbox_get(const WebSetup& setup, const http::Request& request);
http::Response handle_item_resolve(const WebSetup& setup, const http::Request& request);
http::Response handle_api_items(const WebSetup& setup, const http::Request& request);

}  // namespace tafel::web
