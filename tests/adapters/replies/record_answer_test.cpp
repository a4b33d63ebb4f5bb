// The replies core on a real SQLite store: a proposal approved through approve_proposal and the
// outreach planner, then answers, opt-outs and ticks through record_answer / record_opt_out /
// advance_sessions.

#include "adapters/replies/record_answer.hpp"

#include "adapters/links/link_token.hpp"
#include "adapters/links/reply_address.hpp"
#include "adapters/outbox/outreach_planner.hpp"
#include "adapters/outbox/template_files.hpp"
#include "adapters/replies/correlate.hpp"
#include "adapters/replies/quick_reply.hpp"
#include "adapters/store/coordinator_items.hpp"
#include "adapters/store/outbox_store.hpp"
#include "adapters/store/proposals_store.hpp"
#include "adapters/store/rsvp_log.hpp"
#include "adapters/store/store.hpp"
#include "tests/adapters/replies/replies_fixture.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

namespace tafel::replies {
namespace {

TEST(RecordAnswer, AcceptSendsOneConfirmationWithCalendarAndMirrorsStatus) {
  Fixture f;
  const auto r = f.answer(0, rsvp::Reply::accept);
  EXPECT_EQ(r.rsvp_before, "invited");
  EXPECT_EQ(r.rsvp_after, "accepted");
  EXPECT_EQ(f.rsvp_of(0), "accepted");
  EXPECT_EQ(r.messages_enqueued, 1);
  EXPECT_EQ(f.kind_for(0, "confirmation"), 1);
  SQLite::Statement q(f.store.db(),
                      "SELECT payload, channel FROM outbox WHERE kind = 'confirmation'");
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(1).getString(), "email");  // web answer: one message, by mail
  EXPECT_NE(q.getColumn(0).getString().find("METHOD:REQUEST"), std::string::npos);
  SQLite::Statement ch(f.store.db(), "SELECT rsvp_channel FROM invitations WHERE id = ?");
  ch.bind(1, f.invitation(0));
  ch.executeStep();
  EXPECT_EQ(ch.getColumn(0).getString(), "web");
}

TEST(RecordAnswer, TheSameAnswerTwiceSendsNothingNew) {
  Fixture f;
  f.answer(0, rsvp::Reply::accept);
  const int before = f.count("1");
  const auto again = f.answer(0, rsvp::Reply::accept, kNow + 7200);
  EXPECT_EQ(again.messages_enqueued, 0);
  EXPECT_EQ(f.count("1"), before);
  EXPECT_EQ(f.rsvp_of(0), "accepted");
}

TEST(RecordAnswer, FullTableWaitlistsThenADeclineOffersTheSeat) {
  Fixture f(4);  // 3 seats, 4 invited
  for (std::size_t i = 0; i < 3; ++i) f.answer(i, rsvp::Reply::accept);
  const auto w = f.answer(3, rsvp::Reply::accept, kNow + 7200, Source::whatsapp);
  EXPECT_EQ(w.rsvp_after, "waitlisted");
  EXPECT_EQ(f.kind_for(3, "waitlisted"), 1);
  EXPECT_EQ(f.count("kind = 'waitlisted' AND channel = 'whatsapp'"), 1);  // answered there
  EXPECT_EQ(f.kind_for(3, "confirmation"), 0);

  const auto d = f.answer(1, rsvp::Reply::decline, kNow + 9000);
  EXPECT_EQ(d.rsvp_after, "declined");
  EXPECT_EQ(f.kind_for(1, "declined"), 1);
  EXPECT_EQ(f.rsvp_of(3), "offered");
  EXPECT_EQ(f.kind_for(3, "offer"), 2);  // an offer goes out on every allowed channel
  SQLite::Statement q(f.store.db(),
                      "SELECT payload FROM outbox WHERE kind = 'offer' AND channel = 'whatsapp'");
  ASSERT_TRUE(q.executeStep());
  EXPECT_NE(q.getColumn(0).getString().find("\"ja:"), std::string::npos);
}

TEST(RecordAnswer, AnswerAfterTheStartIsRefusedWithACoordinatorItem) {
  Fixture f;
  const auto r = f.answer(0, rsvp::Reply::accept, kStart + 60);
  EXPECT_TRUE(r.refused);
  EXPECT_EQ(f.rsvp_of(0), "invited");
  // The log begins after the quorum deadline, so the quorum alert comes with it.
  EXPECT_EQ(r.coordinator_items, 2);
  std::vector<CoordinatorItem> refused;
  for (auto& i : open_coordinator_items(f.store.db()))
    if (i.kind == "refused_answer") refused.push_back(i);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_NE(refused[0].detail.find("te laat"), std::string::npos);
  EXPECT_EQ(f.kind_for(0, "refusal"), 1);
  // Again: nothing new.
  const auto again = f.answer(0, rsvp::Reply::accept, kStart + 120);
  EXPECT_EQ(again.coordinator_items, 0);
  EXPECT_EQ(again.messages_enqueued, 0);
}

TEST(RecordAnswer, UnknownInvitationIsAnError) {
  Fixture f(2);
  SQLite::Transaction tx(f.store.db());
  const auto r =
      record_answer(f.store.db(), f.ctx(), {9999, rsvp::Reply::accept, Source::web, kNow, {}, {}});
  EXPECT_FALSE(r.has_value());
}

TEST(RecordOptOut, WithdrawsCancelsPendingAndConfirmsOnce) {
  Fixture f(2);
  const int pending_email = f.count("member_id = " + std::to_string(f.members[0]) +
                                    " AND channel = 'email' AND state = 'pending'");
  ASSERT_GT(pending_email, 0);  // the invitation mail
  for (int round = 0; round < 2; ++round) {
    SQLite::Transaction tx(f.store.db());
    auto r = record_opt_out(f.store.db(), f.ctx(),
                            {f.members[0],
                             rsvp::bit(rsvp::Channel::email),
                             rsvp::Channel::email,
                             Source::email,
                             kNow + 60,
                             {}});
    ASSERT_TRUE(r.has_value()) << r.error();
    tx.commit();
  }
  EXPECT_EQ(f.count("member_id = " + std::to_string(f.members[0]) +
                    " AND channel = 'email' AND state = 'cancelled'"),
            pending_email);
  EXPECT_EQ(f.kind_for(0, "optout_confirmation"), 1);
  SQLite::Statement m(f.store.db(),
                      "SELECT opted_out_email, opted_out_whatsapp FROM members "
                      "WHERE id = ?");
  m.bind(1, f.members[0]);
  m.executeStep();
  EXPECT_EQ(m.getColumn(0).getInt(), 1);
  EXPECT_EQ(m.getColumn(1).getInt(), 0);
  SQLite::Statement c(f.store.db(), "SELECT COUNT(*) FROM consent_log WHERE member_id = ?");
  c.bind(1, f.members[0]);
  c.executeStep();
  EXPECT_EQ(c.getColumn(0).getInt(), 1);
  SQLite::Statement e(f.store.db(),
                      "SELECT COUNT(*) FROM rsvp_events WHERE kind = 'optout' AND member_id = ?");
  e.bind(1, f.members[0]);
  e.executeStep();
  EXPECT_EQ(e.getColumn(0).getInt(), 1);
}

TEST(AdvanceSessions, BelowQuorumRaisesOneItemOnce) {
  Fixture f(3);
  f.answer(0, rsvp::Reply::accept);
  const std::int64_t after_deadline = kStart - 5 * 24 * 3600 + 60;
  for (int round = 0; round < 2; ++round) {
    SQLite::Transaction tx(f.store.db());
    advance_sessions(f.store.db(), f.ctx(), after_deadline + round * 60);
    tx.commit();
  }
  const auto items = open_coordinator_items(f.store.db());
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].kind, "below_quorum");
  EXPECT_NE(items[0].detail.find("minimaal 2"), std::string::npos);
}

TEST(Links, InvitationLinksAreVerifiableTokens) {
  Fixture f(1);
  SQLite::Statement q(f.store.db(),
                      "SELECT payload, channel FROM outbox WHERE kind = 'invitation' ORDER BY id");
  int seen = 0;
  while (q.executeStep()) {
    const std::string payload = q.getColumn(0).getString();
    std::smatch m;
    ASSERT_TRUE(std::regex_search(payload, m, std::regex("tafels\\.example/r/([A-Za-z0-9_-]+)")));
    const auto claims = links::verify_link(f.key, m[1].str(), kNow);
    ASSERT_TRUE(claims.has_value());
    EXPECT_EQ(claims->purpose, links::Purpose::rsvp);
    EXPECT_EQ(claims->subject, f.invitation(0));
    EXPECT_EQ(claims->expires_at, kStart + 5400);
    ASSERT_TRUE(
        std::regex_search(payload, m, std::regex("tafels\\.example/afmelden/([A-Za-z0-9_-]+)")));
    const auto opt = links::verify_link(f.key, m[1].str(), kNow);
    ASSERT_TRUE(opt.has_value());
    EXPECT_EQ(opt->purpose, links::Purpose::optout);
    EXPECT_EQ(opt->subject, f.members[0]);
    if (q.getColumn(1).getString() == "whatsapp") {
      ASSERT_TRUE(std::regex_search(payload, m, std::regex("\"(nee:[A-Za-z0-9_-]+)\"")));
      const std::string button = m[1].str();
      const auto qr = parse_quick_reply(button);
      ASSERT_TRUE(qr.has_value());
      EXPECT_EQ(qr->reply, rsvp::Reply::decline);
      EXPECT_TRUE(links::verify_link(f.key, qr->token, kNow).has_value());
    }
    ++seen;
  }
  EXPECT_EQ(seen, 2);  // email and WhatsApp
  // The invitation is in the log as an Invite event.
  SQLite::Statement e(f.store.db(), "SELECT COUNT(*) FROM rsvp_events WHERE kind = 'invite'");
  e.executeStep();
  EXPECT_EQ(e.getColumn(0).getInt(), 1);
}

TEST(QuickReply, ParsesTheThreeWordsOnly) {
  EXPECT_EQ(parse_quick_reply("misschien:abc")->reply, rsvp::Reply::tentative);
  EXPECT_EQ(parse_quick_reply("ja:abc")->token, "abc");
  EXPECT_FALSE(parse_quick_reply("accept:abc"));
  EXPECT_FALSE(parse_quick_reply("ja:"));
  EXPECT_FALSE(parse_quick_reply("ja"));
}

TEST(Correlate, FindsInvitationsAndMembers) {
  Fixture f(2);
  SQLite::Statement q(f.store.db(), "SELECT reply_id, ical_uid FROM invitations WHERE id = ?");
  q.bind(1, f.invitation(1));
  ASSERT_TRUE(q.executeStep());
  std::string reply_id = q.getColumn(0).getString();
  for (auto& c : reply_id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(invitation_by_reply_id(f.store.db(), reply_id), f.invitation(1));
  EXPECT_EQ(invitation_by_ical_uid(f.store.db(), q.getColumn(1).getString()), f.invitation(1));
  EXPECT_EQ(member_by_email(f.store.db(), "P1@X.nl"), f.members[1]);
  EXPECT_EQ(member_by_phone(f.store.db(), "31612345671"), f.members[1]);
  EXPECT_EQ(open_invitation_of_member(f.store.db(), f.members[1], kNow), f.invitation(1));
  EXPECT_FALSE(open_invitation_of_member(f.store.db(), f.members[1], kStart + 1));
  EXPECT_FALSE(invitation_by_reply_id(f.store.db(), "nope"));
}

}  // namespace
}  // namespace tafel::replies
