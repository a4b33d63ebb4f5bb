#pragma once
// The [messaging] section: who messages are sent as, how they are sent, and when (the
// contact-moment policy). Secrets are never read from here: the SMTP password and WhatsApp token
// come from TAFELPLANNER_SMTP_PASSWORD / TAFELPLANNER_WHATSAPP_TOKEN or from a file named here.
// Without an SMTP url or WhatsApp phone-number id, messages go to `outbox_dir` as files.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tafel {

struct ConfigError;
class TomlReader;

// A network's sender identity on each channel (`[[messaging.senders]]`).
struct MessagingSender {
  std::string network;                   // a configured network's name
  std::string mail_from;                 // From address; default: the network's sender_email
  std::string whatsapp_phone_number_id;  // Cloud API sender; "" = no WhatsApp for this network
};

struct SmtpConfig {
  std::string url;  // smtp://host:587 (STARTTLS required) or smtps://host:465; "" = local folder
  std::string user;
  std::filesystem::path password_file;  // used when TAFELPLANNER_SMTP_PASSWORD is unset
  double per_second = 10;               // token-bucket rate
};

struct WhatsAppConfig {
  std::string base_url = "https://graph.facebook.com";
  std::string api_version = "v21.0";
  std::filesystem::path token_file;  // used when TAFELPLANNER_WHATSAPP_TOKEN is unset
  std::string language = "nl";
  std::map<std::string, std::string> templates;  // message kind -> approved template name
  int daily_limit = 250;       // unique people reached outside the 24-hour window per day
  double per_second = 80;      // per phone number
  int per_person_seconds = 6;  // at least this long between two messages to one person
};

// `[messaging.imap]`: the mailbox replies are read from. The password comes from
// TAFELPLANNER_IMAP_PASSWORD, else from `password_file`. Without a url nothing is read.
struct ImapConfig {
  std::string url;  // imap://host[:port] or imaps://host[:port]; "" = no mail intake
  std::string user;
  std::filesystem::path password_file;
  std::string mailbox = "INBOX";
  int poll_seconds = 60;
};

// When messages are due (engine/outreach/contact_policy.hpp applies it). Minutes are local.
struct ContactPolicyConfig {
  int nudge_after_days = 3;
  std::vector<int> reminder_days_before = {7, 1};
  int early_session_before = 8 * 60 + 30;  // sessions starting before this are "morning" ones
  int early_reminder_at = 19 * 60;         // their day-before reminder: the evening before, then
  int quiet_start = 21 * 60;               // no WhatsApp from quiet_start ...
  int quiet_end = 7 * 60 + 30;             // ... until quiet_end
  int poll_close_after_days = 7;      // availability poll: closes this many days after it is sent
  int poll_reminder_days_before = 2;  // ... and reminds those who have not answered this early
};

struct MessagingConfig {
  std::filesystem::path outbox_dir;         // default: <state_dir>/outbox
  std::filesystem::path templates_dir;      // default: <config folder>/templates
  std::string privacy_url;                  // default: <public_url>/privacy
  std::string reply_local = "uitnodiging";  // reply address: <reply_local>+<id>@<reply_domain>
  std::string reply_domain;                 // default: the host of public_url
  std::vector<MessagingSender> senders;
  SmtpConfig smtp;
  WhatsAppConfig whatsapp;
  ImapConfig imap;
  ContactPolicyConfig policy;
  bool dispatch = true;  // `serve` runs the dispatch loop (adapters/outbox/dispatch_loop.hpp)
  int max_attempts = 8;  // transient failures are retried this often, then failed
  int retry_base_seconds = 60;  // first retry delay; doubles per attempt, with jitter
  int retry_max_seconds = 6 * 3600;
};

// Reads `[messaging]` from `root` into `out`, recording problems through the reader. Paths are
// resolved against `config_dir`; defaults that depend on other keys use `state_dir` and
// `public_url`. `networks` are the configured network names, for checking senders. Problems are
// appended to `errors` (the reader's list).
void read_messaging_config(TomlReader& root, const std::filesystem::path& config_dir,
                           const std::filesystem::path& state_dir, const std::string& public_url,
                           const std::vector<std::string>& networks, MessagingConfig& out,
                           std::vector<ConfigError>& errors);

}  // namespace tafel
