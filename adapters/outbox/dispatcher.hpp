#pragma once
// Sends what is due from the outbox: claims due rows (state in_flight, attempt counted), hands
// each to its channel's sender and records the outcome (shared/spec/messaging.md's error table,
// as the sender reports it in SendOutcome):
// - sent: provider id, sent_at_utc, message_ids entry;
// - transient: pending again after exponential backoff with jitter (at least the provider's
//   retry_after), until max_attempts, then failed; throttle_channel also pauses the channel;
// - permanent: failed, never retried;
// - channel_unusable: members.<channel>_unusable_at is set (later rows for that channel fail
//   at once, without a send) and the message falls back;
// - fall_back (and 131047 without a template form): the same message on the other channel when
//   the member allows it. Rows the planner already enqueued on that channel (invitations,
//   changes, cancellations go on every allowed channel) are revived (un-cancelled, due now,
//   `fallback_of` set). A message that only exists on this channel (nudges, reminders go on the
//   preferred channel only) is rendered for the other channel by the FallbackRenderer and
//   enqueued, due now, with `fallback_of` set and the planner's key for that channel
//   (`<invitation>:<kind>[:<n>]:<other>`, else `<failed key>:fallback:<other>`), so it happens
//   once and the planner does not send it again. Without a renderer, or when rendering fails,
//   the row gets `fallback_needed: <channel>` in last_error and the coordinator an item;
// - alert_coordinator: a coordinator item (Dutch), one per (kind, network, code);
// - stop_channel: nothing more on that channel until the process restarts, plus an item.
//
// Limits, applied when claiming (DispatchLimits): a token bucket per channel (rows over the rate
// simply wait, untouched); WhatsApp only: at least `whatsapp_per_person_seconds` between two
// messages to one person and at most `whatsapp_daily_limit` people reached outside their 24-hour
// window per 24 h. A row over the daily limit goes by email when the planner enqueued the same
// message for email (the WhatsApp row is cancelled, the email row revived if it was cancelled);
// otherwise it waits until a place frees up. Held-back rows keep their attempts.
//
// Threading: a Dispatcher is used by one thread (the dispatch loop's strand); senders may run
// elsewhere, with the outcome recorded back on that thread.

#include "adapters/config/messaging_config.hpp"
#include "adapters/outbox/channel_sender.hpp"
#include "adapters/outbox/retry_policy.hpp"
#include "adapters/store/store.hpp"
#include "engine/outreach/daily_reach.hpp"
#include "engine/outreach/token_bucket.hpp"

#include <cstdint>
#include <expected>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tafel::outbox {

struct DispatchReport {
  int sent = 0;
  int retried = 0;
  int failed = 0;
  int deferred = 0;   // held back by per-person spacing or the daily limit
  int fell_back = 0;  // rows on the other channel revived, or WhatsApp rows replaced by email
  int fallback_needed = 0;
  int alerts = 0;  // coordinator items raised
};

struct DispatchLimits {
  double email_per_second = 0;  // token-bucket rate; 0 = unlimited
  double whatsapp_per_second = 0;
  double whatsapp_per_person_seconds = 0;
  int whatsapp_daily_limit = 0;     // people outside their window per 24 h; 0 = no limit
  int throttle_pause_seconds = 10;  // a throttled channel pauses at least this long

  // From [messaging]: smtp.per_second, whatsapp.per_second / per_person_seconds / daily_limit.
  static DispatchLimits from_config(const MessagingConfig& m);
};

// Renders the message of `failed` for the other channel, with `key` as its dedupe key, at
// `now_utc`: the payload JSON, or why it cannot (adapters/outbox/fallback_render.hpp has the real
// one). Runs on the dispatcher's thread, outside any transaction.
using FallbackRenderer = std::function<std::expected<std::string, std::string>(
    const OutboxRow& failed, const std::string& key, std::int64_t now_utc)>;

class Dispatcher {
 public:
  // `unit_random` returns uniform numbers in [0, 1) for the jitter. `fallback` may be empty.
  Dispatcher(Store& store, RetryPolicy retry, DispatchLimits limits,
             std::function<double()> unit_random, FallbackRenderer fallback = {});

  // Claims up to `limit` rows due at `now` (UTC seconds with fractions) that the limits let go
  // now. Rows held back by spacing or the daily limit are moved or replaced (see above).
  std::vector<OutboxRow> claim(double now, int limit);
  // Records the sender's outcome for a row returned by claim().
  void record(const OutboxRow& row, const SendOutcome& out, double now);

  // Seconds from `now` until claim() may find something: a token, or the next pending row
  // (nullopt: nothing pending).
  std::optional<double> next_wake(double now);
  // After claim(): true when a rate limit held rows back.
  bool rate_limited() const { return rate_limited_; }

  bool channel_stopped(const std::string& channel) const { return stopped_.contains(channel); }
  const DispatchReport& report() const { return report_; }

 private:
  void fall_back(const OutboxRow& row, const std::string& error, std::int64_t now);
  // Renders and enqueues the other channel's row; false (with `why`) when it cannot.
  bool render_fallback(const OutboxRow& row, const std::string& other, const std::string& error,
                       std::int64_t now, std::string& why);
  void over_daily_limit(const OutboxRow& row, const outreach::DailyReach& reach, std::int64_t now);
  void alert(const OutboxRow& row, const SendOutcome& out, bool stopping);
  outreach::TokenBucket& bucket(const std::string& channel);

  Store& store_;
  RetryPolicy retry_;
  DispatchLimits limits_;
  std::function<double()> unit_random_;
  FallbackRenderer fallback_;
  std::map<std::string, outreach::TokenBucket> buckets_;
  outreach::PersonSpacing spacing_;
  std::set<std::string> stopped_;
  std::map<std::string, double> paused_until_;  // throttled channels (even without a rate)
  bool rate_limited_ = false;
  DispatchReport report_;
};

// Sends everything due at `now_utc` with no rate limits (`dispatch --once` of old, tests).
// `unit_random` returns uniform numbers in [0, 1) for the jitter. Rows due after `now_utc` wait.
DispatchReport dispatch_due(Store& store, ChannelSender& email, ChannelSender& whatsapp,
                            std::int64_t now_utc, const RetryPolicy& retry,
                            const std::function<double()>& unit_random, int batch = 100,
                            const FallbackRenderer& fallback = {});

// Sends everything due now with the limits on: `clock` gives the time (UTC seconds, fractions),
// `sleep` waits (seconds) when a rate limit holds rows back. Rows held back longer (spacing,
// daily limit, retries) are left for a later run.
DispatchReport dispatch_due(Store& store, ChannelSender& email, ChannelSender& whatsapp,
                            const RetryPolicy& retry, const DispatchLimits& limits,
                            const std::function<double()>& clock,
                            const std::function<void(double)>& sleep,
                            const std::function<double()>& unit_random, int batch = 100,
                            const FallbackRenderer& fallback = {});

}  // namespace tafel::outbox
