#include "engine/replies/intent.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tafel::replies {
namespace {

struct Row {
  const char* text;
  Intent intent;
};

// Replies as people type them (WhatsApp, mail after quote stripping, quick-reply labels).
constexpr Row kRows[] = {
    // yes
    {"ja", Intent::yes},
    {"Ja!", Intent::yes},
    {"JA", Intent::yes},
    {"jaaaa", Intent::yes},
    {"ja hoor, ik ben erbij", Intent::yes},
    {"Ja hoor ik ben erbij 😊", Intent::yes},
    {"top, tot dan", Intent::yes},
    {"Top! Tot dan.", Intent::yes},
    {"👍", Intent::yes},
    {"👍🏼", Intent::yes},
    {"Ik kom", Intent::yes},
    {"ik kom graag", Intent::yes},
    {"Prima, ik ben er bij", Intent::yes},
    {"Oké, ik doe mee", Intent::yes},
    {"akkoord", Intent::yes},
    {"Yes, count me in", Intent::yes},
    {"I'll be there", Intent::yes},
    {"Jazeker", Intent::yes},
    {"Ik ben erbij!!", Intent::yes},
    {"Natuurlijk, ik ben van de partij", Intent::yes},
    {"✅", Intent::yes},
    {"Ja, geen probleem", Intent::yes},
    {":+1:", Intent::yes},
    {"  ja  \n", Intent::yes},
    // no
    {"nee", Intent::no},
    {"Nee.", Intent::no},
    {"NEEEE", Intent::no},
    {"kan niet", Intent::no},
    {"Kan niet", Intent::no},
    {"helaas niet", Intent::no},
    {"Helaas, ik kan niet", Intent::no},
    {"lukt me niet", Intent::no},
    {"Lukt me helaas niet 🙁", Intent::no},
    {"ik kan er niet bij zijn", Intent::no},
    {"niet aanwezig", Intent::no},
    {"Ik kom niet", Intent::no},
    {"ik ben er niet bij", Intent::no},
    {"Ik ben er helaas niet bij", Intent::no},
    {"ik kan die dag niet", Intent::no},
    {"Verhinderd", Intent::no},
    {"Geen tijd helaas", Intent::no},
    {"No", Intent::no},
    {"Sorry, can't make it", Intent::no},
    {"I cannot attend", Intent::no},
    {"👎", Intent::no},
    {"Nee, maar bedankt voor de uitnodiging", Intent::no},
    {"ik zeg af", Intent::no},
    // maybe
    {"misschien", Intent::maybe},
    {"Misschien", Intent::maybe},
    {"weet ik nog niet", Intent::maybe},
    {"Weet het nog niet", Intent::maybe},
    {"ja, misschien", Intent::maybe},
    {"Misschien wel", Intent::maybe},
    {"nog niet zeker", Intent::maybe},
    {"onder voorbehoud", Intent::maybe},
    {"Maybe", Intent::maybe},
    {"not sure yet", Intent::maybe},
    {"🤔", Intent::maybe},
    // opt-out
    {"STOP", Intent::opt_out},
    {"stop", Intent::opt_out},
    {"Stop. Thank you", Intent::opt_out},
    {"afmelden", Intent::opt_out},
    {"Afmelden a.u.b.", Intent::opt_out},
    {"uitschrijven", Intent::opt_out},
    {"Ik wil geen berichten meer", Intent::opt_out},
    {"unsubscribe", Intent::opt_out},
    {"Nee. Stuur me geen berichten meer", Intent::opt_out},
    // unclear: never guessed
    {"later", Intent::unclear},
    {"Later", Intent::unclear},
    {"ja maar ik kom later", Intent::unclear},
    {"Ja, als het na vieren is", Intent::unclear},
    {"ja, waar is het precies?", Intent::unclear},
    {"helaas niet, maar volgende keer graag", Intent::unclear},
    {"ja nee", Intent::unclear},
    {"Ok, ik kom niet", Intent::unclear},
    {"ik moet me afmelden voor donderdag", Intent::unclear},
    {"ik stop om vier uur met werken", Intent::unclear},
    {"Wie zijn de andere deelnemers?", Intent::unclear},
    {"Bel me even", Intent::unclear},
    {"", Intent::unclear},
    {"   ", Intent::unclear},
    {"🙂", Intent::unclear},
    {"Oh thanks. Having the function would be great.", Intent::unclear},
    {"Kan ik mijn compagnon meenemen", Intent::unclear},
    {"ja, kan niet wachten", Intent::yes},
    {"caf\xe9", Intent::unclear},  // invalid UTF-8 does not crash
};

TEST(ReadIntent, Table) {
  int rows = 0;
  for (const Row& row : kRows) {
    EXPECT_EQ(to_string(read_intent(row.text)), to_string(row.intent)) << "text: " << row.text;
    ++rows;
  }
  EXPECT_GE(rows, 60);
}

TEST(ReadIntent, LongTextIsUnclear) {
  std::string text = "ja";
  for (int i = 0; i < 70; ++i) text += " woord";
  EXPECT_EQ(read_intent(text), Intent::unclear);
}

}  // namespace
}  // namespace tafel::replies
