#pragma once
// The facts one message states, and their rendering as template values (Dutch wording). Every
// placeholder a template may use is named in `placeholder_names()`; `message_values` always
// supplies all of them, so a template that renders with the sample renders with real facts.

#include "engine/outreach/template_renderer.hpp"
#include "engine/time/local_time.hpp"

#include <set>
#include <string>
#include <string_view>

namespace tafel::outreach {

// Content of the messages that are not about one coming session (followup, digest). Multi-line
// values are for mail; the *_line twins are one line (WhatsApp template parameters may not hold
// line breaks).
struct MessageContent {
  std::string takeaways;        // {{punten}}: "1. ...\n2. ...\n3. ..."
  std::string takeaways_line;   // {{punten_kort}}: "1) ...; 2) ...; 3) ..."
  std::string action_question;  // {{actievraag}}
  std::string digest;           // {{nieuwsbrief}}: the digest as plain text, several lines
  std::string digest_line;      // {{nieuwsbrief_kort}}: "4 tips en oplossingen, 2 tafels, ..."
};

struct MessageFacts {
  std::string recipient_name;  // "Jan de Vries"
  std::string company;
  std::string network;  // the partner who invites ("BTO Gelderse Vallei")
  LocalTime start;      // with the session's local offset
  LocalTime end;
  std::string venue;        // venue name
  std::string address;      // street, postcode, town
  std::string room;         // may be ""
  std::string theme;        // "Goed werkgeverschap: personeel vinden en houden"; "" = kDefaultTheme
  std::string answer_link;  // personal RSVP page
  std::string reply_address;  // per-invitation reply mail address
  std::string optout_link;
  std::string privacy_link;
  std::string change_note;  // change notices: what changed, one Dutch sentence; else ""
  MessageContent content;   // followup and digest only; "" elsewhere
};

// The theme stated when neither the planning round nor the session names one: what every
// praktijktafel is about (and a WhatsApp template parameter may not be empty).
inline constexpr std::string_view kDefaultTheme = "Goed werkgeverschap";

// Every placeholder name templates may use.
const std::set<std::string, std::less<>>& placeholder_names();

// {{naam}}, {{bedrijf}}, {{netwerk}}, {{datum}} ("dinsdag 13 oktober 2026"), {{begintijd}},
// {{eindtijd}} ("07:00"), {{duur}} ("90 minuten"), {{locatie}}, {{adres}}, {{zaal}}, {{thema}},
// {{antwoordlink}}, {{antwoordadres}}, {{afmeldlink}}, {{privacylink}}, {{wijziging}}, and the
// MessageContent ones: {{punten}}, {{punten_kort}}, {{actievraag}}, {{nieuwsbrief}},
// {{nieuwsbrief_kort}}.
TemplateValues message_values(const MessageFacts& facts);

// A complete, realistic example (for checking templates at start-up and in tests).
MessageFacts sample_facts();

// "dinsdag 13 oktober 2026"
std::string dutch_long_date(Date d);
// "90 minuten", "2 uur", "1 uur en 15 minuten"
std::string dutch_duration(std::int64_t minutes);

}  // namespace tafel::outreach
