#include "adapters/web/import_page.hpp"

#include "adapters/pages/page_common.hpp"
#include "adapters/store/accounts_store.hpp"
#include "adapters/store/networks.hpp"
#include "adapters/web/auth.hpp"
#include "adapters/web/beheer_parts.hpp"
#include "adapters/web/import_multipart.hpp"
#include "adapters/web/import_run.hpp"
#include "adapters/web/import_uploads.hpp"
#include "adapters/web/login.hpp"
#include "engine/outreach/template_renderer.hpp"

#include <fmt/format.h>

#include <charconv>
#include <optional>
#include <stdexcept>

namespace tafel::web {

namespace {

using outreach::html_escape;

struct ImportSetup {
  std::shared_ptr<const WebSetup> web;
  Config config;
};

// Room for the form's other fields and the multipart framing around the file.
constexpr std::size_t kFormOverhead = 64 * 1024;

std::string limit_text() {
  return fmt::format(
      "Het bestand is te groot: de grens is {} MiB ({} bytes). Splits het bestand "
      "of laat overbodige kolommen weg.",
      kMaxImportBytes / (1024 * 1024), kMaxImportBytes);
}

Store open_store(const ImportSetup& s) {
  auto store = Store::open(s.config.database);
  if (!store) throw std::runtime_error(store.error().message);
  return std::move(*store);
}

std::optional<std::int64_t> parse_id(std::string_view s) {
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc{} || end != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

bool may_import(const Account& account) {
  return account.role == Role::coordinator ||
         (account.role == Role::partner && account.network_id.has_value());
}

std::vector<NetworkRow> networks_in_scope(Store& store, const Account& account) {
  std::vector<NetworkRow> out;
  if (!may_import(account)) return out;
  for (auto& n : list_networks(store))
    if (account.role == Role::coordinator || n.id == *account.network_id)
      out.push_back(std::move(n));
  return out;
}

std::optional<NetworkRow> network_in_scope(Store& store, const Account& account,
                                           std::optional<std::int64_t> id) {
  if (!id) return std::nullopt;
  for (auto& n : networks_in_scope(store, account))
    if (n.id == *id) return std::move(n);
  return std::nullopt;
}

std::string_view kind_label(ImportKind kind) {
  return kind == ImportKind::members ? "ledenlijst" : "agenda";
}

http::Response form_page(const ImportSetup& s, const Authenticated& who, Store& store, int status,
                         const std::string& error) {
  std::string options;
  for (const auto& n : networks_in_scope(store, who.account))
    options += fmt::format("<option value=\"{}\">{}</option>\n", n.id, html_escape(n.name));
  pages::PageValues v;
  v.html("menu", menu_html(who))
      .html("fout", error.empty() ? std::string()
                                  : fmt::format("<p class=\"fout\" role=\"alert\">{}</p>\n",
                                                html_escape(error)))
      .text("csrf", who.csrf)
      .html("netwerken", std::move(options))
      .text("maximum", fmt::format("{} MiB", kMaxImportBytes / (1024 * 1024)));
  return s.web->templates.respond(status, "import.html", "Importeren", v);
}

std::string place_text(const ImportLine& l) {
  if (l.column == 0) return "—";
  if (l.header.empty()) return std::to_string(l.column);
  return fmt::format("{} ({})", l.column, l.header);
}

std::string lines_html(const ImportOutcome& o) {
  if (o.lines.empty()) return "<p>Geen fouten of waarschuwingen.</p>\n";
  std::string rows;
  for (const auto& l : o.lines)
    rows += fmt::format(
        "<tr class=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{} <span "
        "class=\"klein\">({})</span></td></tr>\n",
        l.error ? "fout-regel" : "waarschuwing-regel", l.line, html_escape(place_text(l)),
        l.error ? "Fout" : "Waarschuwing", html_escape(l.message), html_escape(l.code));
  return "<div class=\"tabel\"><table>\n<caption>Rapport per regel</caption>\n"
         "<thead><tr><th scope=\"col\">Regel</th><th scope=\"col\">Kolom</th>"
         "<th scope=\"col\">Soort</th><th scope=\"col\">Melding</th></tr></thead>\n<tbody>\n" +
         rows + "</tbody>\n</table></div>\n";
}

http::Response report_page(const ImportSetup& s, const Authenticated& who, int status,
                           const ImportOutcome& o, const NetworkRow& network,
                           const std::string& file, const std::string& actions) {
  pages::PageValues v;
  v.html("menu", menu_html(who))
      .text("bestand", file)
      .text("soort", kind_label(o.kind))
      .text("netwerk", network.name)
      .text("samenvatting", import_summary_text(o))
      .html("regels", lines_html(o))
      .html("acties", actions);
  return s.web->templates.respond(status, "import_rapport.html",
                                  o.dry_run ? "Controle van de import" : "Import", v);
}

std::string confirm_forms(const std::string& csrf, const std::string& token) {
  const auto form = [&](std::string_view action, std::string_view label, std::string_view cls) {
    return fmt::format(
        "<form method=\"post\" action=\"/beheer/import/bevestigen\">\n"
        "<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n"
        "<input type=\"hidden\" name=\"upload\" value=\"{}\">\n"
        "<input type=\"hidden\" name=\"actie\" value=\"{}\">\n"
        "<button type=\"submit\"{}>{}</button>\n</form>\n",
        html_escape(csrf), html_escape(token), action, cls, label);
  };
  return "<div class=\"knoppen\">\n" + form("bevestigen", "Bevestigen", "") +
         form("annuleren", "Annuleren", " class=\"tweede\"") + "</div>\n";
}

const std::string kAgain = "<p><a href=\"/beheer/import\">Nog een bestand inlezen</a></p>\n";

void audit_import(Store& store, const Account& account, const NetworkRow& network,
                  const ImportOutcome& o) {
  add_audit(
      store.db(),
      AuditEntry{"", account.email, o.taken ? "imported" : "import_refused",
                 fmt::format("import_{}", import_kind_name(o.kind)), std::to_string(network.id),
                 fmt::format("network={} added={} updated={} removed={} errors={}", network.id,
                             o.added, o.updated, o.removed, o.errors)});
}

// --- handlers ---

http::Response handle_form(const ImportSetup& s, const http::Request& request) {
  Store store = open_store(s);
  const auto who = authenticate(*s.web, store.db(), request, false);
  if (!who) return redirect_to("/inloggen");
  if (!may_import(who->account)) return not_found_page(*s.web);
  sweep_uploads(s.config.state_dir, s.web->now());
  return form_page(s, *who, store, 200, "");
}

http::Response handle_upload(const ImportSetup& s, const http::Request& request) {
  Store store = open_store(s);
  const auto who = authenticate(*s.web, store.db(), request, false);
  if (!who) return redirect_to("/inloggen");
  if (!may_import(who->account)) return not_found_page(*s.web);
  const std::int64_t now = s.web->now();
  sweep_uploads(s.config.state_dir, now);

  if (request.body.size() > kMaxImportBytes + kFormOverhead)
    return form_page(s, *who, store, 413, limit_text());
  const std::string content_type(request.header("Content-Type").value_or(""));
  if (!is_multipart_form(content_type))
    return form_page(s, *who, store, 400,
                     "Het formulier moet als multipart/form-data worden verstuurd.");
  const auto form = parse_multipart_form(content_type, request.body);
  if (!form)
    return form_page(s, *who, store, 400,
                     "Het formulier kon niet worden gelezen: " + form.error() + ".");
  const MultipartField* csrf = form->get("csrf");
  if (!csrf || !csrf_ok(*who, pages::FormBody{{{"csrf", csrf->data}}}))
    return forbidden_page(*s.web);

  const MultipartField* kind_field = form->get("soort");
  const auto kind = kind_field ? parse_import_kind(kind_field->data) : std::nullopt;
  if (!kind)
    return form_page(s, *who, store, 422,
                     "Veld soort: kies wat u inleest (een ledenlijst of een agenda).");
  const MultipartField* network_field = form->get("netwerk");
  const auto network = network_in_scope(
      store, who->account, network_field ? parse_id(network_field->data) : std::nullopt);
  if (!network) return not_found_page(*s.web);
  const MultipartField* file = form->get("bestand");
  if (!file || !file->filename || file->data.empty())
    return form_page(s, *who, store, 422, "Veld bestand: kies een (niet-leeg) bestand.");
  if (file->data.size() > kMaxImportBytes) return form_page(s, *who, store, 413, limit_text());

  std::string name = file->filename->empty() ? std::string("upload") : *file->filename;
  if (const auto slash = name.find_last_of("/\\"); slash != std::string::npos)
    name.erase(0, slash + 1);  // some browsers send a path
  PendingUpload meta{"", who->account.id, network->id, *kind, name, now};
  const std::string token = keep_upload(s.config.state_dir, meta, file->data);
  ImportOutcome o;
  try {
    o = run_import(store, s.config, *kind, *network, upload_data_file(s.config.state_dir, token),
                   name, true);
  } catch (...) {
    discard_upload(s.config.state_dir, token);  // personal data does not wait for the sweep
    throw;
  }
  if (!o.taken) {
    discard_upload(s.config.state_dir, token);
    return report_page(s, *who, 422, o, *network, name, kAgain);
  }
  return report_page(s, *who, 200, o, *network, name, confirm_forms(who->csrf, token));
}

http::Response handle_confirm(const ImportSetup& s, const http::Request& request) {
  Store store = open_store(s);
  const auto who = authenticate(*s.web, store.db(), request, false);
  if (!who) return redirect_to("/inloggen");
  if (!may_import(who->account)) return not_found_page(*s.web);
  const auto form = pages::form_of(request);
  if (!form || !csrf_ok(*who, *form)) return forbidden_page(*s.web);
  const std::int64_t now = s.web->now();
  sweep_uploads(s.config.state_dir, now);
  const auto upload = find_upload(s.config.state_dir, form->get("upload").value_or(""), now);
  if (!upload || upload->account_id != who->account.id) return not_found_page(*s.web);
  const auto network = network_in_scope(store, who->account, upload->network_id);
  if (!network) return not_found_page(*s.web);
  if (form->get("actie").value_or("") == "annuleren") {
    discard_upload(s.config.state_dir, upload->token);
    return redirect_to("/beheer/import");
  }
  if (form->get("actie").value_or("") != "bevestigen")
    return form_page(s, *who, store, 422, "Veld actie: kies Bevestigen of Annuleren.");

  ImportOutcome o;
  try {
    o = run_import(store, s.config, upload->kind, *network,
                   upload_data_file(s.config.state_dir, upload->token), upload->original_name,
                   false);
  } catch (...) {
    discard_upload(s.config.state_dir, upload->token);
    throw;
  }
  discard_upload(s.config.state_dir, upload->token);
  audit_import(store, who->account, *network, o);
  return report_page(s, *who, o.taken ? 200 : 422, o, *network, upload->original_name, kAgain);
}

http::Response api_error(int status, std::string_view message) {
  return http::error_response(status, message);
}

http::Response handle_api(const ImportSetup& s, const http::Request& request) {
  Store store = open_store(s);
  const auto who = authenticate(*s.web, store.db(), request, true);
  if (!who) return api_unauthorized();
  if (!who->session_hash.empty()) {  // a browser session: the CSRF token as a header
    const auto token = request.header("X-CSRF-Token");
    if (!token || !csrf_ok(*who, pages::FormBody{{{"csrf", std::string(*token)}}}))
      return api_error(403, "X-CSRF-Token: ontbreekt of klopt niet");
  }
  const auto kind_param = request.params.find("soort");
  const auto kind =
      kind_param == request.params.end() ? std::nullopt : parse_import_kind(kind_param->second);
  if (!kind || !may_import(who->account)) return api_not_found();
  const auto query = query_of(request);
  const auto network =
      network_in_scope(store, who->account, parse_id(query.get("network").value_or("")));
  if (!network) return api_not_found();
  if (request.body.size() > kMaxImportBytes) return api_error(413, limit_text());
  if (request.body.empty()) return api_error(422, "body: het bestand ontbreekt (lege body)");
  const std::string_view dry = query.get("dry_run").value_or("0");
  const bool dry_run = dry == "1" || dry == "true";
  std::string name(query.get("filename")
                       .value_or(kind == ImportKind::members ? "ledenlijst.csv" : "agenda.ics"));
  if (const auto slash = name.find_last_of("/\\"); slash != std::string::npos)
    name.erase(0, slash + 1);

  const std::int64_t now = s.web->now();
  sweep_uploads(s.config.state_dir, now);
  const std::string token =
      keep_upload(s.config.state_dir,
                  PendingUpload{"", who->account.id, network->id, *kind, name, now}, request.body);
  ImportOutcome o;
  try {
    o = run_import(store, s.config, *kind, *network, upload_data_file(s.config.state_dir, token),
                   name, dry_run);
  } catch (...) {
    discard_upload(s.config.state_dir, token);
    throw;
  }
  discard_upload(s.config.state_dir, token);
  if (!dry_run) audit_import(store, who->account, *network, o);
  return http::json_response(o.taken ? 200 : 422,
                             import_outcome_json(o, network->id, name)
                                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

void register_import_routes(http::Router& router, std::shared_ptr<const WebSetup> setup,
                            const Config& config) {
  auto s = std::make_shared<const ImportSetup>(ImportSetup{std::move(setup), config});
  const auto bind = [s](auto handler) {
    return [s, handler](const http::Request& r) { return handler(*s, r); };
  };
  const http::RouteOptions small{std::size_t{16 * 1024}};
  const http::RouteOptions large{kImportRouteLimit};
  router.get("/beheer/import", bind(handle_form), small);
  router.post("/beheer/import", bind(handle_upload), large);
  router.post("/beheer/import/bevestigen", bind(handle_confirm), small);
  router.post("/api/import/{soort}", bind(handle_api), large);
}

}  // namespace tafel::web
