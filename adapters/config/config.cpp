#include "adapters/config/config.hpp"

#include "adapters/config/toml_reader.hpp"
#include "engine/time/civil.hpp"
#include "engine/time/local_time.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace tafel {

namespace {

constexpr const char* kSystemConfig = "/etc/tafelplanner/tafelplanner.toml";

// Accepts Dutch (ma..zo, maandag..zondag) and English (mon..sun, monday..sunday) day names.
int parse_weekday(std::string_view s) {
  static const std::pair<const char*, int> kNames[] = {
      {"ma", 1},        {"di", 2},       {"wo", 3},       {"do", 4},        {"vr", 5},
      {"za", 6},        {"zo", 7},       {"maandag", 1},  {"dinsdag", 2},   {"woensdag", 3},
      {"donderdag", 4}, {"vrijdag", 5},  {"zaterdag", 6}, {"zondag", 7},    {"mon", 1},
      {"tue", 2},       {"wed", 3},      {"thu", 4},      {"fri", 5},       {"sat", 6},
      {"sun", 7},       {"monday", 1},   {"tuesday", 2},  {"wednesday", 3}, {"thursday", 4},
      {"friday", 5},    {"saturday", 6}, {"sunday", 7}};
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [name, day] : kNames)
    if (lower == name) return day;
  return 0;
}

class Parser {
 public:
  explicit Parser(std::filesystem::path source) : source_(std::move(source)) {}

  std::vector<ConfigError> errors;

  Config read(const toml::table& root_table) {
    Config cfg;
    cfg.source = source_;
    TomlReader root(root_table, "", errors);
    if (auto v = root.string("database", true)) cfg.database = relative_to_file(*v);
    if (auto v = root.string("state_dir")) cfg.state_dir = relative_to_file(*v);
    if (cfg.state_dir.empty() && !cfg.database.empty()) cfg.state_dir = cfg.database.parent_path();
    if (auto v = root.string("public_url", true)) {
      cfg.public_url = *v;
      while (!cfg.public_url.empty() && cfg.public_url.back() == '/') cfg.public_url.pop_back();
      if (!cfg.public_url.starts_with("https://") && !cfg.public_url.starts_with("http://"))
        root.error("public_url", fmt::format("'{}' must start with https:// or http://", *v));
    }
    if (auto v = root.string("timezone")) cfg.timezone = *v;
    if (auto v = root.integer("horizon_days")) {
      if (*v < 1 || *v > 731) root.error("horizon_days", "must be between 1 and 731");
      cfg.horizon_days = static_cast<int>(*v);
    }
    if (auto v = root.string("listen")) cfg.listen = *v;
    read_networks(root, cfg);
    read_sectors(root, cfg);
    read_eligibility(root, cfg);
    read_import(root, cfg);
    read_venues(root, cfg);
    read_planning(root, cfg);
    read_closed_periods(root, cfg);
    read_busy_seasons(root, cfg);
    read_places(root, cfg);
    read_staff(root, cfg);
    read_messaging(root, cfg);
    read_retention(root, cfg);
    check_references(root, cfg);
    root.reject_unknown_keys();
    return cfg;
  }

 private:
  std::filesystem::path relative_to_file(const std::string& value) const {
    std::filesystem::path p(value);
    if (p.is_relative()) p = source_.parent_path() / p;
    return p.lexically_normal();
  }

  void read_coordinates(TomlReader& r, double& lat, double& lon) {
    if (auto v = r.number("lat", true)) {
      if (*v < -90 || *v > 90) r.error("lat", "must be between -90 and 90");
      lat = *v;
    }
    if (auto v = r.number("lon", true)) {
      if (*v < -180 || *v > 180) r.error("lon", "must be between -180 and 180");
      lon = *v;
    }
  }

  void read_networks(TomlReader& root, Config& cfg) {
    std::set<std::string> seen;
    for (const auto& child : root.array_of_tables("networks")) {
      TomlReader r(*child.table, child.path, errors);
      NetworkConfig n;
      if (auto v = r.string("name", true)) n.name = *v;
      n.sender_name = r.string("sender_name").value_or(n.name);
      n.sender_email = r.string("sender_email").value_or("");
      if (auto v = r.string("calendar_url")) {
        if (!v->starts_with("https://") && !v->starts_with("http://"))
          r.error("calendar_url", "must be an http:// or https:// URL");
        n.calendar_url = *v;
      }
      if (auto v = r.integer("calendar_refresh_minutes")) {
        if (*v < 5 || *v > 7 * 24 * 60)
          r.error("calendar_refresh_minutes", "must be between 5 and 10080 (one week)");
        else
          n.calendar_refresh_minutes = static_cast<int>(*v);
      }
      if (!n.name.empty() && !seen.insert(n.name).second)
        r.error("name", fmt::format("network '{}' is defined twice", n.name));
      r.reject_unknown_keys();
      cfg.networks.push_back(std::move(n));
    }
  }

  void read_messaging(TomlReader& root, Config& cfg) {
    std::vector<std::string> networks;
    for (const auto& n : cfg.networks) networks.push_back(n.name);
    read_messaging_config(root, source_.parent_path(), cfg.state_dir, cfg.public_url, networks,
                          cfg.messaging, errors);
  }

  void read_sectors(TomlReader& root, Config& cfg) {
    for (const auto& child : root.table_of_tables("sectors")) {
      TomlReader r(*child.table, child.path, errors);
      SectorConfig s;
      s.name = child.key;
      s.label = r.string("label").value_or(child.key);
      s.synonyms = r.strings("synonyms");
      r.reject_unknown_keys();
      cfg.sectors.push_back(std::move(s));
    }
    if (cfg.sectors.empty()) root.error("sectors", "at least one sector is required");
  }

  void read_eligibility(TomlReader& root, Config& cfg) {
    auto child = root.table("eligibility");
    if (!child) return;
    TomlReader r(*child->table, child->path, errors);
    if (auto v = r.number("min_employees")) cfg.eligibility.min_employees = *v;
    if (auto v = r.number("max_employees")) cfg.eligibility.max_employees = *v;
    if (auto v = r.boolean("exclude_hr_staff")) cfg.eligibility.exclude_hr_staff = *v;
    if (cfg.eligibility.min_employees > cfg.eligibility.max_employees)
      r.error("min_employees", "must not be above max_employees");
    r.reject_unknown_keys();
  }

  void read_import(TomlReader& root, Config& cfg) {
    static const std::set<std::string> kFields = {
        "company", "name",          "first_name",      "infix", "last_name", "email", "mobile",
        "phone",   "sector",        "employees",       "hr",    "postcode",  "town",  "lat",
        "lon",     "email_consent", "whatsapp_consent"};
    auto child = root.table("import");
    if (!child) return;
    TomlReader r(*child->table, child->path, errors);
    if (auto headers = r.table("headers")) {
      TomlReader h(*headers->table, headers->path, errors);
      for (const auto& [k, v] : *headers->table) {
        const std::string field(k.str());
        if (!kFields.contains(field)) continue;  // reported as unknown below
        cfg.extra_headers[field] = h.strings(field);
      }
      h.reject_unknown_keys();
    }
    r.reject_unknown_keys();
  }

  void read_venues(TomlReader& root, Config& cfg) {
    std::set<std::string> ids;
    for (const auto& child : root.array_of_tables("venues")) {
      TomlReader r(*child.table, child.path, errors);
      VenueConfig v;
      if (auto s = r.string("id", true)) v.id = *s;
      if (auto s = r.string("name", true)) v.name = *s;
      v.address = r.string("address").value_or("");
      v.region = r.string("region").value_or("");
      read_coordinates(r, v.lat, v.lon);
      v.aliases = r.strings("aliases");
      for (const auto& room : r.array_of_tables("rooms")) {
        TomlReader rr(*room.table, room.path, errors);
        RoomConfig rc;
        if (auto s = rr.string("name", true)) rc.name = *s;
        if (auto c = rr.integer("capacity", true)) {
          if (*c < 1) rr.error("capacity", "must be at least 1");
          rc.capacity = static_cast<int>(*c);
        }
        rr.reject_unknown_keys();
        v.rooms.push_back(std::move(rc));
      }
      if (v.rooms.empty()) v.rooms.push_back(RoomConfig{"", 12});
      if (!v.id.empty() && !ids.insert(v.id).second)
        r.error("id", fmt::format("venue id '{}' is used twice", v.id));
      r.reject_unknown_keys();
      cfg.venues.push_back(std::move(v));
    }
  }

  void read_retention(TomlReader& root, Config& cfg) {
    auto child = root.table("retention");
    if (!child) return;
    TomlReader r(*child->table, child->path, errors);
    auto bounded = [&](const std::string& key, int& out, int lo, int hi) {
      if (auto v = r.integer(key)) {
        if (*v < lo || *v > hi) r.error(key, fmt::format("must be between {} and {}", lo, hi));
        out = static_cast<int>(*v);
      }
    };
    bounded("raw_days", cfg.retention.raw_days, 1, 3650);
    bounded("missing_member_months", cfg.retention.missing_member_months, 1, 120);
    r.reject_unknown_keys();
  }

  void read_planning(TomlReader& root, Config& cfg) {
    auto child = root.table("planning");
    if (!child) return;
    TomlReader r(*child->table, child->path, errors);
    PlanningConfig& p = cfg.planning;
    auto minutes = [&](const std::string& key, int& out, int lo, int hi) {
      if (auto v = r.integer(key)) {
        if (*v < lo || *v > hi) r.error(key, fmt::format("must be between {} and {}", lo, hi));
        out = static_cast<int>(*v);
      }
    };
    minutes("buffer_min", p.buffer_min, 0, 240);
    minutes("duration_min", p.duration_min, 15, 480);
    minutes("duration_max", p.duration_max, 15, 480);
    minutes("duration_step", p.duration_step, 1, 240);
    minutes("start_step_min", p.start_step_min, 1, 240);
    minutes("min_group", p.min_group, 1, 100);
    minutes("max_group", p.max_group, 1, 100);
    minutes("staff_gap_min", p.staff_gap_min, 0, 480);
    auto clock_opt = [&](const std::string& key, int& out) {
      if (auto v = r.string(key)) {
        const int m = parse_clock_minutes(*v);
        if (m < 0)
          r.error(key, fmt::format("'{}' is not a time HH:MM", *v));
        else
          out = m;
      }
    };
    clock_opt("morning_end", p.morning_end);
    clock_opt("evening_start", p.evening_start);
    clock_opt("earliest_start", p.earliest_start);
    clock_opt("latest_end", p.latest_end);
    if (auto v = r.number("max_travel_km")) p.max_travel_km = *v;
    if (p.duration_min > p.duration_max) r.error("duration_min", "must not be above duration_max");
    if (p.min_group > p.max_group) r.error("min_group", "must not be above max_group");
    for (const auto& w : r.array_of_tables("windows")) {
      TomlReader wr(*w.table, w.path, errors);
      SlotWindowConfig win;
      for (const auto& d : wr.strings("days")) {
        const int wd = parse_weekday(d);
        if (wd == 0)
          wr.error("days", fmt::format("'{}' is not a day (ma..zo)", d));
        else
          win.weekdays.push_back(wd);
      }
      if (win.weekdays.empty()) wr.error("days", "at least one day is required");
      win.start_minute = clock(wr, "start");
      win.end_minute = clock(wr, "end");
      if (win.start_minute >= 0 && win.end_minute >= 0 && win.end_minute <= win.start_minute)
        wr.error("end", "must be after start");
      win.venues = wr.strings("venues");
      wr.reject_unknown_keys();
      p.windows.push_back(std::move(win));
    }
    r.reject_unknown_keys();
  }

  void read_closed_periods(TomlReader& root, Config& cfg) {
    for (const auto& child : root.array_of_tables("closed_periods")) {
      TomlReader r(*child.table, child.path, errors);
      ClosedPeriodConfig c;
      c.name = r.string("name", true).value_or("");
      c.from = date(r, "from", true);
      c.to = date(r, "to", true);
      if (!c.from.empty() && !c.to.empty() && c.to < c.from)
        r.error("to", "must not be before from");
      c.regions = r.strings("regions");
      r.reject_unknown_keys();
      cfg.closed_periods.push_back(std::move(c));
    }
  }

  void read_busy_seasons(TomlReader& root, Config& cfg) {
    for (const auto& child : root.array_of_tables("busy_seasons")) {
      TomlReader r(*child.table, child.path, errors);
      BusySeasonConfig b;
      b.name = r.string("name").value_or("");
      b.sector = r.string("sector", true).value_or("");
      b.from = date(r, "from", true);
      b.to = date(r, "to", true);
      if (!b.from.empty() && !b.to.empty() && b.to < b.from)
        r.error("to", "must not be before from");
      r.reject_unknown_keys();
      cfg.busy_seasons.push_back(std::move(b));
    }
  }

  // Cross-references between sections, checked once everything is read.
  void check_references(TomlReader& root, const Config& cfg) {
    std::set<std::string> sectors, venues;
    for (const auto& s : cfg.sectors) sectors.insert(s.name);
    for (const auto& v : cfg.venues) venues.insert(v.id);
    for (std::size_t i = 0; i < cfg.busy_seasons.size(); ++i)
      if (!sectors.contains(cfg.busy_seasons[i].sector))
        root.error(fmt::format("busy_seasons[{}].sector", i),
                   fmt::format("'{}' is not a configured sector", cfg.busy_seasons[i].sector));
    for (std::size_t i = 0; i < cfg.planning.windows.size(); ++i)
      for (const auto& v : cfg.planning.windows[i].venues)
        if (!venues.contains(v))
          root.error(fmt::format("planning.windows[{}].venues", i),
                     fmt::format("'{}' is not a configured venue", v));
  }

  void read_places(TomlReader& root, Config& cfg) {
    for (const auto& child : root.array_of_tables("places")) {
      TomlReader r(*child.table, child.path, errors);
      PlaceConfig p;
      p.postcode = r.string("postcode").value_or("");
      p.town = r.string("town").value_or("");
      if (p.postcode.empty() && p.town.empty())
        r.error("postcode", "a place needs a postcode or a town");
      read_coordinates(r, p.lat, p.lon);
      r.reject_unknown_keys();
      cfg.places.push_back(std::move(p));
    }
  }

  void read_staff(TomlReader& root, Config& cfg) {
    std::set<std::string> ids;
    for (const auto& child : root.array_of_tables("staff")) {
      TomlReader r(*child.table, child.path, errors);
      StaffConfig s;
      if (auto v = r.string("id", true)) s.id = *v;
      if (auto v = r.string("name", true)) s.name = *v;
      if (auto v = r.string("role", true)) {
        if (*v != "facilitator" && *v != "expert")
          r.error("role", fmt::format("'{}' must be \"facilitator\" or \"expert\"", *v));
        s.role = *v;
      }
      s.email = r.string("email").value_or("");
      s.phone = r.string("phone").value_or("");
      for (const auto& w : r.array_of_tables("availability")) {
        TomlReader wr(*w.table, w.path, errors);
        WeeklyWindow win;
        if (auto d = wr.string("day", true)) {
          win.weekday = parse_weekday(*d);
          if (win.weekday == 0) wr.error("day", fmt::format("'{}' is not a day (ma..zo)", *d));
        }
        win.start_minute = clock(wr, "start");
        win.end_minute = clock(wr, "end");
        if (win.start_minute >= 0 && win.end_minute >= 0 && win.end_minute <= win.start_minute)
          wr.error("end", "must be after start");
        wr.reject_unknown_keys();
        s.availability.push_back(win);
      }
      for (const auto& e : r.array_of_tables("exceptions")) {
        TomlReader er(*e.table, e.path, errors);
        AvailabilityException ex;
        ex.from = date(er, "from", true);
        ex.to = date(er, "to", false);
        if (ex.to.empty()) ex.to = ex.from;
        ex.available = er.boolean("available").value_or(false);
        ex.note = er.string("note").value_or("");
        if (!ex.from.empty() && !ex.to.empty() && ex.to < ex.from)
          er.error("to", "must not be before from");
        er.reject_unknown_keys();
        s.exceptions.push_back(std::move(ex));
      }
      if (!s.id.empty() && !ids.insert(s.id).second)
        r.error("id", fmt::format("staff id '{}' is used twice", s.id));
      r.reject_unknown_keys();
      cfg.staff.push_back(std::move(s));
    }
  }

  int clock(TomlReader& r, const std::string& key) {
    auto v = r.string(key, true);
    if (!v) return -1;
    const int m = parse_clock_minutes(*v);
    if (m < 0) r.error(key, fmt::format("'{}' is not a time HH:MM", *v));
    return m;
  }

  std::string date(TomlReader& r, const std::string& key, bool required) {
    auto v = r.string(key, required);
    if (!v) return "";
    if (!parse_date(*v)) {
      r.error(key, fmt::format("'{}' is not a date YYYY-MM-DD", *v));
      return "";
    }
    return *v;
  }

  std::filesystem::path source_;
};

}  // namespace

std::expected<Config, std::vector<ConfigError>> parse_config(std::string_view text,
                                                             const std::filesystem::path& source) {
  toml::table table;
  try {
    table = toml::parse(text, source.string());
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    return std::unexpected(std::vector<ConfigError>{ConfigError{
        "", static_cast<int>(b.line), static_cast<int>(b.column), std::string(e.description())}});
  }
  Parser parser(source);
  Config cfg = parser.read(table);
  if (!parser.errors.empty()) return std::unexpected(std::move(parser.errors));
  return cfg;
}

std::expected<Config, std::vector<ConfigError>> load_config(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return std::unexpected(
        std::vector<ConfigError>{ConfigError{"", 1, 0, "cannot read the configuration file"}});
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_config(ss.str(), std::filesystem::absolute(file));
}

std::string format_config_error(const std::filesystem::path& file, const ConfigError& e) {
  if (e.key.empty()) return fmt::format("{}:{}:{}: {}", file.string(), e.line, e.column, e.message);
  return fmt::format("{}:{}:{}: {}: {}", file.string(), e.line, e.column, e.key, e.message);
}

std::filesystem::path resolve_config_path(const std::optional<std::string>& flag) {
  if (flag && !flag->empty()) return *flag;
  if (const char* env = std::getenv("TAFELPLANNER_CONFIG"); env && *env) return env;
  return kSystemConfig;
}

}  // namespace tafel
