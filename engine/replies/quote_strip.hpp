#pragma once
// Cuts a plain-text mail reply down to what the person wrote now, before reading its intent.
//
// The text is cut at the first line that starts quoted history or a signature:
// - a reply header, also wrapped over up to three lines: "On … wrote:", "Op … schreef …:",
//   "Op … heeft … het volgende geschreven:", "Am … schrieb …:", "Le … a écrit :";
// - an Outlook header block: "Van:/From:/Von:/De:" (optionally *bold*) followed within four
//   lines by another header ("Verzonden:/Sent:/Gesendet:/Datum:/Date:/Aan:/To:/An:/
//   Onderwerp:/Subject:/Betreff:");
// - a separator line of dashes or underscores, which also covers "-- " signatures,
//   "-----Original Message-----", "-----Oorspronkelijk bericht-----" and
//   "-----Ursprüngliche Nachricht-----" (any "-----<words>-----" line);
// - a mobile signature: "Verstuurd vanaf mijn …", "Verzonden vanaf mijn …", "Sent from my …",
//   "Get Outlook for …", "Outlook voor iOS/Android downloaden", "Von meinem … gesendet".
// Remaining "> " quoted lines are dropped, CRLF becomes LF, and leading and trailing blank
// lines are removed. A body that starts with "On …" but is no reply header stays whole.

#include <string>
#include <string_view>

namespace tafel::replies {

std::string strip_quoted(std::string_view body);

}  // namespace tafel::replies
