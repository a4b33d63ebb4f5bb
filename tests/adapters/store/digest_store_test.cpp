// Digest composition from the store, preview and send records, recipients and the reminder.

#include "adapters/store/digest_store.hpp"

#include "adapters/store/knowledge_store.hpp"
#include "tests/adapters/store/sessions_fixture.hpp"

#include <nlohmann/json.hpp>

namespace tafel::testing {
namespace {

class DigestStore : public SessionsStoreTest {};

TEST_F(DigestStore, ComposesNewTipsComingSessionsAndFiguresWithNothingPersonal) {
  SessionCapture c;
  c.attendance = {{jan_, true}};
  c.notes = {{"tip", "Behouden", "Vaste maatjes voor leerlingen"},
             {"solution", "Behouden", "Kwartaalgesprek over ontwikkeling"},
             {"bottleneck", "Regeldruk", "Papierwerk"},
             {"contact", "Opleiden", "Opleidingsbedrijf van de coöperatie"}};
  c.takeaways = {"Een", "Twee", "Drie"};
  ASSERT_TRUE(record_capture(db(), session1_, c, "fac1", kStart + 7200));
  // A tip written around the store's check (e.g. by an older version) is still kept out.
  db().exec(
      "INSERT INTO knowledge_items(kind, sector, theme, text, noted_utc, noted_offset, "
      "created_utc) VALUES ('tip', 'bouw', 'x', 'Vraag Jan de Vries', 0, 0, " +
      std::to_string(kStart + 7300) + ")");
  SectorCard card{0,  "bouw", "Vacatures per 100 werklozen", 187, "", "UWV", "2025-10-01", true,
                  "", ""};
  ASSERT_TRUE(save_sector_card(db(), card, "c"));

  const std::int64_t now = kStart + kDay;  // session 2 is still to come
  const auto id = compose_digest_draft(db(), 1, now, "c@x.nl");
  const auto d = load_digest(db(), id);
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->since_utc);
  const auto j = nlohmann::json::parse(d->content);
  ASSERT_EQ(j["items"].size(), 2u);
  EXPECT_EQ(j["items"][0]["kind"], "solution");
  EXPECT_EQ(j["items"][1]["text"], "Vaste maatjes voor leerlingen");
  EXPECT_EQ(j["items_refused"], 1);
  ASSERT_EQ(j["sessions"].size(), 1u);
  EXPECT_EQ(j["sessions"][0]["session_id"], session2_);
  EXPECT_EQ(j["sessions"][0]["place"], "Zaal Ede");
  ASSERT_EQ(j["figures"].size(), 1u);
  EXPECT_EQ(j["figures"][0]["source"], "UWV");
  for (const char* needle : {"Jan", "Vries", "Piet", "@", "+316"})
    EXPECT_EQ(d->content.find(needle), std::string::npos) << needle;

  // Send flow: preview first, then once.
  EXPECT_EQ(mark_digest_sent(db(), id, "c", now, 3).error().kind,
            SessionStoreError::Kind::conflict);
  ASSERT_TRUE(mark_digest_previewed(db(), id, "c"));
  ASSERT_TRUE(mark_digest_sent(db(), id, "c", now, 3));
  EXPECT_FALSE(mark_digest_sent(db(), id, "c", now, 3));
  EXPECT_FALSE(mark_digest_previewed(db(), id, "c"));
  EXPECT_EQ(load_digest(db(), id)->recipients, 3);

  // The next digest starts after this one: nothing new yet.
  const auto next = compose_digest_draft(db(), 1, now + kDay, "c");
  const auto j2 = nlohmann::json::parse(load_digest(db(), next)->content);
  EXPECT_TRUE(j2["items"].empty());
  EXPECT_EQ(load_digest(db(), next)->since_utc, now);
  EXPECT_EQ(list_digests(db(), 1).size(), 2u);
  EXPECT_EQ(list_digests(db(), 1)[0].id, next);
}

TEST_F(DigestStore, RecipientsHaveConsentAndAnAddress) {
  db().exec("UPDATE members SET opted_out_email = 1, consent_whatsapp = 0 WHERE id = " +
            std::to_string(piet_));
  // Kees has consent but no address at all.
  EXPECT_EQ(digest_recipients(db(), 1), (std::vector<std::int64_t>{jan_}));
}

TEST_F(DigestStore, ReminderWhenAQuarterPassesWithoutADigest) {
  // The network was created on 2026-01-01.
  const std::int64_t created = 1767225600;
  EXPECT_FALSE(digest_reminder_due(db(), 1, created + 90 * kDay));
  EXPECT_TRUE(digest_reminder_due(db(), 1, created + 92 * kDay));
  const auto id = compose_digest_draft(db(), 1, created + 92 * kDay, "c");
  ASSERT_TRUE(mark_digest_previewed(db(), id, "c"));
  ASSERT_TRUE(mark_digest_sent(db(), id, "c", created + 92 * kDay, 0));
  EXPECT_FALSE(digest_reminder_due(db(), 1, created + 150 * kDay));
  EXPECT_TRUE(digest_reminder_due(db(), 1, created + 183 * kDay));
}

}  // namespace
}  // namespace tafel::testing
