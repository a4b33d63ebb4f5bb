#pragma once
// One data row of a member list → a member draft plus the row's problems (members-csv.md,
// "Values" and "What happens to the data"). Matching, erasure and storing happen later.

#include "adapters/config/config.hpp"
#include "adapters/importers/members/csv_reader.hpp"
#include "adapters/importers/members/member_location.hpp"
#include "adapters/importers/members/member_report.hpp"
#include "engine/members/header_map.hpp"
#include "engine/members/sector_match.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

// What a row says about a member, after the value rules. Empty/nullopt means "not given".
struct MemberDraft {
  std::size_t line = 0;
  std::string company;
  std::string name;
  std::optional<std::string> email;     // a valid address, trimmed
  std::optional<std::string> mobile;    // E.164, a WhatsApp channel
  std::optional<std::string> landline;  // E.164, for calling only
  std::optional<std::string> sector;    // configured sector name
  std::string sector_raw;
  std::optional<double> employees;
  std::optional<bool> has_hr_staff;
  std::string postcode;
  std::string town;
  std::optional<MemberLocation> location;
  std::optional<bool> consent_email;     // nullopt: missing, empty or unreadable → default
  std::optional<bool> consent_whatsapp;  // likewise
  std::map<std::string, std::string> attributes;  // unknown columns with a value

  // Merges a later row about the same member into this one: its given values win.
  void merge_from(const MemberDraft& later);
};

struct RowReader {
  const std::vector<std::string>& headers;  // as written, trimmed
  const HeaderMap& map;
  const SectorMatcher& sectors;
  const std::vector<PlaceConfig>& places;

  struct Row {
    MemberDraft draft;       // what could be read, also when the row has an error
    bool has_error = false;  // missing company or name, or no usable contact
  };
  // Reads `record`; appends its problems to `problems`.
  Row read(const CsvRecord& record, std::vector<MemberProblem>& problems) const;
};

}  // namespace tafel
