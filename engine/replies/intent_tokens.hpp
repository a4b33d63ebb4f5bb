#pragma once
// Tokenizer for intent reading: words lower-cased with Latin accents folded, apostrophes
// dropped ("can't" → "cant"), runs of a repeated letter squeezed where that spells a known
// answer ("jaaa" → "ja"), and each emoji its own token (skin tones, variation selectors and
// joiners dropped). ":+1:" and ":thumbsup:" become "👍".

#include <string>
#include <string_view>
#include <vector>

namespace tafel::replies {

struct Tokens {
  std::vector<std::string> words;
  bool question = false;  // the text contains '?'
};

Tokens tokenize(std::string_view utf8);

}  // namespace tafel::replies
