#include "adapters/web/web_routes.hpp"

#include "adapters/web/accounts_page.hpp"
#include "adapters/web/capture_page.hpp"
#include "adapters/web/feed_route.hpp"
#include "adapters/web/inbox.hpp"
#include "adapters/web/knowledge_pages.hpp"
#include "adapters/web/login.hpp"
#include "adapters/web/members_pages.hpp"
#include "adapters/web/runsheet_page.hpp"
#include "adapters/web/sector_cards_page.hpp"
#include "adapters/web/session_replies_page.hpp"

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
  router.get("/beheer/leden", bind(handle_members_get), limit);
  router.get("/api/leden", bind(handle_api_members), limit);
  router.get("/beheer/leden/{id}", bind(handle_member_get), limit);
  router.get("/api/leden/{id}", bind(handle_api_member), limit);
  router.get("/beheer/leden/{id}/verwijderen", bind(handle_member_erase_get), limit);
  router.post("/beheer/leden/{id}/verwijderen", bind(handle_member_erase_post), limit);
  router.get("/beheer/sessies/{id}/antwoorden", bind(handle_session_replies_get), limit);
  router.get("/beheer/sessies/{id}/belijst.csv", bind(handle_call_list_csv), limit);
  router.get("/api/sessies/{id}/antwoorden", bind(handle_api_session_replies), limit);
  router.get("/beheer/sessies/{id}/draaiboek", bind(handle_runsheet_get), limit);
  router.post("/beheer/sessies/{id}/draaiboek", bind(handle_runsheet_post), limit);
  router.post("/beheer/sessies/{id}/rollen", bind(handle_roles_post), limit);
  router.get("/api/sessies/{id}/draaiboek", bind(handle_api_runsheet), limit);
  router.post("/api/sessies/{id}/draaiboek", bind(handle_api_runsheet_post), limit);
  router.post("/api/sessies/{id}/rollen", bind(handle_api_roles_post), limit);
  router.get("/beheer/sessies/{id}/verslag", bind(handle_capture_get), limit);
  router.post("/beheer/sessies/{id}/verslag", bind(handle_capture_post), limit);
  router.get("/api/sessies/{id}/verslag", bind(handle_api_capture), limit);
  router.post("/api/sessies/{id}/verslag", bind(handle_api_capture_post), limit);
  router.get("/beheer/kennisbank", bind(handle_knowledge_get), limit);
  router.get("/kennisbank/{token}", bind(handle_public_knowledge_get), limit);
  router.get("/api/kennisbank", bind(handle_api_knowledge), limit);
  router.get("/beheer/sectorcijfers", bind(handle_sector_cards_get), limit);
  router.post("/beheer/sectorcijfers", bind(handle_sector_cards_post), limit);
  router.get("/api/sectorcijfers", bind(handle_api_sector_cards), limit);
  router.post("/api/sectorcijfers", bind(handle_api_sector_cards_post), limit);
  router.get("/beheer/accounts", bind(handle_accounts_get), limit);
  router.post("/beheer/accounts", bind(handle_account_add), limit);
  router.post("/beheer/accounts/{id}/uitschakelen", bind(handle_account_disable), limit);
  router.get("/api/accounts", bind(handle_api_accounts), limit);
  router.get("/agenda/{feed}", bind(handle_feed_get), limit);
}

}  // namespace tafel::web
