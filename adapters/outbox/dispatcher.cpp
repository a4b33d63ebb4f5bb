#include "adapters/outbox/dispatcher.hpp"

#include "adapters/outbox/dispatch_store.hpp"
#include "adapters/store/coordinator_items.hpp"
#include "adapters/store/outbox_store.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace tafel::outbox {

namespace {

std::string other_channel(const std::string& channel) {
  return channel == "whatsapp" ? "email" : "whatsapp";
}

std::string dutch_channel(const std::string& channel) {
  return channel == "whatsapp" ? "WhatsApp" : "e-mail";
}

// The planner's keys end in ":<channel>" ("<invitation>:<kind>[:<n>]:<channel>").
std::optional<std::string> counterpart_key(const std::string& key, const std::string& channel) {
  const std::string suffix = ":" + channel;
  if (!key.ends_with(suffix)) return std::nullopt;
  return key.substr(0, key.size() - suffix.size()) + ":" + other_channel(channel);
}

std::int64_t whole(double t) { return static_cast<std::int64_t>(std::floor(t)); }

bool is_template_error(int code) { return code >= 132000 && code < 133000; }

}  // namespace

DispatchLimits DispatchLimits::from_config(const MessagingConfig& m) {
  DispatchLimits l;
  l.email_per_second = m.smtp.per_second;
  l.whatsapp_per_second = m.whatsapp.per_second;
  l.whatsapp_per_person_seconds = m.whatsapp.per_person_seconds;
  l.whatsapp_daily_limit = m.whatsapp.daily_limit;
  return l;
}

Dispatcher::Dispatcher(Store& store, RetryPolicy retry, DispatchLimits limits,
                       std::function<double()> unit_random, FallbackRenderer fallback)
    : store_(store),
      retry_(retry),
      limits_(limits),
      unit_random_(std::move(unit_random)),
      fallback_(std::move(fallback)),
      spacing_(limits.whatsapp_per_person_seconds) {
  // A small burst (a tenth of a second's worth) keeps the rate smooth yet absorbs timer jitter.
  auto make = [](double rate) { return outreach::TokenBucket(rate, std::max(1.0, rate / 10)); };
  buckets_.emplace("email", make(limits.email_per_second));
  buckets_.emplace("whatsapp", make(limits.whatsapp_per_second));
}

outreach::TokenBucket& Dispatcher::bucket(const std::string& channel) {
  return buckets_.at(channel == "whatsapp" ? "whatsapp" : "email");
}

std::vector<OutboxRow> Dispatcher::claim(double now, int limit) {
  rate_limited_ = false;
  const std::int64_t t = whole(now);
  std::set<std::string> blocked = stopped_;
  for (const char* c : {"email", "whatsapp"})
    if (bucket(c).wait_seconds(now) > 0 || paused_until_[c] > now) {
      blocked.insert(c);
      rate_limited_ = true;
    }
  if (blocked.size() >= 2 || limit <= 0) return {};
  spacing_.prune(now);

  std::optional<outreach::DailyReach> reach;
  std::vector<OutboxRow> chosen;
  for (auto& due : select_due(store_, t, limit, blocked)) {
    OutboxRow& row = due.row;
    if (blocked.contains(row.channel)) continue;
    if (due.channel_unusable) {
      const std::string error =
          fmt::format("{} is unusable for this member; not sent", row.channel);
      mark_failed(store_, row.id, error);
      ++report_.failed;
      fall_back(row, error, t);
      continue;
    }
    if (row.channel == "whatsapp") {
      const double earliest = spacing_.earliest(row.member_id, now);
      if (earliest > now) {
        defer_row(store_, row.id, static_cast<std::int64_t>(std::ceil(earliest)),
                  "waits: at most one WhatsApp message per person per few seconds");
        ++report_.deferred;
        continue;
      }
      if (!reach)
        reach.emplace(limits_.whatsapp_daily_limit,
                      whatsapp_sends_since(store_, t - outreach::kWhatsAppWindowSeconds, t), t);
      if (reach->check(row.member_id, due.last_inbound_utc) ==
          outreach::DailyReach::Verdict::over_limit) {
        over_daily_limit(row, *reach, t);
        continue;
      }
    }
    if (!bucket(row.channel).try_take(now)) {
      blocked.insert(row.channel);
      rate_limited_ = true;
      continue;
    }
    if (row.channel == "whatsapp") {
      spacing_.record(row.member_id, now);
      reach->add(row.member_id, due.last_inbound_utc);
    }
    chosen.push_back(std::move(row));
  }
  return claim_rows(store_, std::move(chosen));
}

void Dispatcher::over_daily_limit(const OutboxRow& row, const outreach::DailyReach& reach,
                                  std::int64_t now) {
  const auto member = load_member_channels(store_, row.member_id);
  if (const auto key = counterpart_key(row.dedupe_key, row.channel);
      key && member && member->email_ok) {
    if (const auto other = find_row_by_key(store_, *key); other && other->state != "failed") {
      if (other->state == "cancelled" || other->state == "pending")
        revive_row(store_, other->id, row.id, now);
      cancel_row(
          store_, row.id,
          fmt::format("daily WhatsApp limit reached; sent by email (outbox row {})", other->id));
      ++report_.fell_back;
      return;
    }
  }
  const std::int64_t until = reach.next_free_utc().value_or(now + 3600);
  defer_row(store_, row.id, until,
            fmt::format("waits: daily limit of {} people outside the 24-hour window reached",
                        limits_.whatsapp_daily_limit));
  ++report_.deferred;
}

void Dispatcher::record(const OutboxRow& row, const SendOutcome& out, double now) {
  const std::int64_t t = whole(now);
  if (out.status == SendOutcome::Status::sent) {
    record_sent(store_, row, out.provider_message_id, t);
    ++report_.sent;
    return;
  }
  const std::string error = out.error.empty() ? "send failed" : out.error;
  if (out.stop_channel) {
    stopped_.insert(row.channel);
    alert(row, out, true);
    mark_retry(store_, row.id, t, error);  // goes again after a restart
    ++report_.retried;
    return;
  }
  if (out.throttle_channel) {
    const double until = now + std::max(out.retry_after_seconds, limits_.throttle_pause_seconds);
    bucket(row.channel).pause_until(until);
    paused_until_[row.channel] = std::max(paused_until_[row.channel], until);
  }
  if (out.channel_unusable) mark_channel_unusable(store_, row.member_id, row.channel);
  if (out.alert_coordinator) alert(row, out, false);

  bool fall = out.fall_back || out.channel_unusable;
  if (out.needs_template) {
    auto j = nlohmann::json::parse(row.payload, nullptr, false);
    if (j.is_object() && j.contains("whatsapp") && j["whatsapp"].is_object() &&
        j["whatsapp"].contains("template_request")) {
      j["whatsapp"]["request"] = j["whatsapp"]["template_request"];
      j["whatsapp"].erase("template_request");
      replace_payload(store_, row.id, j.dump(), t);
      note_error(store_, row.id, error + "; resent as a template");
      ++report_.retried;
      return;
    }
    fall = true;
  }

  if (out.status == SendOutcome::Status::transient && !out.channel_unusable &&
      !out.needs_template && row.attempts < retry_.max_attempts) {
    const std::int64_t delay = std::max<std::int64_t>(
        out.retry_after_seconds, retry_delay_seconds(retry_, row.attempts, unit_random_()));
    mark_retry(store_, row.id, t + delay, error);
    ++report_.retried;
    return;
  }
  mark_failed(store_, row.id, error);
  ++report_.failed;
  if (fall) fall_back(row, error, t);
}

void Dispatcher::fall_back(const OutboxRow& row, const std::string& error, std::int64_t now) {
  const std::string other = other_channel(row.channel);
  const auto member = load_member_channels(store_, row.member_id);
  if (!member) return;
  const bool allowed = other == "email" ? member->email_ok : member->whatsapp_ok;
  CoordinatorItem item;
  item.network_id = member->network_id;
  item.member_id = row.member_id;
  if (!allowed) {
    item.kind = "unreachable";
    item.detail = fmt::format(
        "Een bericht ({}) aan lid {} kon niet via {} worden bezorgd en er is geen ander kanaal "
        "met toestemming. Neem zelf contact op.",
        row.kind, row.member_id, dutch_channel(row.channel));
    item.dedupe_key = fmt::format("dispatch:unreachable:row:{}", row.id);
    add_coordinator_item(store_.db(), item);
    ++report_.alerts;
    return;
  }
  if (const auto key = counterpart_key(row.dedupe_key, row.channel)) {
    if (const auto twin = find_row_by_key(store_, *key)) {
      if (twin->state == "cancelled" || twin->state == "pending") {
        revive_row(store_, twin->id, row.id, now);
        ++report_.fell_back;
      }
      return;  // already sent, in flight or failed on its own: nothing to add
    }
  }
  // The message exists only on this channel: render it for the other one when we can.
  std::string why = "no renderer";
  if (fallback_ && render_fallback(row, other, error, now, why)) return;
  note_error(store_, row.id, fmt::format("fallback_needed: {} ({}); {}", other, why, error));
  item.kind = "channel_failed";
  item.detail = fmt::format(
      "Een bericht ({}) aan lid {} kon niet via {} worden bezorgd. Het lid mag ook via {} "
      "benaderd worden, maar dit bericht bestaat alleen voor {}: stuur het zelf of bel.",
      row.kind, row.member_id, dutch_channel(row.channel), dutch_channel(other),
      dutch_channel(row.channel));
  item.dedupe_key = fmt::format("dispatch:fallback_needed:row:{}", row.id);
  add_coordinator_item(store_.db(), item);
  ++report_.fallback_needed;
  ++report_.alerts;
}

bool Dispatcher::render_fallback(const OutboxRow& row, const std::string& other,
                                 const std::string& error, std::int64_t now, std::string& why) {
  const std::string key = counterpart_key(row.dedupe_key, row.channel)
                              .value_or(fmt::format("{}:fallback:{}", row.dedupe_key, other));
  std::expected<std::string, std::string> payload;
  try {
    payload = fallback_(row, key, now);
  } catch (const std::exception& e) {
    payload = std::unexpected(std::string(e.what()));
  }
  if (!payload) {
    why = payload.error();
    return false;
  }
  const std::int64_t id = enqueue_fallback(store_, row, other, key, *payload, now);
  note_error(store_, row.id, fmt::format("{}; sent by {} (outbox row {})", error, other, id));
  ++report_.fell_back;
  return true;
}

void Dispatcher::alert(const OutboxRow& row, const SendOutcome& out, bool stopping) {
  CoordinatorItem item;
  const auto member = load_member_channels(store_, row.member_id);
  if (member) item.network_id = member->network_id;
  const std::int64_t network = member ? member->network_id : 0;
  if (stopping) {
    item.kind = "channel_failed";
    item.detail = fmt::format(
        "Versturen via {} is gestopt (foutcode {}): de toegangssleutel is ongeldig of verlopen. "
        "Vervang de sleutel en start de dienst opnieuw; tot dan gaat er niets via {}.",
        dutch_channel(row.channel), out.provider_code, dutch_channel(row.channel));
    item.dedupe_key = fmt::format("dispatch:stop:{}:network:{}", row.channel, network);
  } else if (is_template_error(out.provider_code)) {
    item.kind = "template_error";
    item.detail = fmt::format(
        "Het WhatsApp-sjabloon voor '{}' is geweigerd (foutcode {}): het ontbreekt, is "
        "gepauzeerd of uitgeschakeld, of de velden kloppen niet. Controleer het in WhatsApp "
        "Manager; berichten gaan intussen waar mogelijk per e-mail.",
        row.kind, out.provider_code);
    item.dedupe_key = fmt::format("dispatch:template_error:{}:{}:network:{}", row.kind,
                                  out.provider_code, network);
  } else {
    item.kind = "channel_failed";
    item.detail = fmt::format(
        "Versturen via {} lukt niet (foutcode {}). Kijk bij de instellingen "
        "van het account.",
        dutch_channel(row.channel), out.provider_code);
    item.dedupe_key =
        fmt::format("dispatch:alert:{}:{}:network:{}", row.channel, out.provider_code, network);
  }
  add_coordinator_item(store_.db(), item);
  ++report_.alerts;
}

std::optional<double> Dispatcher::next_wake(double now) {
  std::optional<double> wake;
  std::set<std::string> skip = stopped_;
  for (const char* c : {"email", "whatsapp"}) {
    if (stopped_.contains(c)) continue;
    if (const double w = std::max(bucket(c).wait_seconds(now), paused_until_[c] - now); w > 0) {
      skip.insert(c);
      if (rate_limited_) wake = wake ? std::min(*wake, w) : w;
    }
  }
  if (skip.size() < 2)
    if (const auto at = next_pending_utc(store_, skip)) {
      const double w = std::max(0.0, static_cast<double>(*at) - now);
      wake = wake ? std::min(*wake, w) : w;
    }
  return wake;
}

DispatchReport dispatch_due(Store& store, ChannelSender& email, ChannelSender& whatsapp,
                            std::int64_t now_utc, const RetryPolicy& retry,
                            const std::function<double()>& unit_random, int batch,
                            const FallbackRenderer& fallback) {
  Dispatcher d(store, retry, DispatchLimits{}, unit_random, fallback);
  const double now = static_cast<double>(now_utc);
  for (;;) {
    const auto rows = d.claim(now, batch);
    if (rows.empty()) break;
    for (const auto& row : rows)
      d.record(row, (row.channel == "whatsapp" ? whatsapp : email).send(row), now);
  }
  return d.report();
}

DispatchReport dispatch_due(Store& store, ChannelSender& email, ChannelSender& whatsapp,
                            const RetryPolicy& retry, const DispatchLimits& limits,
                            const std::function<double()>& clock,
                            const std::function<void(double)>& sleep,
                            const std::function<double()>& unit_random, int batch,
                            const FallbackRenderer& fallback) {
  Dispatcher d(store, retry, limits, unit_random, fallback);
  for (;;) {
    const auto rows = d.claim(clock(), batch);
    if (rows.empty()) {
      if (!d.rate_limited()) break;
      sleep(std::max(0.001, d.next_wake(clock()).value_or(0.001)));
      continue;
    }
    for (const auto& row : rows)
      d.record(row, (row.channel == "whatsapp" ? whatsapp : email).send(row), clock());
  }
  return d.report();
}

}  // namespace tafel::outbox
