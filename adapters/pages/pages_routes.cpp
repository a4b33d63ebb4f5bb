#include "adapters/pages/pages_routes.hpp"

#include "adapters/pages/evaluation_page.hpp"
#include "adapters/pages/optout_page.hpp"
#include "adapters/pages/poll_page.hpp"
#include "adapters/pages/rsvp_page.hpp"

#include <fmt/format.h>

#include <chrono>
#include <stdexcept>

namespace tafel::pages {

void register_pages_routes(http::Router& router, std::shared_ptr<const PagesSetup> setup) {
  const http::RouteOptions limit{kPageBodyLimit};
  auto add = [&](const char* pattern, auto get, auto post) {
    router.get(
        pattern, [setup, get](const http::Request& r) { return get(*setup, r); }, limit);
    router.post(
        pattern, [setup, post](const http::Request& r) { return post(*setup, r); }, limit);
  };
  add("/r/{token}", handle_rsvp_get, handle_rsvp_post);
  add("/afmelden/{token}", handle_optout_get, handle_optout_post);
  add("/peiling/{token}", handle_poll_get, handle_poll_post);
  // The after-session evaluation: its own small catalogue, checked here at start-up.
  auto evaluation =
      PageTemplates::load(setup->config.messaging.templates_dir / "pages", evaluation_pages());
  if (!evaluation) throw std::runtime_error(evaluation.error());
  auto eval = std::make_shared<const PageTemplates>(std::move(*evaluation));
  router.get(
      "/evaluatie/{token}",
      [setup, eval](const http::Request& r) { return handle_evaluation_get(*setup, *eval, r); },
      limit);
  router.post(
      "/evaluatie/{token}",
      [setup, eval](const http::Request& r) { return handle_evaluation_post(*setup, *eval, r); },
      limit);
}

std::expected<std::shared_ptr<const PagesSetup>, std::string> make_pages_setup(
    const replies::ReplyContext& context) {
  const Config& config = context.config;
  auto pages = PageTemplates::load(config.messaging.templates_dir / "pages");
  if (!pages) return std::unexpected(pages.error());
  return std::make_shared<const PagesSetup>(PagesSetup{
      config.database, config, context.zone, context.templates, context.link_key, std::move(*pages),
      [] {
        return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count());
      }});
}

}  // namespace tafel::pages
