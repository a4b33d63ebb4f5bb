#include "adapters/outbox/poll_outreach.hpp"

#include "adapters/links/link_token.hpp"
#include "adapters/store/outbox_store.hpp"
#include "adapters/store/rounds_store.hpp"
#include "engine/outreach/message_facts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace tafel::outbox {

namespace {

using outreach::Channel;
using outreach::MessageKind;

struct PollFacts {
  std::int64_t member_id = 0;
  SessionFacts round;  // the network's sender; start = the last moment to answer
  std::string note;    // the round's period, one Dutch sentence
  std::int64_t link_expires = 0;
};

std::optional<PollFacts> load_poll_facts(SQLite::Database& db, const TimeZone& zone,
                                         std::int64_t poll_id) {
  SQLite::Statement q(db,
                      "SELECT pi.member_id, r.period_from, r.period_to, r.theme, "
                      "r.poll_closes_utc, n.id, n.name, n.sender_name, n.sender_email "
                      "FROM poll_invitations pi JOIN planning_rounds r ON r.id = pi.round_id "
                      "JOIN networks n ON n.id = r.network_id WHERE pi.id = ?");
  q.bind(1, poll_id);
  if (!q.executeStep() || q.getColumn(4).isNull()) return std::nullopt;
  const auto from = parse_date(q.getColumn(1).getString());
  const auto to = parse_date(q.getColumn(2).getString());
  if (!from || !to) return std::nullopt;
  PollFacts f;
  f.member_id = q.getColumn(0).getInt64();
  const std::int64_t closes = q.getColumn(4).getInt64();
  // {{datum}} is the last day to answer: the local day of the last second before the close.
  f.round.start = zone.from_utc(closes - 1);
  f.round.end = f.round.start;
  f.round.status = "polling";
  f.round.theme = q.getColumn(3).getString();
  f.round.network_id = q.getColumn(5).getInt64();
  f.round.network = q.getColumn(6).getString();
  f.round.sender_name = q.getColumn(7).getString();
  f.round.sender_email = q.getColumn(8).getString();
  f.note = fmt::format("De praktijktafels vallen tussen {} en {}.",
                       outreach::dutch_long_date(*from), outreach::dutch_long_date(*to));
  f.link_expires = std::max(zone.from_local(add_days(*to, 1), 0, 0).utc_seconds, closes);
  return f;
}

}  // namespace

outreach::PolicyRules policy_rules(const ContactPolicyConfig& pc) {
  outreach::PolicyRules rules;
  rules.nudge_after_days = pc.nudge_after_days;
  rules.reminder_days_before = pc.reminder_days_before;
  rules.early_session_before = pc.early_session_before;
  rules.early_reminder_at = pc.early_reminder_at;
  rules.quiet_start = pc.quiet_start;
  rules.quiet_end = pc.quiet_end;
  rules.poll_reminder_days_before = pc.poll_reminder_days_before;
  return rules;
}

std::expected<std::string, std::string> render_poll_message(SQLite::Database& db,
                                                            const RenderContext& ctx,
                                                            std::int64_t poll_id, MessageKind kind,
                                                            Channel channel, const std::string& key,
                                                            std::int64_t now_utc) {
  const auto facts = load_poll_facts(db, ctx.zone, poll_id);
  if (!facts) return std::unexpected("the poll invitation or its round is gone");
  const auto member = load_recipient(db, facts->member_id);
  if (!member) return std::unexpected("the member is gone");
  if (channel == Channel::email ? !member->email_ok : !member->whatsapp_ok)
    return std::unexpected("the member cannot be reached on this channel");
  RenderRequest req;
  req.kind = kind;
  req.channel = channel;
  req.key = key;
  req.note = facts->note;
  req.answer_link = fmt::format(
      "{}/peiling/{}", ctx.config.public_url,
      links::sign_link(ctx.link_key, links::Purpose::poll, poll_id, facts->link_expires));
  const MessagingConfig& mc = ctx.config.messaging;
  req.reply_address = fmt::format("{}@{}", mc.reply_local, mc.reply_domain);
  return render_payload(ctx, req, facts->round, *member, InvitationRef{poll_id, "", ""}, now_utc);
}

PollReport enqueue_poll_messages_in_transaction(Store& store, const OutreachSetup& setup,
                                                std::int64_t now_utc,
                                                std::optional<std::int64_t> round) {
  PollReport report;
  SQLite::Database& db = store.db();
  std::vector<outreach::PollRound> rounds;
  std::vector<outreach::PollInvitee> invitees;
  for (const auto& r : polling_rounds(db, round)) {
    rounds.push_back({r.id, r.poll_closes->utc_seconds, true});
    for (const auto& p : load_poll_invitations(db, r.id)) {
      const auto m = load_recipient(db, p.member_id);
      if (!m) continue;
      outreach::PollInvitee i{p.id, r.id, p.member_id, p.answered, {}};
      if (m->email_ok) i.channels.push_back(Channel::email);
      if (m->whatsapp_ok) i.channels.push_back(Channel::whatsapp);
      invitees.push_back(std::move(i));
    }
  }
  if (invitees.empty()) return report;
  std::vector<outreach::PollRecord> history;
  for (const auto& row : load_poll_outbox(db))
    history.push_back({row.key, row.poll_invitation_id,
                       outreach::parse_message_kind(row.kind).value_or(MessageKind::poll),
                       outreach::parse_channel(row.channel).value_or(Channel::email), row.due_utc});

  const TimeZone& zone = setup.zone;
  const auto plan = outreach::plan_poll_moments(
      policy_rules(setup.config.messaging.policy), rounds, invitees, history, now_utc,
      [&zone](Date d, int minute) { return zone.offset_at_local(d, minute); });
  report.next_due_utc = plan.next_due_utc;
  const RenderContext ctx{setup.config, setup.zone, setup.templates, setup.link_key};
  for (const auto& due : plan.due) {
    auto payload = render_poll_message(db, ctx, due.poll, due.kind, due.channel, due.key, now_utc);
    if (!payload) {
      report.problems.push_back(fmt::format("{}: {}", due.key, payload.error()));
      continue;
    }
    const std::string kind(outreach::to_string(due.kind));
    if (enqueue(db, OutboxInsert{std::nullopt, due.member, std::string(to_string(due.channel)),
                                 kind, due.key, due.due_utc, *payload})) {
      record_poll_message(db, due.key, due.poll, kind);
      ++report.enqueued;
    }
  }
  return report;
}

}  // namespace tafel::outbox
