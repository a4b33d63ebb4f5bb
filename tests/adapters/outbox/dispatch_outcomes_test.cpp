// The dispatcher acting on what senders report (SendOutcome) and on the channel limits.
#include "adapters/links/reply_address.hpp"
#include "adapters/outbox/dispatch_store.hpp"
#include "adapters/outbox/dispatcher.hpp"
#include "adapters/outbox/fallback_render.hpp"
#include "adapters/outbox/outreach_planner.hpp"
#include "adapters/outbox/template_files.hpp"
#include "adapters/store/coordinator_items.hpp"
#include "adapters/store/outbox_store.hpp"
#include "adapters/store/proposals_store.hpp"
#include "adapters/store/whatsapp_status.hpp"
#include "tests/support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <deque>

namespace tafel::outbox {
namespace {

// Answers from a script of outcomes (then "sent") and records what it was asked to send.
class ScriptedSender : public ChannelSender {
 public:
  std::deque<SendOutcome> script;
  std::vector<std::int64_t> calls;
  SendOutcome send(const OutboxRow& row) override {
    calls.push_back(row.id);
    if (script.empty()) return {SendOutcome::Status::sent, "id-" + std::to_string(row.id), ""};
    auto out = script.front();
    script.pop_front();
    return out;
  }
};

SendOutcome failure(SendOutcome::Status status, int code) {
  SendOutcome o;
  o.status = status;
  o.provider_code = code;
  o.error = "WhatsApp error " + std::to_string(code);
  return o;
}

struct Db {
  testing::TempDir dir;
  Store store = std::move(Store::open(dir / "t.db").value());
  Db() { store.db().exec("INSERT INTO networks (name, created_at) VALUES ('BTO', 'x')"); }
  std::int64_t member(bool email, bool whatsapp) {
    SQLite::Statement ins(
        store.db(),
        "INSERT INTO members (network_id, company, name, email, mobile, eligible, consent_email, "
        "consent_email_source, consent_email_at, consent_whatsapp, consent_whatsapp_source, "
        "consent_whatsapp_at, created_at, updated_at) VALUES (1, 'Firma', 'Jan', 'jan@x.nl', "
        "'+31612345678', 1, ?, 'import', 'x', ?, 'import', 'x', 'x', 'x')");
    ins.bind(1, email ? 1 : 0);
    ins.bind(2, whatsapp ? 1 : 0);
    ins.exec();
    return store.db().getLastInsertRowid();
  }
  void add(std::int64_t member, const std::string& key, const std::string& channel,
           std::int64_t due = 0, const std::string& kind = "invitation",
           const std::string& payload = "{}") {
    SQLite::Transaction tx(store.db());
    enqueue(store.db(), OutboxInsert{std::nullopt, member, channel, kind, key, due, payload});
    tx.commit();
  }
  OutboxRow row(const std::string& key) { return find_row_by_key(store, key).value(); }
  int items(const std::string& kind) {
    int n = 0;
    for (const auto& i : open_coordinator_items(store.db())) n += i.kind == kind;
    return n;
  }
  std::optional<std::string> column(const std::string& sql) {
    SQLite::Statement q(store.db(), sql);
    if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
    return q.getColumn(0).getString();
  }
};

const RetryPolicy kRetry{3, 60, 3600};
double half() { return 0.5; }

TEST(DispatchOutcomes, SentRecordsProviderIdAndSendTime) {
  Db db;
  const auto m = db.member(true, true);
  db.add(m, "1:invitation:whatsapp", "whatsapp");
  Dispatcher d(db.store, kRetry, {}, half);
  auto rows = d.claim(1000.5, 10);
  ASSERT_EQ(rows.size(), 1u);
  d.record(rows[0], {SendOutcome::Status::sent, "wamid.1", ""}, 1001.2);
  EXPECT_EQ(db.row("1:invitation:whatsapp").state, "sent");
  EXPECT_EQ(db.column("SELECT sent_at_utc FROM outbox"), "1001");
  EXPECT_EQ(db.column("SELECT outbox_id FROM message_ids WHERE message_id = 'wamid.1'"), "1");
}

TEST(DispatchOutcomes, TransientHonoursRetryAfterAndThrottlePausesTheChannel) {
  Db db;
  const auto m = db.member(true, true);
  db.add(m, "a:whatsapp", "whatsapp");
  db.add(m, "b:email", "email");
  Dispatcher d(db.store, kRetry, {}, half);
  auto rows = d.claim(100, 10);
  ASSERT_EQ(rows.size(), 2u);
  auto out = failure(SendOutcome::Status::transient, 130429);
  out.retry_after_seconds = 600;
  out.throttle_channel = true;
  d.record(rows[0], out, 100);
  EXPECT_EQ(db.row("a:whatsapp").state, "pending");
  EXPECT_EQ(db.row("a:whatsapp").next_attempt_utc, 700);  // not the policy's 45 s
  db.add(m, "c:whatsapp", "whatsapp", 0, "reminder");
  db.add(m, "d:email", "email", 0, "reminder");
  // WhatsApp is paused for 600 s; email goes on.
  auto next = d.claim(200, 10);
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].channel, "email");
  EXPECT_EQ(d.claim(701, 10).size(), 2u);  // the pause is over: a and c
}

TEST(DispatchOutcomes, PermanentFailureIsNeverRetried) {
  Db db;
  const auto m = db.member(true, true);
  db.add(m, "x:reminder:1:whatsapp", "whatsapp", 0, "reminder");
  ScriptedSender email, wa;
  wa.script.push_back(failure(SendOutcome::Status::permanent, 131050));
  auto r = dispatch_due(db.store, email, wa, 10, kRetry, half);
  EXPECT_EQ(r.failed, 1);
  EXPECT_EQ(db.row("x:reminder:1:whatsapp").state, "failed");
  EXPECT_EQ(db.row("x:reminder:1:whatsapp").last_error, "WhatsApp error 131050");
  EXPECT_EQ(dispatch_due(db.store, email, wa, 100000, kRetry, half).sent, 0);
  EXPECT_EQ(wa.calls.size(), 1u);
  EXPECT_TRUE(email.calls.empty());
}

TEST(DispatchOutcomes, UndeliverableMarksChannelAndRevivesTheCancelledEmailTwin) {
  Db db;
  const auto m = db.member(true, true);
  db.add(m, "7:invitation:whatsapp", "whatsapp");
  db.add(m, "7:invitation:email", "email");
  cancel_row(db.store, db.row("7:invitation:email").id, "test: held back");
  ScriptedSender email, wa;
  auto undeliverable = failure(SendOutcome::Status::permanent, 131026);
  undeliverable.channel_unusable = true;
  undeliverable.fall_back = true;
  wa.script.push_back(undeliverable);
  auto r = dispatch_due(db.store, email, wa, 10, kRetry, half);
  EXPECT_EQ(db.row("7:invitation:whatsapp").state, "failed");
  EXPECT_TRUE(db.column("SELECT whatsapp_unusable_at FROM members"));
  const auto twin = db.row("7:invitation:email");
  EXPECT_EQ(twin.state, "sent");  // revived, then sent in the same run
  EXPECT_EQ(db.column("SELECT fallback_of FROM outbox WHERE dedupe_key = '7:invitation:email'"),
            std::to_string(db.row("7:invitation:whatsapp").id));
  // A later WhatsApp row is not even tried: the channel is unusable for this member.
  db.add(m, "8:invitation:whatsapp", "whatsapp");
  dispatch_due(db.store, email, wa, 20, kRetry, half);
  EXPECT_EQ(wa.calls.size(), 1u);
  EXPECT_EQ(db.row("8:invitation:whatsapp").state, "failed");
  EXPECT_GE(r.fell_back, 1);
}

TEST(DispatchOutcomes, FallbackWithoutARenderedTwinIsFlaggedForTheCoordinator) {
  Db db;
  const auto m = db.member(true, true);
  db.add(m, "9:nudge:whatsapp", "whatsapp", 0, "nudge");
  ScriptedSender email, wa;
  auto out = failure(SendOutcome::Status::permanent, 132001);
  out.alert_coordinator = true;
  out.fall_back = true;
  wa.script = {out};
  auto r = dispatch_due(db.store, email, wa, 10, kRetry, half);
  EXPECT_EQ(r.fallback_needed, 1);
  EXPECT_TRUE(db.row("9:nudge:whatsapp").last_error->starts_with("fallback_needed: email"));
  EXPECT_EQ(db.items("template_error"), 1);
  EXPECT_EQ(db.items("channel_failed"), 1);
  // The same template error again: still one template item (deduplicated per kind and code).
  db.add(m, "10:nudge:whatsapp", "whatsapp", 0, "nudge");
  wa.script = {out};
  dispatch_due(db.store, email, wa, 20, kRetry, half);
  EXPECT_EQ(db.items("template_error"), 1);
  EXPECT_EQ(db.items("channel_failed"), 2);
}

TEST(DispatchOutcomes, FallbackRendererFailureKeepsTheCoordinatorItem) {
  Db db;
  const auto m = db.member(true, true);
  db.add(m, "9:reminder:1:whatsapp", "whatsapp", 0, "reminder");
  ScriptedSender email, wa;
  auto out = failure(SendOutcome::Status::permanent, 132001);
  out.fall_back = true;
  wa.script = {out};
  std::vector<std::string> asked;
  FallbackRenderer broken = [&](const OutboxRow& row, const std::string& key,
                                std::int64_t) -> std::expected<std::string, std::string> {
    asked.push_back(fmt::format("{}>{}", row.dedupe_key, key));
    return std::unexpected("template missing");
  };
  auto r = dispatch_due(db.store, email, wa, 10, kRetry, half, 100, broken);
  EXPECT_EQ(asked, std::vector<std::string>{"9:reminder:1:whatsapp>9:reminder:1:email"});
  EXPECT_EQ(r.fallback_needed, 1);
  EXPECT_EQ(r.fell_back, 0);
  EXPECT_EQ(db.row("9:reminder:1:whatsapp").last_error,
            "fallback_needed: email (template missing); WhatsApp error 132001");
  EXPECT_EQ(db.items("channel_failed"), 1);
  EXPECT_FALSE(find_row_by_key(db.store, "9:reminder:1:email"));
  EXPECT_TRUE(email.calls.empty());
}

TEST(DispatchOutcomes, FallbackRendererKeyForRowsOutsideThePlannersScheme) {
  Db db;
  const auto m = db.member(true, true);
  db.add(m, "member1:optout_confirmation:x", "whatsapp", 0, "optout_confirmation");
  ScriptedSender email, wa;
  auto out = failure(SendOutcome::Status::permanent, 132000);
  out.fall_back = true;
  wa.script = {out};
  FallbackRenderer stub = [](const OutboxRow&, const std::string&,
                             std::int64_t) -> std::expected<std::string, std::string> {
    return R"({"mail":{}})";
  };
  auto r = dispatch_due(db.store, email, wa, 10, kRetry, half, 100, stub);
  EXPECT_EQ(r.fell_back, 1);
  const auto fallback = db.row("member1:optout_confirmation:x:fallback:email");
  EXPECT_EQ(fallback.channel, "email");
  EXPECT_EQ(fallback.state, "sent");
  EXPECT_EQ(db.column(fmt::format("SELECT fallback_of FROM outbox WHERE id = {}", fallback.id)),
            std::to_string(db.row("member1:optout_confirmation:x").id));
}

// A real approval (proposal, session, member on both channels), the outreach planner and the
// real renderer: a nudge that exists only on WhatsApp fails as undeliverable and goes by email.
struct Approved {
  static constexpr std::int64_t kStart = 1791867600;  // 2026-10-13 07:00 Europe/Amsterdam
  static constexpr std::int64_t kNow = 1789977600;    // 2026-09-21 10:00 Europe/Amsterdam
  testing::TempDir dir;
  Store store = std::move(Store::open(dir / "t.db").value());
  Config config;
  TimeZone zone = TimeZone::locate("Europe/Amsterdam").value();
  outreach::MessageTemplates templates =
      load_templates(std::filesystem::path(TAFEL_SOURCE_DIR) / "config/templates").value();
  links::LinkKey key{std::string(32, 'k')};
  std::int64_t member = 0;

  Approved() {
    config.public_url = "https://tafels.example";
    config.messaging.reply_local = "antwoord";
    config.messaging.reply_domain = "tafels.example";
    auto& db = store.db();
    db.exec("INSERT INTO networks (name, created_at) VALUES ('BTO', 'x')");
    db.exec(
        "INSERT INTO members (network_id, company, name, email, email_key, mobile, sector, "
        "eligible, consent_email, consent_email_source, consent_email_at, consent_whatsapp, "
        "consent_whatsapp_source, consent_whatsapp_at, created_at, updated_at) VALUES (1, "
        "'Firma', 'Persoon', 'p@x.nl', 'p@x.nl', '+31612345670', 'bouw', 1, 1, 'import', 'x', 1, "
        "'import', 'x', 'x', 'x')");
    member = db.getLastInsertRowid();
    db.exec(
        "INSERT INTO venues (id, name, address, lat, lon) VALUES ('v', 'Zaal Ede', "
        "'Straat 1, Ede', 52, 5)");
    db.exec("INSERT INTO rooms (venue_id, name, capacity) VALUES ('v', 'Groot', 10)");
    db.exec("INSERT INTO staff (id, name, role) VALUES ('f', 'Fien', 'facilitator')");
    db.exec(
        "INSERT INTO planning_rounds (network_id, period_from, period_to, created_at) "
        "VALUES (1, '2026-10-01', '2026-10-31', 'x')");
    db.exec(
        "INSERT INTO proposals (round_id, network_id, period_from, period_to, seed, "
        "time_limit_ms, elapsed_ms, stopped_by_deadline, score, created_at, instance_json, "
        "result_json) VALUES (1, 1, '2026-10-01', '2026-10-31', 1, 1000, 10, 0, 1, 'x', "
        "'{}', '{}')");
    db.exec(fmt::format(
        "INSERT INTO sessions (proposal_id, slot_id, venue_id, room, start_utc, start_offset, "
        "end_utc, end_offset, sector, facilitator_id, uid) VALUES (1, 'slot', 'v', 'Groot', {}, "
        "7200, {}, 7200, 'bouw', 'f', 'tafel-1')",
        kStart, kStart + 5400));
    db.exec(
        fmt::format("INSERT INTO session_members (session_id, member_id) VALUES (1, {})", member));
    SQLite::Transaction tx(db);
    EXPECT_TRUE(approve_proposal_in_transaction(db, 1, "test").has_value());
    tx.commit();
  }
  OutreachSetup setup() const {
    return {config, zone, templates, key, [] { return links::new_reply_address_id(); }};
  }
  RenderContext render_context() const { return {config, zone, templates, key}; }
  int count(const std::string& where) {
    SQLite::Statement q(store.db(), "SELECT COUNT(*) FROM outbox WHERE " + where);
    q.executeStep();
    return q.getColumn(0).getInt();
  }
};

TEST(DispatchOutcomes, UndeliverableNudgeIsRenderedAndSentByEmail) {
  Approved a;
  EXPECT_EQ(enqueue_due_messages(a.store, a.setup(), Approved::kNow).enqueued, 2);
  ScriptedSender email, wa;
  EXPECT_EQ(dispatch_due(a.store, email, wa, Approved::kNow, kRetry, half).sent, 2);

  // Four days later the member has not answered: the nudge goes on WhatsApp only.
  const std::int64_t later = Approved::kNow + 4 * 86400;
  EXPECT_EQ(enqueue_due_messages(a.store, a.setup(), later).enqueued, 1);
  const auto nudge = find_row_by_key(a.store, "1:nudge:whatsapp");
  ASSERT_TRUE(nudge);
  EXPECT_EQ(a.count("kind = 'nudge'"), 1);

  auto undeliverable = failure(SendOutcome::Status::permanent, 131026);
  undeliverable.channel_unusable = true;
  undeliverable.fall_back = true;
  wa.script = {undeliverable};
  email.calls.clear();
  const auto renderer = make_fallback_renderer(a.store, a.render_context());
  auto r = dispatch_due(a.store, email, wa, later, kRetry, half, 100, renderer);
  EXPECT_EQ(r.fell_back, 1);
  EXPECT_EQ(r.fallback_needed, 0);
  EXPECT_EQ(find_row_by_key(a.store, "1:nudge:whatsapp")->state, "failed");

  const auto mail = find_row_by_key(a.store, "1:nudge:email");
  ASSERT_TRUE(mail);
  EXPECT_EQ(mail->kind, "nudge");
  EXPECT_EQ(mail->invitation_id, nudge->invitation_id);
  EXPECT_EQ(mail->state, "sent");  // claimed and sent in the same dispatch run
  EXPECT_EQ(email.calls, std::vector<std::int64_t>{mail->id});
  {
    SQLite::Statement q(a.store.db(), "SELECT fallback_of FROM outbox WHERE id = ?");
    q.bind(1, mail->id);
    ASSERT_TRUE(q.executeStep());
    EXPECT_EQ(q.getColumn(0).getInt64(), nudge->id);
  }
  // Rendered from the e-mail templates for this member, with her answer link.
  const auto j = nlohmann::json::parse(mail->payload);
  ASSERT_TRUE(j.contains("mail"));
  EXPECT_EQ(j["mail"]["to_address"], "p@x.nl");
  EXPECT_TRUE(j["mail"]["subject"].get<std::string>().starts_with("Kom je ook? Praktijktafel"));
  EXPECT_NE(j["mail"]["text"].get<std::string>().find("https://tafels.example/r/"),
            std::string::npos);
  EXPECT_EQ(j["mail"]["ics"], "");  // a nudge carries no calendar object

  // Once: the planner (WhatsApp now unusable, so email is preferred) adds no second nudge, and a
  // second dispatch sends nothing.
  EXPECT_EQ(enqueue_due_messages(a.store, a.setup(), later + 60).enqueued, 0);
  EXPECT_EQ(a.count("kind = 'nudge'"), 2);
  EXPECT_EQ(dispatch_due(a.store, email, wa, later + 60, kRetry, half, 100, renderer).sent, 0);
}

TEST(DispatchOutcomes, StatusesThatCameBeforeTheSendAreAppliedWhenItIsRecorded) {
  Db db;
  const auto m = db.member(true, true);
  db.add(m, "1:reminder:1:whatsapp", "whatsapp", 0, "reminder");
  db.add(m, "2:reminder:1:whatsapp", "whatsapp", 0, "reminder");
  Dispatcher d(db.store, kRetry, {}, half);
  const auto rows = d.claim(100, 10);
  ASSERT_EQ(rows.size(), 2u);
  // The webhook stores statuses for both wamids before the dispatcher records the sends.
  auto stored = [&](const std::string& wamid, const std::string& status, const std::string& raw) {
    SQLite::Statement ins(db.store.db(),
                          "INSERT INTO inbound (channel, dedupe_key, kind, received_at, raw, "
                          "outcome) VALUES ('whatsapp', ?, 'status', 'x', ?, 'status')");
    ins.bind(1, fmt::format("wa:status:{}:{}", wamid, status));
    ins.bind(2, raw);
    ins.exec();
    EXPECT_EQ(apply_whatsapp_status(db.store.db(), db.store.db().getLastInsertRowid(),
                                    {wamid, status, std::nullopt, ""}),
              "unmatched");
  };
  stored("wamid_A", "read", "{}");
  stored("wamid_A", "delivered", "{}");
  stored("wamid.B", "failed", R"({"errors":[{"code":131026,"title":"Message undeliverable"}]})");
  stored("wamidXA", "delivered", "{}");  // '_' is no wildcard: this one stays unmatched

  d.record(rows[0], {SendOutcome::Status::sent, "wamid_A", ""}, 101);
  EXPECT_EQ(db.row("1:reminder:1:whatsapp").state, "read");  // never back to delivered
  EXPECT_EQ(db.column("SELECT COUNT(*) FROM inbound WHERE outcome = 'unmatched'"), "2");
  d.record(rows[1], {SendOutcome::Status::sent, "wamid.B", ""}, 102);
  EXPECT_EQ(db.row("2:reminder:1:whatsapp").state, "failed");
  EXPECT_EQ(db.row("2:reminder:1:whatsapp").last_error, "whatsapp 131026: Message undeliverable");
  EXPECT_TRUE(db.column("SELECT whatsapp_unusable_at FROM members"));
  EXPECT_EQ(db.column("SELECT group_concat(outcome, ',') FROM (SELECT outcome FROM inbound "
                      "ORDER BY id)"),
            "status,status,status,unmatched");
  EXPECT_EQ(db.column("SELECT COUNT(*) FROM inbound WHERE member_id IS NOT NULL"), "3");
}

TEST(DispatchOutcomes, NoOtherChannelMeansUnreachable) {
  Db db;
  const auto m = db.member(false, true);
  db.add(m, "1:invitation:whatsapp", "whatsapp");
  ScriptedSender email, wa;
  auto out = failure(SendOutcome::Status::permanent, 131026);
  out.channel_unusable = true;
  out.fall_back = true;
  wa.script = {out};
  dispatch_due(db.store, email, wa, 10, kRetry, half);
  EXPECT_EQ(db.items("unreachable"), 1);
  EXPECT_TRUE(email.calls.empty());
}

TEST(DispatchOutcomes, OutsideTheWindowResendsTheTemplateForm) {
  Db db;
  const auto m = db.member(true, true);
  db.add(m, "1:reminder:1:whatsapp", "whatsapp", 0, "reminder",
         R"({"whatsapp":{"request":{"type":"text"},"template_request":{"type":"template"}}})");
  ScriptedSender email, wa;
  auto out = failure(SendOutcome::Status::permanent, 131047);
  out.needs_template = true;
  wa.script = {out};
  auto r = dispatch_due(db.store, email, wa, 10, kRetry, half);
  EXPECT_EQ(r.sent, 1);
  EXPECT_EQ(wa.calls.size(), 2u);
  EXPECT_NE(db.row("1:reminder:1:whatsapp").payload.find(R"("request":{"type":"template"})"),
            std::string::npos);
}

TEST(DispatchOutcomes, StopChannelHaltsItForThisRunAndAlertsOnce) {
  Db db;
  const auto m = db.member(true, true);
  for (int i = 0; i < 3; ++i) db.add(m, fmt::format("{}:invitation:whatsapp", i), "whatsapp");
  db.add(m, "0:invitation:email", "email");
  ScriptedSender email, wa;
  auto out = failure(SendOutcome::Status::permanent, 190);
  out.stop_channel = true;
  out.alert_coordinator = true;
  wa.script = {out};
  Dispatcher d(db.store, kRetry, {}, half);
  auto rows = d.claim(10, 1);
  ASSERT_EQ(rows.size(), 1u);
  d.record(rows[0], wa.send(rows[0]), 10);
  EXPECT_TRUE(d.channel_stopped("whatsapp"));
  EXPECT_EQ(db.row("0:invitation:whatsapp").state, "pending");  // goes after a restart
  const auto rest = d.claim(10, 10);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].channel, "email");
  EXPECT_EQ(db.items("channel_failed"), 1);
}

TEST(DispatchLimits, PerPersonSpacingMovesTheSecondMessage) {
  Db db;
  const auto a = db.member(true, true), b = db.member(true, true);
  db.add(a, "1:whatsapp", "whatsapp");
  db.add(a, "2:whatsapp", "whatsapp");
  db.add(b, "3:whatsapp", "whatsapp");
  DispatchLimits limits;
  limits.whatsapp_per_person_seconds = 6;
  Dispatcher d(db.store, kRetry, limits, half);
  const auto rows = d.claim(100, 10);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(db.row("2:whatsapp").state, "pending");
  EXPECT_EQ(db.row("2:whatsapp").next_attempt_utc, 106);
  EXPECT_EQ(db.row("2:whatsapp").attempts, 0);
  EXPECT_TRUE(d.claim(105, 10).empty());
  EXPECT_EQ(d.claim(106, 10).size(), 1u);
}

TEST(DispatchLimits, TokenBucketHoldsRowsBackUntouched) {
  Db db;
  const auto m = db.member(true, true);
  for (int i = 0; i < 5; ++i) db.add(m, fmt::format("{}:email", i), "email");
  DispatchLimits limits;
  limits.email_per_second = 2;  // burst 1
  Dispatcher d(db.store, kRetry, limits, half);
  EXPECT_EQ(d.claim(100, 10).size(), 1u);
  EXPECT_TRUE(d.rate_limited());
  EXPECT_EQ(db.row("1:email").attempts, 0);
  EXPECT_NEAR(d.next_wake(100).value(), 0.5, 1e-9);
  EXPECT_TRUE(d.claim(100.4, 10).empty());
  EXPECT_EQ(d.claim(100.5, 10).size(), 1u);
}

TEST(DispatchLimits, DailyLimitWaitsOrGoesByEmail) {
  Db db;
  DispatchLimits limits;
  limits.whatsapp_daily_limit = 2;
  const std::int64_t now = 1'800'000'000;
  const auto a = db.member(true, true), b = db.member(true, true), c = db.member(true, true),
             e = db.member(true, true), w = db.member(true, true);
  // a was reached an hour ago; w wrote us ten minutes ago (inside the window: never counted).
  db.add(a, "0:reminder:1:whatsapp", "whatsapp", 0, "reminder");
  db.store.db().exec(
      fmt::format("UPDATE outbox SET state = 'sent', sent_at_utc = {} WHERE dedupe_key = "
                  "'0:reminder:1:whatsapp'",
                  now - 3600));
  db.store.db().exec(
      fmt::format("UPDATE members SET whatsapp_last_inbound_utc = {} WHERE id = {}", now - 600, w));
  db.add(b, "1:invitation:whatsapp", "whatsapp", now);      // fits: second person
  db.add(c, "2:nudge:whatsapp", "whatsapp", now, "nudge");  // over: waits
  db.add(e, "3:invitation:whatsapp", "whatsapp", now);      // over: goes by email
  db.add(e, "3:invitation:email", "email", now);
  db.add(w, "4:invitation:whatsapp", "whatsapp", now);      // inside the window: goes
  db.add(a, "5:nudge:whatsapp", "whatsapp", now, "nudge");  // already counted: goes
  Dispatcher d(db.store, kRetry, limits, half);
  const auto rows = d.claim(static_cast<double>(now), 20);
  std::set<std::string> keys;
  for (const auto& r : rows) keys.insert(r.dedupe_key);
  EXPECT_EQ(keys, (std::set<std::string>{"1:invitation:whatsapp", "3:invitation:email",
                                         "4:invitation:whatsapp", "5:nudge:whatsapp"}));
  EXPECT_EQ(db.row("2:nudge:whatsapp").state, "pending");
  EXPECT_EQ(db.row("2:nudge:whatsapp").next_attempt_utc, now - 3600 + 24 * 3600);
  EXPECT_EQ(db.row("3:invitation:whatsapp").state, "cancelled");
  EXPECT_EQ(d.report().deferred, 1);
  EXPECT_EQ(d.report().fell_back, 1);
}

}  // namespace
}  // namespace tafel::outbox
