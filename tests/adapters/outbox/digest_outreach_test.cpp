// Sending the digest on a real SQLite store: one `digest` outbox message per consenting member
// in the transaction that marks it sent; none to members who withdrew; only after the preview;
// once.

#include "adapters/outbox/digest_outreach.hpp"

#include "adapters/store/digest_store.hpp"
#include "tests/adapters/outbox/followup_fixture.hpp"

#include <nlohmann/json.hpp>

namespace tafel::testing {
namespace {

using F = FollowupFixture;
constexpr std::int64_t kCompose = F::kCaptured + 86400;

struct DigestCase {
  F f;
  std::int64_t digest = 0;
  DigestCase() {
    f.capture();
    // Member 3 withdrew on both channels.
    f.store.db().exec("UPDATE members SET opted_out_email = 1, opted_out_whatsapp = 1 WHERE id = " +
                      std::to_string(f.members[3]));
    digest = compose_digest_draft(f.store.db(), 1, kCompose, "coordinator");
  }
  std::expected<outbox::DigestSendReport, std::string> send(std::int64_t id) {
    SQLite::Transaction tx(f.store.db());
    auto r = outbox::send_digest_in_transaction(f.store.db(), f.setup(), id, "coordinator",
                                                kCompose + 600);
    if (r) tx.commit();
    return r;
  }
};

TEST(DigestOutreach, RefusedBeforeThePreview) {
  DigestCase c;
  const auto r = c.send(c.digest);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().find("voorbeeld"), std::string::npos);
  EXPECT_EQ(c.f.count("kind = 'digest'"), 0);
  EXPECT_FALSE(load_digest(c.f.store.db(), c.digest)->sent_at.has_value());
}

TEST(DigestOutreach, OneMessagePerConsentingMemberNoneToWhoWithdrew) {
  DigestCase c;
  ASSERT_TRUE(mark_digest_previewed(c.f.store.db(), c.digest, "coordinator").has_value());
  const auto r = c.send(c.digest);
  ASSERT_TRUE(r.has_value()) << r.error();
  EXPECT_EQ(r->recipients, 3);
  EXPECT_EQ(c.f.count("kind = 'digest'"), 3);
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_EQ(c.f.count("kind = 'digest' AND member_id = " + std::to_string(c.f.members[i])), 1);
  EXPECT_EQ(c.f.count("kind = 'digest' AND member_id = " + std::to_string(c.f.members[3])), 0);
  EXPECT_EQ(c.f.count("kind = 'digest' AND channel = 'whatsapp'"), 1);  // member 1
  const auto record = load_digest(c.f.store.db(), c.digest);
  ASSERT_TRUE(record->sent_at.has_value());
  EXPECT_EQ(record->recipients, 3);

  SQLite::Statement q(c.f.store.db(),
                      "SELECT payload FROM outbox WHERE kind = 'digest' AND member_id = ?");
  q.bind(1, c.f.members[0]);
  ASSERT_TRUE(q.executeStep());
  const std::string payload = q.getColumn(0).getString();
  EXPECT_NE(payload.find("Vacatures ook via de vakschool delen."), std::string::npos);
  EXPECT_NE(payload.find("/afmelden/"), std::string::npos);
  EXPECT_NE(payload.find("\"list_unsubscribe_url\":\"https://tafels.example/afmelden/"),
            std::string::npos);
  for (const char* other : {"Persoon 1", "Persoon 2", "Persoon 3"})
    EXPECT_EQ(payload.find(other), std::string::npos) << other;

  // Once: a second send is refused and adds nothing.
  EXPECT_FALSE(c.send(c.digest).has_value());
  EXPECT_EQ(c.f.count("kind = 'digest'"), 3);
}

TEST(DigestOutreach, TextAndSummary) {
  sessions::Digest d;
  EXPECT_EQ(outbox::digest_summary(d), "deze keer geen nieuws");
  d.items.push_back({1, "tip", "bouw", "werving", "Deel vacatures via de vakschool.", 0});
  d.figures.push_back({2, "bouw", "Openstaande vacatures", 12.5, "%", "CBS", "2026-06-30"});
  Config config;
  config.sectors.push_back({"bouw", "Bouw", {}});
  const std::string text = outbox::digest_text(d, config);
  EXPECT_NE(text.find("- Bouw (tip, werving): Deel vacatures via de vakschool."),
            std::string::npos);
  EXPECT_NE(text.find("12,5 % (bron: CBS, 2026-06-30)"), std::string::npos);
  EXPECT_EQ(outbox::digest_summary(d), "1 nieuwe tip of oplossing, 1 sectorcijfer");
  const auto back = outbox::digest_from_json(digest_to_json(d));
  ASSERT_TRUE(back.has_value()) << back.error();
  EXPECT_EQ(back->items.size(), 1u);
  EXPECT_EQ(back->figures.at(0).value, 12.5);
}

}  // namespace
}  // namespace tafel::testing
