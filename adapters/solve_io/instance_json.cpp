#include "adapters/solve_io/instance_json.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>
#include <unordered_map>

namespace tafel::solve_io {

namespace {
using nlohmann::json;
using namespace tafel::solver;

// Collects problems; every accessor reports under the pointer it was given.
class Reader {
 public:
  std::vector<std::string> errors;

  void fail(const std::string& ptr, const std::string& msg) {
    errors.push_back(fmt::format("{}: {}", ptr.empty() ? "/" : ptr, msg));
  }

  // The value of `key`, or nullptr when absent or null (reported when `required`).
  const json* field(const json& obj, const std::string& ptr, const char* key, bool required) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) fail(ptr + "/" + key, "missing required key");
      return nullptr;
    }
    return &*it;
  }

  bool object(const json& j, const std::string& ptr) {
    if (j.is_object()) return true;
    fail(ptr, "expected an object");
    return false;
  }
  bool array(const json& j, const std::string& ptr) {
    if (j.is_array()) return true;
    fail(ptr, "expected an array");
    return false;
  }
  std::optional<std::string> string(const json* j, const std::string& ptr) {
    if (!j) return std::nullopt;
    if (!j->is_string()) {
      fail(ptr, "expected a string");
      return std::nullopt;
    }
    return j->get<std::string>();
  }
  std::optional<double> number(const json* j, const std::string& ptr) {
    if (!j) return std::nullopt;
    if (!j->is_number()) {
      fail(ptr, "expected a number");
      return std::nullopt;
    }
    return j->get<double>();
  }
  std::optional<int> integer(const json* j, const std::string& ptr) {
    if (!j) return std::nullopt;
    if (!j->is_number_integer() &&
        !(j->is_number_float() && std::floor(j->get<double>()) == j->get<double>())) {
      fail(ptr, "expected an integer");
      return std::nullopt;
    }
    const double v = j->get<double>();
    if (v < -1e9 || v > 1e9) {
      fail(ptr, "integer out of range");
      return std::nullopt;
    }
    return static_cast<int>(v);
  }
  std::optional<LocalTime> time(const json* j, const std::string& ptr) {
    auto s = string(j, ptr);
    if (!s) return std::nullopt;
    auto t = parse_iso8601(*s);
    if (!t) {
      fail(ptr, t.error());
      return std::nullopt;
    }
    return *t;
  }
  // A {start, end} object; both required, end after start.
  std::optional<Interval> interval(const json& j, const std::string& ptr) {
    if (!object(j, ptr)) return std::nullopt;
    auto start = time(field(j, ptr, "start", true), ptr + "/start");
    auto end = time(field(j, ptr, "end", true), ptr + "/end");
    if (!start || !end) return std::nullopt;
    if (!(*start < *end)) {
      fail(ptr + "/end", "end must be after start");
      return std::nullopt;
    }
    return Interval{*start, *end};
  }
  std::vector<Interval> intervals(const json* j, const std::string& ptr) {
    std::vector<Interval> out;
    if (!j || !array(*j, ptr)) return out;
    for (std::size_t i = 0; i < j->size(); ++i) {
      if (auto iv = interval((*j)[i], fmt::format("{}/{}", ptr, i))) out.push_back(*iv);
    }
    return out;
  }
};

// Ids of one collection: index by id, duplicates reported.
class IdIndex {
 public:
  void add(Reader& r, const std::optional<std::string>& id, const std::string& ptr, int index) {
    if (!id) return;
    auto [it, fresh] = map_.emplace(*id, index);
    if (!fresh) r.fail(ptr, fmt::format("duplicate id '{}'", *id));
  }
  // Index of `id`, reporting an unknown id under `ptr` (unless `quiet`). -1 when unknown.
  int find(Reader& r, const std::optional<std::string>& id, const std::string& ptr,
           const char* what, bool quiet = false) const {
    if (!id) return -1;
    auto it = map_.find(*id);
    if (it == map_.end()) {
      if (!quiet) r.fail(ptr, fmt::format("unknown {} id '{}'", what, *id));
      return -1;
    }
    return it->second;
  }

 private:
  std::unordered_map<std::string, int> map_;
};

class Interner {
 public:
  explicit Interner(std::vector<std::string>& names) : names_(names) {}
  int operator()(const std::string& name) {
    auto [it, fresh] = map_.emplace(name, static_cast<int>(names_.size()));
    if (fresh) names_.push_back(name);
    return it->second;
  }

 private:
  std::vector<std::string>& names_;
  std::unordered_map<std::string, int> map_;
};

void read_rules(Reader& r, const json& j, Rules& rules) {
  const std::string p = "/rules";
  if (!r.object(j, p)) return;
  auto int_field = [&](const char* key, int& out) {
    if (auto v = r.integer(r.field(j, p, key, false), p + "/" + key)) out = *v;
  };
  int_field("min_group", rules.min_group);
  int_field("max_group", rules.max_group);
  int_field("duration_min", rules.duration_min);
  int_field("duration_max", rules.duration_max);
  int_field("staff_gap_min", rules.staff_gap_min);
  if (auto v = r.number(r.field(j, p, "max_travel_km", false), p + "/max_travel_km")) {
    rules.max_travel_km = *v;
  }
  auto clock = [&](const char* key, int& out) {
    if (auto s = r.string(r.field(j, p, key, false), p + "/" + key)) {
      const int m = parse_clock_minutes(*s);
      if (m < 0) {
        r.fail(p + "/" + key, fmt::format("'{}' is not a clock time HH:MM", *s));
      } else {
        out = m;
      }
    }
  };
  clock("morning_end", rules.morning_end_min);
  clock("evening_start", rules.evening_start_min);
}

void read_weights(Reader& r, const json& j, Weights& w) {
  const std::string p = "/weights";
  if (!r.object(j, p)) return;
  auto num = [&](const char* key, double& out) {
    if (auto v = r.number(r.field(j, p, key, false), p + "/" + key)) out = *v;
  };
  num("placed", w.placed);
  num("at_event", w.at_event);
  num("per_km", w.per_km);
  num("per_session", w.per_session);
  num("stability", w.stability);
}

// Iterates a required (or optional) top-level array, calling `each(element, pointer, index)`.
template <typename F>
void for_array(Reader& r, const json& root, const char* key, bool required, F each) {
  const json* arr = r.field(root, "", key, required);
  const std::string p = std::string("/") + key;
  if (!arr || !r.array(*arr, p)) return;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const std::string ep = fmt::format("{}/{}", p, i);
    if (r.object((*arr)[i], ep)) each((*arr)[i], ep, static_cast<int>(i));
  }
}
}  // namespace

std::expected<Instance, std::vector<std::string>> parse_instance(std::string_view text) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    return std::unexpected(
        std::vector<std::string>{fmt::format("/: malformed JSON: {}", e.what())});
  }
  Reader r;
  Instance inst;
  if (!r.object(root, "")) return std::unexpected(r.errors);
  Interner sector(inst.sector_names);
  Interner company(inst.company_names);
  IdIndex venues, events, slots, staff, participants;

  if (auto tz = r.string(r.field(root, "", "timezone", false), "/timezone")) inst.timezone = *tz;
  if (const json* j = r.field(root, "", "rules", false)) read_rules(r, *j, inst.rules);
  if (const json* j = r.field(root, "", "weights", false)) read_weights(r, *j, inst.weights);

  // Pass 1: ids of every collection (so references may point forward).
  auto index_ids = [&](const char* key, IdIndex& idx) {
    const json* arr = root.contains(key) ? &root[key] : nullptr;
    if (!arr || !arr->is_array()) return;
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const json& e = (*arr)[i];
      if (!e.is_object() || !e.contains("id") || !e["id"].is_string()) continue;
      idx.add(r, e["id"].get<std::string>(), fmt::format("/{}/{}/id", key, i), static_cast<int>(i));
    }
  };
  index_ids("venues", venues);
  index_ids("events", events);
  index_ids("slots", slots);
  index_ids("staff", staff);
  index_ids("participants", participants);

  for_array(r, root, "venues", true, [&](const json& e, const std::string& p, int) {
    Venue v;
    v.id = r.string(r.field(e, p, "id", true), p + "/id").value_or("");
    v.location.lat = r.number(r.field(e, p, "lat", true), p + "/lat").value_or(0.0);
    v.location.lon = r.number(r.field(e, p, "lon", true), p + "/lon").value_or(0.0);
    inst.venues.push_back(std::move(v));
  });
  for_array(r, root, "events", false, [&](const json& e, const std::string& p, int) {
    Event ev;
    ev.id = r.string(r.field(e, p, "id", true), p + "/id").value_or("");
    ev.venue =
        venues.find(r, r.string(r.field(e, p, "venue", true), p + "/venue"), p + "/venue", "venue");
    ev.title = r.string(r.field(e, p, "title", true), p + "/title").value_or("");
    if (auto iv = r.interval(e, p)) ev.time = *iv;
    inst.events.push_back(std::move(ev));
  });
  for_array(r, root, "slots", true, [&](const json& e, const std::string& p, int) {
    Slot s;
    s.id = r.string(r.field(e, p, "id", true), p + "/id").value_or("");
    s.venue =
        venues.find(r, r.string(r.field(e, p, "venue", true), p + "/venue"), p + "/venue", "venue");
    s.room = r.string(r.field(e, p, "room", false), p + "/room").value_or("");
    if (auto iv = r.interval(e, p)) s.time = *iv;
    s.capacity =
        r.integer(r.field(e, p, "capacity", false), p + "/capacity").value_or(inst.rules.max_group);
    if (const json* ev = r.field(e, p, "event", false)) {
      s.event = events.find(r, r.string(ev, p + "/event"), p + "/event", "event");
    }
    if (const json* secs = r.field(e, p, "sectors", false)) {
      if (r.array(*secs, p + "/sectors")) {
        s.all_sectors = false;
        for (std::size_t k = 0; k < secs->size(); ++k) {
          const json& x = (*secs)[k];
          if (auto name = r.string(&x, fmt::format("{}/sectors/{}", p, k))) {
            s.sectors.push_back(sector(*name));
          }
        }
      }
    }
    inst.slots.push_back(std::move(s));
  });
  for_array(r, root, "staff", true, [&](const json& e, const std::string& p, int) {
    Staff f;
    f.id = r.string(r.field(e, p, "id", true), p + "/id").value_or("");
    f.availability = r.intervals(r.field(e, p, "availability", true), p + "/availability");
    inst.staff.push_back(std::move(f));
  });
  for_array(r, root, "participants", true, [&](const json& e, const std::string& p, int) {
    Participant q;
    q.id = r.string(r.field(e, p, "id", true), p + "/id").value_or("");
    if (auto s = r.string(r.field(e, p, "sector", true), p + "/sector")) q.sector = sector(*s);
    if (auto c = r.string(r.field(e, p, "company", false), p + "/company")) q.company = company(*c);
    const json* lat = r.field(e, p, "lat", false);
    const json* lon = r.field(e, p, "lon", false);
    if (lat && lon) {
      auto la = r.number(lat, p + "/lat");
      auto lo = r.number(lon, p + "/lon");
      if (la && lo) q.location = GeoPoint{*la, *lo};
    } else if (lat || lon) {
      r.fail(p + (lat ? "/lon" : "/lat"), "missing required key (lat and lon go together)");
    }
    q.availability = r.intervals(r.field(e, p, "availability", true), p + "/availability");
    if (const json* att = r.field(e, p, "attends_events", false)) {
      if (r.array(*att, p + "/attends_events")) {
        for (std::size_t k = 0; k < att->size(); ++k) {
          const std::string ap = fmt::format("{}/attends_events/{}", p, k);
          const int ev = events.find(r, r.string(&(*att)[k], ap), ap, "event");
          if (ev >= 0) q.attends_events.push_back(ev);
        }
      }
    }
    q.max_travel_km = r.number(r.field(e, p, "max_travel_km", false), p + "/max_travel_km");
    if (const json* pin = r.field(e, p, "pinned_slot", false)) {
      q.pinned_slot = slots.find(r, r.string(pin, p + "/pinned_slot"), p + "/pinned_slot", "slot");
    }
    inst.participants.push_back(std::move(q));
  });
  for_array(r, root, "fixed_sessions", false, [&](const json& e, const std::string& p, int) {
    FixedSession f;
    f.slot = slots.find(r, r.string(r.field(e, p, "slot", true), p + "/slot"), p + "/slot", "slot");
    if (auto s = r.string(r.field(e, p, "sector", true), p + "/sector")) f.sector = sector(*s);
    if (const json* fj = r.field(e, p, "facilitator", false)) {
      f.facilitator = staff.find(r, r.string(fj, p + "/facilitator"), p + "/facilitator", "staff");
    }
    inst.fixed_sessions.push_back(f);
  });
  if (const json* prev = r.field(root, "", "previous", false);
      prev && r.object(*prev, "/previous")) {
    if (const json* ss = r.field(*prev, "/previous", "sessions", false);
        ss && r.array(*ss, "/previous/sessions")) {
      for (std::size_t i = 0; i < ss->size(); ++i) {
        const std::string p = fmt::format("/previous/sessions/{}", i);
        const json& e = (*ss)[i];
        if (!r.object(e, p)) continue;
        PreviousSession ps;
        ps.slot = slots.find(r, r.string(r.field(e, p, "slot", false), p + "/slot"), "", "", true);
        if (auto s = r.string(r.field(e, p, "sector", false), p + "/sector"))
          ps.sector = sector(*s);
        if (const json* fj = r.field(e, p, "facilitator", false)) {
          ps.facilitator = staff.find(r, r.string(fj, p + "/facilitator"), "", "", true);
        }
        if (const json* members = r.field(e, p, "participants", false);
            members && r.array(*members, p + "/participants")) {
          for (std::size_t k = 0; k < members->size(); ++k) {
            const std::string mp = fmt::format("{}/participants/{}", p, k);
            const int q = participants.find(r, r.string(&(*members)[k], mp), "", "", true);
            if (q >= 0) ps.participants.push_back(q);
          }
        }
        if (ps.slot >= 0) inst.previous.push_back(std::move(ps));
      }
    }
  }
  if (!r.errors.empty()) return std::unexpected(std::move(r.errors));
  return inst;
}

}  // namespace tafel::solve_io
