#pragma once
// Header names of a member list → the fields of members-csv.md's header table. Names are matched
// with normalize_key (case- and accent-insensitive, ignoring spaces, '-', '_' and '.'); the
// configuration may add names per field ([import.headers]). Columns that name no field, and
// later columns naming a field an earlier column already took, are kept as attributes.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel {

enum class MemberField {
  company,
  name,
  first_name,
  infix,  // tussenvoegsel
  last_name,
  email,
  mobile,
  phone,
  sector,
  employees,
  hr,
  postcode,
  town,
  lat,
  lon,
  email_consent,
  whatsapp_consent,
};

// The configuration's key for a field ("first_name", "email_consent", ...).
std::string_view field_key(MemberField f);
std::optional<MemberField> field_from_key(std::string_view key);

struct HeaderMap {
  // Per column (0-based): the field it carries, or nullopt for an attribute column.
  std::vector<std::optional<MemberField>> columns;
  // Per field: the 0-based column carrying it (first one wins).
  std::map<MemberField, std::size_t> field_column;

  std::optional<std::size_t> column_of(MemberField f) const;
  bool has(MemberField f) const { return field_column.contains(f); }
};

// `extra_names` maps a field key (see field_key) to more header names; unknown keys are ignored.
// A configured name wins over a built-in one.
HeaderMap map_headers(const std::vector<std::string>& headers,
                      const std::map<std::string, std::vector<std::string>>& extra_names);

// The required columns the header lacks, as human-readable descriptions ("company",
// "contact name", "email or phone", "sector"), in the spec's table order. Empty when complete.
std::vector<std::string> missing_required_columns(const HeaderMap& map);

// "Jan" + "van der" + "Berg" → "Jan van der Berg"; empty parts are skipped.
std::string compose_name(std::string_view first, std::string_view infix, std::string_view last);

}  // namespace tafel
