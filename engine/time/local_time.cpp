#include "engine/time/local_time.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace tafel {

namespace {
constexpr std::int64_t kDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}
}  // namespace

Date LocalTime::local_date() const { return civil_from_days(floor_div(local_seconds(), kDay)); }

int LocalTime::local_minute_of_day() const {
  const std::int64_t s = local_seconds() - floor_div(local_seconds(), kDay) * kDay;
  return static_cast<int>(s / 60);
}

LocalTime make_local_time(Date date, int hour, int minute, int second,
                          std::int32_t offset_seconds) {
  const std::int64_t local = days_from_civil(date) * kDay + hour * 3600 + minute * 60 + second;
  return LocalTime{local - offset_seconds, offset_seconds};
}

std::int64_t minutes_between(LocalTime a, LocalTime b) {
  return (b.utc_seconds - a.utc_seconds) / 60;
}

std::expected<LocalTime, std::string> parse_iso8601(std::string_view s) {
  auto fail = [&](std::string_view why) {
    return std::unexpected(fmt::format("'{}' is not an ISO 8601 time with offset: {}", s, why));
  };
  if (s.size() < 16) return fail("too short");
  Date d;
  int hh = 0, mm = 0, ss = 0;
  if (!digits(s, 0, 4, d.year) || s[4] != '-' || !digits(s, 5, 2, d.month) || s[7] != '-' ||
      !digits(s, 8, 2, d.day))
    return fail("expected YYYY-MM-DD");
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return fail("expected 'T' after the date");
  if (!digits(s, 11, 2, hh) || s[13] != ':' || !digits(s, 14, 2, mm)) return fail("expected HH:MM");
  std::size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(s, pos + 1, 2, ss)) return fail("expected seconds");
    pos += 3;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {  // fractions are dropped
      ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    }
  }
  if (!is_valid_date(d) || hh > 23 || mm > 59 || ss > 60) return fail("no such date or time");
  if (pos >= s.size()) return fail("missing UTC offset");
  std::int32_t offset = 0;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int oh = 0, om = 0;
    if (!digits(s, pos + 1, 2, oh)) return fail("bad UTC offset");
    std::size_t p2 = pos + 3;
    if (p2 < s.size() && s[p2] == ':') ++p2;
    if (!digits(s, p2, 2, om)) return fail("bad UTC offset");
    if (oh > 18 || om > 59) return fail("bad UTC offset");
    offset = (oh * 3600 + om * 60) * (s[pos] == '-' ? -1 : 1);
    pos = p2 + 2;
  } else {
    return fail("missing UTC offset");
  }
  if (pos != s.size()) return fail("trailing characters");
  return make_local_time(d, hh, mm, ss, offset);
}

std::string format_iso8601(LocalTime t) {
  const Date d = t.local_date();
  const std::int64_t secs = t.local_seconds() - floor_div(t.local_seconds(), kDay) * kDay;
  const int off = std::abs(t.offset_seconds);
  return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_date(d), secs / 3600,
                     (secs / 60) % 60, secs % 60, t.offset_seconds < 0 ? '-' : '+', off / 3600,
                     (off / 60) % 60);
}

int parse_clock_minutes(std::string_view t) {
  int h = 0, m = 0;
  if (t.size() != 5 || t[2] != ':' || !digits(t, 0, 2, h) || !digits(t, 3, 2, m) || h > 24 ||
      m > 59 || (h == 24 && m != 0))
    return -1;
  return h * 60 + m;
}

}  // namespace tafel
