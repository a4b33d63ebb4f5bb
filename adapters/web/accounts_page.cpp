#include "adapters/web/accounts_page.hpp"

#include "adapters/pages/page_common.hpp"
#include "adapters/pages/pages_setup.hpp"
#include "adapters/web/beheer_parts.hpp"
#include "adapters/web/login.hpp"
#include "adapters/web/password.hpp"
#include "engine/outreach/template_renderer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace tafel::web {

namespace {

using outreach::html_escape;

struct Choice {
  std::string value;
  std::string label;
};

std::vector<Choice> networks(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT id, name FROM networks ORDER BY name");
  std::vector<Choice> out;
  while (q.executeStep())
    out.push_back({std::to_string(q.getColumn(0).getInt64()), q.getColumn(1).getString()});
  return out;
}

std::vector<Choice> facilitators(SQLite::Database& db) {
  SQLite::Statement q(db,
                      "SELECT id, name FROM staff WHERE role = 'facilitator' AND active = 1 "
                      "ORDER BY name");
  std::vector<Choice> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  return out;
}

std::string options_html(const std::vector<Choice>& choices) {
  std::string out = "<option value=\"\">—</option>";
  for (const auto& c : choices)
    out +=
        fmt::format("<option value=\"{}\">{}</option>", html_escape(c.value), html_escape(c.label));
  return out;
}

std::string scope_text(const Account& a, const std::vector<Choice>& nets) {
  if (a.network_id) {
    const std::string id = std::to_string(*a.network_id);
    for (const auto& n : nets)
      if (n.value == id) return "netwerk " + n.label;
    return "netwerk " + id;
  }
  if (a.staff_id) return "begeleider " + *a.staff_id;
  return "alles";
}

std::string accounts_table(const std::vector<Account>& accounts, const std::vector<Choice>& nets,
                           const Authenticated& who) {
  std::string out =
      "<div class=\"tabel\"><table>\n<thead><tr><th scope=\"col\">E-mail</th>"
      "<th scope=\"col\">Rol</th><th scope=\"col\">Ziet</th><th scope=\"col\">Status</th>"
      "<th scope=\"col\"><span class=\"klein\">Actie</span></th></tr></thead>\n<tbody>\n";
  for (const auto& a : accounts) {
    std::string action;
    if (!a.disabled && a.id != who.account.id)
      action = fmt::format(
          "<form method=\"post\" action=\"/beheer/accounts/{}/uitschakelen\">"
          "<input type=\"hidden\" name=\"csrf\" value=\"{}\">"
          "<button type=\"submit\" class=\"tweede\" aria-label=\"{} uitschakelen\">Uitschakelen"
          "</button></form>",
          a.id, html_escape(who.csrf), html_escape(a.email));
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       html_escape(a.email), dutch_role(a.role), html_escape(scope_text(a, nets)),
                       a.disabled ? "uitgeschakeld" : "actief", action);
  }
  return out + "</tbody>\n</table></div>\n";
}

http::Response accounts_page(const WebSetup& setup, SQLite::Database& db, const Authenticated& who,
                             int status, const std::string& error) {
  const auto nets = networks(db);
  pages::PageValues v;
  v.html("menu", menu_html(who))
      .html("fout", error.empty() ? std::string()
                                  : fmt::format("<p class=\"fout\" role=\"alert\">{}</p>",
                                                html_escape(error)))
      .html("tabel", accounts_table(list_accounts(db), nets, who))
      .text("csrf", who.csrf)
      .html("netwerken", options_html(nets))
      .html("begeleiders", options_html(facilitators(db)))
      .text("minimum", std::to_string(kMinPasswordLength));
  return setup.templates.respond(status, "accounts.html", "Accounts", v);
}

std::optional<std::string> email_of(std::string_view raw) {
  std::string email = pages::trim_text(raw);
  std::transform(email.begin(), email.end(), email.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto at = email.find('@');
  const bool ok = at != std::string::npos && at > 0 && at + 1 < email.size() &&
                  email.find('@', at + 1) == std::string::npos && email.size() <= 254 &&
                  std::none_of(email.begin(), email.end(),
                               [](unsigned char c) { return std::isspace(c) || std::iscntrl(c); });
  if (!ok) return std::nullopt;
  return email;
}

}  // namespace

http::Response handle_accounts_get(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  if (who->account.role != Role::coordinator) return not_found_page(setup);
  return accounts_page(setup, *db, *who, 200, "");
}

http::Response handle_account_add(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto form = pages::form_of(request);
  if (!form || !csrf_ok(*who, *form)) return forbidden_page(setup);
  if (who->account.role != Role::coordinator) return not_found_page(setup);

  const auto fail = [&](const std::string& why) {
    return accounts_page(setup, *db, *who, 422, why);
  };
  const auto email = email_of(form->get("email").value_or(""));
  if (!email) return fail("Vul een geldig e-mailadres in.");
  const auto role = parse_role(form->get("rol").value_or(""));
  if (!role) return fail("Kies een rol.");
  Account account;
  account.email = *email;
  account.role = *role;
  const std::string network(form->get("netwerk").value_or(""));
  const std::string staff(form->get("begeleider").value_or(""));
  if (*role == Role::partner) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(network.data(), network.data() + network.size(), id);
    SQLite::Statement q(*db, "SELECT 1 FROM networks WHERE id = ?");
    q.bind(1, id);
    if (network.empty() || ec != std::errc{} || end != network.data() + network.size() ||
        !q.executeStep())
      return fail("Een netwerkpartner hoort bij een netwerk: kies het netwerk.");
    account.network_id = id;
  } else if (*role == Role::facilitator) {
    SQLite::Statement q(*db, "SELECT 1 FROM staff WHERE id = ? AND role = 'facilitator'");
    q.bind(1, staff);
    if (staff.empty() || !q.executeStep())
      return fail("Een facilitator hoort bij een begeleider: kies de begeleider.");
    account.staff_id = staff;
  }
  const std::string password(form->get("wachtwoord").value_or(""));
  if (pages::utf8_length(password) < kMinPasswordLength)
    return fail(fmt::format("Het wachtwoord moet minstens {} tekens hebben.", kMinPasswordLength));
  if (find_account(*db, *email)) return fail("Er is al een account met dit e-mailadres.");
  account.password = hash_password(password);

  SQLite::Transaction tx(*db);
  const auto id = add_account(*db, account);
  add_audit(*db, AuditEntry{"", who->account.email, "account_added", "account", std::to_string(id),
                            fmt::format("role={}", role_name(*role))});
  tx.commit();
  return redirect_to("/beheer/accounts");
}

http::Response handle_account_disable(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto form = pages::form_of(request);
  if (!form || !csrf_ok(*who, *form)) return forbidden_page(setup);
  const auto id = path_id(request);
  if (!id || who->account.role != Role::coordinator) return not_found_page(setup);
  if (*id == who->account.id)
    return accounts_page(setup, *db, *who, 422, "U kunt uw eigen account niet uitschakelen.");
  SQLite::Transaction tx(*db);
  if (!set_account_disabled(*db, *id, true)) return not_found_page(setup);
  add_audit(*db, AuditEntry{"", who->account.email, "account_disabled", "account",
                            std::to_string(*id), ""});
  tx.commit();
  return redirect_to("/beheer/accounts");
}

http::Response handle_api_accounts(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, true);
  if (!who) return api_unauthorized();
  if (who->account.role != Role::coordinator) return api_not_found();
  nlohmann::json accounts = nlohmann::json::array();
  for (const auto& a : list_accounts(*db))
    accounts.push_back({{"id", a.id},
                        {"email", a.email},
                        {"role", role_name(a.role)},
                        {"network_id", a.network_id ? nlohmann::json(*a.network_id) : nullptr},
                        {"staff_id", a.staff_id ? nlohmann::json(*a.staff_id) : nullptr},
                        {"disabled", a.disabled},
                        {"created_at", a.created_at}});
  return http::json_response(200, nlohmann::json{{"accounts", std::move(accounts)}}.dump());
}

}  // namespace tafel::web
