#include "engine/sessions/question_lists.hpp"

#include <array>

namespace tafel::sessions {

namespace {

// Kader 2: Voorbeelden van startvragen.
constexpr std::array<std::string_view, 12> kStart = {
    "Wat zou jij veranderen aan de arbeidsmarkt als je één ding mocht kiezen?",
    "Wat is op dit moment jouw grootste uitdaging als werkgever?",
    "Wat is voor jou de perfecte medewerker?",
    "Welke vraag rond personeel houdt jou de laatste tijd bezig?",
    "Wat gaat er al goed in jouw bedrijf op het gebied van goed werkgeverschap?",
    "Wat zou je morgen willen verbeteren als tijd en geld geen rol speelden?",
    "Welke HRM-vraag schuif je steeds voor je uit?",
    "Wat heb jij als ondernemer ooit geleerd van een medewerker?",
    "Wat zou je aan een collega-ondernemer adviseren over het behouden van mensen?",
    "Wat is het beste idee dat je ooit hebt gezien om personeel te behouden?",
    "Wat betekent ‘goed werkgeverschap’ voor jou in één zin?",
    "Wat doet jouw concurrent beter als werkgever?",
};

// Kader 3: Voorbeelden van actiegerichte vragen.
constexpr std::array<std::string_view, 11> kAction = {
    "Welke eerste stap kun jij deze week zetten?",
    "Wat neem je vandaag mee naar je team of bedrijf?",
    "Welk inzicht wil je direct toepassen in je praktijk?",
    "Wie ga je hierover nog deze week spreken?",
    "Wat doe je vanaf nu anders?",
    "Welke afspraak maak je met jezelf voor de komende maand?",
    "Wat zou je morgen al kunnen proberen, klein of groot?",
    "Wat heeft je aan het denken gezet — en wat doe je daar nu mee?",
    "Welke tip uit de groep wil jij zelf gaan uitproberen?",
    "Wat wil je anders doen in het begeleiden van je medewerkers?",
    "Wat zou je direct willen delen met een collega-ondernemer?",
};

}  // namespace

std::string_view question_kind_key(QuestionKind kind) {
  return kind == QuestionKind::start ? "start" : "action";
}

std::optional<QuestionKind> parse_question_kind(std::string_view key) {
  if (key == "start") return QuestionKind::start;
  if (key == "action") return QuestionKind::action;
  return std::nullopt;
}

std::span<const std::string_view> default_questions(QuestionKind kind) {
  if (kind == QuestionKind::start) return kStart;
  return kAction;
}

std::optional<std::string> choose_question(std::span<const std::string> list,
                                           std::int64_t session_id,
                                           std::optional<std::string_view> last_used) {
  if (list.empty()) return std::nullopt;
  const auto n = static_cast<std::uint64_t>(list.size());
  const std::uint64_t id = session_id < 0 ? static_cast<std::uint64_t>(-(session_id + 1)) + 1
                                          : static_cast<std::uint64_t>(session_id);
  std::size_t index = static_cast<std::size_t>(id % n);
  if (last_used && list[index] == *last_used && list.size() > 1) {
    // The next one that differs from the last used (the list may hold duplicates).
    for (std::size_t step = 1; step < list.size(); ++step) {
      const std::size_t candidate = (index + step) % list.size();
      if (list[candidate] != *last_used) {
        index = candidate;
        break;
      }
    }
  }
  return list[index];
}

}  // namespace tafel::sessions
