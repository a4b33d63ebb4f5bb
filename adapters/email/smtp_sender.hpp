#pragma once
// SMTP submission with libcurl: smtp:// with STARTTLS required (CURLUSESSL_ALL), or smtps://
// (implicit TLS); plain smtp:// to a loopback host is allowed without TLS for tests. One CURL
// handle per sender, so consecutive mails reuse the connection.
//
// Thread-safety: one thread at a time per SmtpSender.

#include <expected>
#include <memory>
#include <string>

namespace tafel::email {

struct SmtpSettings {
  std::string url;  // smtp://host:587 or smtps://host:465
  std::string user;
  std::string password;
  long timeout_seconds = 60;
  bool require_tls = true;  // false only for loopback test servers
};

struct SmtpFailure {
  bool transient = false;  // 4xx, connection trouble, timeouts: retry later
  int smtp_code = 0;       // last SMTP reply code, 0 when none
  std::string message;     // English, no personal data
};

class SmtpSender {
 public:
  explicit SmtpSender(SmtpSettings settings);
  ~SmtpSender();
  SmtpSender(const SmtpSender&) = delete;
  SmtpSender& operator=(const SmtpSender&) = delete;

  // Submits `raw` (RFC 5322, CRLF) from `envelope_from` to `recipient`.
  std::expected<void, SmtpFailure> send(const std::string& envelope_from,
                                        const std::string& recipient, const std::string& raw);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tafel::email
