#pragma once
// One problem found while importing a calendar, and the report line format shared with the
// member importer: `FILE:LINE:COLUMN: error|warning: text (code)`.

#include <string>
#include <string_view>

namespace tafel {

struct CalendarProblem {
  enum class Severity { error, warning };
  Severity severity = Severity::error;
  int line = 1;    // 1-based physical line of the file; 1 for a problem of the whole file
  int column = 0;  // 0 for a whole line or component, else 1-based
  std::string code;
  std::string message;

  bool is_error() const { return severity == Severity::error; }
};

CalendarProblem calendar_error(int line, int column, std::string code, std::string message);
CalendarProblem calendar_warning(int line, int column, std::string code, std::string message);

// `FILE:LINE:COLUMN: error|warning: text (code)`, without a newline.
std::string format_calendar_problem(std::string_view file, const CalendarProblem& p);

}  // namespace tafel
