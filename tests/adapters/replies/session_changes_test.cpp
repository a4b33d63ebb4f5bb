// Cancelling, moving and inviting from the waitlist after approval (session_changes.hpp) on a
// real SQLite store, with the outreach planner run afterwards to show it adds no duplicates.

#include "adapters/replies/session_changes.hpp"

#include "adapters/store/accounts_store.hpp"
#include "adapters/store/coordinator_items.hpp"
#include "adapters/store/rsvp_log.hpp"
#include "tests/adapters/replies/replies_fixture.hpp"

#include <gtest/gtest.h>

namespace tafel::replies {
namespace {

int planner_run(Fixture& f, std::int64_t now) {
  const outbox::OutreachSetup setup{f.config, f.zone, f.templates, f.key,
                                    [] { return links::new_reply_address_id(); }};
  return outbox::enqueue_due_messages(f.store, setup, now).enqueued;
}

std::string session_field(Fixture& f, const std::string& column) {
  SQLite::Statement q(f.store.db(), "SELECT " + column + " FROM sessions WHERE id = ?");
  q.bind(1, f.session);
  q.executeStep();
  return q.getColumn(0).getString();
}

TEST(SessionChanges, CancelSendsMethodCancelOnEveryChannelAndRefusesAnswersAfterwards) {
  Fixture f;
  f.answer(0, rsvp::Reply::accept);
  f.answer(1, rsvp::Reply::decline);
  CoordinatorItem item;
  item.kind = "below_quorum";
  item.session_id = f.session;
  item.detail = "te weinig";
  add_coordinator_item(f.store.db(), item);

  SQLite::Transaction tx(f.store.db());
  auto r = cancel_session(f.store.db(), f.ctx(), f.session, "coo@x.nl", kNow + 7200, "Ziek");
  ASSERT_TRUE(r.has_value()) << r.error().message;
  tx.commit();
  EXPECT_EQ(r->sequence, 1);
  EXPECT_EQ(r->items_resolved, 1);
  EXPECT_EQ(session_field(f, "status"), "cancelled");
  // Four invitees (all contacted), each on e-mail and WhatsApp.
  EXPECT_EQ(r->messages_enqueued, 8);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(f.count("kind = 'cancellation' AND channel = 'email' AND member_id = " +
                      std::to_string(f.members[i])),
              1);
    EXPECT_EQ(f.count("kind = 'cancellation' AND channel = 'whatsapp' AND member_id = " +
                      std::to_string(f.members[i])),
              1);
  }
  SQLite::Statement q(f.store.db(),
                      "SELECT payload FROM outbox WHERE kind = 'cancellation' AND channel = "
                      "'email'");
  int mails = 0;
  while (q.executeStep()) {
    const std::string p = q.getColumn(0).getString();
    EXPECT_NE(p.find("METHOD:CANCEL"), std::string::npos);
    EXPECT_NE(p.find("SEQUENCE:1"), std::string::npos);
    ++mails;
  }
  EXPECT_EQ(mails, 4);
  // The contact policy sees them as sent: no second cancellation.
  planner_run(f, kNow + 7300);
  EXPECT_EQ(f.count("kind = 'cancellation'"), 8);
  // Answers afterwards are refused.
  const auto late = f.answer(2, rsvp::Reply::accept, kNow + 8000);
  EXPECT_TRUE(late.refused);
  EXPECT_EQ(f.rsvp_of(2), "invited");
  // One audit row, ids only.
  const auto audit = audit_entries(f.store.db());
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "cancelled");
  EXPECT_EQ(audit[0].object_id, std::to_string(f.session));
  EXPECT_EQ(audit[0].detail.find("Ziek"), std::string::npos);
  // A second cancel is a conflict; so is a move.
  auto again = cancel_session(f.store.db(), f.ctx(), f.session, "coo@x.nl", kNow + 9000);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().kind, ChangeError::Kind::conflict);
  auto move =
      move_session(f.store.db(), f.ctx(), {f.session, kStart + 86400, {}, {}}, "c", kNow + 9000);
  EXPECT_FALSE(move.has_value());
}

TEST(SessionChanges, MoveRaisesSequenceAndSendsChangeNoticesOnce) {
  Fixture f;
  f.store.db().exec(
      "INSERT INTO venues (id, name, address, lat, lon) VALUES ('w', 'Zaal Wageningen', "
      "'Plein 2, Wageningen', 52, 5)");
  f.answer(0, rsvp::Reply::accept);
  f.answer(1, rsvp::Reply::decline);
  SQLite::Transaction tx(f.store.db());
  auto r = move_session(f.store.db(), f.ctx(), {f.session, kStart + 86400, 120, "w"}, "coo@x.nl",
                        kNow + 7200);
  ASSERT_TRUE(r.has_value()) << r.error().message;
  tx.commit();
  EXPECT_EQ(r->sequence, 1);
  EXPECT_EQ(session_field(f, "sequence"), "1");
  EXPECT_EQ(session_field(f, "venue_id"), "w");
  EXPECT_EQ(session_field(f, "room"), "");
  EXPECT_EQ(std::stoll(session_field(f, "end_utc")), kStart + 86400 + 7200);
  // Three concerned (the one who declined is not), each on e-mail and WhatsApp.
  EXPECT_EQ(r->messages_enqueued, 6);
  EXPECT_EQ(f.kind_for(1, "change"), 0);
  SQLite::Statement q(f.store.db(),
                      "SELECT payload, dedupe_key FROM outbox WHERE kind = 'change' AND channel "
                      "= 'email'");
  int mails = 0;
  while (q.executeStep()) {
    const std::string p = q.getColumn(0).getString();
    EXPECT_NE(p.find("METHOD:REQUEST"), std::string::npos);
    EXPECT_NE(p.find("SEQUENCE:1"), std::string::npos);
    EXPECT_NE(p.find("Wageningen"), std::string::npos);
    EXPECT_NE(q.getColumn(1).getString().find(":change:1:email"), std::string::npos);
    ++mails;
  }
  EXPECT_EQ(mails, 3);
  planner_run(f, kNow + 7300);
  EXPECT_EQ(f.count("kind = 'change'"), 6);
  // Answers still count after a move.
  EXPECT_EQ(f.answer(2, rsvp::Reply::accept, kNow + 8000).rsvp_after, "accepted");
  EXPECT_EQ(audit_entries(f.store.db()).at(0).action, "moved");
}

TEST(SessionChanges, MoveRefusesThePastAndUnknownVenues) {
  Fixture f;
  auto past = move_session(f.store.db(), f.ctx(), {f.session, kNow - 60, {}, {}}, "c", kNow);
  ASSERT_FALSE(past.has_value());
  EXPECT_EQ(past.error().kind, ChangeError::Kind::invalid);
  auto venue =
      move_session(f.store.db(), f.ctx(), {f.session, kStart + 3600, {}, "nergens"}, "c", kNow);
  ASSERT_FALSE(venue.has_value());
  EXPECT_NE(venue.error().message.find("nergens"), std::string::npos);
  auto unknown = cancel_session(f.store.db(), f.ctx(), 999, "c", kNow);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, ChangeError::Kind::not_found);
  EXPECT_EQ(session_field(f, "sequence"), "0");
  EXPECT_TRUE(audit_entries(f.store.db()).empty());
}

TEST(SessionChanges, InviteFromWaitlistInvitesTheNextReserveOnce) {
  Fixture f(3);  // every seat spoken for, so an enlisted reserve waits
  // Nobody waiting: a conflict, nothing written.
  auto none = invite_from_waitlist(f.store.db(), f.ctx(), f.session, "c", kNow + 60);
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().kind, ChangeError::Kind::conflict);

  auto& db = f.store.db();
  db.exec(
      "INSERT INTO members (network_id, company, name, email, email_key, sector, eligible, "
      "consent_email, consent_email_source, consent_email_at, consent_whatsapp, "
      "consent_whatsapp_source, "
      "consent_whatsapp_at, created_at, "
      "updated_at) VALUES (1, 'Reserve BV', 'Reserve', 'r@x.nl', 'r@x.nl', 'bouw', 1, 1, "
      "'import', 'x', 0, 'import', 'x', 'x', 'x')");
  const std::int64_t reserve = db.getLastInsertRowid();
  rsvp_log::append_event(db, f.session,
                         rsvp::Enlist{kNow + 100, *rsvp_log::load_attendee(db, reserve)},
                         "coordinator");
  SQLite::Transaction tx(db);
  auto r = invite_from_waitlist(db, f.ctx(), f.session, "coo@x.nl", kNow + 200);
  ASSERT_TRUE(r.has_value()) << r.error().message;
  tx.commit();
  EXPECT_EQ(r->messages_enqueued, 0);  // the planner sends the new invitation
  SQLite::Statement q(db, "SELECT rsvp FROM invitations WHERE member_id = ?");
  q.bind(1, reserve);
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getString(), "invited");
  planner_run(f, kNow + 300);  // e-mail only: no WhatsApp consent
  EXPECT_EQ(f.count("kind = 'invitation' AND member_id = " + std::to_string(reserve)), 1);
  planner_run(f, kNow + 400);
  EXPECT_EQ(f.count("kind = 'invitation' AND member_id = " + std::to_string(reserve)), 1);
  EXPECT_EQ(audit_entries(db).at(0).action, "invited_from_waitlist");
  // The only reserve is invited: the next click finds nobody.
  EXPECT_FALSE(invite_from_waitlist(db, f.ctx(), f.session, "c", kNow + 400).has_value());
}

}  // namespace
}  // namespace tafel::replies
