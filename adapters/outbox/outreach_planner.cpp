#include "adapters/outbox/outreach_planner.hpp"

#include "adapters/email/calendar_invite.hpp"
#include "adapters/outbox/payload.hpp"
#include "adapters/store/outbox_store.hpp"
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
  std::string status, uid, room, theme, venue, address;
  std::int64_t network_id = 0;
  std::string network, sender_name, sender_email;
  std::vector<std::int64_t> members;
};

struct MemberInfo {
  std::string name, company, email, mobile, landline;
  bool email_ok = false, whatsapp_ok = false;
};

std::map<std::int64_t, SessionInfo> load_sessions(SQLite::Database& db) {
  std::map<std::int64_t, SessionInfo> out;
  SQLite::Statement q(
      db,
      "SELECT s.id, s.start_utc, s.start_offset, s.end_utc, s.end_offset, s.status, "
      "s.uid, s.sequence, s.room, CASE WHEN s.theme <> '' THEN s.theme ELSE "
      "p.theme END, v.name, v.address, n.id, n.name, n.sender_name, "
      "n.sender_email FROM sessions s JOIN proposals p ON p.id = s.proposal_id "
      "JOIN venues v ON v.id = s.venue_id JOIN networks n ON n.id = p.network_id "
      "WHERE p.status = 'approved' AND s.status IN ('approved', 'cancelled')");
  while (q.executeStep()) {
    SessionInfo s;
    s.policy.id = q.getColumn(0).getInt64();
    s.policy.start = {q.getColumn(1).getInt64(), q.getColumn(2).getInt()};
    s.policy.end = {q.getColumn(3).getInt64(), q.getColumn(4).getInt()};
    s.status = q.getColumn(5).getString();
    s.policy.cancelled = s.status == "cancelled";
    s.uid = q.getColumn(6).getString();
    s.policy.id = q.getColumn(0).getInt64();
    const int sequence = q.getColumn(7).getInt();
    s.room = q.getColumn(8).getString();
    s.theme = q.getColumn(9).getString();
    s.venue = q.getColumn(10).getString();
    s.address = q.getColumn(11).getString();
    s.network_id = q.getColumn(12).getInt64();
    s.network = q.getColumn(13).getString();
    s.sender_name = q.getColumn(14).getString();
    s.sender_email = q.getColumn(15).getString();
    (void)sequence;
    out.emplace(s.policy.id, std::move(s));
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

std::optional<MemberInfo> load_member(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db,
                      "SELECT name, company, COALESCE(email, ''), COALESCE(mobile, ''), "
                      "COALESCE(landline, ''), consent_email, opted_out_email, consent_whatsapp, "
                      "opted_out_whatsapp FROM members WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  MemberInfo m;
  m.name = q.getColumn(0).getString();
  m.company = q.getColumn(1).getString();
  m.email = q.getColumn(2).getString();
  m.mobile = q.getColumn(3).getString();
  m.landline = q.getColumn(4).getString();
  m.email_ok = !m.email.empty() && q.getColumn(5).getInt() == 1 && q.getColumn(6).getInt() == 0;
  m.whatsapp_ok = !m.mobile.empty() && q.getColumn(7).getInt() == 1 && q.getColumn(8).getInt() == 0;
  return m;
}

outreach::Rsvp to_policy_rsvp(const std::string& s) {
  if (s == "accepted") return outreach::Rsvp::accepted;
  if (s == "tentative") return outreach::Rsvp::maybe;
  if (s == "declined") return outreach::Rsvp::declined;
  if (s == "invited") return outreach::Rsvp::invited;
  return outreach::Rsvp::waitlisted;  // waitlisted, offered, lapsed: the RSVP machine's business
}

const MessagingSender* sender_for(const MessagingConfig& m, const std::string& network) {
  for (const auto& s : m.senders)
    if (s.network == network) return &s;
  return nullptr;
}

std::string replace_all(std::string s, char from, char to) {
  for (char& c : s)
    if (c == from) c = to;
  return s;
}

struct Renderer {
  const OutreachSetup& setup;
  std::int64_t now;

  std::expected<std::string, std::string> payload(const outreach::DueMessage& due,
                                                  const SessionInfo& s, const MemberInfo& m,
                                                  const InvitationRow& inv) const {
    const MessagingConfig& mc = setup.config.messaging;
    const std::string base = setup.config.public_url;
    outreach::MessageFacts f;
    f.recipient_name = m.name;
    f.company = m.company;
    f.network = s.sender_name.empty() ? s.network : s.sender_name;
    f.start = s.policy.start;
    f.end = s.policy.end;
    f.venue = s.venue;
    f.address = s.address;
    f.room = s.room;
    f.theme = s.theme;
    f.answer_link = fmt::format("{}/r/{}", base, inv.reply_id);
    f.optout_link = fmt::format("{}/afmelden/{}", base, inv.reply_id);
    f.privacy_link = mc.privacy_url;
    f.reply_address = fmt::format("{}+{}@{}", mc.reply_local, inv.reply_id, mc.reply_domain);
    if (due.kind == MessageKind::change)
      f.change_note = "De datum, tijd of plaats is gewijzigd; hieronder staat hoe het nu is.";
    auto msg = outreach::compose_message(setup.templates, due.kind, f);
    if (!msg) return std::unexpected(msg.error());

    if (due.channel == Channel::email) {
      email::MailMessage mail;
      const MessagingSender* sender = sender_for(mc, s.network);
      mail.from_name = f.network;
      mail.from_address = sender && !sender->mail_from.empty() ? sender->mail_from
                          : !s.sender_email.empty()            ? s.sender_email
                                                               : "tafels@" + mc.reply_domain;
      mail.to_name = m.name;
      mail.to_address = m.email;
      mail.reply_to = f.reply_address;
      mail.message_id = fmt::format("{}.{}@{}", replace_all(due.key, ':', '.'),
                                    setup.new_reply_id().substr(0, 10), mc.reply_domain);
      mail.subject = msg->subject;
      mail.text = msg->text;
      mail.html = msg->html;
      mail.list_unsubscribe_url = f.optout_link;
      if (due.kind == MessageKind::invitation || due.kind == MessageKind::change ||
          due.kind == MessageKind::cancellation) {
        email::CalendarInvite ci;
        ci.cancel = due.kind == MessageKind::cancellation;
        ci.uid = inv.ical_uid;
        ci.sequence = due.sequence;
        ci.dtstamp_utc = now;
        ci.start = s.policy.start;
        ci.end = s.policy.end;
        ci.tzid = setup.zone.name();
        ci.summary = fmt::format("Praktijktafel: {}", s.theme.empty() ? f.network : s.theme);
        ci.description = msg->text;
        ci.location = s.address.empty() ? s.venue : fmt::format("{}, {}", s.venue, s.address);
        ci.organizer_name = f.network;
        ci.organizer_email = f.reply_address;
        ci.attendee_name = m.name;
        ci.attendee_email = m.email;
        auto ics = email::make_calendar_invite(ci);
        if (!ics) return std::unexpected(ics.error());
        mail.ics = *ics;
        mail.cancel = ci.cancel;
      }
      return mail_payload(mail).dump();
    }

    const MessagingSender* sender = sender_for(mc, s.network);
    nlohmann::json params = nlohmann::json::array();
    for (const auto& p : msg->whatsapp_parameters)
      params.push_back({{"type", "text"}, {"text", p}});
    nlohmann::json components = nlohmann::json::array();
    components.push_back({{"type", "body"}, {"parameters", params}});
    if (due.kind == MessageKind::invitation || due.kind == MessageKind::nudge ||
        due.kind == MessageKind::change) {
      static constexpr const char* kAnswers[] = {"accept", "decline", "tentative"};
      for (std::size_t i = 0; i < outreach::kAnswerLabels.size(); ++i)
        components.push_back({{"type", "button"},
                              {"sub_type", "quick_reply"},
                              {"index", std::to_string(i)},
                              {"parameters",
                               {{{"type", "payload"},
                                 {"payload", fmt::format("{}:{}", kAnswers[i], inv.reply_id)}}}}});
    }
    const std::string kind(outreach::to_string(due.kind));
    nlohmann::json request = {
        {"messaging_product", "whatsapp"},
        {"to", m.mobile},
        {"type", "template"},
        {"template",
         {{"name", mc.whatsapp.templates.contains(kind) ? mc.whatsapp.templates.at(kind) : kind},
          {"language", {{"code", mc.whatsapp.language}}},
          {"components", components}}}};
    return nlohmann::json{{"whatsapp",
                           {{"phone_number_id", sender ? sender->whatsapp_phone_number_id : ""},
                            {"body_preview", msg->whatsapp_body},
                            {"request", request}}}}
        .dump();
  }
};

}  // namespace

PlannerReport enqueue_due_messages(Store& store, const OutreachSetup& setup, std::int64_t now_utc) {
  PlannerReport report;
  SQLite::Database& db = store.db();
  SQLite::Transaction tx(db);
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
      const std::string reply_id = setup.new_reply_id();
      create_invitation(db, id, member, reply_id,
                        fmt::format("{}-{}@{}", s.uid, reply_id.substr(0, 10),
                                    setup.config.messaging.reply_domain),
                        sequences.contains(id) ? sequences.at(id) : 0);
      ++report.invitations_created;
    }
  }

  std::map<std::int64_t, InvitationRow> invitation_rows;
  std::map<std::int64_t, MemberInfo> members;
  std::vector<outreach::PolicyInvitation> invitations;
  for (auto& inv : load_invitations(store)) {
    if (!sessions.contains(inv.session_id)) continue;
    auto m = load_member(db, inv.member_id);
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

  const Renderer renderer{setup, now_utc};
  for (const auto& due : plan.due) {
    const SessionInfo& s = sessions.at(due.session);
    const MemberInfo& m = members.at(due.member);
    auto payload = renderer.payload(due, s, m, invitation_rows.at(due.invitation));
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
    const MemberInfo& m = members.at(c.member);
    const SessionInfo& s = sessions.at(c.session);
    const int minute = s.policy.start.local_minute_of_day();
    report.call_list.push_back(
        {c.member, m.name, m.company, m.mobile.empty() ? m.landline : m.mobile,
         fmt::format("{} {:02}:{:02}, {}", outreach::dutch_long_date(s.policy.start.local_date()),
                     minute / 60, minute % 60, s.venue)});
  }
  tx.commit();
  return report;
}

}  // namespace tafel::outbox
