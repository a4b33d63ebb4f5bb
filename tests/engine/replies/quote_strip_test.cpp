#include "engine/replies/quote_strip.hpp"

#include "engine/replies/intent.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace tafel::replies {
namespace {

const std::string kLorem =
    "Fusce bibendum, quam hendrerit sagittis tempor, dui turpis tempus erat, pharetra sodales "
    "ante sem sit amet metus.\n"
    "Nulla malesuada, orci non vulputate lobortis, massa felis pharetra ex, convallis "
    "consectetur ex libero eget ante.\n"
    "Nam vel turpis posuere, rhoncus ligula in, venenatis orci. Duis interdum venenatis ex a "
    "rutrum.\n"
    "Duis ut libero eu lectus consequat consequat ut vel lorem. Vestibulum convallis lectus "
    "urna,\n"
    "et mollis ligula rutrum quis. Fusce sed odio id arcu varius aliquet nec nec nibh.";

struct Expected {
  std::string text;
  Intent intent;
};

// Every file in tests/data/replies/ (copied from shared/samples/replies/) must be listed here.
const std::map<std::string, Expected>& expectations() {
  static const std::map<std::string, Expected> kExpected = {
      {"crisp/email_12.txt", {kLorem, Intent::unclear}},
      {"crisp/email_8.txt", {kLorem, Intent::unclear}},
      {"crisp/email_german_outlook.txt", {kLorem, Intent::unclear}},
      {"crisp/email_gmail_split_line_from.txt", {kLorem, Intent::unclear}},
      {"crisp/email_ios_outlook.txt", {kLorem, Intent::unclear}},
      {"crisp/email_outlook_split_line_from.txt", {kLorem, Intent::unclear}},
      {"crisp/email_tricky_5_mixed_languages.txt", {kLorem, Intent::unclear}},
      {"github/email_1_3.txt",
       {"Oh thanks.\n\nHaving the function would be great.\n\n-Abhishek Kona", Intent::unclear}},
      {"github/email_1_7.txt", {":+1:", Intent::yes}},
      {"github/email_2_1.txt", {"Outlook with a reply", Intent::unclear}},
      {"github/email_one_is_not_on.txt",
       {"Thank, this is really helpful.\n\nOne outstanding question I had:\n\nLocally (on "
        "development), when I run...",
        Intent::unclear}},
      {"github/greedy_on.txt",
       {"On your remote host you can run:\n\n     telnet 127.0.0.1 52698\n\nThis should connect "
        "to TextMate (on your Mac, via the tunnel). If that\nfails, the tunnel is not working.",
        Intent::unclear}},
  };
  return kExpected;
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(QuoteStrip, EverySampleReply) {
  const std::filesystem::path dir = std::filesystem::path(TAFEL_SOURCE_DIR) / "tests/data/replies";
  int seen = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    const std::string name = entry.path().lexically_relative(dir).generic_string();
    const auto it = expectations().find(name);
    ASSERT_NE(it, expectations().end()) << "no expectation for " << name;
    const std::string stripped = strip_quoted(read(entry.path()));
    EXPECT_EQ(stripped, it->second.text) << name;
    EXPECT_EQ(read_intent(stripped), it->second.intent) << name << ": " << stripped;
    ++seen;
  }
  EXPECT_EQ(seen, static_cast<int>(expectations().size()));
}

struct Case {
  const char* name;
  const char* body;
  const char* kept;
};

class QuoteStripCases : public ::testing::TestWithParam<Case> {};

TEST_P(QuoteStripCases, KeepsOnlyTheNewText) {
  EXPECT_EQ(strip_quoted(GetParam().body), GetParam().kept) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, QuoteStripCases,
    ::testing::Values(
        Case{"plain", "Ja hoor, ik ben erbij.\r\n", "Ja hoor, ik ben erbij."},
        Case{"gmail_nl_one_line",
             "Ja, tot dan!\n\nOp di 3 dec. 2024 om 10:00 schreef Tafel <uitnodiging+ab@x.nl>:\n"
             "> Beste Jan,\n",
             "Ja, tot dan!"},
        Case{"gmail_nl_wrapped",
             "Kan niet\n\nOp ma 2 dec. 2024 om 09:12 schreef Coöperatie Techniek\n<"
             "uitnodiging+ab@x.nl>:\n\n> Beste Jan,\n",
             "Kan niet"},
        Case{"apple_nl",
             "Misschien\n\nOp 3 dec. 2024 om 10:00 heeft Tafel <t@x.nl> het volgende "
             "geschreven:\n\n> Beste Jan",
             "Misschien"},
        Case{"english_on_wrote",
             "Yes\n\nOn Tue, Dec 3, 2024 at 10:00 AM Tafel <t@x.nl> wrote:\n> hi", "Yes"},
        Case{"iphone_nl", "Ik kom\n\nVerstuurd vanaf mijn iPhone\n\n> Op 3 dec. schreef", "Ik kom"},
        Case{"iphone_en", "nee\nSent from my iPhone", "nee"},
        Case{"outlook_nl",
             "Helaas niet.\n\nVan: Tafelplanner <t@x.nl>\nVerzonden: dinsdag 3 december 2024 "
             "10:00\nAan: Jan <jan@x.nl>\nOnderwerp: Uitnodiging\n\nBeste Jan,",
             "Helaas niet."},
        Case{"outlook_nl_datum",
             "ja\n\nVan: Tafelplanner <t@x.nl>\nDatum: dinsdag 3 december 2024 10:00\nAan: Jan",
             "ja"},
        Case{"outlook_en_bold", "ok\n\n*From:* Tafel\n*Sent:* Tuesday\n*To:* Jan\n", "ok"},
        Case{"outlook_de", "Ja\n\nVon: Tafel <t@x.nl>\nGesendet: Dienstag\nAn: Jan", "Ja"},
        Case{"original_message", "Nee\n-----Original Message-----\nFrom: x", "Nee"},
        Case{"oorspronkelijk_bericht", "Nee\n\n-----Oorspronkelijk bericht-----\nVan: x\n", "Nee"},
        Case{"signature", "Top, tot dan\n-- \nJan de Vries\nInstallatiebedrijf", "Top, tot dan"},
        Case{"interleaved_quotes", "> Kom je donderdag?\nJa\n> Neem je een casus mee?\nMisschien",
             "Ja\nMisschien"},
        Case{"van_in_text_is_kept", "Van: harte welkom\nDank", "Van: harte welkom\nDank"},
        Case{"only_quote", "On Mon, Jan 1, 2024, Jan wrote:\n> hallo", ""}, Case{"empty", "", ""}),
    [](const ::testing::TestParamInfo<Case>& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace tafel::replies
