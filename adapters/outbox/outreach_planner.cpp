#include "adapters/outbox/outreach_planner.hpp"

#include "adapters/outbox/followup_outreach.hpp"
#include "adapters/outbox/message_render.hpp"
#include "adapters/outbox/poll_outreach.hpp"
#include "adapters/store/outbox_store.hpp"
#include "adapters/store/rsvp_log.hpp"
#include "engine/outreach/channel_limits.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>

namespace tafel::outbox {

namespace {

using outreach::Channel;
using outreach::MessageKind;

struct SessionInfo {
  outreach::PolicySession policy;
  SessionFacts facts;
  std::vector<std::int64_t> members;
};

std::map<std::int64_t, SessionInfo> load_sessions(SQLite::Database& db) {
  std::map<std::int64_t, SessionInfo> out;
  std::vector<std::int64_t> ids;
  {
    SQLite::Statement q(db,
                        "SELECT s.id FROM sessions s JOIN proposals p ON p.id = s.proposal_id "
                        "WHERE p.status = 'approved' AND s.status IN ('approved', 'cancelled')");
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  }
  for (const std::int64_t id : ids) {
    auto facts = load_session_facts(db, id);
    if (!facts) continue;
    SessionInfo s;
    s.policy.id = id;
    s.policy.start = facts->start;
    s.policy.end = facts->end;
    s.policy.cancelled = facts->status == "cancelled";
    s.facts = std::move(*facts);
    out.emplace(id, std::move(s));
  }
  SQLite::Statement m(db, "SELECT session_id, member_id FROM session_members ORDER BY member_id");
  while (m.executeStep()) {
    auto it = out.find(m.getColumn(0).getInt64());
    if (it != out.end()) it->second.members.push_back(m.getColumn(1).getInt64());
  }
  return out;
}

std::map<std::int64_t, int> load_session_sequences(SQLite::Database& db) {
  std::map<std::int64_t, int> out;
  SQLite::Statement q(db, "SELECT id, sequence FROM sessions");
  while (q.executeStep()) out[q.getColumn(0).getInt64()] = q.getColumn(1).getInt();
  return out;
}

outreach::Rsvp to_policy_rsvp(const std::string& s) {
  if (s == "accepted") return outreach::Rsvp::accepted;
  if (s == "tentative") return outreach::Rsvp::maybe;
  if (s == "declined") return outreach::Rsvp::declined;
  if (s == "invited") return outreach::Rsvp::invited;
  return outreach::Rsvp::waitlisted;  // waitlisted, offered, lapsed: the RSVP machine's business
}

std::expected<std::string, std::string> render_due(const OutreachSetup& setup,
                                                   const outreach::DueMessage& due,
                                                   const SessionInfo& s, const RecipientFacts& m,
                                                   const InvitationRow& inv, std::int64_t now) {
  RenderRequest req;
  req.kind = due.kind;
  req.channel = due.channel;
  req.key = due.key;
  req.sequence = due.sequence;
  if (due.kind == MessageKind::invitation || due.kind == MessageKind::change)
    req.calendar = CalendarPart::request;
  if (due.kind == MessageKind::cancellation) req.calendar = CalendarPart::cancel;
  req.answer_buttons = due.kind == MessageKind::invitation || due.kind == MessageKind::nudge ||
                       due.kind == MessageKind::change;
  if (due.kind == MessageKind::change)
    req.note = "De datum, tijd of plaats is gewijzigd; hieronder staat hoe het nu is.";
  const RenderContext ctx{setup.config, setup.zone, setup.templates, setup.link_key};
  return render_payload(ctx, req, s.facts, m, InvitationRef{inv.id, inv.reply_id, inv.ical_uid},
                        now);
}

}  // namespace

PlannerReport enqueue_due_messages(Store& store, const OutreachSetup& setup, std::int64_t now_utc) {
  SQLite::Transaction tx(store.db());
  PlannerReport report = enqueue_due_messages_in_transaction(store, setup, now_utc);
  tx.commit();
  return report;
}

PlannerReport enqueue_due_messages_in_transaction(Store& store, const OutreachSetup& setup,
                                                  std::int64_t now_utc) {
  PlannerReport report;
  SQLite::Database& db = store.db();
  auto sessions = load_sessions(db);
  const auto sequences = load_session_sequences(db);

  // Invitations for members of approved sessions that have none yet.
  for (const auto& [id, s] : sessions) {
    if (s.policy.cancelled) continue;
    for (std::int64_t member : s.members) {
      SQLite::Statement has(db, "SELECT 1 FROM invitations WHERE session_id = ? AND member_id = ?");
      has.bind(1, id);
      has.bind(2, member);
      if (has.executeStep()) continue;
      // The invitation enters the session's RSVP log in the same transaction (rsvp_log.hpp);
      // invitations of older data are logged first.
      rsvp_log::ensure_invites_logged(db, id);
      const std::string reply_id = setup.new_reply_id();
      create_invitation(db, id, member, reply_id,
                        fmt::format("{}-{}@{}", s.facts.uid, reply_id.substr(0, 10),
                                    setup.config.messaging.reply_domain),
                        sequences.contains(id) ? sequences.at(id) : 0);
      if (auto a = rsvp_log::load_attendee(db, member))
        rsvp_log::append_event(db, id, rsvp::Invite{now_utc, *a}, "system");
      ++report.invitations_created;
    }
  }

  std::map<std::int64_t, InvitationRow> invitation_rows;
  std::map<std::int64_t, RecipientFacts> members;
  std::vector<outreach::PolicyInvitation> invitations;
  for (auto& inv : load_invitations(store)) {
    if (!sessions.contains(inv.session_id)) continue;
    auto m = load_recipient(db, inv.member_id);
    if (!m) continue;
    outreach::PolicyInvitation p;
    p.id = inv.id;
    p.session = inv.session_id;
    p.member = inv.member_id;
    p.rsvp = to_policy_rsvp(inv.rsvp);
    if (inv.rsvp_at)
      if (auto t = parse_iso8601(*inv.rsvp_at)) p.rsvp_at_utc = t->utc_seconds;
    p.sequence = std::max(inv.sequence,
                          sequences.contains(inv.session_id) ? sequences.at(inv.session_id) : 0);
    if (m->email_ok) p.channels.push_back(Channel::email);
    if (m->whatsapp_ok) p.channels.push_back(Channel::whatsapp);
    invitations.push_back(std::move(p));
    members.emplace(inv.member_id, std::move(*m));
    invitation_rows.emplace(inv.id, std::move(inv));
  }
  std::vector<outreach::OutboxRecord> history;
  for (const auto& row : load_outbox(store)) {
    if (!row.invitation_id) continue;
    outreach::OutboxRecord r;
    r.key = row.dedupe_key;
    r.invitation = *row.invitation_id;
    r.kind = outreach::parse_message_kind(row.kind).value_or(MessageKind::invitation);
    r.channel = outreach::parse_channel(row.channel).value_or(Channel::email);
    r.due_utc = row.due_utc;
    // "<inv>:change:<seq>:<channel>"; invitations announce the sequence they were sent with.
    if (r.kind == MessageKind::change)
      r.sequence = std::atoi(row.dedupe_key.c_str() + row.dedupe_key.find(":change:") + 8);
    if (r.kind == MessageKind::invitation) {
      const auto j = nlohmann::json::parse(row.payload, nullptr, false);
      r.sequence = j.is_object() ? j.value("sequence", 0) : 0;
    }
    history.push_back(std::move(r));
  }

  const auto& pc = setup.config.messaging.policy;
  outreach::PolicyRules rules;
  rules.nudge_after_days = pc.nudge_after_days;
  rules.reminder_days_before = pc.reminder_days_before;
  rules.early_session_before = pc.early_session_before;
  rules.early_reminder_at = pc.early_reminder_at;
  rules.quiet_start = pc.quiet_start;
  rules.quiet_end = pc.quiet_end;
  std::vector<outreach::PolicySession> policy_sessions;
  for (const auto& [id, s] : sessions) policy_sessions.push_back(s.policy);
  const TimeZone& zone = setup.zone;
  const auto plan = outreach::plan_contact_moments(
      rules, policy_sessions, invitations, history, now_utc,
      [&zone](Date d, int minute) { return zone.offset_at_local(d, minute); });
  report.next_due_utc = plan.next_due_utc;

  for (const auto& due : plan.due) {
    const SessionInfo& s = sessions.at(due.session);
    const RecipientFacts& m = members.at(due.member);
    auto payload = render_due(setup, due, s, m, invitation_rows.at(due.invitation), now_utc);
    if (!payload) {
      report.problems.push_back(fmt::format("{}: {}", due.key, payload.error()));
      continue;
    }
    if (due.kind == MessageKind::invitation) {
      auto j = nlohmann::json::parse(*payload);
      j["sequence"] = due.sequence;
      *payload = j.dump();
    }
    if (due.kind == MessageKind::cancellation) cancel_pending(db, due.invitation);
    if (enqueue(db, OutboxInsert{due.invitation, due.member, std::string(to_string(due.channel)),
                                 std::string(to_string(due.kind)), due.key, due.due_utc, *payload}))
      ++report.enqueued;
  }
  for (const auto& c : plan.call_list) {
    const RecipientFacts& m = members.at(c.member);
    const SessionInfo& s = sessions.at(c.session);
    const int minute = s.policy.start.local_minute_of_day();
    report.call_list.push_back(
        {c.member, m.name, m.company, m.mobile.empty() ? m.landline : m.mobile,
         fmt::format("{} {:02}:{:02}, {}", outreach::dutch_long_date(s.policy.start.local_date()),
                     minute / 60, minute % 60, s.facts.venue)});
  }
  // The availability polls of polling rounds: polls not yet sent and reminders now due.
  auto polls = enqueue_poll_messages_in_transaction(store, setup, now_utc);
  report.enqueued += polls.enqueued;
  for (auto& p : polls.problems) report.problems.push_back(std::move(p));
  if (polls.next_due_utc)
    report.next_due_utc = report.next_due_utc ? std::min(*report.next_due_utc, *polls.next_due_utc)
                                              : *polls.next_due_utc;
  // After held sessions: the takeaways and the evaluation question to those who came.
  auto followups = enqueue_followups_in_transaction(store, setup, now_utc);
  report.enqueued += followups.enqueued;
  for (auto& p : followups.problems) report.problems.push_back(std::move(p));
  if (followups.next_due_utc)
    report.next_due_utc = report.next_due_utc
                              ? std::min(*report.next_due_utc, *followups.next_due_utc)
                              : *followups.next_due_utc;
  return report;
}

}  // namespace tafel::outbox
