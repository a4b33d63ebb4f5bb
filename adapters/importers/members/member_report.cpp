#include "adapters/importers/members/member_report.hpp"

#include <fmt/format.h>

namespace tafel {

namespace {

std::string_view severity_name(ProblemSeverity s) {
  return s == ProblemSeverity::error ? "error" : "warning";
}

}  // namespace

std::string quote_value(std::string_view value) {
  std::string out = "\"";
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\r') {
      if (i + 1 < value.size() && value[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string format_member_problem(std::string_view file, const MemberProblem& p) {
  const std::string column =
      p.column == 0 ? std::string("0") : fmt::format("{} ({})", p.column, p.header);
  return fmt::format("{}:{}:{}: {}: {} ({})", file, p.line, column, severity_name(p.severity),
                     p.message, p.code);
}

std::string format_member_report_text(std::string_view file,
                                      const std::vector<MemberProblem>& problems) {
  std::string out;
  for (const auto& p : problems) out += format_member_problem(file, p) + "\n";
  return out;
}

nlohmann::ordered_json format_member_report_json(std::string_view file,
                                                 const std::vector<MemberProblem>& problems,
                                                 const MemberImportSummary& summary) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& p : problems) {
    nlohmann::ordered_json o;
    o["file"] = file;
    o["line"] = p.line;
    o["column"] = p.column;
    o["header"] =
        p.column == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(p.header);
    o["severity"] = severity_name(p.severity);
    o["code"] = p.code;
    o["message"] = p.message;
    out.push_back(std::move(o));
  }
  nlohmann::ordered_json s;
  s["taken"] = summary.taken;
  s["dry_run"] = summary.dry_run;
  s["added"] = summary.added;
  s["updated"] = summary.updated;
  s["unchanged"] = summary.unchanged;
  s["errors"] = summary.errors;
  s["warnings"] = summary.warnings;
  out.push_back(std::move(s));
  return out;
}

}  // namespace tafel
