#pragma once
// The run sheet's programme (draaiboek, Bijlage 1 of the report; DESIGN.md step 8): five parts
// in a fixed order, their minutes fitted to the session's length, the start and action
// questions, the intervision method, and the rules a programme must meet. Pure.
//
// Defaults (minutes, issue 7):
//   90 = welcome 10, venting 15, sector data 10, own cases 40, takeaways 15
//   75 = 10, 12, 8, 33, 12
//   60 = 8, 12, 5, 25, 10
// Other lengths: the default of the nearest of 60/75/90 (a tie goes to the longer one), each
// part scaled by length/base with the largest-remainder method (ties to the earlier part), so
// the parts always sum exactly to the length. Scaling outside 60–90 may break a rule; the check
// then says so (the report asks for 60–90 minutes, so such lengths are flagged as well).
//
// Rules (Tabel 3 of the report):
//   - the parts sum to the session length;
//   - landing (welcome + venting) takes 20–30 minutes;
//   - own-case time (venting + own cases) is at least half of the session;
//   - the session lasts 60–90 minutes;
//   - no part is negative.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::sessions {

enum class Part { welcome, venting, sector_data, own_cases, takeaways };
inline constexpr std::size_t kPartCount = 5;
inline constexpr std::array<Part, kPartCount> kParts = {
    Part::welcome, Part::venting, Part::sector_data, Part::own_cases, Part::takeaways};

// Stable key ("welcome", "venting", "sector_data", "own_cases", "takeaways") for storage/JSON.
std::string_view part_key(Part part);
std::optional<Part> parse_part(std::string_view key);
// Dutch title as the run sheet shows it ("Inloop en welkom", ...).
std::string_view part_title(Part part);
// Dutch prompt for the facilitator, after Bijlage 1.
std::string_view part_prompt(Part part);

// Intervision methods the run sheet offers for the own-cases part (Bijlage 1 names intervision
// and the incident method); the first is the default. Dutch.
const std::vector<std::string_view>& intervision_methods();

inline constexpr int kMinLength = 60;
inline constexpr int kMaxLength = 90;
inline constexpr int kLandingMin = 20;
inline constexpr int kLandingMax = 30;

struct Programme {
  int length_minutes = 90;
  std::array<int, kPartCount> minutes{};  // indexed by Part
  std::string start_question;             // asked at the welcome
  std::string action_question;            // asked at the takeaways
  std::string intervision_method;         // used for the own cases

  int at(Part p) const { return minutes[static_cast<std::size_t>(p)]; }
  int& at(Part p) { return minutes[static_cast<std::size_t>(p)]; }
  int landing() const { return at(Part::welcome) + at(Part::venting); }
  int own_case_time() const { return at(Part::venting) + at(Part::own_cases); }
  int total() const;
};

// The default minutes for a session of `length_minutes` (> 0; see the rule above). Questions
// are left empty (the caller chooses them, question_lists.hpp); the method is the first one.
// Lengths <= 0 give all-zero minutes.
Programme default_programme(int length_minutes);

enum class Rule {
  parts_do_not_sum,     // actual = sum of the parts, limit = the session length
  landing_too_short,    // actual = welcome + venting, limit = 20
  landing_too_long,     // actual = welcome + venting, limit = 30
  own_cases_too_short,  // actual = venting + own cases, limit = ceil(length / 2)
  length_out_of_range,  // actual = length, limit = 60 or 90 (the bound crossed)
  negative_part,        // actual = the negative minutes, limit = 0
};
std::string_view rule_key(Rule rule);

struct Finding {
  Rule rule = Rule::parts_do_not_sum;
  int actual = 0;
  int limit = 0;
  std::optional<Part> part;  // for negative_part
  std::string message;       // Dutch, for the run sheet
};

// Every rule `programme` breaks, in this order: negative parts (in part order), the sum, the
// length, landing, own-case time. Empty when it meets them all.
std::vector<Finding> check_programme(const Programme& programme);

}  // namespace tafel::sessions
