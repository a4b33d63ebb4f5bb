#include "adapters/outbox/fallback_render.hpp"

#include "adapters/outbox/poll_outreach.hpp"
#include "adapters/store/rounds_store.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace tafel::outbox {

namespace {

using outreach::Channel;
using outreach::MessageKind;

bool planner_kind(MessageKind k) {
  return k == MessageKind::invitation || k == MessageKind::change ||
         k == MessageKind::cancellation || k == MessageKind::nudge || k == MessageKind::reminder;
}

std::expected<std::string, std::string> render_again(Store& store, const RenderContext& ctx,
                                                     const OutboxRow& failed,
                                                     const std::string& key, std::int64_t now_utc) {
  const auto kind = outreach::parse_message_kind(failed.kind);
  if (kind == MessageKind::poll || kind == MessageKind::poll_reminder) {
    const auto poll = poll_invitation_of_key(failed.dedupe_key);
    if (!poll) return std::unexpected("the row names no poll invitation");
    return render_poll_message(store.db(), ctx, *poll, *kind,
                               failed.channel == "whatsapp" ? Channel::email : Channel::whatsapp,
                               key, now_utc);
  }
  if (!kind || !planner_kind(*kind))
    return std::unexpected(fmt::format("kind '{}' is not rendered again", failed.kind));
  if (!failed.invitation_id) return std::unexpected("the row has no invitation");
  const Channel channel = failed.channel == "whatsapp" ? Channel::email : Channel::whatsapp;

  SQLite::Database& db = store.db();
  SQLite::Statement q(db,
                      "SELECT session_id, reply_id, ical_uid, sequence FROM invitations "
                      "WHERE id = ?");
  q.bind(1, *failed.invitation_id);
  if (!q.executeStep()) return std::unexpected("the invitation is gone");
  const std::int64_t session_id = q.getColumn(0).getInt64();
  const InvitationRef inv{*failed.invitation_id, q.getColumn(1).getString(),
                          q.getColumn(2).getString()};
  const int inv_sequence = q.getColumn(3).getInt();
  q.reset();

  const auto session = load_session_facts(db, session_id);
  if (!session) return std::unexpected("the session is not part of an approved proposal");
  const auto member = load_recipient(db, failed.member_id);
  if (!member) return std::unexpected("the member is gone");
  if (channel == Channel::email ? !member->email_ok : !member->whatsapp_ok)
    return std::unexpected("the member cannot be reached on the other channel");

  const int sequence = std::max(inv_sequence, session->sequence);
  auto payload = render_payload(ctx, planner_request(*kind, channel, key, sequence), *session,
                                *member, inv, now_utc);
  if (!payload) return payload;
  if (*kind == MessageKind::invitation) {  // the planner's history reads it (outreach_planner)
    auto j = nlohmann::json::parse(*payload);
    j["sequence"] = sequence;
    return j.dump();
  }
  return payload;
}

}  // namespace

RenderRequest planner_request(MessageKind kind, Channel channel, std::string key, int sequence) {
  RenderRequest req;
  req.kind = kind;
  req.channel = channel;
  req.key = std::move(key);
  req.sequence = sequence;
  if (kind == MessageKind::invitation || kind == MessageKind::change)
    req.calendar = CalendarPart::request;
  if (kind == MessageKind::cancellation) req.calendar = CalendarPart::cancel;
  req.answer_buttons =
      kind == MessageKind::invitation || kind == MessageKind::nudge || kind == MessageKind::change;
  if (kind == MessageKind::change)
    req.note = "De datum, tijd of plaats is gewijzigd; hieronder staat hoe het nu is.";
  return req;
}

FallbackRenderer make_fallback_renderer(Store& store, RenderContext ctx) {
  return [&store, ctx](const OutboxRow& failed, const std::string& key, std::int64_t now_utc) {
    return render_again(store, ctx, failed, key, now_utc);
  };
}

}  // namespace tafel::outbox
