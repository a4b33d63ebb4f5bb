#include "adapters/imap/imap_client.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <mutex>

namespace tafel::imap {

namespace {

size_t append(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

// IMAP untagged responses: "* SEARCH 1 2 3" lines, "[UIDVALIDITY n]" codes.
std::vector<std::uint32_t> numbers_after(std::string_view text, std::string_view marker) {
  std::vector<std::uint32_t> out;
  std::size_t pos = 0;
  while ((pos = text.find(marker, pos)) != std::string_view::npos) {
    pos += marker.size();
    const std::size_t end = text.find_first_of("\r\n", pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? end : end - pos);
    while (!line.empty()) {
      while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
      std::uint32_t v = 0;
      auto [p, ec] = std::from_chars(line.data(), line.data() + line.size(), v);
      if (ec != std::errc() || p == line.data()) break;
      out.push_back(v);
      line.remove_prefix(static_cast<std::size_t>(p - line.data()));
    }
  }
  return out;
}

std::string url_mailbox(CURL* curl, const std::string& mailbox) {
  char* esc = curl_easy_escape(curl, mailbox.c_str(), static_cast<int>(mailbox.size()));
  std::string out = esc ? esc : mailbox;
  curl_free(esc);
  return out;
}

}  // namespace

ImapClient::ImapClient(ImapSettings settings) : settings_(std::move(settings)) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  base_ = settings_.url;
  if (const auto scheme = base_.find("://"); scheme != std::string::npos)
    if (const auto slash = base_.find('/', scheme + 3); slash != std::string::npos)
      base_.resize(slash);
  curl_ = curl_easy_init();
}

ImapClient::~ImapClient() {
  if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

std::string ImapClient::mailbox_url(const std::string& mailbox) const {
  return base_ + "/" + url_mailbox(static_cast<CURL*>(curl_), mailbox);
}

std::expected<std::string, std::string> ImapClient::perform(const std::string& url,
                                                            const std::string& custom_request) {
  CURL* curl = static_cast<CURL*>(curl_);
  if (!curl) return std::unexpected(std::string("libcurl could not start"));
  std::string body;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.user.c_str());
  curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.password.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST,
                   custom_request.empty() ? nullptr : custom_request.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 300L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  const CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK)
    return std::unexpected(fmt::format(
        "IMAP {}: {}", custom_request.empty() ? "FETCH" : custom_request, curl_easy_strerror(rc)));
  return body;
}

std::expected<std::uint32_t, std::string> ImapClient::uidvalidity(const std::string& mailbox) {
  auto r = perform(base_ + "/", "EXAMINE \"" + mailbox + "\"");
  if (!r) return std::unexpected(r.error());
  const auto v = numbers_after(*r, "[UIDVALIDITY ");
  if (v.empty()) return std::unexpected(std::string("IMAP EXAMINE: no UIDVALIDITY in the answer"));
  return v.front();
}

std::expected<std::vector<std::uint32_t>, std::string> ImapClient::uids_from(
    const std::string& mailbox, std::uint32_t from) {
  auto r = perform(mailbox_url(mailbox), fmt::format("UID SEARCH UID {}:*", from));
  if (!r) return std::unexpected(r.error());
  auto uids = numbers_after(*r, "* SEARCH");
  std::erase_if(uids, [from](std::uint32_t u) { return u < from; });
  std::sort(uids.begin(), uids.end());
  uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
  return uids;
}

std::expected<std::string, std::string> ImapClient::fetch(const std::string& mailbox,
                                                          std::uint32_t uid) {
  return perform(fmt::format("{};UID={}", mailbox_url(mailbox), uid), "");
}

}  // namespace tafel::imap
