#include "adapters/outbox/smtp_channel.hpp"

#include "adapters/outbox/payload.hpp"

namespace tafel::outbox {

SmtpChannel::SmtpChannel(email::SmtpSettings settings, std::string envelope_from,
                         std::function<std::int64_t()> clock)
    : smtp_(std::move(settings)),
      envelope_from_(std::move(envelope_from)),
      clock_(std::move(clock)) {}

SendOutcome SmtpChannel::send(const OutboxRow& row) {
  auto mail = mail_from_payload(row.payload, clock_());
  if (!mail) return {SendOutcome::Status::permanent, "", mail.error()};
  const std::string from = envelope_from_.empty() ? mail->from_address : envelope_from_;
  auto sent = smtp_.send(from, mail->to_address, email::build_mime(*mail));
  if (sent) return {SendOutcome::Status::sent, mail->message_id, ""};
  return {sent.error().transient ? SendOutcome::Status::transient : SendOutcome::Status::permanent,
          "", sent.error().message};
}

}  // namespace tafel::outbox
