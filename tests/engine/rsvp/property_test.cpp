// Properties of the RSVP state machine over random logs (fixed seeds, so failures reproduce):
// never over capacity, replay gives the same state and decisions, answers of different people
// at one moment commute when they do not compete for a seat, and extra Ticks change nothing.

#include "engine/rsvp/machine.hpp"
#include "tests/engine/rsvp/rsvp_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace tafel::rsvp {
namespace {

using namespace testing;

struct Gen {
  std::mt19937 rng;
  explicit Gen(unsigned seed) : rng(seed) {}
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
  bool chance(int percent) { return uniform(1, 100) <= percent; }

  Attendee attendee(PersonId id) {
    Attendee a =
        person(id, "bedrijf-" + std::to_string(uniform(1, 4)), chance(80) ? "installatie" : "bouw");
    a.available = chance(80);
    a.came_before = chance(30);
    a.channels = static_cast<Channels>(uniform(0, 3));
    return a;
  }

  // A log in time order from before the invitations until after the start.
  std::vector<Event> log(int people, int length) {
    std::vector<Event> out;
    UnixSeconds t = kT0;
    for (int i = 0; i < length; ++i) {
      t += chance(30) ? 0 : uniform(1, 3 * static_cast<int>(kDay) / 2);
      const PersonId id = uniform(1, people);
      const int kind = uniform(0, 99);
      if (kind < 15) {
        out.emplace_back(Invite{t, attendee(id)});
      } else if (kind < 22) {
        out.emplace_back(Enlist{t, attendee(id)});
      } else if (kind < 75) {
        out.emplace_back(Answer{t, id, static_cast<Reply>(uniform(0, 2))});
      } else if (kind < 80) {
        out.emplace_back(OptOut{t, id, static_cast<Channels>(uniform(1, 3)), Channel::email});
      } else if (kind < 84) {
        out.emplace_back(InviteFromWaitlist{t, uniform(1, 3)});
      } else if (kind < 86) {
        out.emplace_back(Reschedule{t, LocalTime{kStart + uniform(-5, 10) * kDay, 3600}});
      } else if (kind < 87) {
        out.emplace_back(Cancel{t, CancelReason::coordinator, 0});
      } else {
        out.emplace_back(Tick{t});
      }
    }
    return out;
  }
};

void expect_invariants(const State& s) {
  ASSERT_LE(s.seats_held(), s.setup.seats);
  for (const auto& [id, p] : s.people) {
    if (p.status == Status::offered && s.phase == Phase::open) {
      ASSERT_GT(p.offer_expires, s.now) << "person " << id;
      ASSERT_LE(p.offer_expires, s.start_at()) << "person " << id;
    }
  }
}

TEST(RsvpProperty, NeverOverCapacity) {
  for (unsigned seed = 1; seed <= 300; ++seed) {
    Gen g(seed);
    const int seats = g.uniform(1, 6);
    State s = initial_state(setup(seats, g.uniform(1, seats)));
    for (const Event& e : g.log(12, 120)) {
      s = apply_event(std::move(s), e).state;
      ASSERT_NO_FATAL_FAILURE(expect_invariants(s)) << "seed " << seed;
    }
  }
}

TEST(RsvpProperty, ReplayGivesSameStateAndDecisions) {
  for (unsigned seed = 1; seed <= 100; ++seed) {
    Gen g(seed);
    const auto log = g.log(10, 100);
    Runner live(setup(4, 3));
    std::vector<Decision> decisions;
    for (const Event& e : log) {
      live(e);
      decisions.insert(decisions.end(), live.last.begin(), live.last.end());
    }
    const Outcome a = replay(setup(4, 3), log);
    const Outcome b = replay(setup(4, 3), log);
    ASSERT_EQ(a.state, live.state) << "seed " << seed;
    ASSERT_EQ(a.decisions, decisions) << "seed " << seed;
    ASSERT_EQ(a.state, b.state);
    ASSERT_EQ(a.decisions, b.decisions);
  }
}

TEST(RsvpProperty, ExtraTicksChangeNothing) {
  for (unsigned seed = 1; seed <= 100; ++seed) {
    Gen g(seed);
    const auto log = g.log(10, 100);
    std::vector<Event> ticked;
    UnixSeconds prev = kT0;
    for (const Event& e : log) {
      const UnixSeconds t = event_time(e);
      if (t > prev && g.chance(50)) ticked.emplace_back(Tick{g.uniform(0, 1) ? t : prev + 1});
      ticked.push_back(e);
      prev = t;
    }
    ASSERT_EQ(replay(setup(4, 3), ticked).state, replay(setup(4, 3), log).state) << "seed " << seed;
  }
}

// Answers of different people at the same moment, with enough seats for everyone, commute.
TEST(RsvpProperty, SimultaneousAnswersOfDifferentPeopleCommute) {
  for (unsigned seed = 1; seed <= 200; ++seed) {
    Gen g(seed);
    const int people = g.uniform(2, 10);
    SessionSetup s = setup(people + 2, g.uniform(1, people));
    std::vector<Event> prefix;
    for (PersonId id = 1; id <= people; ++id) prefix.emplace_back(Invite{kT0, g.attendee(id)});
    prefix.emplace_back(Enlist{kT0, g.attendee(people + 1)});
    // Rounds of answers; within a round each person answers at most once, all at one moment.
    std::vector<std::vector<Event>> rounds;
    UnixSeconds t = kT0;
    for (int r = 0; r < 4; ++r) {
      t += g.uniform(0, 3) * kDay;
      std::vector<Event> round;
      for (PersonId id = 1; id <= people + 1; ++id) {
        if (g.chance(60)) round.emplace_back(Answer{t, id, static_cast<Reply>(g.uniform(0, 2))});
      }
      rounds.push_back(std::move(round));
    }
    auto run = [&](bool shuffle) {
      std::vector<Event> log = prefix;
      for (auto round : rounds) {
        if (shuffle) std::shuffle(round.begin(), round.end(), g.rng);
        log.insert(log.end(), round.begin(), round.end());
      }
      return replay(s, log).state;
    };
    const State reference = run(false);
    for (int k = 0; k < 5; ++k) ASSERT_EQ(run(true), reference) << "seed " << seed;
  }
}

// Competing for the last seats, the order decides who sits, but never the number seated.
TEST(RsvpProperty, SimultaneousCompetingAnswersKeepCapacity) {
  for (unsigned seed = 1; seed <= 100; ++seed) {
    Gen g(seed);
    std::vector<Event> log;
    for (PersonId id = 1; id <= 8; ++id) log.emplace_back(Invite{kT0, g.attendee(id)});
    std::vector<Event> answers;
    for (PersonId id = 1; id <= 8; ++id) answers.emplace_back(Answer{kT0 + 1, id, Reply::accept});
    std::vector<int> held;
    for (int k = 0; k < 4; ++k) {
      std::shuffle(answers.begin(), answers.end(), g.rng);
      std::vector<Event> full = log;
      full.insert(full.end(), answers.begin(), answers.end());
      const State st = replay(setup(5, 3), full).state;
      held.push_back(st.seats_held());
      ASSERT_EQ(st.count(Status::waitlisted), 3);
    }
    ASSERT_TRUE(std::all_of(held.begin(), held.end(), [](int h) { return h == 5; }));
  }
}

}  // namespace
}  // namespace tafel::rsvp
