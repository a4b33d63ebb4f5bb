#include "adapters/replies/record_answer.hpp"

#include "adapters/outbox/message_render.hpp"
#include "adapters/store/coordinator_items.hpp"
#include "adapters/store/outbox_store.hpp"
#include "adapters/store/rsvp_log.hpp"
#include "adapters/store/store.hpp"
#include "engine/outreach/message_facts.hpp"
#include "engine/rsvp/machine.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <vector>

namespace tafel::replies {

namespace {

using outbox::CalendarPart;
using outbox::RenderRequest;
using outreach::MessageKind;

std::string_view status_name(rsvp::Status s) {
  switch (s) {
    case rsvp::Status::invited:
      return "invited";
    case rsvp::Status::accepted:
      return "accepted";
    case rsvp::Status::tentative:
      return "tentative";
    case rsvp::Status::declined:
      return "declined";
    case rsvp::Status::waitlisted:
      return "waitlisted";
    case rsvp::Status::offered:
      return "offered";
    case rsvp::Status::lapsed:
      return "lapsed";
  }
  return "invited";
}

std::string iso_utc(std::int64_t t) { return format_iso8601(LocalTime{t, 0}); }

std::string dutch_moment(std::int64_t utc, const TimeZone& zone) {
  const LocalTime t = zone.from_utc(utc);
  const int minute = t.local_minute_of_day();
  return fmt::format("{} om {:02}:{:02}", outreach::dutch_long_date(t.local_date()), minute / 60,
                     minute % 60);
}

struct InvitationInfo {
  std::int64_t id = 0;
  std::int64_t session_id = 0;
  std::int64_t member_id = 0;
  std::string reply_id, ical_uid, rsvp;
  int sequence = 0;
};

std::optional<InvitationInfo> load_invitation(SQLite::Database& db, const char* where,
                                              std::int64_t a, std::int64_t b = 0) {
  SQLite::Statement q(db, fmt::format("SELECT id, session_id, member_id, reply_id, ical_uid, "
                                      "rsvp, sequence FROM invitations WHERE {}",
                                      where));
  q.bind(1, a);
  if (q.getBindParameterCount() > 1) q.bind(2, b);
  if (!q.executeStep()) return std::nullopt;
  return InvitationInfo{q.getColumn(0).getInt64(),  q.getColumn(1).getInt64(),
                        q.getColumn(2).getInt64(),  q.getColumn(3).getString(),
                        q.getColumn(4).getString(), q.getColumn(5).getString(),
                        q.getColumn(6).getInt()};
}

// One session's log at work: the replayed state, applying one new event, writing its effects.
struct SessionRun {
  SQLite::Database& db;
  const ReplyContext& ctx;
  outbox::SessionFacts session;
  rsvp::State state;
  Applied applied;

  static std::optional<SessionRun> open(SQLite::Database& db, const ReplyContext& ctx,
                                        std::int64_t session_id) {
    auto facts = outbox::load_session_facts(db, session_id);
    auto setup = rsvp_log::load_setup(db, ctx.config.planning, session_id);
    if (!facts || !setup) return std::nullopt;
    rsvp_log::ensure_invites_logged(db, session_id);
    const auto log = rsvp_log::load_events(db, session_id);
    return SessionRun{db, ctx, std::move(*facts), rsvp::replay(*setup, log).state, {}, {}, {}};
  }

  outbox::RenderContext render_ctx() const {
    return {ctx.config, ctx.zone, ctx.templates, ctx.link_key};
  }

  // Applies `e`, appends it, mirrors the statuses and acts on its decisions. Returns them.
  std::vector<rsvp::Decision> apply(const rsvp::Event& e, Source source,
                                    std::optional<std::int64_t> inbound_id,
                                    std::optional<rsvp::PersonId> answering) {
    auto out = rsvp::apply_event(std::move(state), e);
    state = std::move(out.state);
    const std::int64_t event_id =
        rsvp_log::append_event(db, session.id, e, to_string(source), inbound_id);
    mirror(source, answering, rsvp::event_time(e));
    for (const auto& d : out.decisions) act(d, event_id, source);
    return out.decisions;
  }

  void mirror(Source source, std::optional<rsvp::PersonId> answering, std::int64_t at) {
    SQLite::Statement q(db, "SELECT id, member_id, rsvp FROM invitations WHERE session_id = ?");
    q.bind(1, session.id);
    std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> rows;
    while (q.executeStep())
      rows.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                        q.getColumn(2).getString());
    for (const auto& [id, member, rsvp] : rows) {
      const rsvp::Person* p = state.find(member);
      if (p == nullptr) continue;
      const std::string now_status(status_name(p->status));
      const bool answered = answering && *answering == member;
      if (now_status == rsvp && !answered) continue;
      SQLite::Statement up(db, answered ? "UPDATE invitations SET rsvp = ?, rsvp_at = ?, "
                                          "rsvp_channel = ?, updated_at = ? WHERE id = ?"
                                        : "UPDATE invitations SET rsvp = ?, updated_at = ? "
                                          "WHERE id = ?");
      up.bind(1, now_status);
      if (answered) {
        up.bind(2, iso_utc(at));
        up.bind(3, std::string(to_string(source)));
        up.bind(4, now_utc_iso());
        up.bind(5, id);
      } else {
        up.bind(2, now_utc_iso());
        up.bind(3, id);
      }
      up.exec();
    }
  }

  // Channels to use: every allowed one, or (one = true) the answer's own channel when allowed,
  // else email, else WhatsApp.
  static std::vector<outreach::Channel> channels_of(rsvp::Channels set, bool one, Source source) {
    std::vector<outreach::Channel> out;
    const bool email = (set & rsvp::bit(rsvp::Channel::email)) != 0;
    const bool wa = (set & rsvp::bit(rsvp::Channel::whatsapp)) != 0;
    if (!one) {
      if (email) out.push_back(outreach::Channel::email);
      if (wa) out.push_back(outreach::Channel::whatsapp);
    } else if (source == Source::whatsapp && wa) {
      out.push_back(outreach::Channel::whatsapp);
    } else if (email) {
      out.push_back(outreach::Channel::email);
    } else if (wa) {
      out.push_back(outreach::Channel::whatsapp);
    }
    return out;
  }

  void send(rsvp::PersonId person, MessageKind kind, rsvp::Channels channels, bool one,
            Source source, const std::string& key_part, CalendarPart calendar,
            const std::string& note, bool buttons) {
    auto inv = load_invitation(db, "session_id = ? AND member_id = ?", session.id, person);
    auto member = outbox::load_recipient(db, person);
    if (!inv || !member) return;
    for (const auto channel : channels_of(channels, one, source)) {
      RenderRequest req;
      req.kind = kind;
      req.channel = channel;
      req.sequence = std::max(inv->sequence, session.sequence);
      // Invitations, change notices and cancellations use the contact policy's keys
      // (engine/outreach/contact_policy.cpp), so the outreach planner sees them as sent.
      if (kind == MessageKind::change)
        req.key =
            fmt::format("{}:change:{}:{}", inv->id, req.sequence, outreach::to_string(channel));
      else if (kind == MessageKind::invitation)
        req.key = fmt::format("{}:invitation:{}", inv->id, outreach::to_string(channel));
      else if (kind == MessageKind::cancellation)
        req.key = fmt::format("{}:cancellation:{}", inv->id, outreach::to_string(channel));
      else
        req.key = fmt::format("{}:{}:{}:{}", inv->id, outreach::to_string(kind), key_part,
                              outreach::to_string(channel));
      req.calendar = calendar;
      req.note = note;
      req.answer_buttons = buttons;
      auto payload = outbox::render_payload(render_ctx(), req, session, *member,
                                            {inv->id, inv->reply_id, inv->ical_uid}, state.now);
      if (!payload) {
        add_item("template_error", person, std::nullopt,
                 fmt::format("Bericht ({}) kon niet worden opgemaakt: {}",
                             outreach::to_string(kind), payload.error()),
                 "template_error:" + req.key);
        continue;
      }
      if (kind == MessageKind::invitation) {  // announces its sequence, as the planner's do
        auto j = nlohmann::json::parse(*payload);
        j["sequence"] = req.sequence;
        *payload = j.dump();
      }
      if (enqueue(db, OutboxInsert{inv->id, person, std::string(outreach::to_string(channel)),
                                   std::string(outreach::to_string(kind)), req.key, state.now,
                                   *payload}))
        ++applied.messages_enqueued;
    }
  }

  void add_item(const std::string& kind, std::optional<rsvp::PersonId> member,
                std::optional<std::int64_t> inbound, const std::string& detail,
                const std::string& key) {
    CoordinatorItem item;
    item.kind = kind;
    item.network_id = session.network_id;
    item.session_id = session.id;
    item.member_id = member;
    item.inbound_id = inbound;
    item.detail = detail;
    item.dedupe_key = key;
    SQLite::Statement has(db, "SELECT 1 FROM coordinator_items WHERE dedupe_key = ?");
    has.bind(1, key);
    if (has.executeStep()) return;
    add_coordinator_item(db, item);
    ++applied.coordinator_items;
  }

  std::string session_label() const {
    const int minute = session.start.local_minute_of_day();
    return fmt::format("de praktijktafel van {} {:02}:{:02} ({})",
                       outreach::dutch_long_date(session.start.local_date()), minute / 60,
                       minute % 60, session.venue);
  }

  void act(const rsvp::Decision& d, std::int64_t event_id, Source source) {
    const std::string ev = std::to_string(event_id);
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, rsvp::SendInvitation>) {
            send(x.person, MessageKind::invitation, x.channels, false, source, ev,
                 CalendarPart::request, "", true);
          } else if constexpr (std::is_same_v<T, rsvp::SendConfirmation>) {
            const MessageKind kind = x.reply == rsvp::Reply::accept    ? MessageKind::confirmation
                                     : x.reply == rsvp::Reply::decline ? MessageKind::declined
                                                                       : MessageKind::tentative;
            // An accept carries the calendar object, as the invitation does.
            send(x.person, kind, x.channels, true, source, ev,
                 kind == MessageKind::confirmation ? CalendarPart::request : CalendarPart::none, "",
                 false);
          } else if constexpr (std::is_same_v<T, rsvp::SendWaitlisted>) {
            send(x.person, MessageKind::waitlisted, x.channels, true, source, ev,
                 CalendarPart::none,
                 fmt::format("Je staat nu op plaats {} van de wachtlijst.", x.position), false);
          } else if constexpr (std::is_same_v<T, rsvp::SendOffer>) {
            send(x.person, MessageKind::offer, x.channels, false, source, ev, CalendarPart::none,
                 fmt::format("We houden de plek voor je vast tot {}.",
                             dutch_moment(x.expires_at, ctx.zone)),
                 true);
          } else if constexpr (std::is_same_v<T, rsvp::SendOfferExpired>) {
            send(x.person, MessageKind::offer_expired, x.channels, true, source, ev,
                 CalendarPart::none, "", false);
          } else if constexpr (std::is_same_v<T, rsvp::SendChangeNotice>) {
            send(x.person, MessageKind::change, x.channels, false, source, ev,
                 CalendarPart::request,
                 coordinator_note.empty()
                     ? "De datum, tijd of plaats is gewijzigd; hieronder staat hoe het nu is."
                     : coordinator_note,
                 true);
          } else if constexpr (std::is_same_v<T, rsvp::SendCancellation>) {
            if (auto inv =
                    load_invitation(db, "session_id = ? AND member_id = ?", session.id, x.person))
              cancel_pending(db, inv->id);
            send(x.person, MessageKind::cancellation, x.channels, false, source, ev,
                 CalendarPart::cancel, coordinator_note, false);
          } else if constexpr (std::is_same_v<T, rsvp::RefuseAnswer>) {
            applied.refused = true;
            const std::string why = x.reason == rsvp::RefusalReason::session_started
                                        ? "De praktijktafel is al begonnen."
                                    : x.reason == rsvp::RefusalReason::session_cancelled
                                        ? "De praktijktafel is afgelast."
                                        : "We konden je niet vinden bij deze praktijktafel.";
            const std::string reply = x.reply == rsvp::Reply::accept    ? "ik kom"
                                      : x.reply == rsvp::Reply::decline ? "kan niet"
                                                                        : "misschien";
            const std::string key_part = fmt::format("{}", static_cast<int>(x.reply));
            add_item("refused_answer", x.person, pending_inbound,
                     fmt::format("Antwoord \"{}\" voor {} kwam te laat en is niet verwerkt: {}",
                                 reply, session_label(), why),
                     fmt::format("refused_answer:{}:{}:{}", session.id, x.person, key_part));
            const rsvp::Person* p = state.find(x.person);
            if (p != nullptr)
              send(x.person, MessageKind::refusal, p->reachable(), true, source, key_part,
                   CalendarPart::none, why, false);
          } else if constexpr (std::is_same_v<T, rsvp::RecordOptOut>) {
            // record_opt_out writes the member's opt-out and its one confirmation.
          } else if constexpr (std::is_same_v<T, rsvp::AlertCoordinator>) {
            if (x.kind == rsvp::AlertKind::below_quorum) {
              add_item("below_quorum", std::nullopt, std::nullopt,
                       fmt::format("Te weinig aanmeldingen voor {}: {} komen, {} misschien, "
                                   "minimaal {} nodig; {} reserves op de wachtlijst. "
                                   "Mogelijkheden: reserves uitnodigen, samenvoegen met een "
                                   "andere tafel, verplaatsen of afgelasten.",
                                   session_label(), x.accepted, x.tentative, x.quorum, x.reserves),
                       fmt::format("below_quorum:{}:{}", session.id, state.quorum_deadline()));
            } else {
              add_item("unreachable", x.person, std::nullopt,
                       fmt::format("Een deelnemer van {} is via geen enkel kanaal meer te "
                                   "bereiken voor een belangrijk bericht; graag bellen.",
                                   session_label()),
                       fmt::format("unreachable:{}:{}:{}", session.id, x.person, event_id));
            }
          }
        },
        d);
  }

  std::optional<std::int64_t> pending_inbound;
  std::string coordinator_note;  // a coordinator's words for change notices and cancellations
};

}  // namespace

std::string_view to_string(Source s) {
  switch (s) {
    case Source::email:
      return "email";
    case Source::whatsapp:
      return "whatsapp";
    case Source::web:
      return "web";
    case Source::ical:
      return "ical";
    case Source::coordinator:
      return "coordinator";
    case Source::system:
      return "system";
  }
  return "system";
}

std::expected<Applied, std::string> record_answer(SQLite::Database& db, const ReplyContext& ctx,
                                                  const AnswerInput& in) {
  auto inv = load_invitation(db, "id = ?", in.invitation_id);
  if (!inv) return std::unexpected(fmt::format("invitation {} does not exist", in.invitation_id));
  auto run = SessionRun::open(db, ctx, inv->session_id);
  if (!run)
    return std::unexpected(
        fmt::format("invitation {}: its session is not part of an approved proposal", inv->id));
  run->pending_inbound = in.inbound_id;
  run->apply(rsvp::Answer{in.at_utc, inv->member_id, in.reply}, in.source, in.inbound_id,
             inv->member_id);
  if (in.case_text && !run->applied.refused) {
    SQLite::Statement q(db, "UPDATE invitations SET case_text = ? WHERE id = ?");
    q.bind(1, *in.case_text);
    q.bind(2, inv->id);
    q.exec();
  }
  Applied out = run->applied;
  out.rsvp_before = inv->rsvp;
  out.rsvp_after = load_invitation(db, "id = ?", inv->id)->rsvp;
  return out;
}

std::expected<Applied, std::string> record_opt_out(SQLite::Database& db, const ReplyContext& ctx,
                                                   const OptOutInput& in) {
  SQLite::Statement q(db, "SELECT opted_out_email, opted_out_whatsapp FROM members WHERE id = ?");
  q.bind(1, in.member_id);
  if (!q.executeStep())
    return std::unexpected(fmt::format("member {} does not exist", in.member_id));
  rsvp::Channels already = rsvp::kNoChannels;
  if (q.getColumn(0).getInt() != 0) already |= rsvp::bit(rsvp::Channel::email);
  if (q.getColumn(1).getInt() != 0) already |= rsvp::bit(rsvp::Channel::whatsapp);
  q.reset();
  const rsvp::Channels fresh = in.withdrawn & static_cast<rsvp::Channels>(~already);
  Applied out;
  if (fresh == rsvp::kNoChannels) return out;  // idempotent: nothing new withdrawn

  const std::string when = iso_utc(in.at_utc);
  for (const auto c : {rsvp::Channel::email, rsvp::Channel::whatsapp}) {
    if ((fresh & rsvp::bit(c)) == 0) continue;
    const std::string name = c == rsvp::Channel::email ? "email" : "whatsapp";
    SQLite::Statement up(db, fmt::format("UPDATE members SET opted_out_{} = 1, updated_at = ? "
                                         "WHERE id = ?",
                                         name));
    up.bind(1, now_utc_iso());
    up.bind(2, in.member_id);
    up.exec();
    SQLite::Statement log(db,
                          "INSERT INTO consent_log (member_id, channel, granted, source, "
                          "recorded_at) VALUES (?, ?, 0, ?, ?)");
    log.bind(1, in.member_id);
    log.bind(2, name);
    log.bind(3, fmt::format("optout:{}", to_string(in.source)));
    log.bind(4, when);
    log.exec();
    SQLite::Statement cancel(db,
                             "UPDATE outbox SET state = 'cancelled', updated_at = ? WHERE "
                             "member_id = ? AND channel = ? AND state = 'pending'");
    cancel.bind(1, now_utc_iso());
    cancel.bind(2, in.member_id);
    cancel.bind(3, name);
    cancel.exec();
  }

  // The opt-out enters the logs of the person's sessions that have not started.
  std::vector<std::int64_t> sessions;
  {
    SQLite::Statement s(db,
                        "SELECT DISTINCT i.session_id FROM invitations i JOIN sessions s ON s.id "
                        "= i.session_id JOIN proposals p ON p.id = s.proposal_id WHERE "
                        "i.member_id = ? AND p.status = 'approved' AND s.status = 'approved' "
                        "AND s.start_utc > ? ORDER BY s.start_utc");
    s.bind(1, in.member_id);
    s.bind(2, in.at_utc);
    while (s.executeStep()) sessions.push_back(s.getColumn(0).getInt64());
  }
  std::optional<outbox::SessionFacts> facts_for_message;
  for (const std::int64_t id : sessions) {
    auto run = SessionRun::open(db, ctx, id);
    if (!run) continue;
    run->pending_inbound = in.inbound_id;
    run->apply(rsvp::OptOut{in.at_utc, in.member_id, fresh, in.via}, in.source, in.inbound_id,
               std::nullopt);
    out.messages_enqueued += run->applied.messages_enqueued;
    out.coordinator_items += run->applied.coordinator_items;
    if (!facts_for_message) facts_for_message = run->session;
  }

  // One confirmation on `via`, when that channel has an address (consent no longer matters
  // for this one message).
  auto member = outbox::load_recipient(db, in.member_id);
  if (!member) return out;
  const bool email = in.via == rsvp::Channel::email;
  if ((email ? member->email : member->mobile).empty()) return out;
  outbox::SessionFacts session;
  if (facts_for_message) {
    session = *facts_for_message;
  } else {
    SQLite::Statement n(db,
                        "SELECT n.id, n.name, n.sender_name, n.sender_email FROM members m JOIN "
                        "networks n ON n.id = m.network_id WHERE m.id = ?");
    n.bind(1, in.member_id);
    if (n.executeStep()) {
      session.network_id = n.getColumn(0).getInt64();
      session.network = n.getColumn(1).getString();
      session.sender_name = n.getColumn(2).getString();
      session.sender_email = n.getColumn(3).getString();
    }
    session.start = session.end = LocalTime{in.at_utc, 0};
  }
  RenderRequest req;
  req.kind = MessageKind::optout_confirmation;
  req.channel = email ? outreach::Channel::email : outreach::Channel::whatsapp;
  req.key = fmt::format("member{}:optout_confirmation:{}:{}", in.member_id, fresh,
                        outreach::to_string(req.channel));
  auto payload = outbox::render_payload({ctx.config, ctx.zone, ctx.templates, ctx.link_key}, req,
                                        session, *member, {}, in.at_utc);
  if (!payload) return std::unexpected(payload.error());
  if (enqueue(db, OutboxInsert{
                      std::nullopt, in.member_id, std::string(outreach::to_string(req.channel)),
                      std::string(outreach::to_string(req.kind)), req.key, in.at_utc, *payload}))
    ++out.messages_enqueued;
  return out;
}

std::expected<Applied, std::string> apply_session_event(SQLite::Database& db,
                                                        const ReplyContext& ctx,
                                                        std::int64_t session_id,
                                                        const rsvp::Event& event, Source source,
                                                        const std::string& note) {
  auto run = SessionRun::open(db, ctx, session_id);
  if (!run)
    return std::unexpected(
        fmt::format("session {} is not part of an approved proposal", session_id));
  run->coordinator_note = note;
  run->apply(event, source, std::nullopt, std::nullopt);
  return run->applied;
}

int advance_sessions(SQLite::Database& db, const ReplyContext& ctx, std::int64_t now_utc) {
  std::vector<std::int64_t> ids;
  {
    SQLite::Statement q(db,
                        "SELECT s.id FROM sessions s JOIN proposals p ON p.id = s.proposal_id "
                        "WHERE p.status = 'approved' AND s.status = 'approved' ORDER BY s.id");
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  }
  int enqueued = 0;
  for (const std::int64_t id : ids) {
    auto run = SessionRun::open(db, ctx, id);
    if (!run) continue;
    const auto due = rsvp::next_deadline(run->state);
    if (!due || *due > now_utc) continue;
    run->apply(rsvp::Tick{now_utc}, Source::system, std::nullopt, std::nullopt);
    enqueued += run->applied.messages_enqueued;
  }
  return enqueued;
}

}  // namespace tafel::replies
