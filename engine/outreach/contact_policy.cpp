#include "engine/outreach/contact_policy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace tafel::outreach {

namespace {

constexpr int kEveningFallbackLead = 30;  // minutes before quiet_start

LocalTime at_local(Date d, int minute, const OffsetAt& offset_at) {
  return make_local_time(d, minute / 60, minute % 60, 0, offset_at(d, minute));
}

// The local time of an instant, found by asking the offset at the wall-clock time it maps to
// (twice, so an instant near a transition settles on the offset actually in force).
LocalTime to_local(std::int64_t utc, const OffsetAt& offset_at) {
  LocalTime t{utc, 0};
  for (int i = 0; i < 2; ++i) t.offset_seconds = offset_at(t.local_date(), t.local_minute_of_day());
  return t;
}

bool is_quiet(const PolicyRules& r, int minute) {
  return minute >= r.quiet_start || minute < r.quiet_end;
}

// Where a WhatsApp message due at `due` lands, ignoring `now`.
std::int64_t quiet_shift(const PolicyRules& r, std::int64_t due, std::int64_t deadline,
                         const OffsetAt& offset_at) {
  const LocalTime l = to_local(due, offset_at);
  const int m = l.local_minute_of_day();
  if (!is_quiet(r, m)) return due;
  const Date evening = m >= r.quiet_start ? l.local_date() : add_days(l.local_date(), -1);
  const LocalTime morning = at_local(add_days(evening, 1), r.quiet_end, offset_at);
  if (morning.utc_seconds < deadline) return morning.utc_seconds;
  return at_local(evening, r.quiet_start - kEveningFallbackLead, offset_at).utc_seconds;
}

std::optional<Channel> preferred(const std::vector<Channel>& channels) {
  if (std::find(channels.begin(), channels.end(), Channel::whatsapp) != channels.end())
    return Channel::whatsapp;
  if (std::find(channels.begin(), channels.end(), Channel::email) != channels.end())
    return Channel::email;
  return std::nullopt;
}

struct History {
  std::set<std::string> keys;
  std::optional<std::int64_t> invited_at;  // earliest invitation's due time
  std::map<Channel, int> announced;        // channel -> highest SEQUENCE announced
  std::set<int> reminders_sent;            // days_before values
};

}  // namespace

std::optional<std::int64_t> whatsapp_moment(const PolicyRules& rules, std::int64_t due_utc,
                                            std::int64_t deadline_utc, std::int64_t now_utc,
                                            const OffsetAt& offset_at) {
  const std::int64_t r = quiet_shift(rules, due_utc, deadline_utc, offset_at);
  if (r > now_utc) return r;
  if (!is_quiet(rules, to_local(now_utc, offset_at).local_minute_of_day())) return r;
  const std::int64_t later = quiet_shift(rules, now_utc, deadline_utc, offset_at);
  if (later > now_utc) return later;
  return std::nullopt;
}

ContactPlan plan_contact_moments(const PolicyRules& rules,
                                 const std::vector<PolicySession>& sessions,
                                 const std::vector<PolicyInvitation>& invitations,
                                 const std::vector<OutboxRecord>& outbox, std::int64_t now_utc,
                                 const OffsetAt& offset_at) {
  std::map<std::int64_t, const PolicySession*> session_by_id;
  for (const auto& s : sessions) session_by_id[s.id] = &s;
  std::map<std::int64_t, History> history;
  for (const auto& rec : outbox) {
    History& h = history[rec.invitation];
    h.keys.insert(rec.key);
    if (rec.kind == MessageKind::invitation)
      h.invited_at = h.invited_at ? std::min(*h.invited_at, rec.due_utc) : rec.due_utc;
    if (rec.kind == MessageKind::invitation || rec.kind == MessageKind::change) {
      auto [it, fresh] = h.announced.try_emplace(rec.channel, rec.sequence);
      if (!fresh) it->second = std::max(it->second, rec.sequence);
    }
    if (rec.kind == MessageKind::reminder) {
      // "<inv>:reminder:<days>:<channel>"
      const auto a = rec.key.find(":reminder:");
      if (a != std::string::npos) h.reminders_sent.insert(std::atoi(rec.key.c_str() + a + 10));
    }
  }

  ContactPlan plan;
  auto offer = [&](DueMessage m, std::int64_t deadline, const History& h) {
    if (h.keys.contains(m.key) || now_utc >= deadline) return false;
    std::optional<std::int64_t> at = m.due_utc;
    if (m.channel == Channel::whatsapp)
      at = whatsapp_moment(rules, m.due_utc, deadline, now_utc, offset_at);
    if (!at || *at >= deadline) return false;
    if (*at > now_utc) {
      plan.next_due_utc = plan.next_due_utc ? std::min(*plan.next_due_utc, *at) : *at;
      return false;
    }
    m.due_utc = *at;
    plan.due.push_back(std::move(m));
    return true;
  };

  static const History kNoHistory;
  for (const auto& inv : invitations) {
    const auto s = session_by_id.find(inv.session);
    if (s == session_by_id.end()) continue;
    const PolicySession& session = *s->second;
    const auto hit = history.find(inv.id);
    const History& h = hit == history.end() ? kNoHistory : hit->second;
    const std::int64_t start = session.start.utc_seconds;
    auto message = [&](MessageKind kind, Channel c, std::int64_t due, std::string key) {
      DueMessage m;
      m.key = std::move(key);
      m.invitation = inv.id;
      m.member = inv.member;
      m.session = inv.session;
      m.kind = kind;
      m.channel = c;
      m.due_utc = due;
      m.sequence = inv.sequence;
      return m;
    };

    if (session.cancelled) {
      for (const auto& [c, seq] : h.announced)
        offer(message(MessageKind::cancellation, c, now_utc,
                      fmt::format("{}:cancellation:{}", inv.id, to_string(c))),
              start, h);
      continue;
    }
    if (inv.rsvp == Rsvp::declined || inv.rsvp == Rsvp::cancelled || inv.rsvp == Rsvp::waitlisted)
      continue;

    for (Channel c : inv.channels) {
      const auto announced = h.announced.find(c);
      if (announced == h.announced.end())
        offer(message(MessageKind::invitation, c, now_utc,
                      fmt::format("{}:invitation:{}", inv.id, to_string(c))),
              start, h);
      else if (announced->second < inv.sequence)
        offer(message(MessageKind::change, c, now_utc,
                      fmt::format("{}:change:{}:{}", inv.id, inv.sequence, to_string(c))),
              start, h);
    }

    const auto channel = preferred(inv.channels);
    if (!channel || !h.invited_at) continue;

    if (inv.rsvp == Rsvp::invited) {
      const LocalTime invited = to_local(*h.invited_at, offset_at);
      const LocalTime nudge = at_local(add_days(invited.local_date(), rules.nudge_after_days),
                                       invited.local_minute_of_day(), offset_at);
      if (nudge.utc_seconds <= now_utc && now_utc < start)
        plan.call_list.push_back({inv.id, inv.member, inv.session});
      offer(message(MessageKind::nudge, *channel, nudge.utc_seconds,
                    fmt::format("{}:nudge:{}", inv.id, to_string(*channel))),
            start, h);
    }

    if (inv.rsvp == Rsvp::accepted) {
      const Date day = session.start.local_date();
      const int minute = session.start.local_minute_of_day();
      std::vector<DueMessage> reminders;
      for (int d : rules.reminder_days_before) {
        LocalTime at = at_local(add_days(day, -d), minute, offset_at);
        if (d == 1 && minute < rules.early_session_before)
          at = at_local(add_days(day, -1), rules.early_reminder_at, offset_at);
        if (at.utc_seconds < *h.invited_at) continue;
        if (inv.rsvp_at_utc && at.utc_seconds < *inv.rsvp_at_utc) continue;
        if (std::any_of(h.reminders_sent.begin(), h.reminders_sent.end(),
                        [d](int sent) { return sent <= d; }))
          continue;  // this one, or a later one, already went
        DueMessage m = message(MessageKind::reminder, *channel, at.utc_seconds,
                               fmt::format("{}:reminder:{}:{}", inv.id, d, to_string(*channel)));
        m.days_before = d;
        reminders.push_back(std::move(m));
      }
      // Latest reminder first: once one is offered as due, earlier (larger d) ones are moot.
      std::sort(reminders.begin(), reminders.end(), [](const DueMessage& a, const DueMessage& b) {
        return a.days_before < b.days_before;
      });
      for (auto& m : reminders)
        if (offer(std::move(m), start, h)) break;
    }
  }
  std::sort(plan.due.begin(), plan.due.end(), [](const DueMessage& a, const DueMessage& b) {
    return std::tie(a.due_utc, a.key) < std::tie(b.due_utc, b.key);
  });
  return plan;
}

PollPlan plan_poll_moments(const PolicyRules& rules, const std::vector<PollRound>& rounds,
                           const std::vector<PollInvitee>& invitees,
                           const std::vector<PollRecord>& outbox, std::int64_t now_utc,
                           const OffsetAt& offset_at) {
  std::map<std::int64_t, const PollRound*> round_by_id;
  for (const auto& r : rounds) round_by_id[r.id] = &r;
  struct PollHistory {
    std::optional<std::int64_t> polled_at;  // earliest poll message's due time
    bool reminded = false;
  };
  std::map<std::int64_t, PollHistory> history;
  for (const auto& rec : outbox) {
    PollHistory& h = history[rec.poll];
    if (rec.kind == MessageKind::poll)
      h.polled_at = h.polled_at ? std::min(*h.polled_at, rec.due_utc) : rec.due_utc;
    if (rec.kind == MessageKind::poll_reminder) h.reminded = true;
  }

  PollPlan plan;
  auto later = [&plan](std::int64_t at) {
    plan.next_due_utc = plan.next_due_utc ? std::min(*plan.next_due_utc, at) : at;
  };
  // When a message on `c` due at `due` may go before `deadline`, ignoring whether that is now.
  auto moment = [&](Channel c, std::int64_t due, std::int64_t deadline) {
    std::optional<std::int64_t> at = due;
    if (c == Channel::whatsapp) at = whatsapp_moment(rules, due, deadline, now_utc, offset_at);
    if (at && *at >= deadline) at.reset();
    return at;
  };
  auto message = [](const PollInvitee& p, MessageKind kind, Channel c, std::int64_t due) {
    return DuePollMessage{fmt::format("poll{}:{}:{}", p.id, to_string(kind), to_string(c)),
                          p.id,
                          p.round,
                          p.member,
                          kind,
                          c,
                          due};
  };

  for (const auto& p : invitees) {
    const auto r = round_by_id.find(p.round);
    if (r == round_by_id.end() || !r->second->polling || p.answered) continue;
    const std::int64_t close = r->second->closes_utc;
    if (now_utc >= close) continue;
    const auto channel = preferred(p.channels);
    if (!channel) continue;
    const auto hit = history.find(p.id);
    const PollHistory h = hit == history.end() ? PollHistory{} : hit->second;

    if (!h.polled_at) {
      auto at = moment(*channel, now_utc, close);
      Channel c = *channel;
      if (!at && c == Channel::whatsapp &&
          std::find(p.channels.begin(), p.channels.end(), Channel::email) != p.channels.end()) {
        c = Channel::email;
        at = now_utc;
      }
      if (at) plan.due.push_back(message(p, MessageKind::poll, c, *at));
      continue;
    }
    if (h.reminded) continue;
    const LocalTime polled = to_local(*h.polled_at, offset_at);
    const Date close_day = to_local(close, offset_at).local_date();
    const LocalTime remind = at_local(add_days(close_day, -rules.poll_reminder_days_before),
                                      polled.local_minute_of_day(), offset_at);
    if (remind.utc_seconds <= *h.polled_at) continue;
    const auto at = moment(*channel, remind.utc_seconds, close);
    if (!at) continue;
    if (*at > now_utc) {
      later(*at);
      continue;
    }
    plan.due.push_back(message(p, MessageKind::poll_reminder, *channel, *at));
  }
  std::sort(plan.due.begin(), plan.due.end(), [](const DuePollMessage& a, const DuePollMessage& b) {
    return std::tie(a.due_utc, a.key) < std::tie(b.due_utc, b.key);
  });
  return plan;
}

}  // namespace tafel::outreach
