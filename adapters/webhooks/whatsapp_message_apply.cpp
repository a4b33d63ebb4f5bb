#include "adapters/links/link_token.hpp"
#include "adapters/replies/correlate.hpp"
#include "adapters/replies/quick_reply.hpp"
#include "adapters/store/coordinator_items.hpp"
#include "adapters/store/store.hpp"
#include "adapters/webhooks/whatsapp_apply.hpp"
#include "engine/replies/intent.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace tafel::webhooks::detail {

namespace {

using Intent = replies::Intent;

std::string_view inbound_kind(WaMessage::Kind k) {
  switch (k) {
    case WaMessage::Kind::text:
      return "reply";
    case WaMessage::Kind::button:
    case WaMessage::Kind::interactive:
      return "button";
    case WaMessage::Kind::other:
      break;
  }
  return "unknown";
}

std::string lower_trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Intent intent_of(rsvp::Reply r) {
  switch (r) {
    case rsvp::Reply::accept:
      return Intent::yes;
    case rsvp::Reply::decline:
      return Intent::no;
    case rsvp::Reply::tentative:
      return Intent::maybe;
  }
  return Intent::unclear;
}

// The labels of our quick-reply buttons.
Intent intent_of_label(std::string_view label) {
  const std::string l = lower_trimmed(label);
  if (l == "ik kom") return Intent::yes;
  if (l == "kan niet") return Intent::no;
  if (l == "misschien") return Intent::maybe;
  return replies::read_intent(label);
}

// The invitation a signed rsvp token names (an expired token still names it: the answer is
// then judged by the RSVP rules, which refuse answers after the start).
std::optional<std::int64_t> invitation_of_token(const links::LinkKey& key, std::string_view token,
                                                std::int64_t now_utc) {
  const auto v = links::verify_link(key, token, now_utc);
  if (v) return v->purpose == links::Purpose::rsvp ? std::optional(v->subject) : std::nullopt;
  if (v.error().error == links::LinkError::expired &&
      v.error().claims.purpose == links::Purpose::rsvp)
    return v.error().claims.subject;
  return std::nullopt;
}

struct InvitationFacts {
  std::int64_t member_id = 0;
  std::int64_t session_id = 0;
};
std::optional<InvitationFacts> invitation_facts(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, "SELECT member_id, session_id FROM invitations WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return InvitationFacts{q.getColumn(0).getInt64(), q.getColumn(1).getInt64()};
}

std::optional<std::int64_t> network_of_member(SQLite::Database& db, std::int64_t member_id) {
  SQLite::Statement q(db, "SELECT network_id FROM members WHERE id = ?");
  q.bind(1, member_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::optional<rsvp::Reply> reply_of(Intent i) {
  switch (i) {
    case Intent::yes:
      return rsvp::Reply::accept;
    case Intent::no:
      return rsvp::Reply::decline;
    case Intent::maybe:
      return rsvp::Reply::tentative;
    case Intent::opt_out:
    case Intent::unclear:
      break;
  }
  return std::nullopt;
}

// What the person wrote or tapped, for the coordinator.
std::string quoted(const WaMessage& m) {
  const std::string& s = m.kind == WaMessage::Kind::text ? m.text : m.label;
  return s.empty() ? std::string("(leeg)") : fmt::format("\"{}\"", s);
}

}  // namespace

Applied apply_message(SQLite::Database& db, const replies::ReplyContext& ctx,
                      std::int64_t delivery_id, const WaMessage& m, std::int64_t now_utc) {
  const auto member = m.from.empty() ? std::nullopt : replies::member_by_phone(db, m.from);
  const std::string text = m.kind == WaMessage::Kind::text ? m.text : m.label;

  SQLite::Statement ins(db,
                        "INSERT OR IGNORE INTO inbound (channel, dedupe_key, delivery_id, kind, "
                        "member_id, provider_at_utc, received_at, text, raw, outcome) "
                        "VALUES ('whatsapp', ?, ?, ?, ?, ?, ?, ?, ?, 'recorded')");
  ins.bind(1, fmt::format("wa:msg:{}", m.id));
  ins.bind(2, delivery_id);
  ins.bind(3, std::string(inbound_kind(m.kind)));
  if (member) ins.bind(4, *member);
  if (m.timestamp) ins.bind(5, *m.timestamp);
  ins.bind(6, now_utc_iso());
  if (m.kind != WaMessage::Kind::other) ins.bind(7, text);
  ins.bind(8, m.raw);
  if (ins.exec() == 0) return Applied::duplicate;
  const std::int64_t inbound_id = db.getLastInsertRowid();
  const std::int64_t at = m.timestamp.value_or(now_utc);

  if (member) {
    // Any message from the person opens the 24-hour window from its own time.
    SQLite::Statement window(db,
                             "UPDATE members SET whatsapp_last_inbound_utc = "
                             "MAX(COALESCE(whatsapp_last_inbound_utc, 0), ?) WHERE id = ?");
    window.bind(1, at);
    window.bind(2, *member);
    window.exec();
  }

  std::optional<Intent> intent;
  std::optional<std::int64_t> invitation;
  std::string outcome = "ignored";
  std::optional<CoordinatorItem> item;

  const auto finish = [&] {
    SQLite::Statement up(db,
                         "UPDATE inbound SET intent = ?, invitation_id = ?, outcome = ? "
                         "WHERE id = ?");
    if (intent) up.bind(1, std::string(replies::to_string(*intent)));
    if (invitation) up.bind(2, *invitation);
    up.bind(3, outcome);
    up.bind(4, inbound_id);
    up.exec();
    if (item) {
      item->inbound_id = inbound_id;
      item->member_id = member;
      if (member) item->network_id = network_of_member(db, *member);
      if (invitation)
        if (const auto f = invitation_facts(db, *invitation)) item->session_id = f->session_id;
      item->dedupe_key = fmt::format("inbound:{}", inbound_id);
      add_coordinator_item(db, *item);
    }
    return Applied::recorded;
  };
  const auto to_coordinator = [&](std::string kind, std::string detail) {
    item = CoordinatorItem{};
    item->kind = std::move(kind);
    item->detail = std::move(detail);
  };

  if (m.kind == WaMessage::Kind::other) return finish();  // kept in `raw`, nothing to act on

  // Which invitation: the message we sent that this answers, then our signed payload, then
  // (below, once a member is known) the member's one open invitation.
  if (!m.context_id.empty()) invitation = replies::invitation_by_message_id(db, m.context_id);
  if (m.kind == WaMessage::Kind::text) {
    intent = replies::read_intent(m.text);
  } else {
    const auto quick = replies::parse_quick_reply(m.payload);
    if (quick) {
      intent = intent_of(quick->reply);
      if (!invitation) invitation = invitation_of_token(ctx.link_key, quick->token, now_utc);
    } else {
      intent = intent_of_label(m.label);
    }
  }
  // An invitation found through context or payload must belong to the sender.
  if (invitation && member) {
    const auto f = invitation_facts(db, *invitation);
    if (!f || f->member_id != *member) invitation.reset();
  }

  if (!member) {
    outcome = "unmatched";
    to_coordinator("unmatched_reply",
                   fmt::format("WhatsApp-bericht van een onbekend nummer (+{}): {}. Niemand in de "
                               "ledenlijst heeft dit nummer; graag zelf nagaan wie dit is.",
                               m.from, quoted(m)));
    return finish();
  }
  if (*intent == Intent::opt_out) {
    replies::OptOutInput in;
    in.member_id = *member;
    in.via = rsvp::Channel::whatsapp;
    in.source = replies::Source::whatsapp;
    in.at_utc = at;
    in.inbound_id = inbound_id;
    const auto r = replies::record_opt_out(db, ctx, in);
    if (r) {
      outcome = "applied";
    } else {
      outcome = "unmatched";
      to_coordinator("unmatched_reply",
                     fmt::format("Afmelding via WhatsApp kon niet worden verwerkt: {}. Bericht: "
                                 "{}. Graag zelf afhandelen.",
                                 r.error(), quoted(m)));
    }
    return finish();
  }
  if (*intent == Intent::unclear) {
    outcome = "unclear";
    to_coordinator("unclear_reply",
                   fmt::format("Onduidelijk antwoord via WhatsApp: {}. Graag lezen en het antwoord "
                               "zelf vastleggen.",
                               quoted(m)));
    return finish();
  }
  if (!invitation) invitation = replies::open_invitation_of_member(db, *member, now_utc);
  if (!invitation) {
    outcome = "unmatched";
    to_coordinator("unmatched_reply",
                   fmt::format("Antwoord via WhatsApp dat bij geen enkele openstaande uitnodiging "
                               "past: {}. Graag nagaan over welke tafel het gaat.",
                               quoted(m)));
    return finish();
  }
  replies::AnswerInput in;
  in.invitation_id = *invitation;
  in.reply = *reply_of(*intent);
  in.source = replies::Source::whatsapp;
  in.at_utc = at;
  in.inbound_id = inbound_id;
  const auto r = replies::record_answer(db, ctx, in);
  if (!r) {
    outcome = "unmatched";
    to_coordinator("unmatched_reply",
                   fmt::format("Antwoord via WhatsApp kon niet worden verwerkt ({}): {}. Graag "
                               "zelf vastleggen.",
                               r.error(), quoted(m)));
  } else {
    outcome = r->refused ? "refused" : "applied";
  }
  return finish();
}

}  // namespace tafel::webhooks::detail
