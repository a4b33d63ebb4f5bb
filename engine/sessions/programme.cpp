#include "engine/sessions/programme.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>

namespace tafel::sessions {

namespace {

struct Default {
  int length;
  std::array<int, kPartCount> minutes;
};

constexpr std::array<Default, 3> kDefaults = {{
    {60, {8, 12, 5, 25, 10}},
    {75, {10, 12, 8, 33, 12}},
    {90, {10, 15, 10, 40, 15}},
}};

const Default& nearest_default(int length) {
  const Default* best = &kDefaults[0];
  for (const auto& d : kDefaults) {
    const int dist = std::abs(d.length - length);
    const int best_dist = std::abs(best->length - length);
    if (dist < best_dist || (dist == best_dist && d.length > best->length)) best = &d;
  }
  return *best;
}

// Largest remainder: floor every share, then hand the minutes still missing to the parts with
// the largest fractional remainders (ties to the earlier part).
std::array<int, kPartCount> scale(const Default& base, int length) {
  std::array<int, kPartCount> out{};
  std::array<long long, kPartCount> remainder{};
  int given = 0;
  for (std::size_t i = 0; i < kPartCount; ++i) {
    const long long num = static_cast<long long>(base.minutes[i]) * length;
    out[i] = static_cast<int>(num / base.length);
    remainder[i] = num % base.length;
    given += out[i];
  }
  std::array<std::size_t, kPartCount> order{};
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  for (std::size_t k = 0; given < length; k = (k + 1) % kPartCount, ++given) ++out[order[k]];
  return out;
}

}  // namespace

std::string_view part_key(Part part) {
  switch (part) {
    case Part::welcome:
      return "welcome";
    case Part::venting:
      return "venting";
    case Part::sector_data:
      return "sector_data";
    case Part::own_cases:
      return "own_cases";
    case Part::takeaways:
      return "takeaways";
  }
  return "welcome";
}

std::optional<Part> parse_part(std::string_view key) {
  for (Part p : kParts)
    if (part_key(p) == key) return p;
  return std::nullopt;
}

std::string_view part_title(Part part) {
  switch (part) {
    case Part::welcome:
      return "Inloop en welkom";
    case Part::venting:
      return "Landen, leeglopen en knelpunten";
    case Part::sector_data:
      return "Kennisprikkel met sectordata";
    case Part::own_cases:
      return "Eigen casussen";
    case Part::takeaways:
      return "Afronding: drie inzichten en een actievraag";
  }
  return "";
}

std::string_view part_prompt(Part part) {
  switch (part) {
    case Part::welcome:
      return "Informeel welkom met koffie of een lichte maaltijd. Nodig iedereen uit zich kort "
             "voor te stellen en de belangrijkste uitdaging als werkgever te noemen. Stel de "
             "startvraag.";
    case Part::venting:
      return "Geef ruimte om hardop te denken en te ventileren; zoek nog geen oplossingen. Vat "
             "samen, verbind gedeelde thema's en noteer de knelpunten kort en zonder namen.";
    case Part::sector_data:
      return "Introduceer het thema kort en krachtig met de sectorcijfers (maximaal 5 minuten "
             "input) en verbind ze met de gedeelde knelpunten.";
    case Part::own_cases:
      return "Eén of twee deelnemers brengen een actuele casus in. Bespreek die met de gekozen "
             "werkvorm; de groep denkt mee, stelt vragen en brengt alternatieven in. Bewaak de "
             "focus op leren.";
    case Part::takeaways:
      return "De groep formuleert drie concrete inzichten of acties. Deel waar nuttig bronnen, "
             "tools of contacten en sluit af met de actievraag.";
  }
  return "";
}

const std::vector<std::string_view>& intervision_methods() {
  static const std::vector<std::string_view> methods = {"Incidentmethode", "Intervisie"};
  return methods;
}

int Programme::total() const { return std::accumulate(minutes.begin(), minutes.end(), 0); }

Programme default_programme(int length_minutes) {
  Programme p;
  p.length_minutes = length_minutes;
  p.intervision_method = std::string(intervision_methods().front());
  if (length_minutes <= 0) return p;
  const Default& base = nearest_default(length_minutes);
  p.minutes = base.length == length_minutes ? base.minutes : scale(base, length_minutes);
  return p;
}

std::string_view rule_key(Rule rule) {
  switch (rule) {
    case Rule::parts_do_not_sum:
      return "parts_do_not_sum";
    case Rule::landing_too_short:
      return "landing_too_short";
    case Rule::landing_too_long:
      return "landing_too_long";
    case Rule::own_cases_too_short:
      return "own_cases_too_short";
    case Rule::length_out_of_range:
      return "length_out_of_range";
    case Rule::negative_part:
      return "negative_part";
  }
  return "";
}

std::vector<Finding> check_programme(const Programme& p) {
  std::vector<Finding> out;
  for (Part part : kParts)
    if (p.at(part) < 0)
      out.push_back({Rule::negative_part, p.at(part), 0, part,
                     fmt::format("Het onderdeel '{}' heeft een negatieve duur ({} minuten).",
                                 part_title(part), p.at(part))});
  const int length = p.length_minutes;
  if (p.total() != length)
    out.push_back({Rule::parts_do_not_sum, p.total(), length, std::nullopt,
                   fmt::format("De onderdelen duren samen {} minuten, maar de sessie duurt {} "
                               "minuten.",
                               p.total(), length)});
  if (length < kMinLength || length > kMaxLength) {
    const int bound = length < kMinLength ? kMinLength : kMaxLength;
    out.push_back({Rule::length_out_of_range, length, bound, std::nullopt,
                   fmt::format("De sessie duurt {} minuten; een praktijktafel duurt 60 tot 90 "
                               "minuten.",
                               length)});
  }
  if (p.landing() < kLandingMin)
    out.push_back({Rule::landing_too_short, p.landing(), kLandingMin, std::nullopt,
                   fmt::format("Landen (welkom en leeglopen) duurt {} minuten; dat moet minstens "
                               "{} minuten zijn.",
                               p.landing(), kLandingMin)});
  if (p.landing() > kLandingMax)
    out.push_back({Rule::landing_too_long, p.landing(), kLandingMax, std::nullopt,
                   fmt::format("Landen (welkom en leeglopen) duurt {} minuten; dat mag hoogstens "
                               "{} minuten zijn.",
                               p.landing(), kLandingMax)});
  const int half = (length + 1) / 2;
  if (p.own_case_time() * 2 < length)
    out.push_back({Rule::own_cases_too_short, p.own_case_time(), half, std::nullopt,
                   fmt::format("Tijd voor eigen casussen (leeglopen en casussen) is {} van de {} "
                               "minuten; dat moet minstens de helft zijn ({} minuten).",
                               p.own_case_time(), length, half)});
  return out;
}

}  // namespace tafel::sessions
