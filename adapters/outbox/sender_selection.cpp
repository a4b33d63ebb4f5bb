#include "adapters/outbox/sender_selection.hpp"

#include "adapters/config/secret.hpp"
#include "adapters/outbox/folder_sender.hpp"
#include "adapters/outbox/smtp_channel.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>

namespace tafel::outbox {

namespace {

std::expected<std::string, std::string> smtp_password(const SmtpConfig& smtp) {
  auto secret = read_secret("TAFELPLANNER_SMTP_PASSWORD", smtp.password_file);
  if (!secret) return std::unexpected(secret.error());
  return secret->value_or("");
}

bool loopback(const std::string& url) {
  return url.starts_with("smtp://127.") || url.starts_with("smtp://localhost") ||
         url.starts_with("smtp://[::1]");
}

}  // namespace

std::expected<SenderChoice, std::string> choose_senders(const Config& cfg,
                                                        std::function<std::int64_t()> clock) {
  SenderChoice c;
  const auto folder = cfg.messaging.outbox_dir;
  SenderFactory to_folder{[folder, clock] { return std::make_unique<FolderSender>(folder, clock); },
                          4};
  c.email = to_folder;
  c.whatsapp = to_folder;
  if (const auto& smtp = cfg.messaging.smtp; !smtp.url.empty()) {
    auto password = smtp_password(smtp);
    if (!password) return std::unexpected(password.error());
    email::SmtpSettings settings{smtp.url, smtp.user, *password};
    settings.require_tls = !loopback(smtp.url);
    c.email = {[settings, clock] { return std::make_unique<SmtpChannel>(settings, "", clock); }, 1};
    c.email_to_folder = false;
  }
  return c;
}

}  // namespace tafel::outbox
