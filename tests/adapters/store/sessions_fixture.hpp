#pragma once
// A store with one network, three staff members, a venue, an approved proposal with sessions
// and invited members, written with plain SQL so the tests of the session, knowledge and digest
// stores do not depend on the planner.

#include "adapters/store/store.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tafel::testing {

class SessionsStoreTest : public ::testing::Test {
 protected:
  // 2026-03-12 16:30 local (+01:00).
  static constexpr std::int64_t kStart = 1773329400;
  static constexpr std::int64_t kDay = 86400;

  void SetUp() override {
    auto opened = Store::open(dir_ / "t.db");
    ASSERT_TRUE(opened) << opened.error().message;
    store_.emplace(std::move(*opened));
    auto& d = db();
    d.exec(
        "INSERT INTO networks(id, name, created_at) VALUES (1, 'Coop', '2026-01-01T00:00:00Z');"
        "INSERT INTO staff(id, name, role, email, phone) VALUES "
        "  ('fac1', 'Femke Facilitator', 'facilitator', 'femke@che.example.nl', ''),"
        "  ('exp1', 'Evert Expert', 'expert', '', '+31318000111'),"
        "  ('old', 'Oud Lid', 'expert', '', '');"
        "UPDATE staff SET active = 0 WHERE id = 'old';"
        "INSERT INTO venues(id, name, lat, lon) VALUES ('ede', 'Zaal Ede', 52.0, 5.6);"
        "INSERT INTO planning_rounds(id, network_id, period_from, period_to, created_at) VALUES "
        "  (1, 1, '2026-03-01', '2026-06-30', 'now');"
        "INSERT INTO proposals(id, round_id, network_id, period_from, period_to, seed, "
        "  time_limit_ms, elapsed_ms, stopped_by_deadline, score, status, created_at, "
        "  approved_at, approved_by, instance_json, result_json) VALUES (1, 1, 1, '2026-03-01', "
        "  '2026-06-30', 1, 1000, 10, 0, 1.0, 'approved', 'now', 'now', 'c', '{}', '{}');");
    session1_ = add_session(kStart, 90, "bouw");
    session2_ = add_session(kStart + 7 * kDay, 75, "bouw");
    jan_ = add_member("Bouw De Vries BV", "Jan de Vries", "jan@devries.example.nl", "+31612345678");
    piet_ = add_member("Pietersen Installatie", "Piet Pietersen", "piet@pietersen.example.nl",
                       "+31612000002");
    kees_ = add_member("Kees Bouw", "Kees Klaassen", "", "");
    invite(session1_, jan_, "accepted", "Mijn leerling stopt na een half jaar.");
    invite(session1_, piet_, "accepted", "");
    invite(session1_, kees_, "declined", "");
  }

  SQLite::Database& db() { return store_->db(); }

  std::int64_t add_session(std::int64_t start, int minutes, const std::string& sector) {
    SQLite::Statement q(db(),
                        "INSERT INTO sessions(proposal_id, slot_id, venue_id, start_utc, "
                        "start_offset, end_utc, end_offset, sector, facilitator_id, status, uid) "
                        "VALUES (1, ?, 'ede', ?, 3600, ?, 3600, ?, 'fac1', 'approved', ?)");
    q.bind(1, "slot" + std::to_string(start));
    q.bind(2, start);
    q.bind(3, start + minutes * 60);
    q.bind(4, sector);
    q.bind(5, "uid" + std::to_string(start));
    q.exec();
    return db().getLastInsertRowid();
  }

  std::int64_t add_member(const std::string& company, const std::string& name,
                          const std::string& email, const std::string& mobile) {
    SQLite::Statement q(
        db(),
        "INSERT INTO members(network_id, company, name, email, email_key, mobile, sector, "
        "eligible, consent_email, consent_email_source, consent_email_at, consent_whatsapp, "
        "consent_whatsapp_source, consent_whatsapp_at, created_at, updated_at) VALUES (1, ?, ?, "
        "NULLIF(?, ''), NULLIF(lower(?), ''), NULLIF(?, ''), 'bouw', 1, 1, 'test', 'now', 1, "
        "'test', 'now', 'now', 'now')");
    q.bind(1, company);
    q.bind(2, name);
    q.bind(3, email);
    q.bind(4, email);
    q.bind(5, mobile);
    q.exec();
    return db().getLastInsertRowid();
  }

  void invite(std::int64_t session, std::int64_t member, const std::string& rsvp,
              const std::string& case_text) {
    SQLite::Statement q(db(),
                        "INSERT INTO invitations(session_id, member_id, reply_id, ical_uid, rsvp, "
                        "case_text, created_at, updated_at) VALUES (?1, ?2, 'r' || ?1 || '-' || "
                        "?2, 'i' || ?1 || '-' || ?2, ?3, NULLIF(?4, ''), 'now', 'now')");
    q.bind(1, session);
    q.bind(2, member);
    q.bind(3, rsvp);
    q.bind(4, case_text);
    q.exec();
  }

  std::int64_t count(const std::string& sql) { return db().execAndGet(sql).getInt64(); }

  TempDir dir_;
  std::optional<Store> store_;
  std::int64_t session1_ = 0, session2_ = 0;
  std::int64_t jan_ = 0, piet_ = 0, kees_ = 0;
};

}  // namespace tafel::testing
