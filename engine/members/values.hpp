#pragma once
// Cell values of a member list: trimming and the value rules of members-csv.md ("Values").
// Pure functions; input is UTF-8.

#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace tafel {

// Removes leading and trailing ASCII whitespace and no-break spaces (U+00A0).
std::string_view trim_cell(std::string_view value);

struct ValueError {};  // the value is not in the accepted set; the caller reports it

// Yes/no columns (HR staff, consent): ja, nee, j, n, yes, no, y, x (= yes), 1, 0, true, false,
// waar, onwaar, compared case-insensitively after trimming. Empty is unknown (nullopt); anything
// else is a ValueError.
std::expected<std::optional<bool>, ValueError> parse_yes_no(std::string_view value);

// A decimal with ',' or '.' as the decimal separator ("12", "12,5", "-0.5"); no thousands
// separators. nullopt when the text is not such a number.
std::optional<double> parse_decimal(std::string_view value);

// Employee counts: a non-negative decimal (`12,5` fte). Empty is unknown (nullopt).
std::expected<std::optional<double>, ValueError> parse_employees(std::string_view value);

}  // namespace tafel
