#include "adapters/importers/events/calendar_expand.hpp"

#include "adapters/importers/events/ical_ptr.hpp"
#include "adapters/importers/events/ics_text.hpp"
#include "adapters/importers/events/vevent.hpp"
#include "adapters/importers/events/zones.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace tafel {

namespace {

// Upper bound of instances generated per RRULE, against runaway rules (a DAILY rule from 1601).
constexpr int kMaxInstancesPerRule = 200000;

std::string recurrence_key(const EventTime& t) {
  if (t.is_date) return format_date(t.date());
  return format_date(local_time_at(t.utc, icaltimezone_get_utc_timezone()).local_date()) +
         fmt::format("T{:02}:{:02}:{:02}Z", (t.utc % 86400 + 86400) % 86400 / 3600,
                     (t.utc % 3600 + 3600) % 3600 / 60, (t.utc % 60 + 60) % 60);
}

EventTime instance_from(const icaltimetype& t, const EventTime& start, icaltimezone* configured) {
  EventTime i;
  i.local = t;
  i.is_date = start.is_date;
  i.zone = start.zone;
  i.utc = i.is_date ? local_midnight_utc(i.date(), configured)
                    : static_cast<std::int64_t>(icaltime_as_timet_with_zone(t, start.zone));
  return i;
}

// The local date of an instance in the series' own zone, for DATE exdates.
Date series_date(const EventTime& t, const EventTime& start) {
  if (t.is_date) return t.date();
  return local_time_at(t.utc, start.zone ? start.zone : icaltimezone_get_utc_timezone())
      .local_date();
}

EventOccurrence make_occurrence(const VeventData& e, const EventTime& at, std::string key,
                                icaltimezone* configured) {
  EventOccurrence o;
  o.uid = e.uid;
  o.recurrence_id = std::move(key);
  o.title = e.title;
  o.location = e.location;
  o.all_day = at.is_date;
  o.line = e.line;
  o.start = local_time_at(at.utc, configured);
  o.end = at.is_date
              ? local_time_at(local_midnight_utc(add_days(at.date(), e.duration_days), configured),
                              configured)
              : local_time_at(at.utc + e.duration_seconds, configured);
  return o;
}

class Expander {
 public:
  Expander(icaltimezone* configured, ExpandWindow window, std::vector<CalendarProblem>& warnings)
      : configured_(configured), window_(window), warnings_(warnings) {}

  // Instances of a recurring master by recurrence key, EXDATEs removed.
  std::map<std::string, EventTime> instances(const VeventData& e) {
    std::map<std::int64_t, EventTime> by_utc;
    by_utc.emplace(e.start.utc, e.start);
    for (const auto& rule : e.rrules) {
      IcalRecurIteratorPtr it(icalrecur_iterator_new(rule, e.start.local));
      if (!it) {
        warnings_.push_back(calendar_warning(e.line, 0, "bad_rrule", "RRULE cannot be expanded"));
        continue;
      }
      int n = 0;
      for (icaltimetype t = icalrecur_iterator_next(it.get()); !icaltime_is_null_time(t);
           t = icalrecur_iterator_next(it.get())) {
        const EventTime i = instance_from(t, e.start, configured_);
        if (i.utc >= window_.to_utc) break;
        by_utc.emplace(i.utc, i);
        if (++n >= kMaxInstancesPerRule) {
          warnings_.push_back(calendar_warning(
              e.line, 0, "recurrence_too_long",
              fmt::format("RRULE stopped after {} instances", kMaxInstancesPerRule)));
          break;
        }
      }
    }
    for (const auto& r : e.rdates) {
      EventTime i = r;
      if (e.start.is_date && !r.is_date) {  // a date-time RDATE in an all-day series
        i.is_date = true;
        i.utc = local_midnight_utc(i.date(), configured_);
      }
      by_utc.emplace(i.utc, i);
    }
    std::map<std::string, EventTime> out;
    for (const auto& [utc, i] : by_utc) {
      const bool excluded = std::any_of(e.exdates.begin(), e.exdates.end(), [&](const auto& x) {
        if (x.is_date || i.is_date) return x.date() == series_date(i, e.start);
        return x.utc == utc;
      });
      if (!excluded) out.emplace(recurrence_key(i), i);
    }
    return out;
  }

  bool in_window(const EventOccurrence& o) const {
    return o.start.utc_seconds >= window_.from_utc && o.start.utc_seconds < window_.to_utc;
  }

 private:
  icaltimezone* configured_;
  ExpandWindow window_;
  std::vector<CalendarProblem>& warnings_;
};

}  // namespace

std::expected<ExpandedCalendar, std::vector<CalendarProblem>> expand_calendar(
    std::string_view bytes, icaltimezone* configured, ExpandWindow window) {
  auto clean = clean_calendar(bytes);
  if (!clean) return std::unexpected(std::vector<CalendarProblem>{clean.error()});

  ExpandedCalendar out;
  out.warnings = std::move(clean->warnings);
  IcalComponentPtr calendar(icalparser_parse_string(clean->text.c_str()));
  if (!calendar || icalcomponent_isa(calendar.get()) != ICAL_VCALENDAR_COMPONENT) {
    out.warnings.push_back(
        calendar_error(1, 0, "not_icalendar", "libical cannot parse this calendar"));
    return std::unexpected(std::move(out.warnings));
  }

  ZoneResolver zones(calendar.get(), configured);
  VeventReader reader(zones, out.warnings);
  std::vector<VeventData> masters;
  std::map<std::string, std::map<std::string, VeventData>> overrides;  // uid -> key -> event
  std::vector<CalendarProblem> errors;
  std::size_t index = 0;
  for (icalcomponent* c = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
       c; c = icalcomponent_get_next_component(calendar.get(), ICAL_VEVENT_COMPONENT), ++index) {
    const IcsComponentLines lines =
        index < clean->vevents.size() ? clean->vevents[index] : IcsComponentLines{1, {}};
    auto e = reader.read(c, lines);
    if (!e) {
      (e.error().is_error() ? errors : out.warnings).push_back(e.error());
      continue;
    }
    if (e->recurrence_id)
      overrides[e->uid].insert_or_assign(recurrence_key(*e->recurrence_id), std::move(*e));
    else
      masters.push_back(std::move(*e));
  }
  if (!errors.empty()) {
    out.warnings.insert(out.warnings.end(), errors.begin(), errors.end());
    return std::unexpected(std::move(out.warnings));
  }

  Expander expander(configured, window, out.warnings);
  std::map<std::pair<std::string, std::string>, EventOccurrence> by_key;
  auto add = [&](EventOccurrence o) {
    if (!expander.in_window(o)) return;
    auto key = std::pair(o.uid, o.recurrence_id);
    if (by_key.contains(key))
      out.warnings.push_back(calendar_warning(
          o.line, 0, "duplicate_event",
          fmt::format("UID '{}' occurs more than once; the later event is kept", o.uid)));
    by_key.insert_or_assign(std::move(key), std::move(o));
  };
  for (const auto& m : masters) {
    auto own = overrides.find(m.uid);
    if (m.cancelled) {
      if (own != overrides.end()) overrides.erase(own);
      continue;
    }
    if (!m.recurring()) {
      add(make_occurrence(m, m.start, "", configured));
      continue;
    }
    for (const auto& [key, at] : expander.instances(m)) {
      if (own != overrides.end() && own->second.contains(key)) continue;
      add(make_occurrence(m, at, key, configured));
    }
    if (own == overrides.end()) continue;
    for (auto& [key, o] : own->second) {  // fill what the override leaves out from the master
      if (o.title.empty()) o.title = m.title;
      if (o.location.empty()) o.location = m.location;
      if (!o.explicit_end) {
        o.duration_seconds = m.duration_seconds;
        o.duration_days = m.duration_days;
      }
    }
  }
  for (const auto& [uid, by_rid] : overrides)
    for (const auto& [key, o] : by_rid)
      if (!o.cancelled) add(make_occurrence(o, o.start, key, configured));

  for (auto& [key, o] : by_key) out.occurrences.push_back(std::move(o));
  std::stable_sort(out.occurrences.begin(), out.occurrences.end(),
                   [](const auto& a, const auto& b) { return a.start < b.start; });
  return out;
}

}  // namespace tafel
