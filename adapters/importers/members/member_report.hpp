#pragma once
// The member import's report (members-csv.md, "What happens to the data").
//
// Text: one line per problem, `FILE:LINE:COLUMN: error|warning: text (code)`, where COLUMN is
// `N (header)` or 0.
// JSON (`--format json`): one array; every element but the last is a problem object
// {"file", "line", "column", "header" (null for column 0), "severity", "code", "message"}; the
// last element is always the summary object {"taken", "dry_run", "added", "updated",
// "unchanged", "errors", "warnings"}.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tafel {

enum class ProblemSeverity { error, warning };

struct MemberProblem {
  std::size_t line = 1;    // physical line where the record starts; 1 for the whole file
  std::size_t column = 0;  // 1-based field number; 0 for the whole row or file
  std::string header;      // the column's header as written; empty for column 0
  ProblemSeverity severity = ProblemSeverity::error;
  std::string code;     // missing_column, bad_email, ...
  std::string message;  // quotes the offending value
};

struct MemberImportSummary {
  bool taken = false;  // the file was (or, on a dry run, would be) taken
  bool dry_run = false;
  int added = 0;
  int updated = 0;
  int unchanged = 0;
  int errors = 0;
  int warnings = 0;
};

// `"value"`, with line breaks shown as \n so a problem stays on one line.
std::string quote_value(std::string_view value);

std::string format_member_problem(std::string_view file, const MemberProblem& p);
// Every problem line, each ending in '\n'.
std::string format_member_report_text(std::string_view file,
                                      const std::vector<MemberProblem>& problems);
nlohmann::ordered_json format_member_report_json(std::string_view file,
                                                 const std::vector<MemberProblem>& problems,
                                                 const MemberImportSummary& summary);

}  // namespace tafel
