#include "engine/outreach/daily_reach.hpp"

#include <algorithm>

namespace tafel::outreach {

bool outside_window(std::optional<std::int64_t> last_inbound_utc, std::int64_t at_utc) {
  if (!last_inbound_utc) return true;
  if (*last_inbound_utc > at_utc) return true;  // a later message hides earlier ones
  return at_utc - *last_inbound_utc >= kWhatsAppWindowSeconds;
}

DailyReach::DailyReach(int limit, const std::vector<ReachSend>& sends, std::int64_t now_utc)
    : limit_(limit), now_(now_utc) {
  for (const auto& s : sends) {
    if (s.sent_at_utc > now_utc || now_utc - s.sent_at_utc >= kWhatsAppWindowSeconds) continue;
    if (!outside_window(s.last_inbound_utc, s.sent_at_utc)) continue;
    auto [it, fresh] = latest_.try_emplace(s.member, s.sent_at_utc);
    if (!fresh) it->second = std::max(it->second, s.sent_at_utc);
  }
}

DailyReach::Verdict DailyReach::check(std::int64_t member,
                                      std::optional<std::int64_t> last_inbound_utc) const {
  if (!outside_window(last_inbound_utc, now_)) return Verdict::inside_window;
  if (latest_.contains(member)) return Verdict::already_counted;
  if (limit_ <= 0 || static_cast<std::int64_t>(latest_.size()) < limit_) return Verdict::fits;
  return Verdict::over_limit;
}

void DailyReach::add(std::int64_t member, std::optional<std::int64_t> last_inbound_utc) {
  if (outside_window(last_inbound_utc, now_)) latest_[member] = now_;
}

std::optional<std::int64_t> DailyReach::next_free_utc() const {
  if (limit_ <= 0 || static_cast<std::int64_t>(latest_.size()) < limit_) return std::nullopt;
  std::vector<std::int64_t> times;
  times.reserve(latest_.size());
  for (const auto& [member, at] : latest_) times.push_back(at);
  std::sort(times.begin(), times.end());
  // Dropping below the limit needs size - limit + 1 people to leave the window.
  const std::size_t k = latest_.size() - static_cast<std::size_t>(limit_);
  return times[k] + kWhatsAppWindowSeconds;
}

double PersonSpacing::earliest(std::int64_t member, double now) const {
  const auto it = last_.find(member);
  if (it == last_.end()) return now;
  return std::max(now, it->second + gap_);
}

void PersonSpacing::record(std::int64_t member, double at) {
  auto [it, fresh] = last_.try_emplace(member, at);
  if (!fresh) it->second = std::max(it->second, at);
}

void PersonSpacing::prune(double now) {
  std::erase_if(last_, [&](const auto& e) { return e.second + gap_ <= now; });
}

}  // namespace tafel::outreach
