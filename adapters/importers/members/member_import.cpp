#include "adapters/importers/members/member_import.hpp"

#include "adapters/importers/members/contact_hash.hpp"
#include "adapters/importers/members/csv_reader.hpp"
#include "adapters/importers/members/member_record.hpp"
#include "adapters/importers/members/member_row.hpp"
#include "adapters/importers/members/text_encoding.hpp"
#include "adapters/store/members_store.hpp"
#include "engine/members/header_map.hpp"
#include "engine/members/member_index.hpp"
#include "engine/members/values.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>

namespace tafel {

namespace {

// Members first seen in this file get ids above every stored id.
constexpr std::int64_t kNewMemberIdBase = std::int64_t{1} << 48;

MemberProblem file_problem(std::string code, std::string message,
                           ProblemSeverity severity = ProblemSeverity::error) {
  MemberProblem p;
  p.severity = severity;
  p.code = std::move(code);
  p.message = std::move(message);
  return p;
}

// A member the file is about: stored already, or first seen in this file.
struct Target {
  std::optional<MemberRecord> stored;
  std::optional<MemberDraft> draft;  // merged from every row about it
  bool mentioned = false;            // a row (possibly one with errors) is about it
};

std::string describe(const Target& t) {
  if (t.stored)
    return fmt::format("member {} ({}, {})", t.stored->id, quote_value(t.stored->company),
                       quote_value(t.stored->name));
  return fmt::format("the member on line {}", t.draft->line);
}

MatchKeys keys_of(const MemberDraft& d) {
  std::vector<std::string> phones;
  if (d.mobile) phones.push_back(*d.mobile);
  if (d.landline) phones.push_back(*d.landline);
  return MatchKeys::of(d.email.value_or(""), phones, d.company, d.name);
}

MatchKeys keys_of(const MemberRecord& m) {
  std::vector<std::string> phones;
  if (m.mobile) phones.push_back(*m.mobile);
  if (m.landline) phones.push_back(*m.landline);
  return MatchKeys::of(m.email.value_or(""), phones, m.company, m.name);
}

// The contact of `d` that belongs to an erased person, if any.
std::optional<std::string> erased_contact(Store& store, const MemberDraft& d) {
  if (d.email && is_erased_contact(store, email_contact_hash(*d.email))) return *d.email;
  for (const auto& phone : {d.mobile, d.landline})
    if (phone && is_erased_contact(store, phone_contact_hash(*phone))) return *phone;
  return std::nullopt;
}

std::vector<SectorDefinition> sector_definitions(const Config& config) {
  std::vector<SectorDefinition> out;
  for (const auto& s : config.sectors) out.push_back({s.name, s.label, s.synonyms});
  return out;
}

std::expected<CsvTable, MemberProblem> read_table(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return std::unexpected(file_problem(
        "unreadable_file",
        fmt::format("cannot open {}: {}", quote_value(file.string()), std::strerror(errno))));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto text = decode_text(bytes.str());
  if (!text) return std::unexpected(file_problem("unreadable_file", text.error().message));
  auto table = parse_csv(text->utf8);
  if (!table) {
    MemberProblem p = file_problem("unreadable_file", table.error().message);
    p.line = table.error().line;
    return std::unexpected(p);
  }
  if (table->records.empty())
    return std::unexpected(file_problem("unreadable_file", "the file has no header row: \"\""));
  return std::move(*table);
}

void count(MemberImportResult& result) {
  for (const auto& p : result.problems)
    (p.severity == ProblemSeverity::error ? result.summary.errors : result.summary.warnings)++;
}

}  // namespace

MemberImportResult import_members(Store& store, const Config& config, const NetworkRow& network,
                                  const std::filesystem::path& file,
                                  const MemberImportOptions& options) {
  MemberImportResult result;
  result.summary.dry_run = options.dry_run;

  auto table = read_table(file);
  if (!table) {
    result.problems.push_back(table.error());
    count(result);
    return result;
  }

  // The header row.
  std::vector<std::string> headers;
  for (const auto& h : table->records.front().fields) headers.emplace_back(trim_cell(h));
  const HeaderMap map = map_headers(headers, config.extra_headers);
  for (const auto& missing : missing_required_columns(map))
    result.problems.push_back(
        file_problem("missing_column", fmt::format("no {} column in the header row", missing)));
  if (!result.problems.empty()) {
    count(result);
    return result;
  }

  // The network's members, indexed for matching.
  std::vector<Target> targets;
  std::map<std::int64_t, std::size_t> target_of;  // match id → index in targets
  MemberIndex index;
  for (auto& m : list_members(store, network.id)) {
    index.put(m.id, keys_of(m));
    target_of[m.id] = targets.size();
    targets.push_back(Target{std::move(m), std::nullopt});
  }

  const SectorMatcher sectors(sector_definitions(config));
  const RowReader reader{headers, map, sectors, config.places};
  std::vector<MemberProblem> row_problems;
  for (std::size_t r = 1; r < table->records.size(); ++r) {
    const CsvRecord& record = table->records[r];
    std::vector<MemberProblem> problems;
    auto row = reader.read(record, problems);
    if (const auto contact = erased_contact(store, row.draft)) {
      MemberProblem p =
          file_problem("erased",
                       fmt::format("{} belongs to a person erased on request; row skipped",
                                   quote_value(*contact)),
                       ProblemSeverity::warning);
      p.line = record.line;
      row_problems.push_back(std::move(p));
      continue;
    }
    if (row.has_error) {
      const MatchResult match = index.find(keys_of(row.draft));
      if (match.kind != MatchKind::none) targets[target_of.at(match.id)].mentioned = true;
    } else {
      const MatchKeys keys = keys_of(row.draft);
      const MatchResult match = index.find(keys);
      if (match.kind == MatchKind::conflict) {
        const Target& by_email = targets[target_of.at(match.id)];
        const Target& by_phone = targets[target_of.at(match.other_id)];
        MemberProblem p = file_problem(
            "conflicting_match",
            fmt::format("email {} matches {}, but the phone number matches {}",
                        quote_value(*row.draft.email), describe(by_email), describe(by_phone)));
        p.line = record.line;
        problems.push_back(std::move(p));
        row.has_error = true;
      } else {
        std::int64_t id = match.id;
        if (match.kind == MatchKind::none) {
          id = kNewMemberIdBase + static_cast<std::int64_t>(targets.size());
          target_of[id] = targets.size();
          targets.push_back(Target{});
        }
        Target& t = targets[target_of.at(id)];
        if (t.draft)
          t.draft->merge_from(row.draft);  // the same member twice in this file
        else
          t.draft = std::move(row.draft);
        index.put(id, keys_of(*t.draft));
      }
    }
    for (auto& p : problems) row_problems.push_back(std::move(p));
  }

  // Members of the network that this file does not mention are kept and reported.
  for (const auto& t : targets) {
    if (!t.stored || t.draft || t.mentioned) continue;
    result.problems.push_back(file_problem(
        "missing_from_import",
        fmt::format("member {} ({}, {}) is not in this file; kept, not deleted", t.stored->id,
                    quote_value(t.stored->company), quote_value(t.stored->name)),
        ProblemSeverity::warning));
  }
  for (auto& p : row_problems) result.problems.push_back(std::move(p));
  count(result);
  if (result.summary.errors > 0) return result;

  // Build every record, then write them all in one transaction.
  MemberRecordContext ctx;
  ctx.network_id = network.id;
  ctx.source =
      "import:" + (options.source_name.empty() ? file.filename().string() : options.source_name);
  ctx.now = options.now;
  ctx.rules = EligibilityRules{config.eligibility.min_employees, config.eligibility.max_employees,
                               config.eligibility.exclude_hr_staff};
  std::vector<BuiltMember> built;
  for (const auto& t : targets) {
    if (!t.draft) continue;
    built.push_back(build_member_record(*t.draft, t.stored ? &*t.stored : nullptr, ctx));
    auto& s = result.summary;
    (!t.stored ? s.added : built.back().changed ? s.updated : s.unchanged)++;
  }
  result.summary.taken = true;
  if (options.dry_run) return result;

  SQLite::Transaction tx(store.db());
  ImportLogRow log;
  log.kind = "members";
  log.network_id = network.id;
  log.source = options.source_name.empty() ? file.string() : options.source_name;
  log.started_at = options.now;
  log.finished_at = options.now;
  log.status = "taken";
  log.added = result.summary.added;
  log.updated = result.summary.updated;
  log.unchanged = result.summary.unchanged;
  log.errors = result.summary.errors;
  log.warnings = result.summary.warnings;
  const std::int64_t import_id = insert_import_log(store.db(), log);
  for (auto& b : built) {
    if (!b.changed) continue;
    b.record.import_id = import_id;
    std::int64_t id = b.record.id;
    if (id == 0)
      id = insert_member(store.db(), b.record);
    else
      update_member(store.db(), b.record);
    for (const auto& c : b.consent_changes) log_consent(store.db(), id, c);
  }
  // Who the list mentions and who it no longer does (retention erases long-missing members).
  SQLite::Statement present(store.db(), "UPDATE members SET missing_since = NULL WHERE id = ?");
  SQLite::Statement missing(
      store.db(), "UPDATE members SET missing_since = ? WHERE id = ? AND missing_since IS NULL");
  for (const auto& t : targets) {
    if (!t.stored) continue;
    if (t.draft || t.mentioned) {
      present.reset();
      present.bind(1, t.stored->id);
      present.exec();
    } else {
      missing.reset();
      missing.bind(1, options.now);
      missing.bind(2, t.stored->id);
      missing.exec();
    }
  }
  tx.commit();
  return result;
}

}  // namespace tafel
