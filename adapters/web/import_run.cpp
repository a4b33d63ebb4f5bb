#include "adapters/web/import_run.hpp"

#include "adapters/importers/events/event_import.hpp"
#include "adapters/importers/members/member_import.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace tafel::web {

namespace {

ImportOutcome run_members(Store& store, const Config& config, const NetworkRow& network,
                          const std::filesystem::path& file, const std::string& original_name,
                          bool dry_run) {
  MemberImportOptions options;
  options.dry_run = dry_run;
  options.now = now_utc_iso();
  options.source_name = original_name;
  const auto result = import_members(store, config, network, file, options);
  ImportOutcome out;
  out.kind = ImportKind::members;
  out.dry_run = dry_run;
  out.taken = result.summary.taken;
  for (const auto& p : result.problems)
    out.lines.push_back(ImportLine{p.line, p.column, p.header, p.severity == ProblemSeverity::error,
                                   p.code, p.message});
  out.added = result.summary.added;
  out.updated = result.summary.updated;
  out.unchanged = result.summary.unchanged;
  out.errors = result.summary.errors;
  out.warnings = result.summary.warnings;
  return out;
}

ImportOutcome run_events(Store& store, const Config& config, const NetworkRow& network,
                         const std::filesystem::path& file, const std::string& original_name,
                         bool dry_run) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read an upload file");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const EventWindow window = default_event_window(config);
  EventImportRequest request{"upload:" + original_name, network.name, window.from_utc,
                             window.to_utc};
  EventImportOptions options;
  options.content = std::move(bytes);
  options.dry_run = dry_run;
  const auto result = import_events(store, config, request, options);
  ImportOutcome out;
  out.kind = ImportKind::events;
  out.dry_run = dry_run;
  out.taken = result.taken;
  for (const auto& p : result.problems) {
    out.lines.push_back(ImportLine{static_cast<std::size_t>(p.line),
                                   static_cast<std::size_t>(p.column), "", p.is_error(), p.code,
                                   p.message});
    (p.is_error() ? out.errors : out.warnings)++;
  }
  out.added = result.counts.added;
  out.updated = result.counts.updated;
  out.unchanged = result.counts.unchanged;
  out.removed = result.counts.removed;
  out.occurrences = result.occurrences;
  return out;
}

}  // namespace

ImportOutcome run_import(Store& store, const Config& config, ImportKind kind,
                         const NetworkRow& network, const std::filesystem::path& file,
                         const std::string& original_name, bool dry_run) {
  return kind == ImportKind::members
             ? run_members(store, config, network, file, original_name, dry_run)
             : run_events(store, config, network, file, original_name, dry_run);
}

nlohmann::json import_outcome_json(const ImportOutcome& o, std::int64_t network_id,
                                   const std::string& original_name) {
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& l : o.lines)
    problems.push_back(
        {{"line", l.line},
         {"column", l.column},
         {"header", l.header.empty() ? nlohmann::json(nullptr) : nlohmann::json(l.header)},
         {"severity", l.error ? "error" : "warning"},
         {"code", l.code},
         {"message", l.message}});
  return {{"kind", import_kind_name(o.kind)},
          {"network_id", network_id},
          {"file", original_name},
          {"dry_run", o.dry_run},
          {"taken", o.taken},
          {"problems", std::move(problems)},
          {"summary",
           {{"added", o.added},
            {"updated", o.updated},
            {"unchanged", o.unchanged},
            {"removed", o.removed},
            {"occurrences", o.occurrences},
            {"errors", o.errors},
            {"warnings", o.warnings}}}};
}

std::string import_summary_text(const ImportOutcome& o) {
  if (!o.taken)
    return fmt::format("Niet ingelezen: {} fout(en), {} waarschuwing(en). Er is niets veranderd.",
                       o.errors, o.warnings);
  const std::string counts =
      o.kind == ImportKind::members
          ? fmt::format("{} nieuw, {} gewijzigd, {} ongewijzigd; {} waarschuwing(en)", o.added,
                        o.updated, o.unchanged, o.warnings)
          : fmt::format(
                "{} bijeenkomst(en): {} nieuw, {} gewijzigd, {} verwijderd, {} "
                "ongewijzigd; {} waarschuwing(en)",
                o.occurrences, o.added, o.updated, o.removed, o.unchanged, o.warnings);
  return (o.dry_run ? "Klaar om in te lezen: " : "Ingelezen: ") + counts + ".";
}

}  // namespace tafel::web
