#include "adapters/outbox/message_render.hpp"

#include "adapters/email/calendar_invite.hpp"
#include "adapters/links/link_token.hpp"
#include "adapters/links/reply_address.hpp"
#include "adapters/outbox/payload.hpp"
#include "engine/outreach/channel_limits.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tafel::outbox {

namespace {

using outreach::Channel;
using outreach::MessageKind;

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

}  // namespace

std::optional<SessionFacts> load_session_facts(SQLite::Database& db, std::int64_t session_id) {
  SQLite::Statement q(
      db,
      "SELECT s.id, s.start_utc, s.start_offset, s.end_utc, s.end_offset, s.status, "
      "s.uid, s.sequence, s.room, CASE WHEN s.theme <> '' THEN s.theme ELSE "
      "p.theme END, v.name, v.address, n.id, n.name, n.sender_name, "
      "n.sender_email, s.sector FROM sessions s JOIN proposals p ON p.id = s.proposal_id "
      "JOIN venues v ON v.id = s.venue_id JOIN networks n ON n.id = p.network_id "
      "WHERE s.id = ? AND p.status = 'approved'");
  q.bind(1, session_id);
  if (!q.executeStep()) return std::nullopt;
  SessionFacts s;
  s.id = q.getColumn(0).getInt64();
  s.start = {q.getColumn(1).getInt64(), q.getColumn(2).getInt()};
  s.end = {q.getColumn(3).getInt64(), q.getColumn(4).getInt()};
  s.status = q.getColumn(5).getString();
  s.uid = q.getColumn(6).getString();
  s.sequence = q.getColumn(7).getInt();
  s.room = q.getColumn(8).getString();
  s.theme = q.getColumn(9).getString();
  s.venue = q.getColumn(10).getString();
  s.address = q.getColumn(11).getString();
  s.network_id = q.getColumn(12).getInt64();
  s.network = q.getColumn(13).getString();
  s.sender_name = q.getColumn(14).getString();
  s.sender_email = q.getColumn(15).getString();
  s.sector = q.getColumn(16).getString();
  return s;
}

std::optional<RecipientFacts> load_recipient(SQLite::Database& db, std::int64_t member_id) {
  SQLite::Statement q(db,
                      "SELECT name, company, COALESCE(email, ''), COALESCE(mobile, ''), "
                      "COALESCE(landline, ''), consent_email, opted_out_email, consent_whatsapp, "
                      "opted_out_whatsapp, email_unusable_at IS NOT NULL, "
                      "whatsapp_unusable_at IS NOT NULL FROM members WHERE id = ?");
  q.bind(1, member_id);
  if (!q.executeStep()) return std::nullopt;
  RecipientFacts m;
  m.id = member_id;
  m.name = q.getColumn(0).getString();
  m.company = q.getColumn(1).getString();
  m.email = q.getColumn(2).getString();
  m.mobile = q.getColumn(3).getString();
  m.landline = q.getColumn(4).getString();
  m.email_ok = !m.email.empty() && q.getColumn(5).getInt() == 1 && q.getColumn(6).getInt() == 0 &&
               q.getColumn(9).getInt() == 0;
  m.whatsapp_ok = !m.mobile.empty() && q.getColumn(7).getInt() == 1 &&
                  q.getColumn(8).getInt() == 0 && q.getColumn(10).getInt() == 0;
  return m;
}

std::string answer_link(const RenderContext& ctx, std::int64_t invitation_id,
                        std::int64_t expires_at) {
  return fmt::format(
      "{}/r/{}", ctx.config.public_url,
      links::sign_link(ctx.link_key, links::Purpose::rsvp, invitation_id, expires_at));
}

std::string optout_link(const RenderContext& ctx, std::int64_t member_id) {
  return fmt::format("{}/afmelden/{}", ctx.config.public_url,
                     links::sign_link(ctx.link_key, links::Purpose::optout, member_id, 0));
}

std::expected<std::string, std::string> render_payload(const RenderContext& ctx,
                                                       const RenderRequest& req,
                                                       const SessionFacts& s,
                                                       const RecipientFacts& m,
                                                       const InvitationRef& inv, std::int64_t now) {
  const MessagingConfig& mc = ctx.config.messaging;
  outreach::MessageFacts f;
  f.recipient_name = m.name;
  f.company = m.company;
  f.network = s.sender_name.empty() ? s.network : s.sender_name;
  f.start = s.start;
  f.end = s.end;
  f.venue = s.venue;
  f.address = s.address;
  f.room = s.room;
  f.theme = s.theme;
  const std::string rsvp_token =
      links::sign_link(ctx.link_key, links::Purpose::rsvp, inv.id, s.end.utc_seconds);
  f.answer_link = req.answer_link.empty()
                      ? fmt::format("{}/r/{}", ctx.config.public_url, rsvp_token)
                      : req.answer_link;
  f.optout_link = optout_link(ctx, m.id);
  f.privacy_link = mc.privacy_url;
  f.reply_address = req.reply_address.empty()
                        ? fmt::format("{}+{}@{}", mc.reply_local, inv.reply_id, mc.reply_domain)
                        : req.reply_address;
  f.change_note = req.note;
  f.content = req.content;
  auto msg = outreach::compose_message(ctx.templates, req.kind, f);
  if (!msg) return std::unexpected(msg.error());

  if (req.channel == Channel::email) {
    email::MailMessage mail;
    const MessagingSender* sender = sender_for(mc, s.network);
    mail.from_name = f.network;
    mail.from_address = sender && !sender->mail_from.empty() ? sender->mail_from
                        : !s.sender_email.empty()            ? s.sender_email
                                                             : "tafels@" + mc.reply_domain;
    mail.to_name = m.name;
    mail.to_address = m.email;
    mail.reply_to = f.reply_address;
    mail.message_id = fmt::format("{}.{}@{}", replace_all(req.key, ':', '.'),
                                  links::new_reply_address_id().substr(0, 10), mc.reply_domain);
    mail.subject = msg->subject;
    mail.text = msg->text;
    mail.html = msg->html;
    mail.list_unsubscribe_url = f.optout_link;
    if (req.calendar != CalendarPart::none) {
      email::CalendarInvite ci;
      ci.cancel = req.calendar == CalendarPart::cancel;
      ci.uid = inv.ical_uid;
      ci.sequence = req.sequence;
      ci.dtstamp_utc = now;
      ci.start = s.start;
      ci.end = s.end;
      ci.tzid = ctx.zone.name();
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
  for (const auto& p : msg->whatsapp_parameters) params.push_back({{"type", "text"}, {"text", p}});
  nlohmann::json components = nlohmann::json::array();
  components.push_back({{"type", "body"}, {"parameters", params}});
  if (req.answer_buttons) {
    // Payload words in button order (kAnswerLabels); adapters/replies/quick_reply.hpp parses them.
    static constexpr const char* kAnswers[] = {"ja", "nee", "misschien"};
    for (std::size_t i = 0; i < outreach::kAnswerLabels.size(); ++i)
      components.push_back(
          {{"type", "button"},
           {"sub_type", "quick_reply"},
           {"index", std::to_string(i)},
           {"parameters",
            {{{"type", "payload"}, {"payload", fmt::format("{}:{}", kAnswers[i], rsvp_token)}}}}});
  }
  const std::string kind(outreach::to_string(req.kind));
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

}  // namespace tafel::outbox
