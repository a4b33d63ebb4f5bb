#pragma once
// Deterministic generator of realistic solve instances (header-only so tests can use it).
// Regions of up to 2,000 owners around towns (see below; 200 owners: Ede/Barneveld/Veenendaal),
// sectors ~45 % bouw, 35 % installatie, 20 % elektrotechniek; availability mostly one to
// three evenings a week plus some early mornings, with a busy week; monthly member meetings
// with slots directly before and after; standalone edge-of-day slots; a few colleagues of one
// firm; a few invalid slots; facilitators on a few days a week. Eight weeks from 2026-01-12.

#include "engine/solver/instance.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

namespace tafel::bench {

struct GeneratorOptions {
  int participants = 300;
  std::uint64_t seed = 1;
};

// "p00042": zero-padded so byte order equals numeric order.
inline std::string fmt_id(const char* prefix, int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%05d", prefix, n);
  return buf;
}

inline solver::Instance generate_instance(const GeneratorOptions& opt) {
  using namespace tafel::solver;
  std::mt19937_64 rng(opt.seed * 7919 + 17);
  auto unit = [&] { return static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0); };
  auto below = [&](int n) { return static_cast<int>(unit() * n); };
  auto gauss = [&] {
    const double u = std::max(unit(), 1e-12), v = unit();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
  };
  struct Town {
    const char* name;
    double lat, lon;
  };
  static constexpr Town kTowns[] = {
      {"ede", 52.0406, 5.6649},        {"barneveld", 52.1403, 5.5847},
      {"veenendaal", 52.0286, 5.5589}, {"apeldoorn", 52.2112, 5.9699},
      {"arnhem", 51.9851, 5.8987},     {"zwolle", 52.5168, 6.0830},
      {"utrecht", 52.0907, 5.1214},    {"amersfoort", 52.1561, 5.3878},
      {"nijmegen", 51.8126, 5.8372},   {"deventer", 52.2551, 6.1639},
      {"zutphen", 52.1386, 6.2014},    {"harderwijk", 52.3419, 5.6205}};
  constexpr int kTownCount = sizeof(kTowns) / sizeof(kTowns[0]);
  // Regions of up to 2,000 owners; a region has 3..12 towns (one venue each), ~170 owners a
  // town. Every region repeats the towns' layout around Ede..Harderwijk, halved (~40 km
  // across), on a 5-wide grid of centres ~55 km apart, so neighbouring regions are within
  // travel distance of each other at their edges ("nearly independent").
  const int regions = std::max(1, (opt.participants + 1999) / 2000);
  const int per_region = (opt.participants + regions - 1) / regions;
  const int towns = std::clamp((per_region + 169) / 170, 3, kTownCount);
  double clat = 0, clon = 0;
  for (const Town& t : kTowns) clat += t.lat / kTownCount, clon += t.lon / kTownCount;
  const Date first{2026, 1, 12};  // a Monday; winter time throughout
  constexpr int kWeeks = 8;
  constexpr std::int32_t kOffset = 3600;
  auto at = [&](int day, int minute) {
    return make_local_time(add_days(first, day), minute / 60, minute % 60, 0, kOffset);
  };

  Instance inst;
  inst.sector_names = {"bouw", "installatie", "elektrotechniek"};
  for (int r = 0; r < regions; ++r) {
    const double dlat = 0.5 * (r / 5), dlon = 0.75 * (r % 5);
    for (int t = 0; t < towns; ++t) {
      const Town& town = kTowns[t];
      inst.venues.push_back(Venue{
          fmt_id("v", r * towns + t),
          GeoPoint{clat + (town.lat - clat) * 0.5 + dlat, clon + (town.lon - clon) * 0.5 + dlon}});
    }
  }
  int slot_no = 0;
  auto add_slot = [&](int venue, int day, int from, int to, int event, std::string room) {
    Slot s;
    s.id = fmt_id("s", slot_no++);
    s.venue = venue;
    s.room = std::move(room);
    s.time = Interval{at(day, from), at(day, to)};
    s.capacity = unit() < 0.1 ? 10 : 12;
    s.event = event;
    inst.slots.push_back(std::move(s));
  };
  for (int r = 0; r < regions; ++r) {
    for (int t = 0; t < towns; ++t) {
      const int v = r * towns + t;
      // Monthly member meeting 19:30-22:00 on a region-specific weekday.
      for (int month = 0; month < 2; ++month) {
        const int day = month * 28 + 7 + (r + t) % 4;
        Event e{fmt_id("e", static_cast<int>(inst.events.size())), v,
                Interval{at(day, 19 * 60 + 30), at(day, 22 * 60)}, "ALV"};
        inst.events.push_back(e);
        const int ev = static_cast<int>(inst.events.size()) - 1;
        add_slot(v, day, 18 * 60 + 15, 19 * 60 + 15, ev, "zaal 1");
        add_slot(v, day, 17 * 60 + 45, 19 * 60 + 15, ev, "zaal 2");
        add_slot(v, day, 22 * 60 + 15, 23 * 60 + 30, ev, "zaal 1");
      }
      // Standalone edge-of-day slots on two weekdays a week.
      for (int w = 0; w < kWeeks; ++w) {
        const int d1 = w * 7 + (v % 3), d2 = w * 7 + 3 + (v % 2);
        add_slot(v, d1, 7 * 60, 8 * 60 + 30, -1, "");
        add_slot(v, d2, 16 * 60 + 30, 18 * 60, -1, "");
        add_slot(v, d2, 17 * 60 + 30, 19 * 60, -1, "");  // overlaps the one before: same room
      }
      // A few invalid slots.
      add_slot(v, 2, 12 * 60, 13 * 60, -1, "lunch");
      add_slot(v, 4, 16 * 60 + 30, 17 * 60, -1, "kort");
    }
  }
  const int staff_count = std::max(3, opt.participants / 35);
  for (int f = 0; f < staff_count; ++f) {
    Staff st{fmt_id("f", f), {}};
    const int days_a = 1 + below(5), days_b = 1 + below(5);
    for (int w = 0; w < kWeeks; ++w) {
      for (int d : {days_a - 1, days_b - 1}) {
        st.availability.push_back(
            Interval{at(w * 7 + d, 6 * 60 + 30), at(w * 7 + d, 23 * 60 + 59)});
      }
    }
    inst.staff.push_back(std::move(st));
  }
  int company_no = 0;
  for (int p = 0; p < opt.participants; ++p) {
    Participant q;
    q.id = fmt_id("p", p);
    const double s = unit();
    q.sector = s < 0.45 ? 0 : (s < 0.80 ? 1 : 2);
    if (p > 0 && unit() < 0.08) {
      q.company = inst.participants.back().company;  // a colleague of the previous owner
      q.sector = inst.participants.back().sector;
    } else {
      inst.company_names.push_back(fmt_id("c", company_no++));
      q.company = static_cast<int>(inst.company_names.size()) - 1;
    }
    const int r = std::min(regions - 1, p / per_region);  // contiguous: colleagues share one
    const int v = r * towns + below(towns);
    const GeoPoint town = inst.venues[static_cast<std::size_t>(v)].location;
    q.location = GeoPoint{town.lat + gauss() * 0.06, town.lon + gauss() * 0.09};
    if (unit() < 0.2) q.max_travel_km = 25.0;
    const int evenings = 1 + below(3);
    int mask = 0;
    for (int k = 0; k < evenings; ++k) mask |= 1 << below(5);
    const bool mornings = unit() < 0.3;
    const int busy_week = below(kWeeks);
    for (int w = 0; w < kWeeks; ++w) {
      if (w == busy_week) continue;
      for (int d = 0; d < 5; ++d) {
        if (mask & (1 << d)) {
          q.availability.push_back(Interval{at(w * 7 + d, 16 * 60), at(w * 7 + d, 23 * 60 + 45)});
        } else if (mornings && d % 2 == 0) {
          q.availability.push_back(Interval{at(w * 7 + d, 6 * 60 + 30), at(w * 7 + d, 9 * 60)});
        }
      }
    }
    if (unit() < 0.6) {
      for (std::size_t e = 0; e < inst.events.size(); ++e) {
        if (inst.events[e].venue / towns == r) q.attends_events.push_back(static_cast<int>(e));
      }
    }
    inst.participants.push_back(std::move(q));
  }
  return inst;
}

}  // namespace tafel::bench
