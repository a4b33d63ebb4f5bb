#pragma once
// A real SQLite store with one praktijktafel (Tuesday 13 October 2026, 07:00–08:30
// Europe/Amsterdam) of four members, approved and invited through the outreach planner, then
// captured: members 0 and 1 came (member 1 by WhatsApp only), member 2 did not show, member 3
// is not on the attendance list. Shared by the followup and evaluation-page tests.

#include "adapters/links/reply_address.hpp"
#include "adapters/outbox/outreach_planner.hpp"
#include "adapters/outbox/template_files.hpp"
#include "adapters/store/proposals_store.hpp"
#include "adapters/store/sessions_store.hpp"
#include "adapters/store/store.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tafel::testing {

struct FollowupFixture {
  static constexpr std::int64_t kStart = 1791867600;            // 2026-10-13 07:00 Europe/Amsterdam
  static constexpr std::int64_t kNow = 1789977600;              // 2026-09-21 10:00: approval
  static constexpr std::int64_t kCaptured = kStart + 3 * 3600;  // 10:00 the same day
  static constexpr std::int64_t kNextNine = kStart + 86400 + 7200;  // 14 October 09:00

  TempDir dir;
  Store store = std::move(Store::open(dir / "t.db").value());
  Config config;
  TimeZone zone = TimeZone::locate("Europe/Amsterdam").value();
  outreach::MessageTemplates templates =
      outbox::load_templates(std::filesystem::path(TAFEL_SOURCE_DIR) / "config/templates").value();
  links::LinkKey key{std::string(32, 'k')};
  std::vector<std::int64_t> members;
  std::int64_t session = 0;

  FollowupFixture() {
    config.database = dir / "t.db";
    config.public_url = "https://tafels.example";
    config.messaging.reply_local = "antwoord";
    config.messaging.reply_domain = "tafels.example";
    auto& db = store.db();
    db.exec("INSERT INTO networks (name, created_at) VALUES ('BTO', 'x')");
    for (int i = 0; i < 4; ++i) {
      SQLite::Statement q(
          db,
          "INSERT INTO members (network_id, company, name, email, email_key, mobile, sector, "
          "eligible, consent_email, consent_email_source, consent_email_at, consent_whatsapp, "
          "consent_whatsapp_source, consent_whatsapp_at, created_at, updated_at) VALUES (1, ?, "
          "?, ?, ?, ?, 'bouw', 1, ?, 'import', 'x', 1, 'import', 'x', 'x', 'x')");
      q.bind(1, "Firma " + std::to_string(i));
      q.bind(2, "Persoon " + std::to_string(i));
      q.bind(3, "p" + std::to_string(i) + "@x.nl");
      q.bind(4, "p" + std::to_string(i) + "@x.nl");
      q.bind(5, "+3161234567" + std::to_string(i));
      q.bind(6, i == 1 ? 0 : 1);  // member 1: WhatsApp only
      q.exec();
      members.push_back(db.getLastInsertRowid());
    }
    db.exec(
        "INSERT INTO venues (id, name, address, lat, lon) VALUES ('v', 'Zaal Ede', "
        "'Straat 1, Ede', 52, 5)");
    db.exec("INSERT INTO rooms (venue_id, name, capacity) VALUES ('v', 'Groot', 10)");
    db.exec("INSERT INTO staff (id, name, role) VALUES ('f', 'Fien', 'facilitator')");
    db.exec(
        "INSERT INTO planning_rounds (network_id, period_from, period_to, created_at) "
        "VALUES (1, '2026-10-01', '2026-10-31', 'x')");
    db.exec(
        "INSERT INTO proposals (round_id, network_id, period_from, period_to, seed, "
        "time_limit_ms, elapsed_ms, stopped_by_deadline, score, created_at, instance_json, "
        "result_json) VALUES (1, 1, '2026-10-01', '2026-10-31', 1, 1000, 10, 0, 1, 'x', "
        "'{}', '{}')");
    SQLite::Statement s(db,
                        "INSERT INTO sessions (proposal_id, slot_id, venue_id, room, start_utc, "
                        "start_offset, end_utc, end_offset, sector, facilitator_id, uid) VALUES "
                        "(1, 'slot', 'v', 'Groot', ?, 7200, ?, 7200, 'bouw', 'f', 'tafel-1')");
    s.bind(1, kStart);
    s.bind(2, kStart + 5400);
    s.exec();
    session = db.getLastInsertRowid();
    for (auto m : members) {
      SQLite::Statement sm(db, "INSERT INTO session_members (session_id, member_id) VALUES (?, ?)");
      sm.bind(1, session);
      sm.bind(2, m);
      sm.exec();
    }
    SQLite::Transaction tx(db);
    EXPECT_TRUE(approve_proposal_in_transaction(db, 1, "test").has_value());
    outbox::enqueue_due_messages_in_transaction(store, setup(), kNow);
    tx.commit();
  }

  outbox::OutreachSetup setup() const {
    return {config, zone, templates, key, [] { return links::new_reply_address_id(); }};
  }

  void capture() {
    SessionCapture c;
    c.attendance = {{members[0], true}, {members[1], true}, {members[2], false}};
    c.notes = {{"tip", "werving", "Vacatures ook via de vakschool delen."}};
    c.takeaways = {"Vacatures ook via de vakschool delen.", "Inwerkplan op papier zetten.",
                   "Na drie maanden een gesprek plannen."};
    auto r = record_capture(store.db(), session, c, "f", kCaptured);
    ASSERT_TRUE(r.has_value()) << r.error().field << ": " << r.error().message;
  }

  outbox::PlannerReport plan(std::int64_t now) {
    return outbox::enqueue_due_messages(store, setup(), now);
  }

  int count(const std::string& where) {
    SQLite::Statement q(store.db(), "SELECT COUNT(*) FROM outbox WHERE " + where);
    q.executeStep();
    return q.getColumn(0).getInt();
  }
  int followups_for(std::size_t i) {
    return count("kind = 'followup' AND member_id = " + std::to_string(members.at(i)));
  }
  std::int64_t invitation(std::size_t i) {
    SQLite::Statement q(store.db(),
                        "SELECT id FROM invitations WHERE session_id = ? AND member_id = ?");
    q.bind(1, session);
    q.bind(2, members.at(i));
    EXPECT_TRUE(q.executeStep());
    return q.getColumn(0).getInt64();
  }
};

}  // namespace tafel::testing
