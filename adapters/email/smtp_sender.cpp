#include "adapters/email/smtp_sender.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <cstring>
#include <mutex>

namespace tafel::email {

namespace {

struct Upload {
  const std::string* data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = up->data->size() - up->offset;
  const std::size_t n = left < room ? left : room;
  std::memcpy(buffer, up->data->data() + up->offset, n);
  up->offset += n;
  return n;
}

bool transient_curl_error(CURLcode rc) {
  switch (rc) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_AGAIN:
      return true;
    default:
      return false;
  }
}

}  // namespace

struct SmtpSender::Impl {
  SmtpSettings settings;
  CURL* curl = nullptr;
};

SmtpSender::SmtpSender(SmtpSettings settings) : impl_(std::make_unique<Impl>()) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  impl_->settings = std::move(settings);
  impl_->curl = curl_easy_init();
}

SmtpSender::~SmtpSender() {
  if (impl_ && impl_->curl) curl_easy_cleanup(impl_->curl);
}

std::expected<void, SmtpFailure> SmtpSender::send(const std::string& envelope_from,
                                                  const std::string& recipient,
                                                  const std::string& raw) {
  CURL* c = impl_->curl;
  if (!c) return std::unexpected(SmtpFailure{true, 0, "curl could not be initialised"});
  const SmtpSettings& s = impl_->settings;
  curl_easy_setopt(c, CURLOPT_URL, s.url.c_str());
  if (s.url.starts_with("smtp://"))
    curl_easy_setopt(c, CURLOPT_USE_SSL, s.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
  if (!s.user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, s.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, s.password.c_str());
  }
  const std::string from = "<" + envelope_from + ">";
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + recipient + ">").c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);  // must outlive the transfer
  Upload upload{&raw};
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(raw.size()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT, s.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  const CURLcode rc = curl_easy_perform(c);
  curl_slist_free_all(rcpt);
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, nullptr);
  if (rc == CURLE_OK) return {};
  long code = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
  SmtpFailure f;
  f.smtp_code = static_cast<int>(code);
  if (code >= 400 && code < 500)
    f.transient = true;
  else if (code >= 500)
    f.transient = false;
  else
    f.transient = transient_curl_error(rc);
  f.message = code ? fmt::format("SMTP {}: {}", code, curl_easy_strerror(rc))
                   : fmt::format("SMTP: {}", curl_easy_strerror(rc));
  return std::unexpected(std::move(f));
}

}  // namespace tafel::email
