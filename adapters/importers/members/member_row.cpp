#include "adapters/importers/members/member_row.hpp"

#include "adapters/importers/members/email_address.hpp"
#include "adapters/importers/members/phone_number.hpp"
#include "engine/members/values.hpp"

#include <fmt/format.h>

namespace tafel {

namespace {

template <typename T>
void take_if_given(std::optional<T>& into, const std::optional<T>& from) {
  if (from) into = from;
}
void take_if_given(std::string& into, const std::string& from) {
  if (!from.empty()) into = from;
}

}  // namespace

void MemberDraft::merge_from(const MemberDraft& later) {
  take_if_given(company, later.company);
  take_if_given(name, later.name);
  take_if_given(email, later.email);
  take_if_given(mobile, later.mobile);
  take_if_given(landline, later.landline);
  if (!later.sector_raw.empty()) {
    sector = later.sector;
    sector_raw = later.sector_raw;
  }
  take_if_given(employees, later.employees);
  take_if_given(has_hr_staff, later.has_hr_staff);
  take_if_given(postcode, later.postcode);
  take_if_given(town, later.town);
  take_if_given(location, later.location);
  take_if_given(consent_email, later.consent_email);
  take_if_given(consent_whatsapp, later.consent_whatsapp);
  for (const auto& [k, v] : later.attributes) attributes[k] = v;
}

RowReader::Row RowReader::read(const CsvRecord& record,
                               std::vector<MemberProblem>& problems) const {
  MemberDraft d;
  d.line = record.line;
  bool error = false;

  auto cell = [&](std::size_t col) -> std::string {
    return col < record.fields.size() ? std::string(trim_cell(record.fields[col])) : "";
  };
  auto value = [&](MemberField f) -> std::string {
    const auto col = map.column_of(f);
    return col ? cell(*col) : "";
  };
  auto report = [&](std::optional<std::size_t> col, ProblemSeverity sev, std::string code,
                    std::string message) {
    if (sev == ProblemSeverity::error) error = true;
    MemberProblem p;
    p.line = record.line;
    p.severity = sev;
    p.code = std::move(code);
    p.message = std::move(message);
    if (col) {
      p.column = *col + 1;
      p.header = *col < headers.size() ? headers[*col] : "";
    }
    problems.push_back(std::move(p));
  };
  auto yes_no = [&](MemberField f, std::string_view what) -> std::optional<bool> {
    const std::string v = value(f);
    const auto parsed = parse_yes_no(v);
    if (parsed) return *parsed;
    report(map.column_of(f), ProblemSeverity::warning, "bad_value",
           fmt::format("{} {} is not yes/no (ja/nee, j/n, x, 1/0, ...); read as unknown", what,
                       quote_value(v)));
    return std::nullopt;
  };

  // Company and name.
  d.company = value(MemberField::company);
  if (d.company.empty())
    report(map.column_of(MemberField::company), ProblemSeverity::error, "missing_company",
           "company is empty: \"\"");
  d.name = value(MemberField::name);
  if (d.name.empty())
    d.name = compose_name(value(MemberField::first_name), value(MemberField::infix),
                          value(MemberField::last_name));
  if (d.name.empty()) {
    auto col = map.column_of(MemberField::name);
    if (!col) col = map.column_of(MemberField::last_name);
    if (!col) col = map.column_of(MemberField::first_name);
    report(col, ProblemSeverity::error, "missing_name", "contact name is empty: \"\"");
  }

  // Contact channels.
  if (const std::string v = value(MemberField::email); !v.empty()) {
    d.email = parse_email_address(v);
    if (!d.email)
      report(map.column_of(MemberField::email), ProblemSeverity::warning, "bad_email",
             fmt::format("{} is not a valid email address", quote_value(v)));
  }
  std::vector<PhoneNumber> numbers;  // mobile column first: "mobiel" wins for WhatsApp
  for (const MemberField f : {MemberField::mobile, MemberField::phone}) {
    const std::string v = value(f);
    if (v.empty()) continue;
    if (auto n = parse_phone_number(v)) {
      numbers.push_back(std::move(*n));
    } else {
      report(map.column_of(f), ProblemSeverity::warning, "bad_phone",
             fmt::format("{} is not a valid phone number", quote_value(v)));
    }
  }
  for (const auto& n : numbers) {
    if (n.mobile && !d.mobile)
      d.mobile = n.e164;
    else if (!d.landline && n.e164 != d.mobile)
      d.landline = n.e164;
  }
  if (!d.email && !d.mobile && !d.landline) {
    const std::string given =
        value(MemberField::email) + value(MemberField::mobile) + value(MemberField::phone);
    report(std::nullopt, ProblemSeverity::error, "no_usable_contact",
           given.empty() ? "no email address and no phone number: \"\""
                         : "neither a usable email address nor a usable phone number");
  }

  // Sector.
  d.sector_raw = value(MemberField::sector);
  d.sector = sectors.match(d.sector_raw);
  if (!d.sector)
    report(map.column_of(MemberField::sector), ProblemSeverity::warning, "unknown_sector",
           d.sector_raw.empty()
               ? std::string("sector is empty: \"\"; imported as not eligible")
               : fmt::format("sector {} is not a configured sector or synonym; imported as not "
                             "eligible",
                             quote_value(d.sector_raw)));

  // Employees and HR staff.
  if (const std::string v = value(MemberField::employees); !v.empty()) {
    const auto n = parse_employees(v);
    if (n)
      d.employees = *n;
    else
      report(
          map.column_of(MemberField::employees), ProblemSeverity::warning, "bad_value",
          fmt::format("number of employees {} is not a number; read as unknown", quote_value(v)));
  }
  d.has_hr_staff = yes_no(MemberField::hr, "HR staff");
  d.consent_email = yes_no(MemberField::email_consent, "email consent");
  d.consent_whatsapp = yes_no(MemberField::whatsapp_consent, "WhatsApp consent");

  // Location: coordinates, else postcode, else town.
  d.postcode = value(MemberField::postcode);
  d.town = value(MemberField::town);
  const std::string lat_text = value(MemberField::lat);
  const std::string lon_text = value(MemberField::lon);
  if (!lat_text.empty() || !lon_text.empty()) {
    const auto lat = parse_decimal(lat_text);
    const auto lon = parse_decimal(lon_text);
    const bool lat_ok = lat && *lat >= -90 && *lat <= 90;
    const bool lon_ok = lon && *lon >= -180 && *lon <= 180;
    if (lat_ok && lon_ok) {
      d.location = MemberLocation{*lat, *lon, "coordinates"};
    } else {
      if (!lat_ok)
        report(
            map.column_of(MemberField::lat), ProblemSeverity::warning, "bad_value",
            fmt::format("latitude {} is not a number between -90 and 90", quote_value(lat_text)));
      if (!lon_ok)
        report(map.column_of(MemberField::lon), ProblemSeverity::warning, "bad_value",
               fmt::format("longitude {} is not a number between -180 and 180",
                           quote_value(lon_text)));
    }
  }
  if (!d.location) d.location = locate_in_places(d.postcode, d.town, places);
  if (!d.location)
    report(std::nullopt, ProblemSeverity::warning, "unresolved_location",
           fmt::format("location not found (postcode {}, town {}); no travel limit applies",
                       quote_value(d.postcode), quote_value(d.town)));

  // Everything else is kept as attributes; values past the last header are reported.
  for (std::size_t col = 0; col < record.fields.size(); ++col) {
    const std::string v = cell(col);
    if (v.empty()) continue;
    if (col >= headers.size()) {
      report(col, ProblemSeverity::warning, "bad_value",
             fmt::format("value {} is in a column without a header; ignored", quote_value(v)));
      continue;
    }
    if (!map.columns[col]) d.attributes[headers[col]] = v;
  }
  return Row{std::move(d), error};
}

}  // namespace tafel
