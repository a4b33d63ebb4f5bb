#include "adapters/outbox/retry_policy.hpp"

#include <algorithm>

namespace tafel::outbox {

std::int64_t retry_delay_seconds(const RetryPolicy& policy, int attempt, double unit) {
  double delay = policy.base_seconds;
  for (int i = 1; i < attempt && delay < policy.max_seconds; ++i) delay *= 2;
  delay = std::min<double>(delay, policy.max_seconds);
  const double jittered = delay / 2 + (delay / 2) * std::clamp(unit, 0.0, 1.0);
  return std::max<std::int64_t>(1, static_cast<std::int64_t>(jittered));
}

}  // namespace tafel::outbox
