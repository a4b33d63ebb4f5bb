#pragma once
// Backoff for transient send failures: base * 2^(attempt-1), capped, with "full jitter" in
// [delay/2, delay] so many failed rows do not retry in lockstep.

#include <cstdint>

namespace tafel::outbox {

struct RetryPolicy {
  int max_attempts = 8;  // after this many attempts a transient failure is final
  int base_seconds = 60;
  int max_seconds = 6 * 3600;
};

// Seconds to wait after failed attempt number `attempt` (1-based). `unit` is a uniform random
// number in [0, 1) supplied by the caller (tests pass fixed values).
std::int64_t retry_delay_seconds(const RetryPolicy& policy, int attempt, double unit);

}  // namespace tafel::outbox
