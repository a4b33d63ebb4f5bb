#include "engine/solver/reasons.hpp"

#include "engine/solver/score.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <unordered_set>

namespace tafel::solver {

namespace {
std::size_t ix(int i) { return static_cast<std::size_t>(i); }

std::string km_text(double km) { return fmt::format("{:.1f}", km); }
}  // namespace

std::vector<Unplaced> explain_unplaced(const Model& m, const std::vector<Session>& sessions) {
  const Instance& inst = m.inst();
  std::vector<int> where(ix(m.participant_count()), -1);
  std::vector<int> session_at(ix(m.slot_count()), -1);
  std::vector<int> busy_staff_slots;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    session_at[ix(sessions[i].slot)] = static_cast<int>(i);
    for (int p : sessions[i].participants) where[ix(p)] = sessions[i].slot;
  }
  std::vector<std::vector<int>> staff_sessions(inst.staff.size());
  for (const Session& x : sessions) {
    if (x.facilitator >= 0) staff_sessions[ix(x.facilitator)].push_back(x.slot);
  }
  auto facilitator_free = [&](int s) {
    for (int f : m.coverers(s)) {
      bool ok = true;
      for (int t : staff_sessions[ix(f)]) {
        if (m.staff_clash(s, t)) ok = false;
      }
      if (ok) return true;
    }
    return false;
  };
  // Usable slots per sector, for the messages.
  std::vector<std::size_t> usable_count(ix(m.sector_count()), 0);
  for (int s = 0; s < m.slot_count(); ++s) {
    if (!m.usable(s)) continue;
    for (int k = 0; k < m.sector_count(); ++k) {
      if (inst.slot_allows(s, k)) ++usable_count[ix(k)];
    }
  }

  std::vector<Unplaced> out;
  for (int p = 0; p < m.participant_count(); ++p) {
    if (where[ix(p)] >= 0) continue;
    const Participant& part = inst.participants[ix(p)];
    const std::string& sector = inst.sector_names[ix(part.sector)];
    std::vector<int> in_avail, near;
    for (const Interval& a : part.availability) m.slots_inside(a, in_avail);
    std::sort(in_avail.begin(), in_avail.end());
    in_avail.erase(std::unique(in_avail.begin(), in_avail.end()), in_avail.end());
    std::erase_if(in_avail, [&](int s) { return !inst.slot_allows(s, part.sector); });
    for (int s : in_avail) {
      if (m.within_travel(p, s)) near.push_back(s);
    }
    Unplaced u{p, UnplacedReason::no_slot_in_availability, {}};
    if (in_avail.empty()) {
      u.detail = fmt::format(
          "Geen van de {} momenten voor de sector {} valt binnen de opgegeven beschikbaarheid.",
          usable_count[ix(part.sector)], sector);
      out.push_back(std::move(u));
      continue;
    }
    if (near.empty()) {
      double nearest = std::numeric_limits<double>::max();
      for (int s : in_avail) nearest = std::min(nearest, m.km(p, s));
      u.reason = UnplacedReason::beyond_travel_limit;
      u.detail = fmt::format(
          "De {} momenten binnen de beschikbaarheid liggen allemaal verder weg dan {} km "
          "(het dichtstbijzijnde op {} km).",
          in_avail.size(), km_text(part.max_travel_km.value_or(inst.rules.max_travel_km)),
          km_text(nearest));
      out.push_back(std::move(u));
      continue;
    }
    std::vector<int> peers;
    for (int s : near) {
      if (enough_peers(m, s, part.sector)) peers.push_back(s);
    }
    if (peers.empty()) {
      u.reason = UnplacedReason::sector_too_small;
      u.detail = fmt::format(
          "Op geen van de {} passende momenten kunnen minstens {} deelnemers uit de sector {} "
          "(van verschillende bedrijven) aanschuiven.",
          near.size(), inst.rules.min_group, sector);
      out.push_back(std::move(u));
      continue;
    }
    std::vector<int> staffed;
    for (int s : peers) {
      if (!m.coverers(s).empty()) staffed.push_back(s);
    }
    if (staffed.empty()) {
      u.reason = UnplacedReason::no_facilitator;
      u.detail = fmt::format(
          "Voor geen van de {} passende momenten is een gespreksleider beschikbaar.", peers.size());
      out.push_back(std::move(u));
      continue;
    }
    u.reason = UnplacedReason::not_selected;
    int full = -1, colleague = -1, staff_busy = -1;
    for (int s : staffed) {
      const int si = session_at[ix(s)];
      if (si >= 0 && sessions[ix(si)].sector == part.sector) {
        const Session& x = sessions[ix(si)];
        if (static_cast<int>(x.participants.size()) >= m.seats(s)) {
          if (full < 0) full = s;
        } else if (colleague < 0 && part.company >= 0) {
          for (int q : x.participants) {
            if (inst.participants[ix(q)].company == part.company) colleague = s;
          }
        }
      } else if (si < 0 && staff_busy < 0 && !facilitator_free(s)) {
        staff_busy = s;
      }
    }
    if (full >= 0) {
      u.detail = fmt::format(
          "De tafel op moment {} zit vol; op de andere passende momenten is "
          "geen tafel voor de sector {} geopend.",
          inst.slots[ix(full)].id, sector);
    } else if (colleague >= 0) {
      u.detail = fmt::format("Aan de tafel op moment {} zit al een collega van hetzelfde bedrijf.",
                             inst.slots[ix(colleague)].id);
    } else if (staff_busy >= 0) {
      u.detail =
          fmt::format("De gespreksleiders voor moment {} zijn op dat moment al elders ingezet.",
                      inst.slots[ix(staff_busy)].id);
    } else {
      u.detail = fmt::format(
          "Er konden niet genoeg deelnemers uit de sector {} tegelijk worden ingedeeld om een "
          "extra tafel te openen, of de passende momenten werden beter benut voor andere tafels.",
          sector);
    }
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace tafel::solver
