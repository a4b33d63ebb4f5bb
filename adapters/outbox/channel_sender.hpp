#pragma once
// The port the dispatcher sends through: one implementation per channel and transport (SMTP,
// local folder, WhatsApp Cloud API). `send` gets a claimed outbox row and reports what happened;
// it never touches the store.

#include "adapters/store/outbox_store.hpp"

#include <string>

namespace tafel::outbox {

struct SendOutcome {
  enum class Status { sent, transient, permanent };
  Status status = Status::sent;
  std::string provider_message_id;  // when sent: Message-ID (mail) or wamid (WhatsApp)
  std::string error;                // otherwise: English, without personal data
  int provider_code = 0;            // WhatsApp error.code or SMTP reply code; 0 = none

  // What a failure means beyond retry-or-not (set by the sender from the provider's code; the
  // dispatcher acts on them — see spec/messaging.md's error table):
  int retry_after_seconds = 0;     // transient: wait at least this long (0 = the retry policy's)
  bool throttle_channel = false;   // transient and channel-wide (130429, 4, 80007): slow down
  bool needs_template = false;     // 131047: outside the 24-hour window, send the template form
  bool channel_unusable = false;   // 131026 / hard bounce: this member's channel is unusable
  bool fall_back = false;          // try the member's other channel where consent allows it
  bool alert_coordinator = false;  // template errors 132xxx, token invalid (0, 190)
  bool stop_channel = false;       // token invalid or expired: stop sending on this channel
};

class ChannelSender {
 public:
  virtual ~ChannelSender() = default;
  virtual SendOutcome send(const OutboxRow& row) = 0;
};

}  // namespace tafel::outbox
