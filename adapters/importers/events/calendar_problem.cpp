#include "adapters/importers/events/calendar_problem.hpp"

#include <fmt/format.h>

namespace tafel {

CalendarProblem calendar_error(int line, int column, std::string code, std::string message) {
  return CalendarProblem{CalendarProblem::Severity::error, line, column, std::move(code),
                         std::move(message)};
}

CalendarProblem calendar_warning(int line, int column, std::string code, std::string message) {
  return CalendarProblem{CalendarProblem::Severity::warning, line, column, std::move(code),
                         std::move(message)};
}

std::string format_calendar_problem(std::string_view file, const CalendarProblem& p) {
  return fmt::format("{}:{}:{}: {}: {} ({})", file, p.line, p.column,
                     p.is_error() ? "error" : "warning", p.message, p.code);
}

}  // namespace tafel
