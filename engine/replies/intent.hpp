#pragma once
// Reads what a person means in a free-text reply (WhatsApp text, a mail body after
// strip_quoted, a quick-reply label), in Dutch or English.
//
// Contract: the answer is `unclear` unless the text says one thing plainly; unclear replies go
// to the coordinator with the original text, never guessed. In particular:
// - yes and no together ("helaas niet, maar volgende keer graag") → unclear;
// - a yes with a reservation ("ja maar ik kom later", "ja, als het na vieren is") → unclear:
//   "later", "maar/but", "als/if", "tenzij/unless", "pas om", and any question mark make the
//   reply unclear, because the coordinator must read it;
// - maybe wins over yes ("ja, misschien") → maybe;
// - a negation next to a yes phrase turns it into no ("ik kom niet", "niet aanwezig",
//   "ik kan er niet bij zijn");
// - opt-out ("STOP", "afmelden", "uitschrijven", "unsubscribe", "geen berichten meer") counts
//   when it leads the message or is unmistakable; "stop"/"afmelden" elsewhere in a sentence
//   ("ik moet me afmelden voor donderdag") may be a decline and is unclear;
// - texts of more than 60 words are unclear.
// Case, accents, punctuation, repeated letters ("jaaa") and emoji skin tones do not matter.

#include <string_view>

namespace tafel::replies {

enum class Intent { yes, no, maybe, opt_out, unclear };

Intent read_intent(std::string_view text);

std::string_view to_string(Intent intent);

}  // namespace tafel::replies
