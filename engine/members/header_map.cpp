#include "engine/members/header_map.hpp"

#include "engine/members/values.hpp"
#include "engine/text/normalize.hpp"

#include <array>
#include <utility>

namespace tafel {

namespace {

struct FieldNames {
  MemberField field;
  std::string_view key;
  std::vector<std::string_view> names;  // built-in header names (members-csv.md)
};

const std::vector<FieldNames>& builtin_names() {
  static const std::vector<FieldNames> kNames = {
      {MemberField::company,
       "company",
       {"bedrijf", "bedrijfsnaam", "organisatie", "company", "company name"}},
      {MemberField::name, "name", {"naam", "contactpersoon", "name", "contact"}},
      {MemberField::first_name, "first_name", {"voornaam", "first name"}},
      {MemberField::infix, "infix", {"tussenvoegsel"}},
      {MemberField::last_name, "last_name", {"achternaam", "last name"}},
      {MemberField::email, "email", {"e-mail", "email", "e-mailadres", "mail", "email address"}},
      {MemberField::mobile,
       "mobile",
       {"mobiel", "mobiel nummer", "gsm", "whatsapp", "mobile", "mobile phone"}},
      {MemberField::phone, "phone", {"telefoon", "telefoonnummer", "tel", "phone", "phone number"}},
      {MemberField::sector, "sector", {"sector", "branche", "vakgebied", "industry"}},
      {MemberField::employees,
       "employees",
       {"medewerkers", "aantal medewerkers", "werknemers", "fte", "employees", "staff"}},
      {MemberField::hr,
       "hr",
       {"hr", "hr-functionaris", "eigen hr", "hr aanwezig", "has hr", "hr staff"}},
      {MemberField::postcode, "postcode", {"postcode", "zip", "postal code"}},
      {MemberField::town, "town", {"plaats", "woonplaats", "vestigingsplaats", "town", "city"}},
      {MemberField::lat, "lat", {"lat", "latitude"}},
      {MemberField::lon, "lon", {"lon", "lng", "longitude"}},
      {MemberField::email_consent,
       "email_consent",
       {"toestemming e-mail", "email opt-in", "email consent"}},
      {MemberField::whatsapp_consent,
       "whatsapp_consent",
       {"toestemming whatsapp", "whatsapp opt-in", "whatsapp consent", "toestemming", "opt-in",
        "consent"}},
  };
  return kNames;
}

}  // namespace

std::string_view field_key(MemberField f) {
  for (const auto& n : builtin_names())
    if (n.field == f) return n.key;
  return "";
}

std::optional<MemberField> field_from_key(std::string_view key) {
  for (const auto& n : builtin_names())
    if (n.key == key) return n.field;
  return std::nullopt;
}

std::optional<std::size_t> HeaderMap::column_of(MemberField f) const {
  const auto it = field_column.find(f);
  if (it == field_column.end()) return std::nullopt;
  return it->second;
}

HeaderMap map_headers(const std::vector<std::string>& headers,
                      const std::map<std::string, std::vector<std::string>>& extra_names) {
  std::map<std::string, MemberField> lookup;
  for (const auto& n : builtin_names())
    for (auto name : n.names) lookup[normalize_key(name)] = n.field;
  for (const auto& [key, names] : extra_names) {
    const auto field = field_from_key(key);
    if (!field) continue;
    for (const auto& name : names) lookup[normalize_key(name)] = *field;
  }

  HeaderMap map;
  map.columns.reserve(headers.size());
  for (std::size_t i = 0; i < headers.size(); ++i) {
    const auto it = lookup.find(normalize_key(trim_cell(headers[i])));
    if (it == lookup.end() || map.field_column.contains(it->second)) {
      map.columns.emplace_back(std::nullopt);
      continue;
    }
    map.columns.emplace_back(it->second);
    map.field_column.emplace(it->second, i);
  }
  return map;
}

std::vector<std::string> missing_required_columns(const HeaderMap& map) {
  std::vector<std::string> missing;
  if (!map.has(MemberField::company)) missing.emplace_back("company");
  if (!map.has(MemberField::name) && !map.has(MemberField::first_name) &&
      !map.has(MemberField::last_name))
    missing.emplace_back("contact name");
  if (!map.has(MemberField::email) && !map.has(MemberField::mobile) && !map.has(MemberField::phone))
    missing.emplace_back("email or phone");
  if (!map.has(MemberField::sector)) missing.emplace_back("sector");
  return missing;
}

std::string compose_name(std::string_view first, std::string_view infix, std::string_view last) {
  std::string out;
  for (std::string_view part : {first, infix, last}) {
    part = trim_cell(part);
    if (part.empty()) continue;
    if (!out.empty()) out += ' ';
    out += part;
  }
  return out;
}

}  // namespace tafel
