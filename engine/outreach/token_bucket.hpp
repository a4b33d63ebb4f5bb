#pragma once
// A token bucket for send rates: `rate` tokens per second, holding at most `burst`. Pure: the
// caller passes the time (seconds, any monotonic origin, fractions allowed); a time earlier
// than the last one seen counts as that last one. Starts full. A rate of 0 or less means
// unlimited (every take succeeds).

namespace tafel::outreach {

class TokenBucket {
 public:
  TokenBucket(double rate_per_second, double burst);

  // Takes one token at `now` when one is available.
  bool try_take(double now);
  // Seconds from `now` until a token is available (0 when one is).
  double wait_seconds(double now) const;
  // No tokens until `until` (a provider said "slow down"); the bucket refills from then on.
  void pause_until(double until);

  double rate() const { return rate_; }
  bool unlimited() const { return rate_ <= 0; }

 private:
  double level_at(double now) const;

  double rate_;
  double burst_;
  double tokens_;
  double last_ = 0;
  double paused_until_ = 0;
};

}  // namespace tafel::outreach
