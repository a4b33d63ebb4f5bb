#include "engine/outreach/token_bucket.hpp"

#include <algorithm>

namespace tafel::outreach {

TokenBucket::TokenBucket(double rate_per_second, double burst)
    : rate_(rate_per_second), burst_(std::max(1.0, burst)), tokens_(std::max(1.0, burst)) {}

double TokenBucket::level_at(double now) const {
  const double from = std::max(last_, paused_until_);
  if (now <= from) return tokens_;
  return std::min(burst_, tokens_ + (now - from) * rate_);
}

bool TokenBucket::try_take(double now) {
  if (unlimited()) return true;
  now = std::max(now, last_);
  if (now < paused_until_) return false;
  const double level = level_at(now);
  last_ = now;
  tokens_ = level;
  if (tokens_ < 1.0) return false;
  tokens_ -= 1.0;
  return true;
}

double TokenBucket::wait_seconds(double now) const {
  if (unlimited()) return 0;
  now = std::max(now, last_);
  if (now < paused_until_) return (paused_until_ - now) + std::max(0.0, 1.0 - tokens_) / rate_;
  const double level = level_at(now);
  return level >= 1.0 ? 0.0 : (1.0 - level) / rate_;
}

void TokenBucket::pause_until(double until) {
  if (unlimited()) return;
  if (until <= paused_until_) return;
  // Tokens earned up to the pause start stay; nothing is earned during the pause.
  const double start = std::max(last_, paused_until_);
  if (until > start) {
    tokens_ = std::min(tokens_, 0.0);
    last_ = std::max(last_, start);
  }
  paused_until_ = until;
}

}  // namespace tafel::outreach
