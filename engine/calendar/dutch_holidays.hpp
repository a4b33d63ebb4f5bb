#pragma once
// Dutch public holidays (the days named in the Algemene termijnenwet), computed per year:
// Nieuwjaarsdag, Goede Vrijdag, Eerste en Tweede Paasdag, Koningsdag (27 April, or 26 April when
// the 27th is a Sunday), Bevrijdingsdag, Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en
// Tweede Kerstdag.

#include "engine/time/civil.hpp"

#include <string>
#include <vector>

namespace tafel {

struct Holiday {
  Date date;
  std::string name;  // Dutch name, e.g. "Tweede Paasdag"
};

// Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
Date easter_sunday(int year);

// The holidays of `year`, ordered by date.
std::vector<Holiday> dutch_public_holidays(int year);

}  // namespace tafel
