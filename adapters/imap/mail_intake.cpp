#include "adapters/imap/mail_intake.hpp"

#include "adapters/email/mail_kind.hpp"
#include "adapters/email/mail_reader.hpp"
#include "adapters/replies/correlate.hpp"
#include "adapters/store/coordinator_items.hpp"
#include "engine/replies/intent.hpp"
#include "engine/replies/quote_strip.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>

namespace tafel::imap {

namespace {

using replies::Intent;

std::string iso_utc(std::int64_t t) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(static_cast<std::time_t>(t)));
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<std::int64_t> optional_id(SQLite::Database& db, const char* sql, std::int64_t id) {
  SQLite::Statement q(db, sql);
  q.bind(1, id);
  if (q.executeStep() && !q.getColumn(0).isNull()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

// The invitation named by a `<reply_local>+<id>@…` recipient.
std::optional<std::int64_t> by_reply_address(SQLite::Database& db, const Config& cfg,
                                             const std::vector<std::string>& recipients) {
  const std::string prefix = lower(cfg.messaging.reply_local) + "+";
  for (const auto& r : recipients) {
    const auto at = r.find('@');
    if (at == std::string::npos || !r.starts_with(prefix)) continue;
    const std::string id = r.substr(prefix.size(), at - prefix.size());
    if (id.empty()) continue;
    if (auto inv = replies::invitation_by_reply_id(db, id)) return inv;
  }
  return std::nullopt;
}

std::optional<std::int64_t> by_thread(SQLite::Database& db, const email::ReceivedMail& mail) {
  if (!mail.in_reply_to.empty())
    if (auto inv = replies::invitation_by_message_id(db, mail.in_reply_to)) return inv;
  for (auto it = mail.references.rbegin(); it != mail.references.rend(); ++it)
    if (auto inv = replies::invitation_by_message_id(db, *it)) return inv;
  if (mail.report && !mail.report->original_message_id.empty())
    return replies::invitation_by_message_id(db, mail.report->original_message_id);
  return std::nullopt;
}

struct Match {
  std::optional<std::int64_t> invitation;
  std::optional<std::int64_t> member;
};

Match correlate(SQLite::Database& db, const Config& cfg, const email::ReceivedMail& mail,
                const email::MailClass& cls, std::int64_t now_utc) {
  Match m;
  m.invitation = by_reply_address(db, cfg, mail.recipients);
  if (!m.invitation) m.invitation = by_thread(db, mail);
  if (!m.invitation && cls.calendar)
    m.invitation = replies::invitation_by_ical_uid(db, cls.calendar->uid);
  if (m.invitation) {
    m.member = optional_id(db, "SELECT member_id FROM invitations WHERE id = ?", *m.invitation);
    return m;
  }
  if (cls.kind == email::MailKind::bounce) return m;  // the sender is a mail system
  if (!mail.from.empty()) m.member = replies::member_by_email(db, mail.from);
  if (m.member) m.invitation = replies::open_invitation_of_member(db, *m.member, now_utc);
  return m;
}

void bind_opt(SQLite::Statement& q, int i, const std::optional<std::int64_t>& v) {
  if (v)
    q.bind(i, *v);
  else
    q.bind(i);
}

std::int64_t insert_inbound(SQLite::Database& db, const std::string& dedupe_key,
                            std::string_view kind, const Match& m,
                            std::optional<std::int64_t> provider_at, std::int64_t now_utc,
                            std::optional<std::string> intent, std::optional<std::string> text,
                            std::string_view raw) {
  SQLite::Statement q(db,
                      "INSERT INTO inbound (channel, dedupe_key, kind, member_id, invitation_id, "
                      "provider_at_utc, received_at, intent, text, raw, outcome) "
                      "VALUES ('email', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'recorded')");
  q.bind(1, dedupe_key);
  q.bind(2, std::string(kind));
  bind_opt(q, 3, m.member);
  bind_opt(q, 4, m.invitation);
  bind_opt(q, 5, provider_at);
  q.bind(6, iso_utc(now_utc));
  if (intent)
    q.bind(7, *intent);
  else
    q.bind(7);
  if (text)
    q.bind(8, *text);
  else
    q.bind(8);
  q.bind(9, std::string(raw));
  q.exec();
  return db.getLastInsertRowid();
}

void set_outcome(SQLite::Database& db, std::int64_t inbound_id, const std::string& outcome) {
  SQLite::Statement q(db, "UPDATE inbound SET outcome = ? WHERE id = ?");
  q.bind(1, outcome);
  q.bind(2, inbound_id);
  q.exec();
}

CoordinatorItem item_for(SQLite::Database& db, std::string kind, const Match& m,
                         std::int64_t inbound_id, std::string detail) {
  CoordinatorItem item;
  item.kind = std::move(kind);
  item.inbound_id = inbound_id;
  item.member_id = m.member;
  if (m.invitation)
    item.session_id =
        optional_id(db, "SELECT session_id FROM invitations WHERE id = ?", *m.invitation);
  if (m.member)
    item.network_id = optional_id(db, "SELECT network_id FROM members WHERE id = ?", *m.member);
  item.detail = std::move(detail);
  item.dedupe_key = fmt::format("inbound:{}:{}", inbound_id, item.kind);
  return item;
}

// The reply as the coordinator reads it: at most 2000 bytes, cut on a UTF-8 boundary.
std::string shown(std::string_view text) {
  if (text.empty()) return "(geen tekst)";
  std::size_t n = std::min<std::size_t>(text.size(), 2000);
  while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  std::string out(text.substr(0, n));
  if (n < text.size()) out += " …";
  return out;
}

std::string_view answer_name(rsvp::Reply r) {
  switch (r) {
    case rsvp::Reply::accept:
      return "aanmelding";
    case rsvp::Reply::decline:
      return "afmelding";
    case rsvp::Reply::tentative:
      return "misschien";
  }
  return "antwoord";
}

// Applies an answer; what cannot be applied goes to the coordinator. Returns the outcome.
std::string apply_answer(SQLite::Database& db, const replies::ReplyContext& ctx, const Match& m,
                         rsvp::Reply reply, replies::Source source, std::int64_t at_utc,
                         std::int64_t inbound_id, const std::string& text) {
  if (!m.invitation) {
    add_coordinator_item(
        db, item_for(db, "unmatched_reply", m, inbound_id,
                     fmt::format("E-mail met een {} die bij geen uitnodiging hoort{}. Tekst: {}",
                                 answer_name(reply), m.member ? "" : " (afzender onbekend)",
                                 shown(text))));
    return "unmatched";
  }
  replies::AnswerInput in;
  in.invitation_id = *m.invitation;
  in.reply = reply;
  in.source = source;
  in.at_utc = at_utc;
  in.inbound_id = inbound_id;
  auto applied = replies::record_answer(db, ctx, in);
  if (!applied) {
    add_coordinator_item(
        db, item_for(db, "unmatched_reply", m, inbound_id,
                     fmt::format("E-mail met een {} kon niet worden verwerkt. Tekst: {}",
                                 answer_name(reply), shown(text))));
    return "unmatched";
  }
  if (applied->refused) {
    add_coordinator_item(
        db, item_for(db, "refused_answer", m, inbound_id,
                     fmt::format("Een {} per e-mail kwam te laat of voor een afgelaste tafel en is "
                                 "niet verwerkt. Tekst: {}",
                                 answer_name(reply), shown(text))));
    return "refused";
  }
  return "applied";
}

std::string take_bounce(SQLite::Database& db, const email::ReceivedMail& mail,
                        const email::MailClass& cls, const Match& m, std::int64_t inbound_id,
                        std::int64_t now_utc) {
  if (!mail.report || mail.report->recipients.empty()) {
    add_coordinator_item(
        db, item_for(db, "bounce", m, inbound_id,
                     "Een melding van niet-bezorgde e-mail zonder leesbaar adres kwam binnen; "
                     "bekijk de mailbox."));
    return "recorded";
  }
  for (const auto& address : cls.failed_recipients) {
    Match who = m;
    who.member = replies::member_by_email(db, address);
    if (!who.member) continue;
    SQLite::Statement q(db,
                        "UPDATE members SET email_unusable_at = ? WHERE id = ? AND "
                        "email_unusable_at IS NULL");
    q.bind(1, iso_utc(now_utc));
    q.bind(2, *who.member);
    q.exec();
    std::string status;
    for (const auto& r : mail.report->recipients)
      if (r.recipient == address) status = r.status;
    auto item = item_for(db, "bounce", who, inbound_id,
                         fmt::format("E-mail aan dit lid kon niet worden bezorgd (status {}). Het "
                                     "e-mailadres wordt niet meer gebruikt tot het is aangepast.",
                                     status));
    item.dedupe_key = fmt::format("inbound:{}:bounce:{}", inbound_id, *who.member);
    add_coordinator_item(db, item);
  }
  return "recorded";
}

std::string take_reply(SQLite::Database& db, const replies::ReplyContext& ctx, const Match& m,
                       Intent intent, std::int64_t at_utc, std::int64_t inbound_id,
                       const std::string& text) {
  switch (intent) {
    case Intent::yes:
      return apply_answer(db, ctx, m, rsvp::Reply::accept, replies::Source::email, at_utc,
                          inbound_id, text);
    case Intent::no:
      return apply_answer(db, ctx, m, rsvp::Reply::decline, replies::Source::email, at_utc,
                          inbound_id, text);
    case Intent::maybe:
      return apply_answer(db, ctx, m, rsvp::Reply::tentative, replies::Source::email, at_utc,
                          inbound_id, text);
    case Intent::opt_out: {
      if (m.member) {
        replies::OptOutInput in;
        in.member_id = *m.member;
        in.via = rsvp::Channel::email;
        in.source = replies::Source::email;
        in.at_utc = at_utc;
        in.inbound_id = inbound_id;
        if (replies::record_opt_out(db, ctx, in)) return "applied";
      }
      add_coordinator_item(
          db, item_for(db, "unmatched_reply", m, inbound_id,
                       fmt::format("Afmelding voor berichten per e-mail van een onbekende afzender "
                                   "of niet verwerkt. Tekst: {}",
                                   shown(text))));
      return "unmatched";
    }
    case Intent::unclear:
      break;
  }
  add_coordinator_item(
      db, item_for(
              db, m.invitation ? "unclear_reply" : "unmatched_reply", m, inbound_id,
              fmt::format("Antwoord per e-mail{} dat de software niet zeker kan lezen. "
                          "Tekst: {}",
                          m.invitation ? "" : ", bij geen uitnodiging te plaatsen,", shown(text))));
  return m.invitation ? "unclear" : "unmatched";
}

}  // namespace

IntakeResult take_in_mail(SQLite::Database& db, const replies::ReplyContext& ctx,
                          std::string_view raw, const std::string& dedupe_key,
                          std::int64_t now_utc) {
  IntakeResult result;
  {
    SQLite::Statement q(db, "SELECT id, kind, outcome FROM inbound WHERE dedupe_key = ?");
    q.bind(1, dedupe_key);
    if (q.executeStep()) {
      result.duplicate = true;
      result.inbound_id = q.getColumn(0).getInt64();
      result.kind = q.getColumn(1).getString();
      result.outcome = q.getColumn(2).getString();
      return result;
    }
  }
  auto mail = email::read_mail(raw);
  if (!mail) {
    result.kind = "unknown";
    result.outcome = "recorded";
    result.inbound_id =
        insert_inbound(db, dedupe_key, result.kind, {}, std::nullopt, now_utc, {}, {}, raw);
    add_coordinator_item(db, item_for(db, "unmatched_reply", {}, result.inbound_id,
                                      "Een e-mail kon niet worden gelezen; bekijk de mailbox."));
    return result;
  }
  const auto cls = email::classify_mail(*mail);
  const Match m = correlate(db, ctx.config, *mail, cls, now_utc);
  // The answer's time: the mail's Date when it is plausible (not in the future), else now.
  const std::int64_t at_utc =
      mail->date_utc && *mail->date_utc <= now_utc ? *mail->date_utc : now_utc;
  result.kind = std::string(email::to_string(cls.kind));

  std::optional<std::string> intent_name, text;
  Intent intent = Intent::unclear;
  if (cls.kind == email::MailKind::reply) {
    text = replies::strip_quoted(mail->text);
    intent = replies::read_intent(*text);
    intent_name = std::string(replies::to_string(intent));
  }
  result.inbound_id = insert_inbound(db, dedupe_key, result.kind, m, mail->date_utc, now_utc,
                                     intent_name, text, raw);
  switch (cls.kind) {
    case email::MailKind::bounce:
      result.outcome = take_bounce(db, *mail, cls, m, result.inbound_id, now_utc);
      break;
    case email::MailKind::auto_reply:
      result.outcome = "recorded";
      break;
    case email::MailKind::calendar_reply: {
      rsvp::Reply r = rsvp::Reply::accept;
      if (cls.calendar->partstat == email::PartStat::declined) r = rsvp::Reply::decline;
      if (cls.calendar->partstat == email::PartStat::tentative) r = rsvp::Reply::tentative;
      result.outcome =
          apply_answer(db, ctx, m, r, replies::Source::ical, at_utc, result.inbound_id, "");
      break;
    }
    case email::MailKind::reply:
      result.outcome = take_reply(db, ctx, m, intent, at_utc, result.inbound_id, *text);
      break;
  }
  set_outcome(db, result.inbound_id, result.outcome);
  return result;
}

}  // namespace tafel::imap
