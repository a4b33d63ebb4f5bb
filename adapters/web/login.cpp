#include "adapters/web/login.hpp"

#include "adapters/pages/page_common.hpp"
#include "adapters/pages/pages_setup.hpp"
#include "adapters/web/auth.hpp"
#include "adapters/web/password.hpp"
#include "adapters/web/secrets.hpp"

#include <algorithm>
#include <cctype>

namespace tafel::web {

namespace {

constexpr std::string_view kLoginCookie = "tp_inlog";
constexpr std::int64_t kLoginCookieAge = 3600;

std::string lower_email(std::string_view s) {
  std::string out = pages::trim_text(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// A hash no password matches in practice, verified for unknown accounts so that they cost the
// same time as known ones.
const std::string& dummy_hash() {
  static const std::string hash = hash_password(random_secret());
  return hash;
}

http::Response login_form(const WebSetup& setup, int status, const std::string& csrf,
                          std::string_view email, bool failed) {
  pages::PageValues v;
  v.text("csrf", csrf).text("email", email);
  v.html("fout", failed ? std::string("<p class=\"fout\" role=\"alert\">Het e-mailadres of het "
                                      "wachtwoord klopt niet.</p>")
                        : std::string());
  return setup.templates.respond(status, "inloggen.html", "Inloggen", v);
}

}  // namespace

http::Response redirect_to(std::string location) { return pages::see_other(std::move(location)); }

http::Response forbidden_page(const WebSetup& setup) {
  return setup.templates.respond(403, "geweigerd.html", "Formulier verlopen", {});
}

http::Response not_found_page(const WebSetup& setup) {
  return setup.templates.respond(404, "niet_gevonden.html", "Niet gevonden", {});
}

http::Response handle_login_get(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  if (authenticate(setup, *db, request, false)) return redirect_to("/beheer");
  const std::string csrf = random_secret();
  auto r = login_form(setup, 200, csrf, "", false);
  r.headers.push_back({"Set-Cookie", cookie_header(kLoginCookie, csrf, "/inloggen", kLoginCookieAge,
                                                   setup.secure_cookies)});
  return r;
}

http::Response handle_login_post(const WebSetup& setup, const http::Request& request) {
  const auto form = pages::form_of(request);
  const auto cookie = cookie_value(request, kLoginCookie);
  const auto sent = form ? form->get(kCsrfField) : std::nullopt;
  if (!form || !cookie || cookie->empty() || !sent || !same_secret(*sent, *cookie))
    return forbidden_page(setup);

  const std::string email = lower_email(form->get("email").value_or(""));
  const std::string password(form->get("wachtwoord").value_or(""));
  const std::string address = sha256_hex(request.peer_address);
  const std::int64_t now = setup.now();

  auto db = pages::open_page_db(setup.database);
  const auto failures = recent_login_failures(*db, email, address, now - kThrottleWindow);
  if (failures.count >= kMaxFailures) {
    const std::int64_t wait = std::max<std::int64_t>(failures.oldest + kThrottleWindow - now, 1);
    pages::PageValues v;
    v.text("minuten", std::to_string((wait + 59) / 60));
    auto r = setup.templates.respond(429, "te_veel_pogingen.html", "Te veel pogingen", v);
    r.set_header("Retry-After", std::to_string(wait));
    return r;
  }

  const auto account = find_account(*db, email);
  const bool usable = account && !account->disabled;
  const bool ok = verify_password(password, usable ? account->password : dummy_hash()) && usable;
  if (!ok) {
    add_login_failure(*db, email, address, now);
    return login_form(setup, 422, *cookie, email, true);
  }

  SQLite::Transaction tx(*db);
  clear_login_failures(*db, email, now - kThrottleWindow);
  const std::string session = start_session(setup, *db, account->id);
  tx.commit();
  auto r = redirect_to("/beheer");
  r.headers.push_back({"Set-Cookie", cookie_header(kSessionCookie, session, "/", kSessionLifetime,
                                                   setup.secure_cookies)});
  // One Set-Cookie only: the server keeps one header per name (adapters/http/session.cpp). The
  // log-in cookie is harmless after use (path /inloggen, an hour) and is replaced on the next GET.
  return r;
}

http::Response handle_logout_post(const WebSetup& setup, const http::Request& request) {
  auto db = pages::open_page_db(setup.database);
  const auto who = authenticate(setup, *db, request, false);
  if (!who) return redirect_to("/inloggen");
  const auto form = pages::form_of(request);
  if (!form || !csrf_ok(*who, *form)) return forbidden_page(setup);
  delete_web_session(*db, who->session_hash);
  auto r = redirect_to("/inloggen");
  r.headers.push_back(
      {"Set-Cookie", cookie_header(kSessionCookie, "", "/", 0, setup.secure_cookies)});
  return r;
}

}  // namespace tafel::web
