#include "engine/outreach/message_facts.hpp"

#include <fmt/format.h>

#include <array>

namespace tafel::outreach {

const std::set<std::string, std::less<>>& placeholder_names() {
  static const std::set<std::string, std::less<>> kNames = {
      "naam",          "bedrijf",     "netwerk",         "datum",     "begintijd", "eindtijd",
      "duur",          "locatie",     "adres",           "zaal",      "thema",     "antwoordlink",
      "antwoordadres", "afmeldlink",  "privacylink",     "wijziging", "punten",    "punten_kort",
      "actievraag",    "nieuwsbrief", "nieuwsbrief_kort"};
  return kNames;
}

std::string dutch_long_date(Date d) {
  static constexpr std::array<const char*, 7> kDays = {
      "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};
  static constexpr std::array<const char*, 12> kMonths = {
      "januari", "februari", "maart",     "april",   "mei",      "juni",
      "juli",    "augustus", "september", "oktober", "november", "december"};
  return fmt::format("{} {} {} {}", kDays[static_cast<std::size_t>(iso_weekday(d) - 1)], d.day,
                     kMonths[static_cast<std::size_t>(d.month - 1)], d.year);
}

std::string dutch_duration(std::int64_t minutes) {
  if (minutes < 60 || minutes == 90) return fmt::format("{} minuten", minutes);
  const std::int64_t h = minutes / 60, m = minutes % 60;
  if (m == 0) return fmt::format("{} uur", h);
  return fmt::format("{} uur en {} minuten", h, m);
}

namespace {

std::string clock(LocalTime t) {
  const int m = t.local_minute_of_day();
  return fmt::format("{:02}:{:02}", m / 60, m % 60);
}

}  // namespace

TemplateValues message_values(const MessageFacts& f) {
  return {
      {"naam", f.recipient_name},
      {"bedrijf", f.company},
      {"netwerk", f.network},
      {"datum", dutch_long_date(f.start.local_date())},
      {"begintijd", clock(f.start)},
      {"eindtijd", clock(f.end)},
      {"duur", dutch_duration(minutes_between(f.start, f.end))},
      {"locatie", f.venue},
      {"adres", f.address},
      {"zaal", f.room},
      {"thema", f.theme.empty() ? std::string(kDefaultTheme) : f.theme},
      {"antwoordlink", f.answer_link},
      {"antwoordadres", f.reply_address},
      {"afmeldlink", f.optout_link},
      {"privacylink", f.privacy_link},
      {"wijziging", f.change_note},
      {"punten", f.content.takeaways},
      {"punten_kort", f.content.takeaways_line},
      {"actievraag", f.content.action_question},
      {"nieuwsbrief", f.content.digest},
      {"nieuwsbrief_kort", f.content.digest_line},
  };
}

MessageFacts sample_facts() {
  MessageFacts f;
  f.recipient_name = "Jan de Vries";
  f.company = "De Vries Installatietechniek B.V.";
  f.network = "BTO Gelderse Vallei";
  f.start = make_local_time(Date{2026, 10, 13}, 7, 0, 0, 7200);
  f.end = make_local_time(Date{2026, 10, 13}, 8, 30, 0, 7200);
  f.venue = "BTO Opleidingscentrum Ede";
  f.address = "Galvanistraat 1, 6716 AE Ede";
  f.room = "Zaal 1";
  f.theme = "Goed werkgeverschap: vakmensen vinden en houden";
  f.answer_link = "https://tafels.example.nl/r/abcdefghijklmnopqrstuvwxyz234567.0123456789abcdef";
  f.reply_address = "uitnodiging+abcdefghijklmnopqrstuvwxyz@tafels.example.nl";
  f.optout_link = "https://tafels.example.nl/afmelden/abcdefghijklmnopqrstuvwxyz234567.0123456789";
  f.privacy_link = "https://tafels.example.nl/privacy";
  f.change_note = "De tafel begint een half uur later dan eerst gepland.";
  f.content.takeaways =
      "1. Vacatures ook via de vakschool delen.\n2. Inwerkplan op papier zetten.\n"
      "3. Na drie maanden een gesprek plannen.";
  f.content.takeaways_line =
      "1) Vacatures ook via de vakschool delen; 2) Inwerkplan op papier zetten; 3) Na drie "
      "maanden een gesprek plannen";
  f.content.action_question = "Wat ga jij morgen anders doen?";
  f.content.digest =
      "Nieuwe tips en oplossingen\n- Bouw: een vaste inwerkbuddy houdt nieuwe mensen langer.\n\n"
      "Komende praktijktafels\n- dinsdag 13 oktober 2026 07:00, Bouw, BTO Opleidingscentrum Ede";
  f.content.digest_line = "1 nieuwe tip of oplossing, 1 komende praktijktafel";
  return f;
}

}  // namespace tafel::outreach
