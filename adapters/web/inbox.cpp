#include "adapters/web/inbox.hpp"

#include "adapters/pages/page_common.hpp"
#include "adapters/pages/pages_setup.hpp"
#include "adapters/web/auth.hpp"
#include "adapters/web/beheer_parts.hpp"
#include "adapters/web/login.hpp"
#include "adapters/web/scope.hpp"
#include "engine/outreach/template_renderer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>

namespace tafel::web {

namespace {

std::string_view kind_label(std::string_view kind) {
  if (kind == "unclear_reply") return "Onduidelijk antwoord";
  if (kind == "unmatched_reply") return "Antwoord van onbekende afzender";
  if (kind == "quarantined") return "Bericht in quarantaine";
  if (kind == "below_quorum") return "Te weinig aanmeldingen";
  if (kind == "unreachable") return "Deelnemer niet bereikbaar";
  if (kind == "channel_failed") return "Kanaal werkt niet";
  if (kind == "template_error") return "Fout in een berichtsjabloon";
  if (kind == "refused_answer") return "Antwoord niet verwerkt";
  if (kind == "bounce") return "E-mail kwam niet aan";
  return kind;
}

// "2026-11-28T10:15:00Z" -> "2026-11-28 10:15 UTC"; anything else unchanged.
std::string time_text(std::string_view iso) {
  if (iso.size() >= 16 && iso[10] == 'T')
    return fmt::format("{} {} UTC", iso.substr(0, 10), iso.substr(11, 5));
  return std::string(iso);
}

std::string item_html(const CoordinatorItem& item, const std::string& csrf) {
  using outreach::html_escape;
  const std::string label = html_escape(kind_label(item.kind));
  return fmt::format(
      "<article class=\"melding\" aria-labelledby=\"m{0}\">\n"
      "<h2 id=\"m{0}\">{1}</h2>\n"
      "<p class=\"klein\"><time datetime=\"{2}\">{3}</time></p>\n"
      "<p>{4}</p>\n"
      "<form method=\"post\" action=\"/beheer/meldingen/{0}/afhandelen\">\n"
      "<input type=\"hidden\" name=\"csrf\" value=\"{5}\">\n"
      "<button type=\"submit\" aria-describedby=\"m{0}\">Afgehandeld</button>\n"
      "</form>\n</article>\n",
      item.id, label, html_escape(item.created_at), html_escape(time_text(item.created_at)),
      html_escape(item.detail), html_escape(csrf));
}

std::optional<std::int64_t> id_param(const http::Request& request) {
  const auto it = request.params.find("id");
  if (it == request.params.end()) return std::nullopt;
  std::int64_t id = 0;
  const auto& s = it->second;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc{} || end != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace

http::Response handle_inbox_get(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto items = open_items_in_scope(*db, who->account);
  std::string list;
  for (const auto& item : items) list += item_html(item, who->csrf);
  pages::PageValues v;
  v.html("menu", menu_html(*who))
      .text("aantal", items.empty()       ? std::string("Er zijn geen open meldingen.")
                      : items.size() == 1 ? std::string("1 open melding.")
                                          : fmt::format("{} open meldingen.", items.size()))
      .html("meldingen", std::move(list));
  return setup.templates.respond(200, "beheer.html", "Meldingen", v);
}

http::Response handle_item_resolve(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto form = pages::form_of(request);
  if (!form || !csrf_ok(*who, *form)) return forbidden_page(setup);
  const auto id = id_param(request);
  if (!id) return not_found_page(setup);

  SQLite::Transaction tx(*db);
  std::optional<CoordinatorItem> item;
  for (auto& open : open_coordinator_items(*db))
    if (open.id == *id) item = std::move(open);
  if (!item || !item_in_scope(*db, who->account, *item)) return not_found_page(setup);
  if (!resolve_coordinator_item(*db, *id, who->account.email)) return not_found_page(setup);
  add_audit(*db, AuditEntry{"", who->account.email, "resolved", "coordinator_item",
                            std::to_string(*id), fmt::format("kind={}", item->kind)});
  tx.commit();
  return redirect_to("/beheer");
}

http::Response handle_api_items(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, true);
  if (!who) {
    auto r = http::error_response(401, "not logged in: send Authorization: Bearer <api token>");
    r.set_header("WWW-Authenticate", "Bearer");
    return r;
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : open_items_in_scope(*db, who->account)) {
    nlohmann::json j{
        {"id", item.id},         {"kind", item.kind},     {"created_at", item.created_at},
        {"detail", item.detail}, {"network_id", nullptr}, {"session_id", nullptr}};
    if (item.network_id) j["network_id"] = *item.network_id;
    if (item.session_id) j["session_id"] = *item.session_id;
    items.push_back(std::move(j));
  }
  return http::json_response(200, nlohmann::json{{"items", std::move(items)}}.dump());
}

}  // namespace tafel::web
