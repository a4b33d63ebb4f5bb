// Crash safety of the daemon's dispatch loop: `serve` sends 1,000 queued mails to a real SMTP
// server (aiosmtpd), is killed with SIGKILL three times mid-way and restarted; at the end every
// message arrived (none lost) and a message arrived twice only if its row was in flight at a
// kill (the daemon logs the requeued ids at start-up).
#include "adapters/email/mail_message.hpp"
#include "adapters/outbox/payload.hpp"
#include "adapters/store/outbox_store.hpp"
#include "tests/adapters/email/smtp_server.hpp"
#include "tests/support/daemon_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace tafel::outbox {
namespace {

constexpr int kMessages = 1000;

int count_sent(const std::filesystem::path& db_path) {
  SQLite::Database db(db_path.string(), SQLite::OPEN_READONLY);
  db.exec("PRAGMA busy_timeout = 5000");
  SQLite::Statement q(db, "SELECT COUNT(*) FROM outbox WHERE state = 'sent'");
  q.executeStep();
  return q.getColumn(0).getInt();
}

bool wait_sent(const std::filesystem::path& db, int at_least, std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (count_sent(db) >= at_least) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

// The ids a daemon logged as requeued at start-up ({"event":"outbox_requeued","ids":[...]}).
std::set<std::int64_t> requeued_ids(const std::string& err) {
  std::set<std::int64_t> ids;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) {
    if (line.find("outbox_requeued") == std::string::npos) continue;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("ids"))
      for (const auto& id : j["ids"]) ids.insert(id.get<std::int64_t>());
  }
  return ids;
}

std::string message_id_of(const std::string& mime) {
  std::string lower = mime.substr(0, std::min<std::size_t>(mime.size(), 4000));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto at = lower.find("\nmessage-id:");
  if (at == std::string::npos) return "";
  const auto open = mime.find('<', at);
  const auto end = mime.find('>', open);
  return mime.substr(open + 1, end - open - 1);
}

TEST(DispatchCrash, SigkillLosesNothingAndDoublesOnlyInFlightRows) {
  testing::SmtpServer smtp;
  ASSERT_TRUE(smtp.ready());
  testing::TempDir dir;
  const auto config = testing::write_test_config(
      dir, fmt::format("[messaging]\n[messaging.smtp]\nurl = \"{}\"\nper_second = 100000\n",
                       smtp.url()));
  const auto db_path = dir / "tafel.db";
  std::map<std::string, std::int64_t> row_of_message;
  {
    auto store = Store::open(db_path);
    ASSERT_TRUE(store.has_value());
    auto& db = store->db();
    db.exec("INSERT INTO networks (name, created_at) VALUES ('Crash', 'x')");
    db.exec(
        "INSERT INTO members (network_id, company, name, email, eligible, consent_email, "
        "consent_email_source, consent_email_at, consent_whatsapp, consent_whatsapp_source, "
        "consent_whatsapp_at, created_at, updated_at) VALUES (1, 'Firma', 'Jan', 'jan@x.nl', 1, "
        "1, 'import', 'x', 0, 'import', 'x', 'x', 'x')");
    const auto member = db.getLastInsertRowid();
    SQLite::Transaction tx(db);
    for (int i = 0; i < kMessages; ++i) {
      email::MailMessage m;
      m.from_name = "Crash";
      m.from_address = "tafels@crash.nl";
      m.to_address = "jan@x.nl";
      m.message_id = fmt::format("m{}@crash.nl", i);
      m.subject = "Herinnering";
      m.text = "Tot morgen";
      m.html = "<p>Tot morgen</p>";
      enqueue(db, OutboxInsert{std::nullopt, member, "email", "reminder",
                               fmt::format("{}:reminder:1:email", i), 0, mail_payload(m).dump()});
      row_of_message[m.message_id] = i + 1;
    }
    tx.commit();
  }

  const std::vector<std::string> args = {"--config", config.string(), "serve", "--listen",
                                         "127.0.0.1:0"};
  std::set<std::int64_t> requeued;
  for (int cycle = 1; cycle <= 3; ++cycle) {
    testing::DaemonProcess daemon(TAFEL_BINARY, args);
    ASSERT_TRUE(daemon.wait_ready()) << daemon.stderr_text();
    ASSERT_TRUE(wait_sent(db_path, cycle * kMessages / 4, std::chrono::seconds(60)))
        << daemon.stderr_text();
    daemon.signal(SIGKILL);
    ASSERT_EQ(daemon.wait_exit(), 128 + SIGKILL);
    const auto ids = requeued_ids(daemon.stderr_text());
    requeued.insert(ids.begin(), ids.end());
  }
  {
    testing::DaemonProcess daemon(TAFEL_BINARY, args);
    ASSERT_TRUE(daemon.wait_ready()) << daemon.stderr_text();
    ASSERT_TRUE(wait_sent(db_path, kMessages, std::chrono::seconds(120))) << daemon.stderr_text();
    daemon.signal(SIGTERM);
    EXPECT_EQ(daemon.wait_exit(std::chrono::seconds(30)), 0) << daemon.stderr_text();
    const auto ids = requeued_ids(daemon.stderr_text());
    requeued.insert(ids.begin(), ids.end());
  }

  std::map<std::string, int> received;
  int total = 0;
  for (int n = 0; total < kMessages * 2; ++n) {
    const std::string mime = smtp.message(n);
    if (mime.empty()) break;
    ++received[message_id_of(mime)];
    ++total;
  }
  int lost = 0, doubled = 0, doubled_not_in_flight = 0;
  for (const auto& [id, row] : row_of_message) {
    const auto it = received.find(id);
    if (it == received.end()) {
      ++lost;
      continue;
    }
    if (it->second > 1) {
      doubled += it->second - 1;
      if (!requeued.contains(row)) ++doubled_not_in_flight;
    }
  }
  std::cout << fmt::format(
      "[ dispatch crash ] {} messages, 3 SIGKILLs: {} received, {} lost, {} sent twice, {} rows "
      "requeued as in flight\n",
      kMessages, total, lost, doubled, requeued.size());
  RecordProperty("lost", lost);
  RecordProperty("doubled", doubled);
  RecordProperty("requeued", static_cast<int>(requeued.size()));
  EXPECT_EQ(lost, 0);
  EXPECT_EQ(doubled_not_in_flight, 0);
  EXPECT_LE(doubled, static_cast<int>(requeued.size()));
  EXPECT_EQ(count_sent(db_path), kMessages);
}

}  // namespace
}  // namespace tafel::outbox
