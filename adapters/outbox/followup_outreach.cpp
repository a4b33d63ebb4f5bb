#include "adapters/outbox/followup_outreach.hpp"

#include "adapters/links/link_token.hpp"
#include "adapters/outbox/poll_outreach.hpp"
#include "adapters/store/outbox_store.hpp"
#include "adapters/store/sessions_store.hpp"
#include "engine/outreach/followup_policy.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace tafel::outbox {

namespace {

using outreach::Channel;
using outreach::MessageKind;

struct Invitation {
  std::int64_t session_id = 0;
  std::int64_t member_id = 0;
  std::string reply_id;
  std::string ical_uid;
};

std::optional<Invitation> load_invitation(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db,
                      "SELECT session_id, member_id, reply_id, ical_uid FROM invitations "
                      "WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return Invitation{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                    q.getColumn(2).getString(), q.getColumn(3).getString()};
}

// When the session's capture was stored: the capture time of its takeaways (record_capture's
// `now_utc`, so the moment is deterministic for a given input). nullopt: nothing captured.
std::optional<std::int64_t> captured_utc(SQLite::Database& db, std::int64_t session_id) {
  SQLite::Statement q(db,
                      "SELECT MAX(created_utc) FROM knowledge_items WHERE session_id = ? AND "
                      "kind = 'takeaway'");
  q.bind(1, session_id);
  if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::optional<outreach::FollowupSession> followup_session(SQLite::Database& db,
                                                          std::int64_t session_id) {
  const auto facts = load_session_facts(db, session_id);
  const auto captured = captured_utc(db, session_id);
  if (!facts || !captured) return std::nullopt;
  return outreach::FollowupSession{session_id, facts->end, *captured};
}

outreach::OffsetAt offset_at(const TimeZone& zone) {
  return [&zone](Date d, int minute) { return zone.offset_at_local(d, minute); };
}

}  // namespace

std::expected<std::string, std::string> render_followup(SQLite::Database& db,
                                                        const RenderContext& ctx,
                                                        std::int64_t invitation_id, Channel channel,
                                                        const std::string& key,
                                                        std::int64_t now_utc) {
  const auto inv = load_invitation(db, invitation_id);
  if (!inv) return std::unexpected("the invitation is gone");
  const auto facts = load_session_facts(db, inv->session_id);
  const auto fs = followup_session(db, inv->session_id);
  const auto capture = load_capture(db, inv->session_id);
  if (!facts || !fs || !capture) return std::unexpected("the session or its capture is gone");
  const auto member = load_recipient(db, inv->member_id);
  if (!member) return std::unexpected("the member is gone");
  if (channel == Channel::email ? !member->email_ok : !member->whatsapp_ok)
    return std::unexpected("the member cannot be reached on this channel");
  RenderRequest req;
  req.kind = MessageKind::followup;
  req.channel = channel;
  req.key = key;
  const auto& t = capture->capture.takeaways;
  req.content.takeaways = fmt::format("1. {}\n2. {}\n3. {}", t[0], t[1], t[2]);
  req.content.takeaways_line = fmt::format("1) {}; 2) {}; 3) {}", t[0], t[1], t[2]);
  if (const auto programme = load_programme(db, inv->session_id))
    req.content.action_question = programme->programme.action_question;
  const std::int64_t expires =
      outreach::followup_moment(*fs, offset_at(ctx.zone)) + kEvaluationLinkDays * 86400;
  req.answer_link = fmt::format(
      "{}/evaluatie/{}", ctx.config.public_url,
      links::sign_link(ctx.link_key, links::Purpose::evaluation, invitation_id, expires));
  return render_payload(ctx, req, *facts, *member,
                        InvitationRef{invitation_id, inv->reply_id, inv->ical_uid}, now_utc);
}

FollowupReport enqueue_followups_in_transaction(Store& store, const OutreachSetup& setup,
                                                std::int64_t now_utc) {
  FollowupReport report;
  SQLite::Database& db = store.db();
  std::vector<outreach::FollowupSession> sessions;
  std::vector<outreach::FollowupAttendee> attendees;
  {
    std::vector<std::int64_t> held;
    SQLite::Statement q(db, "SELECT id FROM sessions WHERE status = 'held' ORDER BY id");
    while (q.executeStep()) held.push_back(q.getColumn(0).getInt64());
    for (const std::int64_t id : held) {
      const auto fs = followup_session(db, id);
      if (!fs) continue;
      sessions.push_back(*fs);
      for (const std::int64_t member : evaluation_recipients(db, id)) {
        SQLite::Statement inv(db,
                              "SELECT id FROM invitations WHERE session_id = ? AND member_id = ?");
        inv.bind(1, id);
        inv.bind(2, member);
        if (!inv.executeStep()) continue;
        const auto m = load_recipient(db, member);
        if (!m) continue;
        outreach::FollowupAttendee a{inv.getColumn(0).getInt64(), id, member, {}};
        if (m->email_ok) a.channels.push_back(Channel::email);
        if (m->whatsapp_ok) a.channels.push_back(Channel::whatsapp);
        attendees.push_back(std::move(a));
      }
    }
  }
  if (attendees.empty()) return report;
  std::set<std::int64_t> sent;
  {
    SQLite::Statement q(db,
                        "SELECT invitation_id FROM outbox WHERE kind = 'followup' AND "
                        "invitation_id IS NOT NULL");
    while (q.executeStep()) sent.insert(q.getColumn(0).getInt64());
  }
  const auto plan = outreach::plan_followups(policy_rules(setup.config.messaging.policy), sessions,
                                             attendees, sent, now_utc, offset_at(setup.zone));
  report.next_due_utc = plan.next_due_utc;
  const RenderContext ctx{setup.config, setup.zone, setup.templates, setup.link_key};
  for (const auto& due : plan.due) {
    auto payload = render_followup(db, ctx, due.invitation, due.channel, due.key, now_utc);
    if (!payload) {
      report.problems.push_back(fmt::format("{}: {}", due.key, payload.error()));
      continue;
    }
    if (enqueue(db, OutboxInsert{due.invitation, due.member,
                                 std::string(outreach::to_string(due.channel)), "followup", due.key,
                                 due.due_utc, *payload}))
      ++report.enqueued;
  }
  return report;
}

}  // namespace tafel::outbox
