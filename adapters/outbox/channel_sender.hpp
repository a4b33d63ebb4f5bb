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
};

class ChannelSender {
 public:
  virtual ~ChannelSender() = default;
  virtual SendOutcome send(const OutboxRow& row) = 0;
};

}  // namespace tafel::outbox
