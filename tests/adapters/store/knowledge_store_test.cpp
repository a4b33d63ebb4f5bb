// The knowledge base and sector cards (schema v7) against a real SQLite file.

#include "adapters/store/knowledge_store.hpp"

#include "tests/adapters/store/sessions_fixture.hpp"

#include <cmath>

namespace tafel::testing {
namespace {

class KnowledgeStore : public SessionsStoreTest {
 protected:
  void capture(std::int64_t session, std::vector<CapturedNote> notes) {
    SessionCapture c;
    c.notes = std::move(notes);
    c.takeaways = {"Een", "Twee", "Drie"};
    ASSERT_TRUE(record_capture(db(), session, c, "fac1", kStart + 10 * kDay));
  }
};

TEST_F(KnowledgeStore, SearchBySectorThemeKindDateAndText) {
  const auto installatie = add_session(kStart + 100 * kDay, 90, "installatie");
  capture(session1_, {{"tip", "Behouden", "Vaste maatjes voor leerlingen"},
                      {"bottleneck", "Regeldruk", "Te veel papierwerk bij subsidie"}});
  capture(installatie, {{"solution", "Behouden", "Flexibele werktijden in de zomer"}});

  KnowledgeQuery all;
  EXPECT_EQ(search_knowledge(db(), all).size(), 9u);  // 3 notes + 2 × 3 takeaways

  KnowledgeQuery q;
  q.sector = "bouw";
  q.kinds = {"tip", "solution"};
  auto r = search_knowledge(db(), q);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].text, "Vaste maatjes voor leerlingen");
  EXPECT_EQ(r[0].noted_utc, kStart);
  EXPECT_EQ(r[0].session_id, session1_);

  q = {};
  q.theme = "Behouden";
  r = search_knowledge(db(), q);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].sector, "installatie");  // newest session first

  q = {};
  q.from_utc = kStart + kDay;
  q.kinds = {"solution", "tip"};
  r = search_knowledge(db(), q);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].text, "Flexibele werktijden in de zomer");

  q = {};
  q.text = "PAPIERWERK";
  EXPECT_EQ(search_knowledge(db(), q).size(), 1u);
  q.text = "100%_";  // LIKE wildcards are literal
  EXPECT_TRUE(search_knowledge(db(), q).empty());

  q = {};
  q.limit = 2;
  q.offset = 8;
  EXPECT_EQ(search_knowledge(db(), q).size(), 1u);

  EXPECT_EQ(knowledge_themes(db()), (std::vector<std::string>{"Behouden", "Regeldruk"}));
  EXPECT_EQ(knowledge_sectors(db()), (std::vector<std::string>{"bouw", "installatie"}));
}

TEST_F(KnowledgeStore, BottlenecksCountedPerThemePerQuarter) {
  const auto later = add_session(kStart + 120 * kDay, 90, "bouw");  // 2026-07-10: Q3
  capture(session1_, {{"bottleneck", "Personeel vinden", "Geen reacties op vacatures"},
                      {"bottleneck", "Personeel vinden", "Leerlingen stoppen vroeg"},
                      {"bottleneck", "Regeldruk", "Papierwerk"}});
  capture(later, {{"bottleneck", "Regeldruk", "Nog meer papierwerk"}});
  const auto c = bottleneck_counts(db(), {2026, 1}, {2026, 4}, std::nullopt);
  ASSERT_EQ(c.quarters.size(), 4u);
  ASSERT_EQ(c.themes.size(), 2u);
  EXPECT_EQ(c.themes[0].theme, "Personeel vinden");
  EXPECT_EQ(c.themes[0].counts, (std::vector<int>{2, 0, 0, 0}));
  EXPECT_EQ(c.themes[1].counts, (std::vector<int>{1, 0, 1, 0}));
  EXPECT_TRUE(
      bottleneck_counts(db(), {2026, 1}, {2026, 4}, std::string("installatie")).themes.empty());
}

TEST_F(KnowledgeStore, KnowledgeOutlivesItsSession) {
  capture(session1_, {{"tip", "Behouden", "Vaste maatjes"}});
  db().exec("DELETE FROM invitations; DELETE FROM sessions WHERE id = " +
            std::to_string(session1_));
  const auto r = search_knowledge(db(), {});
  ASSERT_EQ(r.size(), 4u);
  EXPECT_FALSE(r[0].session_id);
}

TEST_F(KnowledgeStore, SectorCardsNeedSourceAndDate) {
  SectorCard card;
  card.sector = "bouw";
  card.figure = "Openstaande vacatures per 100 werklozen";
  card.value = 187;
  card.unit = "per 100";
  card.source = "UWV";
  card.figure_date = "2025-10-01";
  const auto id = save_sector_card(db(), card, "coordinator@x.nl");
  ASSERT_TRUE(id);
  auto stored = find_sector_card(db(), *id);
  ASSERT_TRUE(stored);
  EXPECT_DOUBLE_EQ(stored->value, 187);
  EXPECT_EQ(stored->updated_by, "coordinator@x.nl");

  auto bad = card;
  bad.source = " ";
  EXPECT_EQ(save_sector_card(db(), bad, "c").error().field, "/source");
  bad = card;
  bad.figure_date = "2025-02-30";
  EXPECT_EQ(save_sector_card(db(), bad, "c").error().field, "/figure_date");
  bad = card;
  bad.value = std::nan("");
  EXPECT_EQ(save_sector_card(db(), bad, "c").error().field, "/value");
  bad = card;
  bad.id = 999;
  EXPECT_EQ(save_sector_card(db(), bad, "c").error().kind, SessionStoreError::Kind::not_found);

  card.id = *id;
  card.value = 190;
  card.active = false;
  ASSERT_TRUE(save_sector_card(db(), card, "c"));
  EXPECT_TRUE(list_sector_cards(db(), std::string("bouw")).empty());
  ASSERT_EQ(list_sector_cards(db(), std::string("bouw"), true).size(), 1u);
  EXPECT_DOUBLE_EQ(list_sector_cards(db(), std::nullopt, true)[0].value, 190);

  // A programme can point at a card.
  auto p = load_programme(db(), session1_)->programme;
  ASSERT_TRUE(save_programme(db(), session1_, p, *id, "fac1"));
  EXPECT_EQ(load_programme(db(), session1_)->sector_card_id, *id);
}

}  // namespace
}  // namespace tafel::testing
