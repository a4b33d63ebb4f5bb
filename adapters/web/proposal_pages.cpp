#include "adapters/web/proposal_pages.hpp"

#include "adapters/links/reply_address.hpp"
#include "adapters/outbox/outreach_planner.hpp"
#include "adapters/pages/page_common.hpp"
#include "adapters/planning/plan_round.hpp"
#include "adapters/planning/proposal_view.hpp"
#include "adapters/store/accounts_store.hpp"
#include "adapters/store/proposals_store.hpp"
#include "adapters/web/auth.hpp"
#include "adapters/web/login.hpp"
#include "adapters/web/proposal_html.hpp"
#include "adapters/web/web_routes.hpp"
#include "engine/outreach/template_renderer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <chrono>
#include <map>

namespace tafel::web {

namespace {

using outreach::html_escape;

// Solver time for a re-solve started from the page (the request waits for it).
constexpr std::int64_t kResolveTimeLimitMs = 5000;

struct Deps {
  std::shared_ptr<const WebSetup> web;
  const replies::ReplyContext* reply;
};

std::optional<std::int64_t> to_int(std::string_view s) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<std::int64_t> id_param(const http::Request& request) {
  const auto it = request.params.find("id");
  if (it == request.params.end()) return std::nullopt;
  const auto v = to_int(it->second);
  return v && *v > 0 ? v : std::nullopt;
}

bool may_view(const Account& a, const ProposalHeader& h) {
  switch (a.role) {
    case Role::coordinator:
      return true;
    case Role::partner:
      return a.network_id && *a.network_id == h.network_id;
    case Role::facilitator:
      return false;
  }
  return false;
}

std::optional<Store> open_store(const WebSetup& setup) {
  auto store = Store::open(setup.database);
  if (!store) return std::nullopt;
  store->db().setBusyTimeout(5000);
  return std::move(*store);
}

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// ---- edits, shared by the pages and the API ----

enum class Action { pin, unpin, lock, unlock, resolve, approve };

struct ActionInfo {
  Action action;
  std::string_view path;   // the last URL segment
  std::string_view audit;  // audit_log action
  bool member;             // needs a member id
  bool session;            // needs a session id
};

constexpr ActionInfo kActions[] = {
    {Action::pin, "vastzetten", "pinned", true, true},
    {Action::unpin, "losmaken", "unpinned", true, false},
    {Action::lock, "vergrendelen", "locked", false, true},
    {Action::unlock, "ontgrendelen", "unlocked", false, true},
    {Action::resolve, "herberekenen", "resolved", false, false},
    {Action::approve, "goedkeuren", "approved", false, false},
};

struct EditInput {
  std::optional<std::int64_t> revision;
  std::optional<std::int64_t> member;
  std::optional<std::int64_t> session;
};

struct EditOutcome {
  int status = 200;           // 200 done; 404, 409, 422, 503 refused
  std::string message;        // Dutch: what happened or why not
  std::int64_t proposal = 0;  // the proposal to show next (the new one after a re-solve)
  int revision = 0;           // its revision
  nlohmann::json extra = nlohmann::json::object();
};

EditOutcome refused(int status, std::string message) {
  EditOutcome o;
  o.status = status;
  o.message = std::move(message);
  return o;
}

std::string conflict_message(int stored) {
  return fmt::format(
      "Iemand anders heeft dit voorstel intussen gewijzigd (nu versie {}). Uw wijziging is niet "
      "opgeslagen. Bekijk de nieuwe stand hieronder en probeer het zo nodig opnieuw.",
      stored);
}

int status_of(const ProposalError& e) {
  switch (e.code) {
    case ProposalError::Code::not_found:
      return 404;
    case ProposalError::Code::not_editable:
    case ProposalError::Code::conflict:
      return 409;
    case ProposalError::Code::invalid:
      return 422;
  }
  return 422;
}

void audit(Store& store, const Authenticated& who, const ActionInfo& info, std::int64_t proposal,
           std::string detail) {
  SQLite::Transaction tx(store.db());
  add_audit(store.db(), AuditEntry{"", who.account.email, std::string(info.audit), "proposal",
                                   std::to_string(proposal), std::move(detail)});
  tx.commit();
}

EditOutcome apply_edit(const Deps& deps, Store& store, const Authenticated& who, std::int64_t id,
                       const ActionInfo& info, const EditInput& in) {
  const auto proposal = load_proposal(store, id);
  if (!proposal || !may_view(who.account, proposal->header))
    return refused(404, "Dit voorstel bestaat niet.");
  if (!in.revision) return refused(422, "De versie van het voorstel ontbreekt (veld versie).");
  if (info.member && !in.member) return refused(422, "Kies een persoon (veld lid).");
  if (info.session && !in.session) return refused(422, "Kies een tafel (veld tafel).");
  const int revision = static_cast<int>(*in.revision);
  const std::string ids = fmt::format("revision={}{}{}", revision,
                                      in.member ? fmt::format(",member={}", *in.member) : "",
                                      in.session ? fmt::format(",session={}", *in.session) : "");

  std::expected<int, ProposalError> edited = 0;
  switch (info.action) {
    case Action::pin:
      edited = pin_member(store, id, *in.member, *in.session, revision);
      break;
    case Action::unpin:
      edited = unpin_member(store, id, *in.member, revision);
      break;
    case Action::lock:
    case Action::unlock:
      edited = set_session_locked(store, id, *in.session, info.action == Action::lock, revision);
      break;
    case Action::resolve: {
      if (deps.reply == nullptr)
        return refused(503, "Herberekenen kan nu niet: de berichtsjablonen ontbreken.");
      if (proposal->header.status != "proposed")
        return refused(409, "Dit voorstel is niet meer te wijzigen.");
      if (proposal->header.revision != revision)
        return refused(409, conflict_message(proposal->header.revision));
      PlanRoundOptions options;
      options.time_limit_ms = kResolveTimeLimitMs;
      options.resolve = id;
      auto stored =
          plan_and_store(store, deps.reply->config, deps.reply->zone, PlanningRequest{}, options);
      if (!stored)
        return refused(stored.error().exit_code == 1 ? 500 : 422, stored.error().message);
      audit(store, who, info, id, fmt::format("{},new={}", ids, stored->number));
      EditOutcome o;
      o.message = fmt::format("Opnieuw berekend: dit is voorstel {}.", stored->number);
      o.proposal = stored->number;
      o.extra = {{"previous", id}};
      return o;
    }
    case Action::approve: {
      if (deps.reply == nullptr)
        return refused(503, "Goedkeuren kan nu niet: de berichtsjablonen ontbreken.");
      const replies::ReplyContext& r = *deps.reply;
      const outbox::OutreachSetup setup{r.config, r.zone, r.templates, r.link_key,
                                        [] { return links::new_reply_address_id(); }};
      // As `tafelplanner approve`: the approval and its invitations commit together.
      SQLite::Transaction tx(store.db());
      const auto current = load_proposal(store, id);
      if (!current) return refused(404, "Dit voorstel bestaat niet.");
      if (current->header.status == "proposed" && current->header.revision != revision)
        return refused(409, conflict_message(current->header.revision));
      const auto approved = approve_proposal_in_transaction(store.db(), id, who.account.email);
      if (!approved) return refused(status_of(approved.error()), approved.error().message);
      const auto report = outbox::enqueue_due_messages_in_transaction(store, setup, now_seconds());
      add_audit(store.db(), AuditEntry{"", who.account.email, std::string(info.audit), "proposal",
                                       std::to_string(id), ids});
      tx.commit();
      EditOutcome o;
      o.message = fmt::format("Voorstel goedgekeurd: {} uitnodigingen klaargezet.",
                              report.invitations_created);
      o.proposal = id;
      o.extra = {{"invitations", report.invitations_created}, {"enqueued", report.enqueued}};
      return o;
    }
  }
  if (!edited) {
    const auto& e = edited.error();
    if (e.code == ProposalError::Code::conflict) {
      const auto now = load_proposal(store, id);
      return refused(409, conflict_message(now ? now->header.revision : revision));
    }
    return refused(status_of(e), e.message);
  }
  audit(store, who, info, id, ids);
  EditOutcome o;
  o.message = "Opgeslagen.";
  o.proposal = id;
  o.revision = *edited;
  return o;
}

// ---- pages ----

std::string menu_html(const Authenticated& who) {
  return fmt::format(
      "<nav class=\"kop\" aria-label=\"Hoofdmenu\">\n<p class=\"klein\"><a href=\"/beheer\">"
      "Meldingen</a> · <a href=\"/beheer/rondes\">Planningsrondes</a> · {}</p>\n"
      "<form method=\"post\" action=\"/uitloggen\">\n<input type=\"hidden\" name=\"csrf\" "
      "value=\"{}\">\n<button type=\"submit\" class=\"tweede\">Uitloggen</button>\n</form>\n"
      "</nav>\n",
      html_escape(who.account.email), html_escape(who.csrf));
}

http::Response proposal_page(const Deps& deps, Store& store, const Authenticated& who,
                             const Proposal& p, int status, const std::string& notice,
                             bool notice_is_error) {
  const WebSetup& setup = *deps.web;
  std::optional<Proposal> previous;
  if (p.header.previous_id) previous = load_proposal(store, *p.header.previous_id);
  if (previous && !may_view(who.account, previous->header)) previous.reset();
  const MemberLookup members = lookup_members(store, p, previous ? &*previous : nullptr);
  const auto events = lookup_event_titles(store, p);
  const Config* config = deps.reply ? &deps.reply->config : nullptr;
  const ProposalHtmlInput in{*config,
                             p,
                             previous ? &*previous : nullptr,
                             members,
                             events,
                             who.csrf,
                             p.header.status == "proposed" && !who.csrf.empty()};
  pages::PageValues v;
  v.html("menu", menu_html(who))
      .text("nummer", std::to_string(p.header.id))
      .text("netwerk", p.header.network)
      .text("periode", fmt::format("{} t/m {}", p.header.period_from, p.header.period_to))
      .text("status", dutch_status(p.header.status))
      .text("versie", std::to_string(p.header.revision))
      .text("thema", p.header.theme.empty() ? std::string("geen thema") : p.header.theme)
      .text("samenvatting",
            fmt::format("{} tafels, {} mensen geplaatst, {} niet geplaatst.",
                        p.header.session_count, p.header.placed_count, p.header.unplaced_count))
      .html("melding", notice.empty()
                           ? std::string()
                           : fmt::format("<p class=\"{}\" role=\"{}\">{}</p>",
                                         notice_is_error ? "fout" : "huidig",
                                         notice_is_error ? "alert" : "status", html_escape(notice)))
      .html("grafiek", placement_chart_svg(in))
      .html("wijzigingen", changes_html(in))
      .html("weken", week_view_html(in))
      .html("niet_geplaatst", unplaced_html(in))
      .html("acties", proposal_actions_html(in));
  return setup.templates.respond(status, "voorstel.html",
                                 fmt::format("Voorstel {} — {}", p.header.id, p.header.network), v);
}

// The notice a redirect after a successful edit asks for (?gedaan=...).
std::string done_notice(const http::Request& request) {
  static const std::map<std::string, std::string, std::less<>> kTexts = {
      {"vastzetten", "Opgeslagen: de persoon staat vast aan de gekozen tafel."},
      {"losmaken", "Opgeslagen: de persoon staat niet meer vast."},
      {"vergrendelen", "Opgeslagen: de tafel is vergrendeld."},
      {"ontgrendelen", "Opgeslagen: de tafel is ontgrendeld."},
      {"herberekenen", "Opnieuw berekend. Hieronder staat wat er veranderde."},
      {"goedkeuren", "Goedgekeurd: de uitnodigingen worden verstuurd."},
  };
  const std::string_view q = request.query;
  if (!q.starts_with("gedaan=")) return "";
  const auto it = kTexts.find(q.substr(7));
  return it == kTexts.end() ? std::string() : it->second;
}

http::Response handle_proposal_get(const Deps& deps, const http::Request& request) {
  auto store = open_store(*deps.web);
  if (!store) return http::error_response(503, "database unavailable");
  const auto who = authenticate(*deps.web, store->db(), request, false);
  if (!who) return redirect_to("/inloggen");
  const auto id = id_param(request);
  const auto p = id ? load_proposal(*store, *id) : std::nullopt;
  if (!p || !may_view(who->account, p->header)) return not_found_page(*deps.web);
  return proposal_page(deps, *store, *who, *p, 200, done_notice(request), false);
}

http::Response handle_proposal_post(const Deps& deps, const ActionInfo& info,
                                    const http::Request& request) {
  auto store = open_store(*deps.web);
  if (!store) return http::error_response(503, "database unavailable");
  const auto who = authenticate(*deps.web, store->db(), request, false);
  if (!who) return redirect_to("/inloggen");
  const auto form = pages::form_of(request);
  if (!form || !csrf_ok(*who, *form)) return forbidden_page(*deps.web);
  const auto id = id_param(request);
  if (!id) return not_found_page(*deps.web);
  auto field = [&](std::string_view name) -> std::optional<std::int64_t> {
    const auto v = form->get(name);
    return v ? to_int(*v) : std::nullopt;
  };
  const EditOutcome o = apply_edit(deps, *store, *who, *id, info,
                                   EditInput{field("versie"), field("lid"), field("tafel")});
  if (o.status == 404) return not_found_page(*deps.web);
  if (o.status == 200)
    return redirect_to(fmt::format("/beheer/voorstellen/{}?gedaan={}", o.proposal, info.path));
  const auto p = load_proposal(*store, *id);
  if (!p) return not_found_page(*deps.web);
  return proposal_page(deps, *store, *who, *p, o.status, o.message, true);
}

http::Response handle_rounds_get(const Deps& deps, const http::Request& request) {
  auto store = open_store(*deps.web);
  if (!store) return http::error_response(503, "database unavailable");
  const auto who = authenticate(*deps.web, store->db(), request, false);
  if (!who) return redirect_to("/inloggen");
  std::map<std::int64_t, std::vector<ProposalHeader>> rounds;  // round id -> newest first
  for (auto& h : list_proposals(*store))
    if (may_view(who->account, h)) rounds[h.round_id].push_back(std::move(h));
  std::string html;
  if (rounds.empty()) html = "<p>Er zijn nog geen planningsrondes.</p>\n";
  for (auto it = rounds.rbegin(); it != rounds.rend(); ++it) {
    const ProposalHeader& first = it->second.front();
    html += fmt::format(
        "<section class=\"melding\" aria-labelledby=\"r{0}\">\n<h2 id=\"r{0}\">{1}: {2} t/m "
        "{3}</h2>\n<p class=\"klein\">Thema: {4}</p>\n<ul>\n",
        it->first, html_escape(first.network), html_escape(first.period_from),
        html_escape(first.period_to),
        html_escape(first.theme.empty() ? std::string("geen") : first.theme));
    for (const auto& h : it->second)
      html += fmt::format(
          "<li><a href=\"/beheer/voorstellen/{0}\">Voorstel {0}</a> — {1}: {2} tafels, {3} "
          "geplaatst, {4} niet geplaatst</li>\n",
          h.id, html_escape(dutch_status(h.status)), h.session_count, h.placed_count,
          h.unplaced_count);
    html += "</ul>\n</section>\n";
  }
  pages::PageValues v;
  v.html("menu", menu_html(*who)).html("rondes", std::move(html));
  return deps.web->templates.respond(200, "rondes.html", "Planningsrondes", v);
}

// ---- API ----

http::Response api_unauthorized() {
  auto r = http::error_response(401, "not logged in: send Authorization: Bearer <api token>");
  r.set_header("WWW-Authenticate", "Bearer");
  return r;
}

http::Response handle_api_proposal_get(const Deps& deps, const http::Request& request) {
  auto store = open_store(*deps.web);
  if (!store) return http::error_response(503, "database unavailable");
  const auto who = authenticate(*deps.web, store->db(), request, true);
  if (!who) return api_unauthorized();
  const auto id = id_param(request);
  const auto p = id ? load_proposal(*store, *id) : std::nullopt;
  if (!p || !may_view(who->account, p->header))
    return http::error_response(404, "no such proposal");
  nlohmann::json out = proposal_to_json(*store, *p);
  // Each member's sector, for the placement per sector the page charts.
  const MemberLookup members = lookup_members(*store, *p, nullptr);
  auto sector_of = [&](std::int64_t member) {
    const auto it = members.find(member);
    return it == members.end() ? std::string() : it->second.sector;
  };
  for (auto& s : out["sessions"])
    for (auto& m : s["members"]) m["sector"] = sector_of(m["member"].get<std::int64_t>());
  for (auto& u : out["unplaced"]) u["sector"] = sector_of(u["member"].get<std::int64_t>());
  return http::json_response(200, out.dump());
}

http::Response handle_api_rounds_get(const Deps& deps, const http::Request& request) {
  auto store = open_store(*deps.web);
  if (!store) return http::error_response(503, "database unavailable");
  const auto who = authenticate(*deps.web, store->db(), request, true);
  if (!who) return api_unauthorized();
  std::map<std::int64_t, std::vector<ProposalHeader>> rounds;
  for (auto& h : list_proposals(*store))
    if (may_view(who->account, h)) rounds[h.round_id].push_back(std::move(h));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [round, list] : rounds)
    out.push_back({{"round", round},
                   {"network", list.front().network},
                   {"period", {{"from", list.front().period_from}, {"to", list.front().period_to}}},
                   {"theme", list.front().theme},
                   {"proposals", proposal_list_to_json(list)}});
  return http::json_response(200, nlohmann::json{{"rounds", std::move(out)}}.dump());
}

http::Response handle_api_proposal_post(const Deps& deps, const ActionInfo& info,
                                        const http::Request& request) {
  auto store = open_store(*deps.web);
  if (!store) return http::error_response(503, "database unavailable");
  const auto who = authenticate(*deps.web, store->db(), request, true);
  if (!who) return api_unauthorized();
  const auto id = id_param(request);
  if (!id) return http::error_response(404, "no such proposal");
  const auto body = nlohmann::json::parse(request.body.empty() ? std::string("{}") : request.body,
                                          nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return http::error_response(400, "body: expected a JSON object");
  // A browser session must prove the request came from our pages; API tokens need not.
  if (!who->session_hash.empty()) {
    const auto it = body.find("csrf");
    if (it == body.end() || !it->is_string() || who->csrf.empty() ||
        it->get<std::string>() != who->csrf)
      return http::error_response(403, "/csrf: missing or wrong CSRF token");
  }
  EditInput in;
  for (auto [key, target] : {std::pair{"revision", &in.revision}, std::pair{"member", &in.member},
                             std::pair{"session", &in.session}}) {
    const auto it = body.find(key);
    if (it == body.end() || it->is_null()) continue;
    if (!it->is_number_integer())
      return http::error_response(400, fmt::format("/{}: expected an integer", key));
    *target = it->get<std::int64_t>();
  }
  const EditOutcome o = apply_edit(deps, *store, *who, *id, info, in);
  if (o.status != 200) {
    nlohmann::json err = {{"error", {{"status", o.status}, {"message", o.message}}}};
    if (o.status == 409)
      if (const auto p = load_proposal(*store, *id)) err["revision"] = p->header.revision;
    return http::json_response(o.status, err.dump());
  }
  nlohmann::json out = {{"proposal", o.proposal}, {"message", o.message}};
  if (const auto p = load_proposal(*store, o.proposal)) {
    out["revision"] = p->header.revision;
    out["status"] = p->header.status;
  }
  out.update(o.extra);
  return http::json_response(200, out.dump());
}

}  // namespace

void register_proposal_routes(http::Router& router, std::shared_ptr<const WebSetup> setup,
                              const replies::ReplyContext* reply) {
  if (reply == nullptr) return;
  const auto deps = std::make_shared<const Deps>(Deps{std::move(setup), reply});
  const http::RouteOptions limit{kWebBodyLimit};
  const auto bind = [deps](auto handler) {
    return [deps, handler](const http::Request& r) { return handler(*deps, r); };
  };
  router.get("/beheer/rondes", bind(handle_rounds_get), limit);
  router.get("/beheer/voorstellen/{id}", bind(handle_proposal_get), limit);
  router.get("/api/rondes", bind(handle_api_rounds_get), limit);
  router.get("/api/voorstellen/{id}", bind(handle_api_proposal_get), limit);
  for (const ActionInfo& info : kActions) {
    router.post(
        fmt::format("/beheer/voorstellen/{{id}}/{}", info.path),
        [deps, &info](const http::Request& r) { return handle_proposal_post(*deps, info, r); },
        limit);
    router.post(
        fmt::format("/api/voorstellen/{{id}}/{}", info.path),
        [deps, &info](const http::Request& r) { return handle_api_proposal_post(*deps, info, r); },
        limit);
  }
}

}  // namespace tafel::web
