// The import page and its JSON twin over real HTTP against the daemon and a real SQLite file:
// upload -> per-line report -> confirm imports; refused files name line and column; CSRF;
// partner scope (404); the size limit (413, Dutch); the pending upload is deleted after use.

#include "tests/adapters/web/web_fixture.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace tafel::testing {
namespace {

constexpr const char* kBoundary = "----tafelgrens7MA4YWxkTrZu0gW";

const std::string kGoodCsv =
    "Bedrijf;Naam;E-mail;Mobiel;Sector;Medewerkers;HR;Plaats\n"
    "Bouw A;Anna;anna@a.example.nl;0612345001;bouw;5;nee;Ede\n"
    "Bouw B;Bert;bert@b.example.nl;0612345002;bouw;6;nee;Ede\n";

const std::string kBadCsv =
    "Bedrijf;Naam;E-mail;Mobiel;Sector;Medewerkers;HR;Plaats\n"
    "Bouw A;Anna;anna@a.example.nl;0612345001;bouw;5;nee;Ede\n"
    ";Bert;bert@b.example.nl;0612345002;bouw;6;nee;Ede\n";  // no company: a row error

struct Part {
  std::string name;
  std::string value;
  std::string filename;  // empty: a plain field
};

// A calendar with one event a week from now (inside the default import window).
std::string one_event_calendar() {
  using namespace std::chrono;
  const auto day = floor<days>(system_clock::now()) + days(7);
  const year_month_day ymd(day);
  const std::string date =
      fmt::format("{:04}{:02}{:02}", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//NL\r\n"
         "BEGIN:VEVENT\r\nUID:a@test\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Ledenavond\r\n"
         "DTSTART:" +
         date + "T180000Z\r\nDTEND:" + date +
         "T200000Z\r\nEND:VEVENT\r\n"
         "END:VCALENDAR\r\n";
}

std::string multipart(const std::vector<Part>& parts) {
  std::string body;
  for (const auto& p : parts) {
    body += std::string("--") + kBoundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"" + p.name + "\"";
    if (!p.filename.empty()) body += "; filename=\"" + p.filename + "\"\r\nContent-Type: text/csv";
    body += "\r\n\r\n" + p.value + "\r\n";
  }
  return body + "--" + kBoundary + "--\r\n";
}

class ImportPage : public WebTest {
 protected:
  void SetUp() override {
    WebTest::SetUp();
    ASSERT_EQ(
        cli("users add co@example.nl --role coordinator --password-stdin", "co wachtwoord\n").code,
        0);
    ASSERT_EQ(cli("users add noord@example.nl --role partner --network Noord --password-stdin",
                  "noord wachtwoord\n")
                  .code,
              0);
    start_daemon();
  }

  struct Browser {
    std::string cookie;
    std::string csrf;
  };

  Browser browser(const std::string& email, const std::string& password) {
    Browser b;
    b.cookie = session_for(email, password);
    EXPECT_FALSE(b.cookie.empty());
    const auto page = get("/beheer/import", {"Cookie: tp_sessie=" + b.cookie});
    EXPECT_TRUE(page && page->status == 200);
    if (page) b.csrf = csrf_of(page->body);
    return b;
  }

  std::optional<HttpResponse> upload(const Browser& b, const std::string& kind,
                                     std::int64_t network_id, const std::string& file,
                                     const std::string& filename, bool with_csrf = true) {
    std::vector<Part> parts;
    if (with_csrf) parts.push_back({"csrf", b.csrf, ""});
    parts.push_back({"soort", kind, ""});
    parts.push_back({"netwerk", std::to_string(network_id), ""});
    parts.push_back({"bestand", file, filename});
    return http_request(daemon_->host(), daemon_->port(), "POST", "/beheer/import",
                        multipart(parts),
                        {"Cookie: tp_sessie=" + b.cookie,
                         std::string("Content-Type: multipart/form-data; boundary=") + kBoundary});
  }

  static std::string upload_token(const std::string& html) {
    std::smatch m;
    const std::regex re("name=\"upload\" value=\"([^\"]*)\"");
    return std::regex_search(html, m, re) ? m[1].str() : "";
  }

  std::optional<HttpResponse> confirm(const Browser& b, const std::string& token,
                                      const std::string& action = "bevestigen") {
    return post_form(
        "/beheer/import/bevestigen",
        "csrf=" + url_encode(b.csrf) + "&upload=" + url_encode(token) + "&actie=" + action,
        {"Cookie: tp_sessie=" + b.cookie});
  }

  int count(const std::string& sql) {
    auto d = db();
    return d.execAndGet(sql).getInt();
  }

  std::size_t pending_uploads() {
    const auto dir = dir_ / "uploads";
    if (!std::filesystem::exists(dir)) return 0;
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir),
                                                  std::filesystem::directory_iterator()));
  }
};

TEST_F(ImportPage, FormIsDutchWithLabelsAndOnlyScopedNetworks) {
  const auto co = browser("co@example.nl", "co wachtwoord");
  const auto page = get("/beheer/import", {"Cookie: tp_sessie=" + co.cookie});
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(page->body.find("<label for=\"bestand\">"), std::string::npos);
  EXPECT_NE(page->body.find(">Noord</option>"), std::string::npos);
  EXPECT_NE(page->body.find(">Zuid</option>"), std::string::npos);

  const auto noord = browser("noord@example.nl", "noord wachtwoord");
  const auto own = get("/beheer/import", {"Cookie: tp_sessie=" + noord.cookie});
  ASSERT_TRUE(own);
  EXPECT_NE(own->body.find(">Noord</option>"), std::string::npos);
  EXPECT_EQ(own->body.find("Zuid"), std::string::npos);
}

TEST_F(ImportPage, UploadShowsTheReportThenConfirmImports) {
  const auto co = browser("co@example.nl", "co wachtwoord");
  const auto report = upload(co, "members", network("Noord"), kGoodCsv, "leden.csv");
  ASSERT_TRUE(report);
  ASSERT_EQ(report->status, 200) << report->body;
  EXPECT_NE(report->body.find("Klaar om in te lezen: 2 nieuw"), std::string::npos) << report->body;
  EXPECT_NE(report->body.find("Bevestigen"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM members"), 0);  // a dry run writes nothing
  EXPECT_EQ(pending_uploads(), 2u);                     // the file and its metadata

  const std::string token = upload_token(report->body);
  ASSERT_FALSE(token.empty());
  const auto done = confirm(co, token);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->status, 200) << done->body;
  EXPECT_NE(done->body.find("Ingelezen: 2 nieuw"), std::string::npos) << done->body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM members"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM imports WHERE source = 'leden.csv'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'imported' AND object_kind = "
                  "'import_members' AND detail NOT LIKE '%anna%'"),
            1);
  EXPECT_EQ(pending_uploads(), 0u);  // personal data does not stay behind

  const auto again = confirm(co, token);  // the upload is gone
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 404);
}

TEST_F(ImportPage, CancelDeletesTheUpload) {
  const auto co = browser("co@example.nl", "co wachtwoord");
  const auto report = upload(co, "members", network("Noord"), kGoodCsv, "leden.csv");
  ASSERT_TRUE(report && report->status == 200);
  const auto r = confirm(co, upload_token(report->body), "annuleren");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(pending_uploads(), 0u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM members"), 0);
}

TEST_F(ImportPage, BadCsvNamesLineAndColumnAndImportsNothing) {
  const auto co = browser("co@example.nl", "co wachtwoord");
  const auto report = upload(co, "members", network("Noord"), kBadCsv, "leden.csv");
  ASSERT_TRUE(report);
  EXPECT_EQ(report->status, 422);
  EXPECT_NE(report->body.find("<td>3</td><td>1 (Bedrijf)</td><td>Fout</td>"), std::string::npos)
      << report->body;
  EXPECT_NE(report->body.find("Niet ingelezen: 1 fout(en)"), std::string::npos);
  EXPECT_EQ(report->body.find("Bevestigen"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM members"), 0);
  EXPECT_EQ(pending_uploads(), 0u);
}

TEST_F(ImportPage, UploadWithoutCsrfIsRefused) {
  const auto co = browser("co@example.nl", "co wachtwoord");
  const auto r = upload(co, "members", network("Noord"), kGoodCsv, "leden.csv", false);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(pending_uploads(), 0u);
  Browser wrong = co;
  wrong.csrf = "verkeerd";
  const auto w = upload(wrong, "members", network("Noord"), kGoodCsv, "leden.csv");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->status, 403);
}

TEST_F(ImportPage, PartnerCannotImportIntoAnotherNetwork) {
  const auto noord = browser("noord@example.nl", "noord wachtwoord");
  const auto r = upload(noord, "members", network("Zuid"), kGoodCsv, "leden.csv");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(pending_uploads(), 0u);
  const auto own = upload(noord, "members", network("Noord"), kGoodCsv, "leden.csv");
  ASSERT_TRUE(own);
  EXPECT_EQ(own->status, 200);

  // Another account cannot confirm someone else's upload, even with the token.
  const auto co = browser("co@example.nl", "co wachtwoord");
  const auto stolen = confirm(co, upload_token(own->body));
  ASSERT_TRUE(stolen);
  EXPECT_EQ(stolen->status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM members"), 0);
}

TEST_F(ImportPage, OversizeFileGets413InDutchNamingTheLimit) {
  const auto co = browser("co@example.nl", "co wachtwoord");
  const std::string big(10 * 1024 * 1024 + 1, 'a');
  const auto r = upload(co, "members", network("Noord"), big, "groot.csv");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_NE(r->body.find("de grens is 10 MiB"), std::string::npos) << r->body.substr(0, 2000);
  EXPECT_EQ(pending_uploads(), 0u);
}

TEST_F(ImportPage, CalendarUploadDryRunAndConfirm) {
  const auto co = browser("co@example.nl", "co wachtwoord");
  const std::string ics = one_event_calendar();
  const auto report = upload(co, "events", network("Zuid"), ics, "agenda.ics");
  ASSERT_TRUE(report);
  ASSERT_EQ(report->status, 200) << report->body;
  EXPECT_NE(report->body.find("Klaar om in te lezen: 1 bijeenkomst(en): 1 nieuw"),
            std::string::npos)
      << report->body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM events"), 0);
  const auto done = confirm(co, upload_token(report->body));
  ASSERT_TRUE(done);
  EXPECT_EQ(done->status, 200) << done->body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM events WHERE source = 'upload:agenda.ics'"), 1);
}

TEST_F(ImportPage, ApiDryRunThenImportWithAToken) {
  const auto token = cli("tokens add co@example.nl");
  ASSERT_EQ(token.code, 0) << token.err;
  const std::string bearer = "Authorization: Bearer " + token.out.substr(0, token.out.find('\n'));
  const std::string base = "/api/import/members?network=" + std::to_string(network("Noord"));
  const auto dry = http_request(daemon_->host(), daemon_->port(), "POST", base + "&dry_run=1",
                                kGoodCsv, {bearer, "Content-Type: text/csv"});
  ASSERT_TRUE(dry);
  ASSERT_EQ(dry->status, 200) << dry->body;
  const auto j = nlohmann::json::parse(dry->body);
  EXPECT_TRUE(j["dry_run"].get<bool>());
  EXPECT_EQ(j["summary"]["added"], 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM members"), 0);

  const auto bad = http_request(daemon_->host(), daemon_->port(), "POST", base + "&dry_run=1",
                                kBadCsv, {bearer, "Content-Type: text/csv"});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 422);
  const auto b = nlohmann::json::parse(bad->body);
  const auto error = std::find_if(b["problems"].begin(), b["problems"].end(),
                                  [](const auto& p) { return p["severity"] == "error"; });
  ASSERT_NE(error, b["problems"].end()) << bad->body;
  EXPECT_EQ((*error)["line"], 3);
  EXPECT_EQ((*error)["column"], 1);

  const auto real = http_request(daemon_->host(), daemon_->port(), "POST", base, kGoodCsv,
                                 {bearer, "Content-Type: text/csv"});
  ASSERT_TRUE(real);
  EXPECT_EQ(real->status, 200) << real->body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM members"), 2);
  EXPECT_EQ(pending_uploads(), 0u);

  const auto unknown = http_request(daemon_->host(), daemon_->port(), "POST",
                                    "/api/import/members?network=999", kGoodCsv, {bearer});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  const auto anonymous = http_request(daemon_->host(), daemon_->port(), "POST", base, kGoodCsv, {});
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
}

TEST_F(ImportPage, ApiWithASessionNeedsTheCsrfHeaderAndKeepsPartnersInScope) {
  const auto noord = browser("noord@example.nl", "noord wachtwoord");
  const std::string cookie = "Cookie: tp_sessie=" + noord.cookie;
  const auto zuid =
      http_request(daemon_->host(), daemon_->port(), "POST",
                   "/api/import/members?dry_run=1&network=" + std::to_string(network("Zuid")),
                   kGoodCsv, {cookie, "X-CSRF-Token: " + noord.csrf});
  ASSERT_TRUE(zuid);
  EXPECT_EQ(zuid->status, 404);
  const std::string own =
      "/api/import/members?dry_run=1&network=" + std::to_string(network("Noord"));
  const auto no_csrf =
      http_request(daemon_->host(), daemon_->port(), "POST", own, kGoodCsv, {cookie});
  ASSERT_TRUE(no_csrf);
  EXPECT_EQ(no_csrf->status, 403);
  const auto ok = http_request(daemon_->host(), daemon_->port(), "POST", own, kGoodCsv,
                               {cookie, "X-CSRF-Token: " + noord.csrf});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
}

}  // namespace
}  // namespace tafel::testing
