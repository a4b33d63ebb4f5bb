// The WhatsApp processor in-process against a real SQLite file: deliveries are inserted as the
// webhook stores them, then processed.

#include "adapters/webhooks/whatsapp_processor.hpp"

#include "adapters/links/link_token.hpp"
#include "adapters/outbox/dispatch_store.hpp"
#include "adapters/store/coordinator_items.hpp"
#include "tests/adapters/webhooks/webhook_fixture.hpp"

namespace tafel {
namespace {

using nlohmann::json;
using testing::kNow;

class WhatsAppProcessor : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = Store::open(dir_ / "tafel.db");
    ASSERT_TRUE(s) << s.error().message;
    store_.emplace(std::move(*s));
    testing::seed_invitation(db());
  }

  SQLite::Database& db() { return store_->db(); }

  std::int64_t deliver(const std::string& body) {
    SQLite::Statement ins(db(),
                          "INSERT INTO webhook_deliveries (provider, received_at, body) "
                          "VALUES ('whatsapp', 'x', ?)");
    ins.bind(1, static_cast<const void*>(body.data()), static_cast<int>(body.size()));
    ins.exec();
    return db().getLastInsertRowid();
  }
  std::int64_t deliver(const json& body) { return deliver(body.dump()); }

  webhooks::ProcessReport process() {
    return webhooks::process_pending_whatsapp(db(), nullptr, setup_.context(), kNow);
  }

  std::int64_t count(const std::string& sql) { return db().execAndGet(sql).getInt64(); }
  std::string text(const std::string& sql) {
    SQLite::Statement q(db(), sql);
    if (!q.executeStep() || q.getColumn(0).isNull()) return "<null>";
    return q.getColumn(0).getString();
  }

  // True when record_answer is still the placeholder (then effects on RSVPs cannot be checked).
  bool answers_not_implemented() {
    return count("SELECT COUNT(*) FROM coordinator_items WHERE detail LIKE '%not implemented%'") >
           0;
  }

  testing::TempDir dir_;
  std::optional<Store> store_;
  testing::ReplySetup setup_;
};

TEST_F(WhatsAppProcessor, FreeTextYesFindsTheOpenInvitationAndOpensTheWindow) {
  deliver(testing::wa_body(json::array({testing::wa_text("wamid.t1", "Ja hoor, ik kom!")})));
  const auto r = process();
  EXPECT_EQ(r.deliveries, 1);
  EXPECT_EQ(r.messages, 1);
  EXPECT_EQ(text("SELECT state FROM webhook_deliveries"), "processed");
  EXPECT_EQ(text("SELECT dedupe_key FROM inbound"), "wa:msg:wamid.t1");
  EXPECT_EQ(text("SELECT kind FROM inbound"), "reply");
  EXPECT_EQ(text("SELECT intent FROM inbound"), "yes");
  EXPECT_EQ(text("SELECT member_id FROM inbound"), "1");
  EXPECT_EQ(text("SELECT invitation_id FROM inbound"), "1");
  EXPECT_EQ(text("SELECT text FROM inbound"), "Ja hoor, ik kom!");
  EXPECT_EQ(count("SELECT whatsapp_last_inbound_utc FROM members WHERE id = 1"), kNow - 60);
  if (answers_not_implemented()) GTEST_SKIP() << "record_answer is not implemented yet";
  EXPECT_EQ(text("SELECT outcome FROM inbound"), "applied");
  EXPECT_EQ(text("SELECT rsvp FROM invitations WHERE id = 1"), "accepted");
  EXPECT_EQ(text("SELECT rsvp_channel FROM invitations WHERE id = 1"), "whatsapp");
}

TEST_F(WhatsAppProcessor, QuickReplyCorrelatesByContextIdFirst) {
  // The payload is not ours (the provider may echo the label): context.id and the label decide.
  deliver(testing::wa_body(
      json::array({testing::wa_button("wamid.b1", "Kan niet", "Kan niet", testing::kOurWamid)})));
  process();
  EXPECT_EQ(text("SELECT kind FROM inbound"), "button");
  EXPECT_EQ(text("SELECT intent FROM inbound"), "no");
  EXPECT_EQ(text("SELECT invitation_id FROM inbound"), "1");
  if (answers_not_implemented()) GTEST_SKIP() << "record_answer is not implemented yet";
  EXPECT_EQ(text("SELECT rsvp FROM invitations WHERE id = 1"), "declined");
}

TEST_F(WhatsAppProcessor, QuickReplyWithoutContextUsesTheSignedPayload) {
  const auto token = links::sign_link(setup_.key, links::Purpose::rsvp, 1, kNow + 86400);
  deliver(testing::wa_body(
      json::array({testing::wa_button("wamid.b2", "misschien:" + token, "Misschien")})));
  process();
  EXPECT_EQ(text("SELECT intent FROM inbound"), "maybe");
  EXPECT_EQ(text("SELECT invitation_id FROM inbound"), "1");
}

TEST_F(WhatsAppProcessor, InteractiveListReplyIsReadLikeAButton) {
  const auto token = links::sign_link(setup_.key, links::Purpose::rsvp, 1, kNow + 86400);
  json m = {{"from", testing::kMemberWaId},
            {"id", "wamid.i1"},
            {"timestamp", std::to_string(kNow)},
            {"type", "interactive"},
            {"interactive",
             {{"type", "list_reply"},
              {"list_reply", {{"id", "ja:" + token}, {"title", "Ik kom"}, {"description", "x"}}}}}};
  deliver(testing::wa_body(json::array({m})));
  process();
  EXPECT_EQ(text("SELECT kind FROM inbound"), "button");
  EXPECT_EQ(text("SELECT intent FROM inbound"), "yes");
  EXPECT_EQ(text("SELECT invitation_id FROM inbound"), "1");
}

TEST_F(WhatsAppProcessor, UnclearTextGoesToTheCoordinatorWithTheOriginalText) {
  deliver(testing::wa_body(json::array({testing::wa_text("wamid.u1", "ja maar ik kom later")})));
  process();
  EXPECT_EQ(text("SELECT intent FROM inbound"), "unclear");
  EXPECT_EQ(text("SELECT outcome FROM inbound"), "unclear");
  const auto items = open_coordinator_items(db());
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].kind, "unclear_reply");
  EXPECT_NE(items[0].detail.find("\"ja maar ik kom later\""), std::string::npos);
  EXPECT_NE(items[0].detail.find("Onduidelijk"), std::string::npos);
  EXPECT_EQ(items[0].member_id, 1);
  EXPECT_EQ(items[0].network_id, 1);
  EXPECT_EQ(text("SELECT rsvp FROM invitations WHERE id = 1"), "invited");
}

TEST_F(WhatsAppProcessor, UnknownSenderIsUnmatchedForTheCoordinator) {
  deliver(testing::wa_body(json::array({testing::wa_text("wamid.x1", "ja", "31699999999")})));
  process();
  EXPECT_EQ(text("SELECT outcome FROM inbound"), "unmatched");
  EXPECT_EQ(text("SELECT member_id FROM inbound"), "<null>");
  const auto items = open_coordinator_items(db());
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].kind, "unmatched_reply");
  EXPECT_NE(items[0].detail.find("onbekend nummer"), std::string::npos);
}

TEST_F(WhatsAppProcessor, AForgedTokenNamesNoInvitationOfAnotherMember) {
  // Member 2 without an invitation taps a payload whose token was signed with another key.
  db().exec(
      "INSERT INTO members (id, network_id, company, name, mobile, eligible, consent_email, "
      "consent_email_source, consent_email_at, consent_whatsapp, consent_whatsapp_source, "
      "consent_whatsapp_at, created_at, updated_at) VALUES (2, 1, 'B', 'Bert', '+31611111111', "
      "1, 0, 'import', 'x', 1, 'import', 'x', 'x', 'x')");
  const auto forged =
      links::sign_link(links::LinkKey{std::string(32, 'z')}, links::Purpose::rsvp, 1, kNow + 86400);
  auto m = testing::wa_button("wamid.f1", "ja:" + forged, "Ik kom");
  m["from"] = "31611111111";
  deliver(testing::wa_body(json::array({m})));
  process();
  EXPECT_EQ(text("SELECT invitation_id FROM inbound"), "<null>");
  EXPECT_EQ(text("SELECT outcome FROM inbound"), "unmatched");
  EXPECT_EQ(text("SELECT rsvp FROM invitations WHERE id = 1"), "invited");
}

TEST_F(WhatsAppProcessor, DuplicateDeliveriesAddNothing) {
  const auto body =
      testing::wa_body(json::array({testing::wa_text("wamid.d1", "misschien")}),
                       json::array({testing::wa_status(testing::kOurWamid, "delivered")}));
  deliver(body);
  deliver(body);
  const auto r = process();
  EXPECT_EQ(r.deliveries, 2);
  EXPECT_EQ(r.messages, 1);
  EXPECT_EQ(r.statuses, 1);
  EXPECT_EQ(r.duplicates, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM inbound"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'processed'"), 2);
  EXPECT_EQ(process().deliveries, 0);  // nothing pending any more
}

TEST_F(WhatsAppProcessor, StatusesOnlyMoveForwardWhateverTheirOrder) {
  deliver(testing::wa_body(nullptr, json::array({testing::wa_status(testing::kOurWamid, "read")})));
  deliver(
      testing::wa_body(nullptr, json::array({testing::wa_status(testing::kOurWamid, "delivered"),
                                             testing::wa_status(testing::kOurWamid, "sent")})));
  const auto r = process();
  EXPECT_EQ(r.statuses, 3);
  EXPECT_EQ(text("SELECT state FROM outbox WHERE id = 1"), "read");
  EXPECT_EQ(count("SELECT COUNT(*) FROM inbound WHERE dedupe_key LIKE 'wa:status:wamid.OURS:%'"),
            3);
  EXPECT_EQ(text("SELECT invitation_id FROM inbound WHERE dedupe_key LIKE '%:read'"), "1");
  // The same status again is a duplicate.
  deliver(testing::wa_body(nullptr, json::array({testing::wa_status(testing::kOurWamid, "read")})));
  EXPECT_EQ(process().duplicates, 1);
}

TEST_F(WhatsAppProcessor, StatusesBeforeTheSendIsRecordedAreAppliedWhenItIs) {
  // Rows 3 and 4 are being sent: the provider answered, but the dispatcher has not stored the
  // wamids yet when their statuses come in.
  db().exec(
      "INSERT INTO outbox (id, invitation_id, member_id, channel, kind, dedupe_key, due_utc, "
      "payload, state, attempts, next_attempt_utc, created_at, updated_at) VALUES "
      "(3, 1, 1, 'whatsapp', 'nudge', 'k3', 0, '{}', 'in_flight', 1, 0, 'x', 'x'), "
      "(4, 1, 1, 'whatsapp', 'reminder', 'k4', 0, '{}', 'in_flight', 1, 0, 'x', 'x')");
  deliver(
      testing::wa_body(nullptr, json::array({testing::wa_status("wamid.EARLY", "read"),
                                             testing::wa_status("wamid.EARLY", "delivered"),
                                             testing::wa_status("wamid.GONE", "failed", 131026)})));
  EXPECT_EQ(process().statuses, 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM inbound WHERE outcome = 'unmatched'"), 3);
  EXPECT_EQ(text("SELECT state FROM outbox WHERE id = 3"), "in_flight");

  auto row = outbox::find_row_by_key(*store_, "k3").value();
  outbox::record_sent(*store_, row, "wamid.EARLY", kNow);
  EXPECT_EQ(text("SELECT state FROM outbox WHERE id = 3"), "read");  // not back to delivered
  EXPECT_EQ(count("SELECT COUNT(*) FROM inbound WHERE outcome = 'status' AND invitation_id = 1 "
                  "AND dedupe_key LIKE 'wa:status:wamid.EARLY:%'"),
            2);
  EXPECT_EQ(text("SELECT whatsapp_unusable_at FROM members WHERE id = 1"), "<null>");

  row = outbox::find_row_by_key(*store_, "k4").value();
  outbox::record_sent(*store_, row, "wamid.GONE", kNow);
  EXPECT_EQ(text("SELECT state FROM outbox WHERE id = 4"), "failed");
  EXPECT_EQ(text("SELECT last_error FROM outbox WHERE id = 4"),
            "whatsapp 131026: Message undeliverable");
  EXPECT_NE(text("SELECT whatsapp_unusable_at FROM members WHERE id = 1"), "<null>");
  EXPECT_EQ(count("SELECT COUNT(*) FROM inbound WHERE outcome = 'unmatched'"), 0);
  // A redelivery of an applied status is still a duplicate.
  deliver(testing::wa_body(nullptr, json::array({testing::wa_status("wamid.EARLY", "read")})));
  EXPECT_EQ(process().duplicates, 1);
}

TEST_F(WhatsAppProcessor, FailedWithUndeliverableMarksTheChannelUnusable) {
  deliver(testing::wa_body(nullptr,
                           json::array({testing::wa_status("wamid.REMINDER", "failed", 131026)})));
  process();
  EXPECT_EQ(text("SELECT state FROM outbox WHERE id = 2"), "failed");
  EXPECT_EQ(text("SELECT last_error FROM outbox WHERE id = 2"),
            "whatsapp 131026: Message undeliverable");
  EXPECT_NE(text("SELECT whatsapp_unusable_at FROM members WHERE id = 1"), "<null>");
  EXPECT_EQ(text("SELECT state FROM outbox WHERE id = 1"), "sent");  // the other row untouched
}

TEST_F(WhatsAppProcessor, FailedWithAnotherCodeKeepsTheChannel) {
  deliver(testing::wa_body(nullptr,
                           json::array({testing::wa_status("wamid.REMINDER", "failed", 130472)})));
  process();
  EXPECT_EQ(text("SELECT state FROM outbox WHERE id = 2"), "failed");
  EXPECT_EQ(text("SELECT whatsapp_unusable_at FROM members WHERE id = 1"), "<null>");
}

TEST_F(WhatsAppProcessor, EveryEntryChangeMessageAndStatusOfABatchIsHandled) {
  json body = {{"object", "whatsapp_business_account"}, {"entry", json::array()}};
  for (int e = 0; e < 3; ++e) {
    json changes = json::array();
    for (int c = 0; c < 2; ++c) {
      json value = {{"messages", json::array()}, {"statuses", json::array()}};
      for (int m = 0; m < 3; ++m)
        value["messages"].push_back(
            testing::wa_text(fmt::format("wamid.batch.{}.{}.{}", e, c, m), "ja"));
      value["statuses"].push_back(testing::wa_status(fmt::format("wamid.s.{}.{}", e, c), "sent"));
      changes.push_back({{"field", "messages"}, {"value", value}});
    }
    changes.push_back({{"field", "account_update"}, {"value", {{"x", 1}}}});  // ignored
    body["entry"].push_back({{"id", "1"}, {"changes", changes}});
  }
  deliver(body);
  const auto r = process();
  EXPECT_EQ(r.messages, 18);
  EXPECT_EQ(r.statuses, 6);
  EXPECT_EQ(count("SELECT COUNT(*) FROM inbound"), 24);
  EXPECT_EQ(text("SELECT state FROM webhook_deliveries"), "processed");
  EXPECT_NE(text("SELECT error FROM webhook_deliveries").find("/entry/2/changes/2/field"),
            std::string::npos);
}

TEST_F(WhatsAppProcessor, TruncatedJsonIsQuarantinedAndShownToTheCoordinator) {
  const auto body = testing::wa_body(json::array({testing::wa_text("wamid.q1", "ja")})).dump();
  const auto id = deliver(body.substr(0, body.size() / 2));
  const auto next = deliver(testing::wa_body(json::array({testing::wa_text("wamid.q2", "ja")})));
  const auto r = process();
  EXPECT_EQ(r.deliveries, 2);
  EXPECT_EQ(r.quarantined, 1);
  EXPECT_EQ(text(fmt::format("SELECT state FROM webhook_deliveries WHERE id = {}", id)),
            "quarantined");
  EXPECT_NE(text(fmt::format("SELECT error FROM webhook_deliveries WHERE id = {}", id))
                .find("not valid JSON at byte"),
            std::string::npos);
  EXPECT_EQ(text(fmt::format("SELECT state FROM webhook_deliveries WHERE id = {}", next)),
            "processed");  // the next one is not blocked
  auto items = open_coordinator_items(db());
  std::erase_if(items, [](const CoordinatorItem& i) { return i.kind != "quarantined"; });
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].delivery_id, id);
  EXPECT_NE(items[0].detail.find("WhatsApp-levering"), std::string::npos);
}

TEST_F(WhatsAppProcessor, OtherShapesAreQuarantinedNotCrashed) {
  for (const std::string& body :
       std::vector<std::string>{"[]", "{}", "{\"object\":\"page\",\"entry\":[]}", "{\"entry\":{}}",
                                "null", std::string(200, '[') + std::string(200, ']'), "\xff\xfe"})
    deliver(body);
  const auto r = process();
  EXPECT_EQ(r.deliveries, 7);
  EXPECT_EQ(r.quarantined, 7);
}

TEST_F(WhatsAppProcessor, OddItemsInsideAReadableBodyAreSkipped) {
  json body = testing::wa_body(json::array({json("not a message"), json{{"type", "text"}},
                                            testing::wa_text("wamid.ok", "nee")}),
                               json::array({json{{"id", "x"}}, 42}));
  body["entry"].push_back("not an entry");
  body["entry"].push_back({{"changes", {{{"field", "messages"}, {"value", "x"}}}}});
  deliver(body);
  const auto r = process();
  EXPECT_EQ(r.quarantined, 0);
  EXPECT_EQ(r.messages, 1);
  EXPECT_EQ(text("SELECT state FROM webhook_deliveries"), "processed");
}

TEST_F(WhatsAppProcessor, EverySampleIsProcessedWithoutQuarantine) {
  int expected = 0;
  for (const char* file :
       {"callback_button.json", "callback_selection.json", "message.json", "message_status.json"}) {
    const auto samples = testing::whatsapp_samples(file);
    for (const auto& [name, body] : samples.items()) {
      const auto b = testing::with_ids(body, fmt::format("wamid.{}.{}", file, name));
      for (const auto& entry : b["entry"])
        for (const auto& change : entry["changes"])
          for (const char* list : {"messages", "statuses"})
            if (change["value"].contains(list)) expected += change["value"][list].size();
      deliver(b);
    }
  }
  const auto r = process();
  EXPECT_EQ(r.quarantined, 0);
  EXPECT_EQ(r.messages + r.statuses, expected);
  EXPECT_EQ(count("SELECT COUNT(*) FROM inbound"), expected);
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries WHERE state <> 'processed'"), 0);
  // Media, reactions and other types are kept and ignored; the interactive message without an
  // `interactive` object too.
  EXPECT_GT(count("SELECT COUNT(*) FROM inbound WHERE kind = 'unknown' AND outcome = 'ignored' "
                  "AND raw IS NOT NULL"),
            5);
  EXPECT_EQ(text("SELECT kind FROM inbound WHERE dedupe_key LIKE "
                 "'wa:msg:wamid.message.json.interactive_message_with_err.%'"),
            "unknown");
}

TEST_F(WhatsAppProcessor, ReplayingTheSamplesAfterwardsAddsNothing) {
  const auto samples = testing::whatsapp_samples("message_status.json");
  for (const auto& [name, body] : samples.items()) deliver(body);  // shared placeholder ids
  const auto first = process();
  const auto rows = count("SELECT COUNT(*) FROM inbound");
  for (const auto& [name, body] : samples.items()) deliver(body);
  const auto second = process();
  EXPECT_EQ(first.quarantined + second.quarantined, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM inbound"), rows);
  EXPECT_EQ(second.statuses, 0);
}

TEST_F(WhatsAppProcessor, AFailureAfterDeliveryKeepsTheStateAndRecordsTheError) {
  // The same two updates in either order leave the row the same: delivered, with the error.
  deliver(testing::wa_body(nullptr,
                           json::array({testing::wa_status("wamid.REMINDER", "delivered"),
                                        testing::wa_status("wamid.REMINDER", "failed", 131000)})));
  process();
  EXPECT_EQ(text("SELECT state FROM outbox WHERE id = 2"), "delivered");
  const std::string error = text("SELECT last_error FROM outbox WHERE id = 2");
  EXPECT_TRUE(error.starts_with("whatsapp 131000")) << error;
}

}  // namespace
}  // namespace tafel
