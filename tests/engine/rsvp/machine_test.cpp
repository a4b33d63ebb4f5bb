#include "engine/rsvp/machine.hpp"

#include "engine/rsvp/waitlist.hpp"
#include "tests/engine/rsvp/rsvp_fixture.hpp"

#include <gtest/gtest.h>

namespace tafel::rsvp {
namespace {

using namespace testing;

Runner invited(int n, SessionSetup s = setup()) {
  Runner r(std::move(s));
  for (int i = 1; i <= n; ++i) r(Invite{kT0, person(i)});
  return r;
}

TEST(RsvpMachine, InviteSendsInvitationOnce) {
  Runner r;
  r(Invite{kT0, person(1)});
  ASSERT_EQ(only<SendInvitation>(r.last).size(), 1u);
  EXPECT_EQ(r.status(1), Status::invited);
  r(Invite{kT0 + 5, person(1)});
  EXPECT_TRUE(r.last.empty());
}

TEST(RsvpMachine, AcceptDeclineTentativeAreConfirmed) {
  Runner r = invited(3);
  r(Answer{kT0 + 10, 1, Reply::accept});
  EXPECT_EQ(r.status(1), Status::accepted);
  ASSERT_EQ(only<SendConfirmation>(r.last).size(), 1u);
  r(Answer{kT0 + 11, 2, Reply::tentative});
  EXPECT_EQ(r.status(2), Status::tentative);
  r(Answer{kT0 + 12, 3, Reply::decline});
  EXPECT_EQ(r.status(3), Status::declined);
  EXPECT_EQ(only<SendConfirmation>(r.last).at(0).reply, Reply::decline);
  r(Answer{kT0 + 13, 3, Reply::decline});  // a repeated answer changes nothing
  EXPECT_TRUE(r.last.empty());
}

TEST(RsvpMachine, AcceptWhenFullIsWaitlisted) {
  Runner r = invited(4);
  for (PersonId id = 1; id <= 3; ++id) r(Answer{kT0 + id, id, Reply::accept});
  r(Answer{kT0 + 9, 4, Reply::accept});
  EXPECT_EQ(r.status(4), Status::waitlisted);
  const auto w = only<SendWaitlisted>(r.last);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].position, 1);
}

TEST(RsvpMachine, TentativeHoldsASeatButNotQuorum) {
  Runner r = invited(4, setup(3, 2));
  r(Answer{kT0, 1, Reply::tentative})(Answer{kT0, 2, Reply::tentative})(
      Answer{kT0, 3, Reply::accept});
  r(Answer{kT0, 4, Reply::accept});
  EXPECT_EQ(r.status(4), Status::waitlisted);
  r(Tick{kStart - 5 * kDay});
  const auto alerts = only<AlertCoordinator>(r.last);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].kind, AlertKind::below_quorum);
  EXPECT_EQ(alerts[0].accepted, 1);
  EXPECT_EQ(alerts[0].tentative, 2);
}

TEST(RsvpMachine, DeclineFreesSeatForTimeLimitedOffer) {
  Runner r = invited(5);
  for (PersonId id = 1; id <= 5; ++id) r(Answer{kT0 + id, id, Reply::accept});
  ASSERT_EQ(r.status(4), Status::waitlisted);
  ASSERT_EQ(r.status(5), Status::waitlisted);
  r(Answer{kT0 + kDay, 2, Reply::decline});
  const auto offers = only<SendOffer>(r.last);
  ASSERT_EQ(offers.size(), 1u);
  EXPECT_EQ(offers[0].person, 4);  // earlier answer first
  EXPECT_EQ(offers[0].expires_at, kT0 + 2 * kDay);
  EXPECT_EQ(r.status(4), Status::offered);
  // The offer expires unanswered: the next one gets it, counted from the expiry.
  r(Tick{kT0 + 2 * kDay + 1});
  EXPECT_EQ(r.status(4), Status::lapsed);
  EXPECT_EQ(r.status(5), Status::offered);
  EXPECT_EQ(r.state.people.at(5).offer_expires, kT0 + 3 * kDay);
  ASSERT_EQ(only<SendOfferExpired>(r.last).size(), 1u);
  r(Answer{kT0 + 2 * kDay + 2, 5, Reply::accept});
  EXPECT_EQ(r.status(5), Status::accepted);
}

TEST(RsvpMachine, OfferWithoutAnswerUntilStartLapsesAtStart) {
  Runner r = invited(2, setup(1, 1));
  r(Answer{kT0, 1, Reply::accept})(Answer{kT0, 2, Reply::accept});
  r(Answer{kStart - 3600, 1, Reply::decline});
  EXPECT_EQ(r.state.people.at(2).offer_expires, kStart);
  r(Tick{kStart});
  EXPECT_EQ(r.status(2), Status::lapsed);
  EXPECT_EQ(r.state.phase, Phase::started);
}

TEST(RsvpMachine, TentativeWhenFullIsWaitlisted) {
  Runner r = invited(2, setup(1, 1));
  r(Answer{kT0, 1, Reply::accept})(Answer{kT0 + 1, 2, Reply::tentative});
  EXPECT_EQ(r.status(2), Status::waitlisted);
  r(Answer{kT0 + 2, 1, Reply::tentative});  // accepted → tentative keeps the seat
  EXPECT_EQ(r.status(1), Status::tentative);
  EXPECT_EQ(r.state.seats_held(), 1);
}

TEST(RsvpMachine, OffersSkipUnreachablePeople) {
  Runner r = invited(1, setup(1, 1));
  Attendee silent = person(50);
  silent.channels = kNoChannels;
  r(Enlist{kT0, silent})(Enlist{kT0 + 1, person(51)});
  EXPECT_EQ(r.status(50), Status::waitlisted);
  EXPECT_EQ(r.status(51), Status::waitlisted);
  r(Answer{kT0 + 2, 1, Reply::decline});
  EXPECT_EQ(r.status(50), Status::waitlisted);
  EXPECT_EQ(r.status(51), Status::offered);
  EXPECT_EQ(only<SendOffer>(r.last).at(0).channels, kAllChannels);
}

TEST(RsvpMachine, WaitlistOrderedByFit) {
  Runner r = invited(1, setup(1, 1));
  r(Answer{kT0, 1, Reply::accept});
  Attendee other_sector = person(10, {}, "bouw");
  Attendee unavailable = person(11);
  unavailable.available = false;
  Attendee colleague = person(12, "bedrijf-1");
  Attendee returning = person(13);
  returning.came_before = true;
  Attendee plain = person(14);
  for (const auto& a : {other_sector, unavailable, colleague, plain, returning}) r(Invite{kT0, a});
  for (PersonId id = 10; id <= 14; ++id) r(Answer{kT0 + id, id, Reply::accept});
  EXPECT_EQ(waitlist_order(r.state), (std::vector<PersonId>{13, 14, 12, 11, 10}));
  // Once person 1 leaves, their colleague is no longer penalised.
  r(Answer{kT0 + 100, 1, Reply::decline});
  EXPECT_EQ(r.status(13), Status::offered);
  EXPECT_EQ(waitlist_order(r.state), (std::vector<PersonId>{12, 14, 11, 10}));
}

TEST(RsvpMachine, EnlistedReservesFillFreeSeatsButNotPendingInvitations) {
  Runner r = invited(3);
  r(Enlist{kT0, person(20)});
  EXPECT_EQ(r.status(20), Status::waitlisted);
  EXPECT_TRUE(r.last.empty());  // all seats spoken for by pending invitations
  r(Answer{kT0 + 1, 3, Reply::decline});
  EXPECT_EQ(r.status(20), Status::offered);
}

TEST(RsvpMachine, InviteFromWaitlistInvitesReservesOnly) {
  Runner r = invited(3);
  r(Enlist{kT0, person(20)})(Enlist{kT0, person(21)})(Enlist{kT0, person(22)});
  r(InviteFromWaitlist{kT0 + 1, 2});
  const auto inv = only<SendInvitation>(r.last);
  ASSERT_EQ(inv.size(), 2u);
  EXPECT_EQ(inv[0].person, 20);
  EXPECT_EQ(inv[1].person, 21);
  EXPECT_EQ(r.status(22), Status::waitlisted);
}

TEST(RsvpMachine, LateChangesUntilStartThenRefused) {
  Runner r = invited(2);
  r(Answer{kT0, 1, Reply::decline});
  r(Answer{kStart - 60, 1, Reply::accept});
  EXPECT_EQ(r.status(1), Status::accepted);
  r(Answer{kStart, 1, Reply::decline});
  EXPECT_EQ(r.status(1), Status::accepted);
  const auto refused = only<RefuseAnswer>(r.last);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].reason, RefusalReason::session_started);
  r(Answer{kStart, 99, Reply::accept});
  EXPECT_EQ(only<RefuseAnswer>(r.last).at(0).reason, RefusalReason::unknown_person);
}

TEST(RsvpMachine, QuorumCheckOnceAtConfiguredDeadline) {
  SessionSetup s = setup(3, 2);
  s.quorum_lead_seconds = 2 * kDay;
  Runner r = invited(3, s);
  r(Answer{kT0, 1, Reply::accept});
  r(Tick{kStart - 2 * kDay - 1});
  EXPECT_TRUE(only<AlertCoordinator>(r.last).empty());
  r(Tick{kStart - 2 * kDay});
  const auto alerts = only<AlertCoordinator>(r.last);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].options, (std::vector<QuorumOption>{QuorumOption::merge, QuorumOption::move,
                                                          QuorumOption::cancel}));
  r(Tick{kStart - kDay});
  EXPECT_TRUE(r.last.empty());
}

TEST(RsvpMachine, QuorumReachedRaisesNoAlert) {
  Runner r = invited(3, setup(3, 2));
  r(Answer{kT0, 1, Reply::accept})(Answer{kT0, 2, Reply::accept});
  r(Tick{kStart});
  EXPECT_TRUE(only<AlertCoordinator>(r.last).empty());
  EXPECT_EQ(r.state.phase, Phase::started);
}

TEST(RsvpMachine, BelowQuorumOffersWaitlistWhenReservesExist) {
  Runner r = invited(3, setup(3, 2));
  r(Enlist{kT0, person(30)});
  r(Tick{kStart - 5 * kDay});
  const auto alert = only<AlertCoordinator>(r.last).at(0);
  EXPECT_EQ(alert.reserves, 1);
  EXPECT_EQ(alert.options.front(), QuorumOption::invite_from_waitlist);
}

TEST(RsvpMachine, CancellationNotifiesEveryoneContacted) {
  Runner r = invited(3);
  r(Enlist{kT0, person(40)});  // a reserve never contacted gets nothing
  r(Answer{kT0, 1, Reply::accept})(Answer{kT0, 2, Reply::tentative});
  r(Cancel{kT0 + kDay, CancelReason::below_quorum, 0});
  const auto notices = only<SendCancellation>(r.last);
  ASSERT_EQ(notices.size(), 3u);
  EXPECT_EQ(notices[0].reason, CancelReason::below_quorum);
  EXPECT_EQ(r.state.phase, Phase::cancelled);
  r(Answer{kT0 + kDay + 1, 1, Reply::accept});
  EXPECT_EQ(only<RefuseAnswer>(r.last).at(0).reason, RefusalReason::session_cancelled);
}

TEST(RsvpMachine, RescheduleSendsChangeNoticesAndRearmsQuorum) {
  Runner r = invited(2);
  r(Answer{kT0, 1, Reply::accept})(Answer{kT0, 2, Reply::decline});
  r(Tick{kStart - 5 * kDay});
  ASSERT_EQ(only<AlertCoordinator>(r.last).size(), 1u);
  r(Reschedule{kStart - 5 * kDay + 1, LocalTime{kStart + 10 * kDay, 7200}});
  const auto changes = only<SendChangeNotice>(r.last);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].person, 1);
  r(Tick{kStart + 5 * kDay});
  EXPECT_EQ(only<AlertCoordinator>(r.last).size(), 1u);
}

TEST(RsvpMachine, OptOutWithdrawsChannelsAndConfirmsOnce) {
  Runner r = invited(2);
  r(OptOut{kT0, 1, bit(Channel::whatsapp), Channel::whatsapp});
  const auto rec = only<RecordOptOut>(r.last);
  ASSERT_EQ(rec.size(), 1u);
  EXPECT_EQ(rec[0].via, Channel::whatsapp);
  r(OptOut{kT0 + 1, 1, bit(Channel::whatsapp), Channel::whatsapp});
  EXPECT_TRUE(r.last.empty());
  r(Answer{kT0 + 2, 1, Reply::accept});
  EXPECT_EQ(only<SendConfirmation>(r.last).at(0).channels, bit(Channel::email));
  r(OptOut{kT0 + 3, 1, kAllChannels, Channel::email});
  r(Answer{kT0 + 4, 1, Reply::tentative});
  EXPECT_TRUE(only<SendConfirmation>(r.last).empty());
  r(Cancel{kT0 + 5, CancelReason::coordinator, 0});
  const auto alerts = only<AlertCoordinator>(r.last);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].kind, AlertKind::unreachable);
  EXPECT_EQ(alerts[0].person, 1);
}

TEST(RsvpMachine, NextDeadlineTracksOffersQuorumAndStart) {
  Runner r = invited(1, setup(1, 1));
  EXPECT_EQ(next_deadline(r.state), kStart - 5 * kDay);
  r(Tick{kStart - 5 * kDay});
  EXPECT_EQ(next_deadline(r.state), kStart);
  r(Tick{kStart});
  EXPECT_EQ(next_deadline(r.state), std::nullopt);
}

}  // namespace
}  // namespace tafel::rsvp
