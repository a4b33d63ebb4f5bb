#include "adapters/outbox/dispatcher.hpp"

#include "adapters/store/outbox_store.hpp"

namespace tafel::outbox {

DispatchReport dispatch_due(Store& store, ChannelSender& email, ChannelSender& whatsapp,
                            std::int64_t now_utc, const RetryPolicy& retry,
                            const std::function<double()>& unit_random, int batch) {
  DispatchReport report;
  for (;;) {
    const auto rows = claim_due(store, now_utc, batch);
    if (rows.empty()) break;
    for (const auto& row : rows) {
      ChannelSender& sender = row.channel == "whatsapp" ? whatsapp : email;
      const SendOutcome out = sender.send(row);
      switch (out.status) {
        case SendOutcome::Status::sent:
          mark_sent(store, row.id, out.provider_message_id, row.channel, row.invitation_id);
          ++report.sent;
          break;
        case SendOutcome::Status::transient:
          if (row.attempts < retry.max_attempts) {
            mark_retry(store, row.id,
                       now_utc + retry_delay_seconds(retry, row.attempts, unit_random()),
                       out.error);
            ++report.retried;
            break;
          }
          [[fallthrough]];
        case SendOutcome::Status::permanent:
          mark_failed(store, row.id, out.error);
          ++report.failed;
          break;
      }
    }
  }
  return report;
}

}  // namespace tafel::outbox
