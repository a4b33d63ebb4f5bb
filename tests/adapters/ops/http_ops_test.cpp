// /readyz, /metrics and /privacy on the real daemon, and their pure parts.

#include "adapters/http/metrics.hpp"
#include "adapters/http/privacy.hpp"
#include "adapters/http/readiness.hpp"
#include "adapters/http/security_headers.hpp"
#include "adapters/store/store.hpp"
#include "tests/adapters/ops/ops_fixture.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <regex>
#include <sstream>

namespace tafel::testing {
namespace {

class HttpOps : public OpsTest {
 protected:
  HttpResponse get(DaemonProcess& d, const std::string& target) {
    auto r = http_request(d.host(), d.port(), "GET", target);
    EXPECT_TRUE(r) << target;
    return r ? *r : HttpResponse{};
  }
};

TEST_F(HttpOps, ReadyzIsReadyUntilTheDatabaseIsLockedByAnotherWriter) {
  auto daemon = start_daemon();
  ASSERT_TRUE(daemon->wait_ready()) << daemon->stderr_text();
  auto r = get(*daemon, "/readyz");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, R"({"status":"ready"})");

  {
    SQLite::Database locker(db().string(), SQLite::OPEN_READWRITE);
    locker.exec("BEGIN EXCLUSIVE");
    r = get(*daemon, "/readyz");
    EXPECT_EQ(r.status, 503);
    EXPECT_EQ(r.body, R"({"reason":"database locked","status":"unavailable"})");
    locker.exec("ROLLBACK");
  }
  r = get(*daemon, "/readyz");
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(HttpOps, ReadinessProbeReportsAMissingOrReadOnlyDatabase) {
  EXPECT_EQ(http::ReadinessProbe(dir_ / "nothing.db").check().reason, "database missing");
  { auto s = Store::open(db()); }
  EXPECT_TRUE(http::ReadinessProbe(db()).check().ready);
  if (::geteuid() != 0) {  // root writes read-only files anyway
    std::filesystem::permissions(db(), std::filesystem::perms::owner_read);
    EXPECT_FALSE(http::ReadinessProbe(db()).check().ready);
  }
}

TEST_F(HttpOps, ReadinessProbeReportsQueuedWorkThatDoesNotMove) {
  {
    auto s = Store::open(db());
    ASSERT_TRUE(s);
    auto& d = s->db();
    d.exec("INSERT INTO networks (id, name, created_at) VALUES (1, 'Coop', 'x')");
    d.exec(
        "INSERT INTO members (id, network_id, company, name, eligible, consent_email, "
        "consent_email_source, consent_email_at, consent_whatsapp, consent_whatsapp_source, "
        "consent_whatsapp_at, created_at, updated_at) VALUES (1, 1, 'B', 'J', 1, 1, 'i', 'x', 0, "
        "'i', 'x', 'x', 'x')");
    d.exec(
        "INSERT INTO outbox (member_id, channel, kind, dedupe_key, due_utc, payload, "
        "next_attempt_utc, created_at, updated_at) VALUES (1, 'email', 'invitation', 'k', 1000, "
        "'{}', 1000, 'x', 'x')");
  }
  std::int64_t now = 1000;
  http::ReadinessProbe probe(db());
  probe.watch_queues(std::chrono::seconds(900), [&now] { return now; });
  EXPECT_TRUE(probe.check().ready);
  now = 1000 + 901;
  EXPECT_EQ(probe.check().reason, "outbox stuck");
  // Without the watch (the daemon does not dispatch), a waiting row is no reason.
  EXPECT_TRUE(http::ReadinessProbe(db()).check().ready);
  {
    SQLite::Database d(db().string(), SQLite::OPEN_READWRITE);
    d.exec("UPDATE outbox SET state = 'sent'");
    d.exec(
        "INSERT INTO webhook_deliveries (provider, received_at, body) VALUES ('whatsapp', "
        "'1970-01-01T00:00:00Z', 'x')");
  }
  EXPECT_EQ(probe.check().reason, "inbox stuck");
}

TEST_F(HttpOps, MetricsAreValidPrometheusTextWithoutPersonalData) {
  const auto csv = dir_.write("leden.csv",
                              "Bedrijf;Naam;E-mail;Mobiel;Sector;Medewerkers;HR;Plaats\n"
                              "Bouw Meter BV;Mirjam Metriek;mirjam@meter.example.nl;0612377777;"
                              "bouw;5;nee;Ede\n");
  ASSERT_EQ(run("import members '" + csv.string() + "' --network Test").code, 0);
  std::filesystem::remove(csv);
  auto daemon = start_daemon();
  ASSERT_TRUE(daemon->wait_ready()) << daemon->stderr_text();
  get(*daemon, "/healthz");
  get(*daemon, "/rsvp-secret-token-abc123?mail=mirjam@meter.example.nl");
  daemon->wait_for_stderr("rsvp-secret");  // the access log line, written after counting

  const auto r = get(*daemon, "/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type").value_or(""), "text/plain; version=0.0.4; charset=utf-8");

  // Every line is a comment (# HELP / # TYPE) or `name{labels} value`.
  const std::regex sample(
      R"re(^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*",?)*\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)$)re");
  const std::regex comment(R"re(^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*$)re");
  std::istringstream lines(r.body);
  std::string line;
  int samples = 0;
  while (std::getline(lines, line)) {
    if (line.starts_with("#")) {
      EXPECT_TRUE(std::regex_match(line, comment)) << line;
    } else {
      EXPECT_TRUE(std::regex_match(line, sample)) << line;
      ++samples;
    }
  }
  EXPECT_GT(samples, 5);
  EXPECT_NE(r.body.find("tafel_members{network=\"Test\"} 1\n"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("tafel_http_requests_total{route=\"/healthz\",status=\"200\"} 1\n"),
            std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("tafel_http_requests_total{route=\"unmatched\",status=\"404\"} 1\n"),
            std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("tafel_http_rejected_connections_total 0\n"), std::string::npos);
  EXPECT_NE(r.body.find("tafel_store_up 1\n"), std::string::npos);
  for (const char* personal :
       {"Mirjam", "Metriek", "mirjam@", "612377777", "Bouw Meter", "secret-token"})
    EXPECT_EQ(r.body.find(personal), std::string::npos) << personal;
}

TEST(MetricsRegistry, RendersEscapedLabelsAndRefusesBadNames) {
  http::MetricsRegistry m;
  m.declare("jobs_total", http::MetricsRegistry::Type::counter, "Jobs done.\nSecond line");
  m.add("jobs_total", {{"kind", "a\"b\\c"}}, 2);
  m.add("jobs_total", {{"kind", "a\"b\\c"}});
  EXPECT_EQ(m.value("jobs_total", {{"kind", "a\"b\\c"}}), 3);
  EXPECT_EQ(m.render(),
            "# HELP jobs_total Jobs done.\\nSecond line\n# TYPE jobs_total counter\n"
            "jobs_total{kind=\"a\\\"b\\\\c\"} 3\n");
  EXPECT_THROW(m.declare("bad-name", http::MetricsRegistry::Type::gauge, ""),
               std::invalid_argument);
  EXPECT_THROW(m.declare("jobs_total", http::MetricsRegistry::Type::gauge, ""),
               std::invalid_argument);
  EXPECT_THROW(m.add("undeclared"), std::invalid_argument);
  EXPECT_THROW(m.add("jobs_total", {{"bad label", "x"}}), std::invalid_argument);
}

TEST(MetricsRegistry, CollectorsRefreshGaugesAtEveryScrape) {
  http::MetricsRegistry m;
  m.declare("queue_depth", http::MetricsRegistry::Type::gauge, "Items waiting.");
  int depth = 4;
  m.add_collector([&](http::MetricsRegistry& r) { r.set("queue_depth", {}, depth); });
  EXPECT_NE(m.render().find("queue_depth 4\n"), std::string::npos);
  depth = 7;
  EXPECT_NE(m.render().find("queue_depth 7\n"), std::string::npos);
}

TEST_F(HttpOps, PrivacyPageIsDutchHtmlWithTheHtmlPolicy) {
  auto daemon = start_daemon();
  ASSERT_TRUE(daemon->wait_ready()) << daemon->stderr_text();
  const auto r = get(*daemon, "/privacy");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type").value_or(""), "text/html; charset=utf-8");
  EXPECT_EQ(r.header("Content-Security-Policy").value_or(""),
            std::string(http::kHtmlContentSecurityPolicy));
  EXPECT_NE(r.body.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(r.body.find("Privacyverklaring"), std::string::npos);
  EXPECT_NE(r.body.find("verwijderen"), std::string::npos);
  EXPECT_NE(r.body.find("Test"), std::string::npos);  // the network partner, filled in
  EXPECT_EQ(r.body.find("{{"), std::string::npos);
  EXPECT_EQ(r.body.find("style="), std::string::npos);  // the CSP forbids inline style
}

TEST(PrivacyPage, FillsAndEscapesFieldsAndRefusesUnknownOnes) {
  const http::PrivacyFacts facts{"Bouw & Co", "info@bouw.example.nl"};
  EXPECT_EQ(*http::render_privacy_page("<p>{{netwerkpartner}}: {{contact}}</p>", facts),
            "<p>Bouw &amp; Co: info@bouw.example.nl</p>");
  EXPECT_FALSE(http::render_privacy_page("{{naam}}", facts));
  EXPECT_FALSE(http::render_privacy_page("{{netwerkpartner", facts));
  TempDir empty;
  const auto builtin = http::load_privacy_page(empty.path(), facts);
  ASSERT_TRUE(builtin);
  EXPECT_NE(builtin->find("Bouw &amp; Co"), std::string::npos);
}

}  // namespace
}  // namespace tafel::testing
