#include "engine/rsvp/machine.hpp"

#include "engine/rsvp/waitlist.hpp"

#include <algorithm>
#include <utility>

namespace tafel::rsvp {

UnixSeconds event_time(const Event& e) {
  return std::visit([](const auto& ev) { return ev.at; }, e);
}

namespace {

using Out = std::vector<Decision>;

// Emits an important notice, or an Unreachable alert when no channel is left.
template <typename Notice>
void notify(Out& out, const Person& p, Notice notice) {
  notice.channels = p.reachable();
  if (notice.channels != kNoChannels) {
    out.emplace_back(std::move(notice));
  } else {
    AlertCoordinator alert;
    alert.kind = AlertKind::unreachable;
    alert.person = p.attendee.id;
    out.emplace_back(std::move(alert));
  }
}

// Emits a courtesy message only when a channel is left.
template <typename Message>
void tell(Out& out, const Person& p, Message message) {
  message.channels = p.reachable();
  if (message.channels != kNoChannels) out.emplace_back(std::move(message));
}

bool before_start(const State& s, UnixSeconds t) { return t < s.start_at(); }

// Offers unclaimed seats to the best reachable people on the waitlist.
void fill_free_seats(State& s, UnixSeconds t, Out& out) {
  if (s.phase != Phase::open || !before_start(s, t)) return;
  while (s.seats_unclaimed() > 0) {
    Person* next = nullptr;
    for (const PersonId id : waitlist_order(s)) {
      Person& p = s.people.at(id);
      if (p.reachable() != kNoChannels) {
        next = &p;
        break;
      }
    }
    if (next == nullptr) return;
    next->status = Status::offered;
    next->contacted = true;
    next->offer_expires = std::min(t + s.setup.offer_ttl_seconds, s.start_at());
    tell(out, *next, SendOffer{next->attendee.id, next->offer_expires, kNoChannels});
  }
}

std::optional<UnixSeconds> earliest_offer_expiry(const State& s) {
  std::optional<UnixSeconds> best;
  for (const auto& [id, p] : s.people) {
    if (p.status == Status::offered && (!best || p.offer_expires < *best)) best = p.offer_expires;
  }
  return best;
}

void expire_offers(State& s, UnixSeconds t, Out& out) {
  for (auto& [id, p] : s.people) {
    if (p.status == Status::offered && p.offer_expires <= t) {
      p.status = Status::lapsed;
      tell(out, p, SendOfferExpired{id, kNoChannels});
    }
  }
  fill_free_seats(s, t, out);
}

void check_quorum(State& s, Out& out) {
  s.quorum_checked = true;
  const int accepted = s.count(Status::accepted);
  if (accepted >= s.setup.quorum) return;
  AlertCoordinator alert;
  alert.kind = AlertKind::below_quorum;
  alert.accepted = accepted;
  alert.tentative = s.count(Status::tentative);
  alert.quorum = s.setup.quorum;
  for (const auto& [id, p] : s.people) {
    alert.reserves += p.status == Status::waitlisted && p.reserve ? 1 : 0;
  }
  if (alert.reserves > 0) alert.options.push_back(QuorumOption::invite_from_waitlist);
  alert.options.push_back(QuorumOption::merge);
  alert.options.push_back(QuorumOption::move);
  alert.options.push_back(QuorumOption::cancel);
  out.emplace_back(std::move(alert));
}

// Handles every deadline up to and including `at`, each at its own moment: offer expiries
// first, then the quorum check, then the start.
void advance(State& s, UnixSeconds at, Out& out) {
  while (s.phase == Phase::open) {
    const auto deadline = next_deadline(s);
    if (!deadline || *deadline > at) break;
    const UnixSeconds t = *deadline;
    s.now = std::max(s.now, t);
    const auto expiry = earliest_offer_expiry(s);
    if (expiry && *expiry == t) {
      expire_offers(s, t, out);
    } else if (!s.quorum_checked && s.quorum_deadline() <= t) {
      check_quorum(s, out);
    } else {
      s.phase = Phase::started;
    }
  }
  s.now = std::max(s.now, at);
}

Person& add_or_update(State& s, const Attendee& a, Status status, UnixSeconds t, bool* added) {
  auto [it, inserted] = s.people.try_emplace(a.id);
  Person& p = it->second;
  p.attendee = a;
  *added = inserted;
  if (inserted) {
    p.status = status;
    p.since = t;
  }
  return p;
}

void on(State& s, const Invite& e, Out& out) {
  if (s.phase != Phase::open) return;
  bool added = false;
  Person& p = add_or_update(s, e.attendee, Status::invited, s.now, &added);
  if (added || (p.status == Status::waitlisted && p.reserve)) {
    p.status = Status::invited;
    p.reserve = false;
    p.contacted = true;
    tell(out, p, SendInvitation{p.attendee.id, kNoChannels});
  }
}

void on(State& s, const Enlist& e, Out&) {
  if (s.phase != Phase::open) return;
  bool added = false;
  Person& p = add_or_update(s, e.attendee, Status::waitlisted, s.now, &added);
  if (added) p.reserve = true;
}

void on(State& s, const Answer& e, Out& out) {
  const auto it = s.people.find(e.person);
  if (it == s.people.end() || s.phase != Phase::open) {
    const RefusalReason reason = it == s.people.end()        ? RefusalReason::unknown_person
                                 : s.phase == Phase::started ? RefusalReason::session_started
                                                             : RefusalReason::session_cancelled;
    out.emplace_back(RefuseAnswer{e.person, e.reply, reason});
    return;
  }
  Person& p = it->second;
  p.contacted = true;
  if (e.reply == Reply::decline) {
    if (p.status == Status::declined) return;
    p.status = Status::declined;
    p.reserve = false;
    tell(out, p, SendConfirmation{e.person, Reply::decline, kNoChannels});
    return;
  }
  const Status target = e.reply == Reply::accept ? Status::accepted : Status::tentative;
  if (p.status == target) return;
  if (p.holds_seat() || s.seats_held() < s.setup.seats) {
    p.status = target;
    p.reserve = false;
    tell(out, p, SendConfirmation{e.person, e.reply, kNoChannels});
    return;
  }
  if (p.status == Status::waitlisted && !p.reserve) return;  // already waiting; keeps its place
  p.status = Status::waitlisted;
  p.reserve = false;
  p.since = s.now;
  tell(out, p, SendWaitlisted{e.person, waitlist_position(s, e.person), kNoChannels});
}

void on(State& s, const OptOut& e, Out& out) {
  const auto it = s.people.find(e.person);
  if (it == s.people.end()) return;
  Person& p = it->second;
  const Channels before = p.withdrawn;
  p.withdrawn |= e.withdrawn;
  if (p.withdrawn != before) out.emplace_back(RecordOptOut{e.person, e.withdrawn, e.via});
}

void on(State& s, const InviteFromWaitlist& e, Out& out) {
  if (s.phase != Phase::open) return;
  int left = e.count;
  for (const PersonId id : waitlist_order(s)) {
    if (left <= 0) break;
    Person& p = s.people.at(id);
    if (!p.reserve || p.reachable() == kNoChannels) continue;
    p.status = Status::invited;
    p.reserve = false;
    p.contacted = true;
    tell(out, p, SendInvitation{id, kNoChannels});
    --left;
  }
}

void on(State& s, const Reschedule& e, Out& out) {
  if (s.phase != Phase::open) return;
  s.setup.start = e.new_start;
  s.quorum_checked = s.quorum_checked && s.quorum_deadline() <= s.now;
  for (auto& [id, p] : s.people) {
    if (p.status == Status::offered) p.offer_expires = std::min(p.offer_expires, s.start_at());
    const bool concerned = p.status == Status::invited || p.holds_seat() ||
                           (p.status == Status::waitlisted && !p.reserve);
    if (concerned) notify(out, p, SendChangeNotice{id, e.new_start, kNoChannels});
  }
}

void on(State& s, const Cancel& e, Out& out) {
  if (s.phase != Phase::open) return;
  s.phase = Phase::cancelled;
  for (auto& [id, p] : s.people) {
    if (p.contacted) notify(out, p, SendCancellation{id, e.reason, e.merged_into, kNoChannels});
  }
}

void on(State&, const Tick&, Out&) {}

}  // namespace

State initial_state(SessionSetup setup) {
  State s;
  s.setup = std::move(setup);
  return s;
}

std::optional<UnixSeconds> next_deadline(const State& s) {
  if (s.phase != Phase::open) return std::nullopt;
  UnixSeconds best = s.start_at();
  if (!s.quorum_checked) best = std::min(best, s.quorum_deadline());
  if (const auto expiry = earliest_offer_expiry(s)) best = std::min(best, *expiry);
  return best;
}

Outcome apply_event(State state, const Event& event) {
  Outcome out;
  advance(state, event_time(event), out.decisions);
  std::visit([&](const auto& e) { on(state, e, out.decisions); }, event);
  fill_free_seats(state, state.now, out.decisions);
  out.state = std::move(state);
  return out;
}

Outcome replay(const SessionSetup& setup, std::span<const Event> log) {
  Outcome total;
  total.state = initial_state(setup);
  for (const Event& e : log) {
    Outcome step = apply_event(std::move(total.state), e);
    total.state = std::move(step.state);
    total.decisions.insert(total.decisions.end(), std::make_move_iterator(step.decisions.begin()),
                           std::make_move_iterator(step.decisions.end()));
  }
  return total;
}

}  // namespace tafel::rsvp
