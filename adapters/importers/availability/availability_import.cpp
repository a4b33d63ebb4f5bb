#include "adapters/importers/availability/availability_import.hpp"

#include "adapters/store/availability_store.hpp"
#include "engine/planning/weekly_availability.hpp"
#include "engine/time/civil.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace tafel {

namespace {

using nlohmann::json;

int weekday_of(const std::string& s) {
  static const char* kDays[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
  for (int i = 0; i < 7; ++i)
    if (s == kDays[i]) return i + 1;
  return 0;
}

class Reader {
 public:
  explicit Reader(AvailabilityImportReport& report) : report_(report) {}

  void error(const std::string& pointer, const std::string& message) {
    report_.problems.push_back(AvailabilityProblem{pointer, true, message});
  }
  void warning(const std::string& pointer, const std::string& message) {
    report_.problems.push_back(AvailabilityProblem{pointer, false, message});
  }

  std::optional<std::string> string(const json& obj, const std::string& key, const std::string& at,
                                    bool required = true) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) error(at + "/" + key, "is required");
      return std::nullopt;
    }
    if (!it->is_string()) {
      error(at + "/" + key, "must be a string");
      return std::nullopt;
    }
    return it->get<std::string>();
  }

  std::optional<Date> date(const json& obj, const std::string& key, const std::string& at) {
    auto s = string(obj, key, at);
    if (!s) return std::nullopt;
    auto d = parse_date(*s);
    if (!d) error(at + "/" + key, fmt::format("'{}' is not a date YYYY-MM-DD", *s));
    return d;
  }

  // Reads "start" and "end" (HH:MM, end after start) of a window object.
  bool window(const json& obj, const std::string& at, int& start, int& end) {
    auto s = string(obj, "start", at);
    auto e = string(obj, "end", at);
    if (!s || !e) return false;
    start = parse_clock_minutes(*s);
    end = parse_clock_minutes(*e);
    if (start < 0) error(at + "/start", fmt::format("'{}' is not a time HH:MM", *s));
    if (end < 0) error(at + "/end", fmt::format("'{}' is not a time HH:MM", *e));
    if (start < 0 || end < 0) return false;
    if (end <= start) {
      error(at + "/end", "must be after start");
      return false;
    }
    return true;
  }

  const json* array(const json& obj, const std::string& key, const std::string& at) {
    auto it = obj.find(key);
    if (it == obj.end()) return nullptr;
    if (!it->is_array()) {
      error(at + "/" + key, "must be a list");
      return nullptr;
    }
    return &*it;
  }

 private:
  AvailabilityImportReport& report_;
};

std::optional<std::int64_t> find_member(Store& store, std::int64_t network_id,
                                        const std::string& column, const std::string& value) {
  SQLite::Statement q(store.db(), fmt::format("SELECT id FROM members WHERE network_id = ? AND "
                                              "{} = ? ORDER BY id LIMIT 1",
                                              column));
  q.bind(1, network_id);
  q.bind(2, value);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

AvailabilityImportReport import_availability(Store& store, const TimeZone& tz,
                                             std::int64_t network_id, const std::string& path,
                                             bool dry_run) {
  AvailabilityImportReport report;
  Reader r(report);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    r.error("", "cannot read the file");
    return report;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  json doc = json::parse(ss.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    r.error("", "not a JSON object");
    return report;
  }
  const json period = doc.value("period", json::object());
  const auto from = r.date(period, "from", "/period");
  const auto to = r.date(period, "to", "/period");
  const json* answers = r.array(doc, "answers", "");
  if (!answers) r.error("/answers", "is required");
  if (!from || !to || !answers) return report;
  if (*to < *from) r.error("/period/to", "must not be before from");

  const planning::OffsetAt offset_at = [&tz](Date d, int m) { return tz.offset_at_local(d, m); };
  const std::string source = "import:" + std::filesystem::path(path).filename().string();
  std::vector<std::pair<std::int64_t, std::vector<AvailabilityInterval>>> updates;

  for (std::size_t i = 0; i < answers->size(); ++i) {
    const std::string at = fmt::format("/answers/{}", i);
    const json& a = (*answers)[i];
    if (!a.is_object()) {
      r.error(at, "must be an object");
      continue;
    }
    std::optional<std::int64_t> member;
    if (auto email = r.string(a, "email", at, false))
      member = find_member(store, network_id, "email_key", lower(*email));
    else if (auto mobile = r.string(a, "mobile", at, false))
      member = find_member(store, network_id, "mobile", *mobile);
    else {
      r.error(at, "an answer needs \"email\" or \"mobile\"");
      continue;
    }
    std::vector<planning::DateException> exceptions;
    if (const json* list = r.array(a, "exceptions", at))
      for (std::size_t k = 0; k < list->size(); ++k) {
        const std::string eat = fmt::format("{}/exceptions/{}", at, k);
        auto ef = r.date((*list)[k], "from", eat);
        auto et = r.date((*list)[k], "to", eat);
        if (ef && et) exceptions.push_back(planning::DateException{*ef, *et, false});
      }
    std::vector<planning::WeeklyWindow> weekly;
    if (const json* list = r.array(a, "weekly", at))
      for (std::size_t k = 0; k < list->size(); ++k) {
        const std::string wat = fmt::format("{}/weekly/{}", at, k);
        const json& w = (*list)[k];
        auto day = r.string(w, "day", wat);
        int s = 0, e = 0;
        const bool ok = r.window(w, wat, s, e);
        if (!day) continue;
        const int wd = weekday_of(*day);
        if (wd == 0) r.error(wat + "/day", fmt::format("'{}' is not a day (ma..zo)", *day));
        if (wd != 0 && ok) weekly.push_back(planning::WeeklyWindow{wd, s, e});
      }
    std::vector<AvailabilityInterval> intervals;
    for (const auto& iv : planning::expand_weekly(weekly, exceptions, *from, *to, offset_at))
      intervals.push_back(AvailabilityInterval{iv.start, iv.end});
    if (const json* list = r.array(a, "dates", at))
      for (std::size_t k = 0; k < list->size(); ++k) {
        const std::string dat = fmt::format("{}/dates/{}", at, k);
        auto d = r.date((*list)[k], "date", dat);
        int s = 0, e = 0;
        if (!r.window((*list)[k], dat, s, e) || !d) continue;
        const bool excepted = std::any_of(exceptions.begin(), exceptions.end(), [&](const auto& x) {
          return !(*d < x.from) && !(x.to < *d);
        });
        if (!excepted)
          intervals.push_back(AvailabilityInterval{tz.from_local(*d, s / 60, s % 60),
                                                   tz.from_local(*d, e / 60, e % 60)});
      }
    if (!member) {
      r.warning(at,
                "no member of this network has this e-mail address or mobile number; "
                "answer skipped");
      continue;
    }
    updates.emplace_back(*member, std::move(intervals));
  }

  const bool has_errors = std::any_of(report.problems.begin(), report.problems.end(),
                                      [](const auto& p) { return p.error; });
  if (has_errors) return report;
  for (const auto& [m, iv] : updates) report.intervals += static_cast<int>(iv.size());
  report.members = static_cast<int>(updates.size());
  report.taken = true;
  if (dry_run) return report;
  SQLite::Transaction tx(store.db());
  for (const auto& [m, iv] : updates) replace_availability(store, m, source, iv);
  tx.commit();
  return report;
}

}  // namespace tafel
