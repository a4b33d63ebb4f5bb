#pragma once
// The knowledge base's pure parts: calendar quarters, counting anonymous bottlenecks per theme
// per quarter, and the check that refuses captured text naming a person (the knowledge base and
// the digest hold nothing personal). Pure.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::sessions {

struct Quarter {
  int year = 1970;
  int q = 1;  // 1..4
  auto operator<=>(const Quarter&) const = default;
};

// The quarter of the local date of `utc_seconds + offset_seconds`.
Quarter quarter_of(std::int64_t utc_seconds, std::int32_t offset_seconds);
Quarter next_quarter(Quarter q);
std::string quarter_label(Quarter q);  // "2026-K1" (Dutch: kwartaal)

struct BottleneckNote {
  std::string theme;
  std::int64_t noted_utc = 0;  // the session's start
  std::int32_t noted_offset = 0;
};

struct ThemeSeries {
  std::string theme;
  std::vector<int> counts;  // one per quarter of BottleneckCounts::quarters
  int total = 0;
};

struct BottleneckCounts {
  std::vector<Quarter> quarters;    // from..to inclusive, in order
  std::vector<ThemeSeries> themes;  // most mentioned first, ties by theme name
};

// Counts `notes` per theme per quarter for every quarter from `from` to `to` inclusive (empty
// quarters count 0; notes outside the range are ignored; themes with no note in the range are
// left out). `from` > `to` gives no quarters.
BottleneckCounts count_bottlenecks(const std::vector<BottleneckNote>& notes, Quarter from,
                                   Quarter to);

// Who is known: the network's members (and staff) whose data must not reach the knowledge base.
struct KnownPerson {
  std::string name;
  std::vector<std::string> emails;
  std::vector<std::string> phones;  // E.164 or as written
};

struct PersonalDataHit {
  enum class Kind { name, email, phone };
  Kind kind = Kind::name;
  std::size_t offset = 0;  // byte range in the text, for highlighting; never logged
  std::size_t length = 0;
};

// Every place in `text` that names a person or holds contact data:
//  - a word of a known person's name (3+ letters, not a particle such as "van", "de", "der"),
//    compared as whole words, case- and accent-insensitively ("Jansen" matches "JANSEN");
//  - any e-mail address (known or not), and a known address in any case;
//  - any phone number: a run of 9+ digits, allowing spaces, '-', '.', '(' ')' and a leading
//    '+', and any known number's digits (national "06…" form included).
// Hits are ordered by offset. Known limit: a surname that is also a common word ("Bakker",
// "Smit") is refused in ordinary text too; the facilitator rephrases.
std::vector<PersonalDataHit> find_personal_data(std::string_view text,
                                                const std::vector<KnownPerson>& people);
inline bool contains_personal_data(std::string_view text, const std::vector<KnownPerson>& people) {
  return !find_personal_data(text, people).empty();
}

}  // namespace tafel::sessions
