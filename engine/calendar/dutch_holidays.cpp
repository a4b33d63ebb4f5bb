#include "engine/calendar/dutch_holidays.hpp"

#include <algorithm>

namespace tafel {

Date easter_sunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date{year, month, day};
}

std::vector<Holiday> dutch_public_holidays(int year) {
  const Date easter = easter_sunday(year);
  Date kings{year, 4, 27};
  if (iso_weekday(kings) == 7) kings = Date{year, 4, 26};
  std::vector<Holiday> out = {
      {Date{year, 1, 1}, "Nieuwjaarsdag"},
      {add_days(easter, -2), "Goede Vrijdag"},
      {easter, "Eerste Paasdag"},
      {add_days(easter, 1), "Tweede Paasdag"},
      {kings, "Koningsdag"},
      {Date{year, 5, 5}, "Bevrijdingsdag"},
      {add_days(easter, 39), "Hemelvaartsdag"},
      {add_days(easter, 49), "Eerste Pinksterdag"},
      {add_days(easter, 50), "Tweede Pinksterdag"},
      {Date{year, 12, 25}, "Eerste Kerstdag"},
      {Date{year, 12, 26}, "Tweede Kerstdag"},
  };
  std::sort(out.begin(), out.end(),
            [](const Holiday& x, const Holiday& y) { return x.date < y.date; });
  return out;
}

}  // namespace tafel
