#include "engine/outreach/template_renderer.hpp"

#include "engine/outreach/channel_limits.hpp"
#include "engine/outreach/message_templates.hpp"

#include <gtest/gtest.h>

namespace tafel::outreach {
namespace {

const std::set<std::string, std::less<>> kKnown = {"naam", "datum"};

TEST(TemplateRenderer, FillsNamedPlaceholders) {
  auto r = render_template("Beste {{naam}}, tot {{ datum }}!", {{"naam", "Jan"}, {"datum", "di"}},
                           kKnown);
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(*r, "Beste Jan, tot di!");
}

TEST(TemplateRenderer, UnknownPlaceholderIsAnErrorWithLine) {
  auto r = render_template("regel 1\nBeste {{voornaam}}", {{"naam", "Jan"}}, kKnown);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("line 2"), std::string::npos);
  EXPECT_NE(r.error().message.find("voornaam"), std::string::npos);
}

TEST(TemplateRenderer, MissingValueIsAnError) {
  auto r = render_template("{{datum}}", {{"naam", "Jan"}}, kKnown);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("no value"), std::string::npos);
}

TEST(TemplateRenderer, UnclosedBracesAreAnError) {
  EXPECT_FALSE(render_template("Beste {{naam", {{"naam", "Jan"}}, kKnown).has_value());
  EXPECT_FALSE(render_template("{{naam {{naam}}", {{"naam", "Jan"}}, kKnown).has_value());
}

TEST(TemplateRenderer, HtmlEscapesValuesNotTemplate) {
  auto r = render_template("<b>{{naam}}</b>", {{"naam", "Bouw & <Zn>"}}, kKnown, Escape::html);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(*r, "<b>Bouw &amp; &lt;Zn&gt;</b>");
}

TEST(TemplateRenderer, PlaceholdersInOrderOfFirstUse) {
  EXPECT_EQ(placeholders_in("{{b}} {{a}} {{b}} {{ c }}"),
            (std::vector<std::string>{"b", "a", "c"}));
}

TEST(MessageFacts, DutchDateAndDuration) {
  EXPECT_EQ(dutch_long_date(Date{2026, 10, 13}), "dinsdag 13 oktober 2026");
  EXPECT_EQ(dutch_duration(90), "90 minuten");
  EXPECT_EQ(dutch_duration(60), "1 uur");
  EXPECT_EQ(dutch_duration(75), "1 uur en 15 minuten");
  const auto v = message_values(sample_facts());
  EXPECT_EQ(v.at("begintijd"), "07:00");
  EXPECT_EQ(v.at("eindtijd"), "08:30");
  EXPECT_EQ(v.size(), placeholder_names().size());
}

MessageTemplates minimal_templates() {
  MessageTemplates t;
  for (const auto& [kind, stem] : template_stems())
    t.kinds[kind] = {"Onderwerp {{datum}}", "Tekst {{naam}}", "<p>{{naam}}</p>",
                     "WA {{naam}} {{datum}} {{naam}}"};
  return t;
}

TEST(MessageFacts, MissingThemeIsTheDefaultNeverEmpty) {
  auto facts = sample_facts();
  facts.theme.clear();
  EXPECT_EQ(message_values(facts).at("thema"), kDefaultTheme);
  facts.theme = "Verzuim";
  EXPECT_EQ(message_values(facts).at("thema"), "Verzuim");
}

TEST(MessageTemplates, ComposeGivesPositionalWhatsAppParameters) {
  auto m = compose_message(minimal_templates(), MessageKind::invitation, sample_facts());
  ASSERT_TRUE(m.has_value()) << m.error();
  EXPECT_EQ(m->subject, "Onderwerp dinsdag 13 oktober 2026");
  EXPECT_EQ(m->whatsapp_parameters,
            (std::vector<std::string>{"Jan de Vries", "dinsdag 13 oktober 2026"}));
}

TEST(MessageTemplates, CheckNamesFileOfEveryProblem) {
  auto t = minimal_templates();
  EXPECT_TRUE(check_templates(t).empty());
  t.kinds[MessageKind::reminder].html = "{{onbekend}}";
  t.kinds[MessageKind::nudge].whatsapp = std::string(1100, 'x');
  t.kinds.erase(MessageKind::cancellation);
  const auto problems = check_templates(t);
  ASSERT_EQ(problems.size(), 3u);
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  EXPECT_NE(all.find("herinnering.html: line 1: unknown placeholder"), std::string::npos) << all;
  EXPECT_NE(all.find("nog_geen_antwoord.whatsapp.txt: 1100 characters"), std::string::npos) << all;
  EXPECT_NE(all.find("afgelast: templates missing"), std::string::npos) << all;
}

TEST(ChannelLimits, AnswerLabelsFit) {
  for (auto label : kAnswerLabels) {
    EXPECT_LE(utf8_length(label), kQuickReplyLabelMax);
    EXPECT_LE(utf8_length(label), kButtonTitleMax);
  }
  EXPECT_LE(kAnswerLabels.size(), kButtonsMax);
  EXPECT_EQ(utf8_length("Één–twee"), 8u);
}

}  // namespace
}  // namespace tafel::outreach
