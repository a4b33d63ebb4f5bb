#pragma once
// The sender used when no account is configured (the demo, a fresh install): every mail becomes
// `<dir>/<outbox id>-<kind>.eml` (the exact MIME that SMTP would carry) and every WhatsApp
// request `<dir>/<outbox id>-<kind>.json`. Files appear whole (written aside, then renamed).

#include "adapters/outbox/channel_sender.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>

namespace tafel::outbox {

class FolderSender : public ChannelSender {
 public:
  // `clock` gives the send time (UTC seconds) for the mail's Date header.
  FolderSender(std::filesystem::path dir, std::function<std::int64_t()> clock);
  SendOutcome send(const OutboxRow& row) override;

 private:
  std::filesystem::path dir_;
  std::function<std::int64_t()> clock_;
};

}  // namespace tafel::outbox
