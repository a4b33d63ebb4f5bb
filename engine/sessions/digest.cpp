#include "engine/sessions/digest.hpp"

#include <algorithm>
#include <map>

namespace tafel::sessions {

namespace {

int kind_rank(const std::string& kind) { return kind == "solution" ? 0 : 1; }

}  // namespace

Digest compose_digest(const DigestInput& input, const DigestLimits& limits) {
  Digest out;

  std::vector<const DigestItem*> fresh;
  for (const auto& item : input.items) {
    if (item.kind != "solution" && item.kind != "tip") continue;
    if (input.since_utc && item.captured_utc <= *input.since_utc) continue;
    if (item.captured_utc > input.now_utc) continue;
    if (contains_personal_data(item.text, input.people)) {
      ++out.items_refused;
      continue;
    }
    fresh.push_back(&item);
  }
  std::sort(fresh.begin(), fresh.end(), [](const DigestItem* a, const DigestItem* b) {
    return a->captured_utc != b->captured_utc ? a->captured_utc > b->captured_utc : a->id < b->id;
  });
  std::map<std::string, int> per_sector;
  for (const DigestItem* item : fresh) {
    int& n = per_sector[item->sector];
    if (static_cast<int>(out.items.size()) >= limits.max_items ||
        n >= limits.max_items_per_sector) {
      ++out.items_left_out;
      continue;
    }
    ++n;
    out.items.push_back(*item);
  }
  std::stable_sort(out.items.begin(), out.items.end(),
                   [](const DigestItem& a, const DigestItem& b) {
                     if (a.sector != b.sector) return a.sector < b.sector;
                     return kind_rank(a.kind) < kind_rank(b.kind);
                   });

  for (const auto& s : input.sessions)
    if (s.start_utc > input.now_utc &&
        s.start_utc - input.now_utc <= limits.session_horizon_seconds)
      out.sessions.push_back(s);
  std::sort(
      out.sessions.begin(), out.sessions.end(), [](const DigestSession& a, const DigestSession& b) {
        return a.start_utc != b.start_utc ? a.start_utc < b.start_utc : a.session_id < b.session_id;
      });
  if (static_cast<int>(out.sessions.size()) > limits.max_sessions)
    out.sessions.resize(static_cast<std::size_t>(std::max(0, limits.max_sessions)));

  std::vector<DigestFigure> figures = input.figures;
  std::sort(figures.begin(), figures.end(), [](const DigestFigure& a, const DigestFigure& b) {
    if (a.sector != b.sector) return a.sector < b.sector;
    if (a.date != b.date) return a.date > b.date;
    return a.id < b.id;
  });
  std::map<std::string, int> figures_per_sector;
  for (auto& f : figures)
    if (figures_per_sector[f.sector]++ < limits.max_figures_per_sector)
      out.figures.push_back(std::move(f));
  return out;
}

bool digest_overdue(std::optional<std::int64_t> last_sent_utc, std::int64_t community_start_utc,
                    std::int64_t now_utc) {
  const std::int64_t since = last_sent_utc.value_or(community_start_utc);
  return now_utc - since >= kQuarterSeconds;
}

}  // namespace tafel::sessions
