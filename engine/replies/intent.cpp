#include "engine/replies/intent.hpp"

#include "engine/replies/intent_tokens.hpp"

#include <algorithm>
#include <span>
#include <string>
#include <vector>

namespace tafel::replies {
namespace {

// What a matched phrase says. `neutral` phrases are consumed so their words (e.g. the "niet"
// in "geen probleem") cannot be read as a signal.
enum class Signal { yes, no, maybe, opt_out, opt_out_word, hedge, neutral };

struct Phrase {
  std::string_view words;  // space-separated tokens, as tokenize() writes them
  Signal signal;
};

// Longest phrases are tried first at each position (see match_at).
constexpr Phrase kPhrases[] = {
    // yes
    {"ja", Signal::yes},
    {"jazeker", Signal::yes},
    {"jawel", Signal::yes},
    {"jep", Signal::yes},
    {"yes", Signal::yes},
    {"yep", Signal::yes},
    {"yup", Signal::yes},
    {"sure", Signal::yes},
    {"ok", Signal::yes},
    {"oke", Signal::yes},
    {"okay", Signal::yes},
    {"okidoki", Signal::yes},
    {"prima", Signal::yes},
    {"top", Signal::yes},
    {"akkoord", Signal::yes},
    {"graag", Signal::yes},
    {"zeker", Signal::yes},
    {"natuurlijk", Signal::yes},
    {"uiteraard", Signal::yes},
    {"afgesproken", Signal::yes},
    {"aanwezig", Signal::yes},
    {"present", Signal::yes},
    {"accept", Signal::yes},
    {"accepteren", Signal::yes},
    {"accepted", Signal::yes},
    {"ik kom", Signal::yes},
    {"kom ik", Signal::yes},
    {"ik kom graag", Signal::yes},
    {"we komen", Signal::yes},
    {"ik ben erbij", Signal::yes},
    {"ben erbij", Signal::yes},
    {"ik ben er bij", Signal::yes},
    {"ik ben er", Signal::yes},
    {"erbij zijn", Signal::yes},
    {"bij zijn", Signal::yes},
    {"ik doe mee", Signal::yes},
    {"doe mee", Signal::yes},
    {"van de partij", Signal::yes},
    {"tot dan", Signal::yes},
    {"tot donderdag", Signal::yes},
    {"komt goed", Signal::yes},
    {"ik meld me aan", Signal::yes},
    {"aanmelden", Signal::yes},
    {"count me in", Signal::yes},
    {"im in", Signal::yes},
    {"ill be there", Signal::yes},
    {"i will be there", Signal::yes},
    {"i will come", Signal::yes},
    {"ill come", Signal::yes},
    {"see you", Signal::yes},
    {"attend", Signal::yes},
    {"\xF0\x9F\x91\x8D", Signal::yes},  // 👍
    {"\xE2\x9C\x85", Signal::yes},      // ✅
    {"\xE2\x9C\x94", Signal::yes},      // ✔
    {"\xF0\x9F\x91\x8C", Signal::yes},  // 👌
    // no
    {"nee", Signal::no},
    {"neen", Signal::no},
    {"no", Signal::no},
    {"nope", Signal::no},
    {"helaas", Signal::no},
    {"helaas niet", Signal::no},
    {"kan niet", Signal::no},
    {"kan ik niet", Signal::no},
    {"lukt niet", Signal::no},
    {"lukt me niet", Signal::no},
    {"lukt mij niet", Signal::no},
    {"lukt het niet", Signal::no},
    {"gaat niet", Signal::no},
    {"gaat me niet lukken", Signal::no},
    {"red ik niet", Signal::no},
    {"past niet", Signal::no},
    {"past me niet", Signal::no},
    {"kom niet", Signal::no},
    {"afwezig", Signal::no},
    {"verhinderd", Signal::no},
    {"geen tijd", Signal::no},
    {"ik zeg af", Signal::no},
    {"afzeggen", Signal::no},
    {"decline", Signal::no},
    {"declined", Signal::no},
    {"cant", Signal::no},
    {"cannot", Signal::no},
    {"can not", Signal::no},
    {"wont", Signal::no},
    {"not coming", Signal::no},
    {"unable", Signal::no},
    {"\xF0\x9F\x91\x8E", Signal::no},  // 👎
    {"\xE2\x9D\x8C", Signal::no},      // ❌
    // maybe
    {"misschien", Signal::maybe},
    {"misschien niet", Signal::maybe},
    {"wellicht", Signal::maybe},
    {"mogelijk", Signal::maybe},
    {"weet ik nog niet", Signal::maybe},
    {"weet nog niet", Signal::maybe},
    {"weet het nog niet", Signal::maybe},
    {"weet ik niet", Signal::maybe},
    {"weet het niet", Signal::maybe},
    {"nog niet zeker", Signal::maybe},
    {"niet zeker", Signal::maybe},
    {"onzeker", Signal::maybe},
    {"onder voorbehoud", Signal::maybe},
    {"ik probeer", Signal::maybe},
    {"hopelijk", Signal::maybe},
    {"maybe", Signal::maybe},
    {"perhaps", Signal::maybe},
    {"not sure", Signal::maybe},
    {"tentative", Signal::maybe},
    {"\xF0\x9F\xA4\x94", Signal::maybe},  // 🤔
    // opt-out: unmistakable anywhere
    {"uitschrijven", Signal::opt_out},
    {"schrijf me uit", Signal::opt_out},
    {"unsubscribe", Signal::opt_out},
    {"opt out", Signal::opt_out},
    {"optout", Signal::opt_out},
    {"geen berichten meer", Signal::opt_out},
    {"stuur me geen berichten meer", Signal::opt_out},
    {"no more messages", Signal::opt_out},
    // opt-out words: only when they lead the message
    {"stop", Signal::opt_out_word},
    {"afmelden", Signal::opt_out_word},
    {"meld me af", Signal::opt_out_word},
    // reservations
    {"later", Signal::hedge},
    {"maar", Signal::hedge},
    {"but", Signal::hedge},
    {"als", Signal::hedge},
    {"if", Signal::hedge},
    {"tenzij", Signal::hedge},
    {"unless", Signal::hedge},
    {"pas om", Signal::hedge},
    {"wel of niet", Signal::hedge},
    // neutral: consumed so their words are no signal
    {"geen probleem", Signal::neutral},
    {"no problem", Signal::neutral},
    {"niet te missen", Signal::neutral},
    {"kan niet wachten", Signal::neutral},
    {"cant wait", Signal::neutral},
    {"ja of nee", Signal::neutral},
    {"maar bedankt", Signal::neutral},
    {"maar toch bedankt", Signal::neutral},
    {"maar dank je", Signal::neutral},
    {"maar dank voor de uitnodiging", Signal::neutral},
    {"but thanks", Signal::neutral},
    {"but thank you", Signal::neutral},
    {"yes or no", Signal::neutral},
};

constexpr std::string_view kNegations[] = {"niet",  "not",  "geen",  "nooit", "never",  "dont",
                                           "didnt", "isnt", "arent", "cant",  "cannot", "wont"};
// Verbs whose negation within three words means "I will not come" ("ik kan die dag niet").
constexpr std::string_view kAttendVerbs[] = {"kan",  "kunnen", "lukt",   "kom",  "komen", "red",
                                             "past", "gaat",   "ben",    "zijn", "can",   "will",
                                             "make", "come",   "coming", "be"};

bool is_one_of(std::string_view w, std::span<const std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

std::vector<std::string_view> split(std::string_view phrase) {
  std::vector<std::string_view> out;
  while (!phrase.empty()) {
    const auto sp = phrase.find(' ');
    out.push_back(phrase.substr(0, sp));
    if (sp == std::string_view::npos) break;
    phrase.remove_prefix(sp + 1);
  }
  return out;
}

// The longest phrase matching at `i`, or nullptr; `len` gets its length in tokens.
const Phrase* match_at(const std::vector<std::string>& w, std::size_t i, std::size_t& len) {
  const Phrase* best = nullptr;
  len = 0;
  for (const Phrase& p : kPhrases) {
    const auto parts = split(p.words);
    if (parts.size() <= len || i + parts.size() > w.size()) continue;
    if (std::equal(parts.begin(), parts.end(), w.begin() + static_cast<std::ptrdiff_t>(i))) {
      best = &p;
      len = parts.size();
    }
  }
  return best;
}

struct Hit {
  Signal signal;
  std::size_t begin, end;  // token range
};

}  // namespace

Intent read_intent(std::string_view text) {
  const Tokens t = tokenize(text);
  const auto& w = t.words;
  if (w.empty() || w.size() > 60) return Intent::unclear;

  std::vector<Hit> hits;
  // Positions of negation words, also inside no-phrases ("helaas niet", "cannot"), but not
  // inside maybe or neutral phrases ("weet ik nog niet", "geen probleem").
  std::vector<std::size_t> negations;
  for (std::size_t i = 0; i < w.size();) {
    std::size_t len = 0;
    if (const Phrase* p = match_at(w, i, len)) {
      hits.push_back({p->signal, i, i + len});
      if (p->signal != Signal::maybe && p->signal != Signal::neutral) {
        for (std::size_t k = i; k < i + len; ++k) {
          if (is_one_of(w[k], kNegations)) negations.push_back(k);
        }
      }
      i += len;
      continue;
    }
    if (is_one_of(w[i], kNegations)) negations.push_back(i);
    ++i;
  }

  bool yes = false, no = false, maybe = false, hedge = t.question;
  bool opt_out = false, opt_out_word = false;
  for (const Hit& h : hits) {
    switch (h.signal) {
      case Signal::yes: {
        // A negation right before or after a yes phrase turns it into no.
        const bool negated = std::any_of(negations.begin(), negations.end(), [&](std::size_t n) {
          return (n < h.begin && h.begin - n <= 2) || (n >= h.end && n - h.end < 2);
        });
        (negated ? no : yes) = true;
        break;
      }
      case Signal::no:
        no = true;
        break;
      case Signal::maybe:
        maybe = true;
        break;
      case Signal::opt_out:
        opt_out = true;
        break;
      case Signal::opt_out_word:
        (h.begin == 0 ? opt_out : opt_out_word) = true;
        break;
      case Signal::hedge:
        hedge = true;
        break;
      case Signal::neutral:
        break;
    }
  }
  // "ik kan die dag niet": a negation shortly after an attendance verb.
  for (const std::size_t n : negations) {
    for (std::size_t k = n >= 3 ? n - 3 : 0; k < n; ++k) {
      if (is_one_of(w[k], kAttendVerbs)) no = true;
    }
  }

  if (opt_out) return Intent::opt_out;
  if (opt_out_word || hedge) return Intent::unclear;
  if (maybe && !no) return Intent::maybe;
  if (yes && !no && !maybe) return Intent::yes;
  if (no && !yes && !maybe) return Intent::no;
  return Intent::unclear;
}

std::string_view to_string(Intent intent) {
  switch (intent) {
    case Intent::yes:
      return "yes";
    case Intent::no:
      return "no";
    case Intent::maybe:
      return "maybe";
    case Intent::opt_out:
      return "opt_out";
    case Intent::unclear:
      break;
  }
  return "unclear";
}

}  // namespace tafel::replies
