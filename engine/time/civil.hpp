#pragma once
// Proleptic Gregorian calendar dates and their day numbers (days since 1970-01-01).
// Pure arithmetic after Howard Hinnant's `days_from_civil`; valid for years 1..9999.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tafel {

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  auto operator<=>(const Date&) const = default;
};

// Days since 1970-01-01 (negative before).
std::int64_t days_from_civil(Date d);
Date civil_from_days(std::int64_t days);

// ISO weekday: 1 = Monday .. 7 = Sunday.
int iso_weekday(Date d);
int days_in_month(int year, int month);
bool is_valid_date(Date d);
Date add_days(Date d, std::int64_t n);

// "YYYY-MM-DD"; nullopt when malformed or not a real date.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date d);

}  // namespace tafel
