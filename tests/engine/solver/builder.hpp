#pragma once
// Small hand-made instances for solver tests: winter times (+01:00) on 2026-01-13 and later.

#include "engine/solver/instance.hpp"

#include <string>
#include <vector>

namespace tafel::solver::testing {

inline LocalTime at(int day, int hour, int minute) {
  return make_local_time(Date{2026, 1, 13 + day}, hour, minute, 0, 3600);
}

class Builder {
 public:
  Builder() {
    inst.sector_names = {"bouw", "installatie", "elektrotechniek"};
    venue("v1", 52.0406, 5.6649);
  }
  int venue(const std::string& id, double lat, double lon) {
    inst.venues.push_back(Venue{id, GeoPoint{lat, lon}});
    return static_cast<int>(inst.venues.size()) - 1;
  }
  // A slot at venue `v` on `day` from h1:m1 to h2:m2.
  int slot(const std::string& id, int day, int h1, int m1, int h2, int m2, int v = 0,
           std::string room = "", int capacity = 12) {
    Slot s;
    s.id = id;
    s.venue = v;
    s.room = std::move(room);
    s.time = Interval{at(day, h1, m1), at(day, h2, m2)};
    s.capacity = capacity;
    inst.slots.push_back(s);
    return static_cast<int>(inst.slots.size()) - 1;
  }
  // A facilitator available for days 0..30 all day.
  int staff(const std::string& id) {
    inst.staff.push_back(Staff{id, {Interval{at(0, 0, 0), at(30, 23, 0)}}});
    return static_cast<int>(inst.staff.size()) - 1;
  }
  // A participant of `sector` available days 0..30, at the venue, own company.
  int person(const std::string& id, int sector = 0, int company = -2) {
    Participant p;
    p.id = id;
    p.sector = sector;
    p.company = company == -2 ? inst.intern_company("c-" + id) : company;
    p.location = inst.venues[0].location;
    p.availability = {Interval{at(0, 0, 0), at(30, 23, 0)}};
    inst.participants.push_back(p);
    return static_cast<int>(inst.participants.size()) - 1;
  }
  // `n` participants "<prefix>0".."<prefix>n-1".
  void people(const std::string& prefix, int n, int sector = 0) {
    for (int i = 0; i < n; ++i) person(prefix + std::to_string(i), sector);
  }
  Instance inst;
};

}  // namespace tafel::solver::testing
