#pragma once
// Mail through SMTP: builds the MIME from the stored payload and submits it over one reused
// connection. SMTP 4xx and connection trouble are transient, 5xx permanent.

#include "adapters/email/smtp_sender.hpp"
#include "adapters/outbox/channel_sender.hpp"

#include <cstdint>
#include <functional>

namespace tafel::outbox {

class SmtpChannel : public ChannelSender {
 public:
  // `envelope_from`: the SMTP MAIL FROM (bounces); "" = the mail's From address.
  SmtpChannel(email::SmtpSettings settings, std::string envelope_from,
              std::function<std::int64_t()> clock);
  SendOutcome send(const OutboxRow& row) override;

 private:
  email::SmtpSender smtp_;
  std::string envelope_from_;
  std::function<std::int64_t()> clock_;
};

}  // namespace tafel::outbox
