#include "adapters/pages/fresh_link.hpp"

#include "adapters/email/mail_message.hpp"
#include "adapters/outbox/payload.hpp"
#include "adapters/store/outbox_store.hpp"
#include "engine/outreach/message_kind.hpp"
#include "engine/outreach/template_renderer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <openssl/rand.h>

#include <optional>
#include <stdexcept>

namespace tafel::pages {

namespace {

struct Subject {
  std::int64_t member_id = 0;
  std::int64_t expires_at = 0;  // of the new link
  bool useful = false;
};

std::optional<Subject> load_subject(SQLite::Database& db, const links::LinkClaims& claims,
                                    std::int64_t now) {
  if (claims.purpose == links::Purpose::rsvp) {
    SQLite::Statement q(
        db,
        "SELECT i.member_id, s.end_utc, s.status, p.status, s.start_utc FROM invitations i "
        "JOIN sessions s ON s.id = i.session_id "
        "JOIN proposals p ON p.id = s.proposal_id WHERE i.id = ?");
    q.bind(1, claims.subject);
    if (!q.executeStep()) return std::nullopt;
    Subject s;
    s.member_id = q.getColumn(0).getInt64();
    s.expires_at = q.getColumn(1).getInt64();
    s.useful = q.getColumn(4).getInt64() > now && q.getColumn(2).getString() == "approved" &&
               q.getColumn(3).getString() == "approved";
    return s;
  }
  if (claims.purpose == links::Purpose::poll) {
    SQLite::Statement q(db,
                        "SELECT pi.member_id, r.status FROM poll_invitations pi "
                        "JOIN planning_rounds r ON r.id = pi.round_id WHERE pi.id = ?");
    q.bind(1, claims.subject);
    if (!q.executeStep()) return std::nullopt;
    Subject s;
    s.member_id = q.getColumn(0).getInt64();
    s.expires_at = now + kPollLinkSeconds;
    const std::string status = q.getColumn(1).getString();
    s.useful = status == "open" || status == "polling";
    return s;
  }
  return std::nullopt;  // opt-out links never expire
}

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1)
    throw std::runtime_error("RAND_bytes failed");
  std::string out;
  for (unsigned char c : raw) out += fmt::format("{:02x}", c);
  return out;
}

const MessagingSender* sender_for(const MessagingConfig& m, const std::string& network) {
  for (const auto& s : m.senders)
    if (s.network == network) return &s;
  return nullptr;
}

}  // namespace

bool fresh_link_useful(SQLite::Database& db, const links::LinkClaims& claims, std::int64_t now) {
  const auto s = load_subject(db, claims, now);
  return s && s->useful;
}

FreshLink enqueue_fresh_link(SQLite::Database& db, const PagesSetup& setup,
                             const links::LinkClaims& claims, std::int64_t now) {
  const auto subject = load_subject(db, claims, now);
  if (!subject || !subject->useful) return FreshLink::not_useful;

  SQLite::Statement m(db,
                      "SELECT m.name, COALESCE(m.email, ''), COALESCE(m.mobile, ''), "
                      "m.consent_email = 1 AND m.opted_out_email = 0 AND "
                      "m.email_unusable_at IS NULL, m.consent_whatsapp = 1 AND "
                      "m.opted_out_whatsapp = 0 AND m.whatsapp_unusable_at IS NULL, n.name, "
                      "n.sender_name, n.sender_email FROM members m "
                      "JOIN networks n ON n.id = m.network_id WHERE m.id = ?");
  m.bind(1, subject->member_id);
  if (!m.executeStep()) return FreshLink::not_useful;
  const std::string name = m.getColumn(0).getString();
  const std::string email = m.getColumn(1).getString();
  const std::string mobile = m.getColumn(2).getString();
  const bool email_ok = !email.empty() && m.getColumn(3).getInt() == 1;
  const bool whatsapp_ok = !mobile.empty() && m.getColumn(4).getInt() == 1;
  const std::string network_name = m.getColumn(5).getString();
  const std::string sender_name = m.getColumn(6).getString();
  const std::string sender_email = m.getColumn(7).getString();
  if (!email_ok && !whatsapp_ok) return FreshLink::no_channel;

  const std::string key = fmt::format("fresh_link:{}:{}", subject->member_id, now / 3600);
  {
    SQLite::Statement has(db, "SELECT 1 FROM outbox WHERE dedupe_key = ?");
    has.bind(1, key);
    if (has.executeStep()) return FreshLink::already_sent;
  }

  const Config& cfg = setup.config;
  const MessagingConfig& mc = cfg.messaging;
  const bool is_rsvp = claims.purpose == links::Purpose::rsvp;
  const std::string token =
      links::sign_link(setup.link_key, claims.purpose, claims.subject, subject->expires_at);
  const std::string link =
      fmt::format("{}/{}/{}", cfg.public_url, is_rsvp ? "r" : "peiling", token);
  const std::string network = sender_name.empty() ? network_name : sender_name;
  const outreach::TemplateValues values = {
      {"naam", name},
      {"netwerk", network},
      {"soort", is_rsvp ? "je antwoord op de uitnodiging" : "de beschikbaarheidspeiling"},
      {"link", link}};
  const MessagingSender* sender = sender_for(mc, network_name);

  std::string payload;
  std::string channel;
  if (email_ok) {
    channel = "email";
    email::MailMessage mail;
    mail.from_name = network;
    mail.from_address = sender && !sender->mail_from.empty() ? sender->mail_from
                        : !sender_email.empty()              ? sender_email
                                                             : "tafels@" + mc.reply_domain;
    mail.to_name = name;
    mail.to_address = email;
    mail.reply_to = mail.from_address;
    mail.message_id = fmt::format("fresh-link.{}.{}.{}@{}", subject->member_id, now / 3600,
                                  random_hex(5), mc.reply_domain);
    std::string subject_line = setup.templates.render_text("nieuwe_link.onderwerp.txt", values);
    while (!subject_line.empty() && (subject_line.back() == '\n' || subject_line.back() == '\r'))
      subject_line.pop_back();
    mail.subject = subject_line;
    mail.text = setup.templates.render_text("nieuwe_link.tekst.txt", values);
    std::string html = "<!DOCTYPE html><html lang=\"nl\"><body><p>";
    for (char c : outreach::html_escape(mail.text))
      html += c == '\n' ? std::string("<br>") : std::string(1, c);
    mail.html = html + "</p></body></html>";
    mail.list_unsubscribe_url = fmt::format(
        "{}/afmelden/{}", cfg.public_url,
        links::sign_link(setup.link_key, links::Purpose::optout, subject->member_id, 0));
    mail.date_utc = now;
    payload = outbox::mail_payload(mail).dump();
  } else {
    channel = "whatsapp";
    std::string body = setup.templates.render_text("nieuwe_link.whatsapp.txt", values);
    while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.pop_back();
    // A plain text message: WhatsApp delivers it only inside the 24-hour window after the
    // person's last message; outside it the dispatcher gets error 131047.
    const nlohmann::json request = {{"messaging_product", "whatsapp"},
                                    {"to", mobile},
                                    {"type", "text"},
                                    {"text", {{"body", body}}}};
    payload = nlohmann::json{{"whatsapp",
                              {{"phone_number_id", sender ? sender->whatsapp_phone_number_id : ""},
                               {"body_preview", body},
                               {"request", request}}}}
                  .dump();
  }
  const bool inserted =
      enqueue(db, OutboxInsert{is_rsvp ? std::optional<std::int64_t>(claims.subject) : std::nullopt,
                               subject->member_id, channel,
                               std::string(outreach::to_string(outreach::MessageKind::fresh_link)),
                               key, now, payload});
  return inserted ? FreshLink::enqueued : FreshLink::already_sent;
}

}  // namespace tafel::pages
