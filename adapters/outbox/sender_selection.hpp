#pragma once
// Which senders carry the outbox, chosen from the configuration in one place for every command
// that sends (`dispatch --once`, the daemon's dispatch loop):
// - email: SMTP when [messaging.smtp] url is set (password from TAFELPLANNER_SMTP_PASSWORD or
//   smtp.password_file), else the local outbox folder;
// - WhatsApp: the outbox folder until a Cloud API sender is configured (add it here).
// A factory makes one sender per concurrent use (a sender is used by one thread at a time);
// `max_instances` bounds them (SMTP: one connection, reused).

#include "adapters/config/config.hpp"
#include "adapters/outbox/channel_sender.hpp"

#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <string>

namespace tafel::outbox {

struct SenderFactory {
  std::function<std::unique_ptr<ChannelSender>()> make;
  int max_instances = 1;
};

struct SenderChoice {
  SenderFactory email;
  SenderFactory whatsapp;
  bool email_to_folder = true;  // no SMTP account: mails become .eml files
  bool whatsapp_to_folder = true;
};

// `clock` gives UTC seconds (mail Date headers). The error names the unreadable secret file.
std::expected<SenderChoice, std::string> choose_senders(const Config& cfg,
                                                        std::function<std::int64_t()> clock);

}  // namespace tafel::outbox
