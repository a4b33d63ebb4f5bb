#pragma once
// A small IMAP client on libcurl, for reading one mailbox by UID (RFC 3501):
// EXAMINE for UIDVALIDITY, `UID SEARCH UID <from>:*`, and fetching one message by `;UID=n`.
// The connection is reused while the client lives. The password is never logged or put into
// an error message.

#include <cstdint>
#include <expected>
#include <memory>
#include <string>
#include <vector>

namespace tafel::imap {

struct ImapSettings {
  std::string url;  // imap://host[:port] or imaps://host[:port] (a path is ignored)
  std::string user;
  std::string password;
};

class ImapClient {
 public:
  explicit ImapClient(ImapSettings settings);
  ~ImapClient();
  ImapClient(const ImapClient&) = delete;
  ImapClient& operator=(const ImapClient&) = delete;

  // The mailbox's UIDVALIDITY (read-only EXAMINE).
  std::expected<std::uint32_t, std::string> uidvalidity(const std::string& mailbox);
  // UIDs of the messages with UID >= from, ascending (the `*` end of a range means the last
  // message even when its UID is lower; such UIDs are left out).
  std::expected<std::vector<std::uint32_t>, std::string> uids_from(const std::string& mailbox,
                                                                   std::uint32_t from);
  // The raw message with that UID.
  std::expected<std::string, std::string> fetch(const std::string& mailbox, std::uint32_t uid);

 private:
  std::expected<std::string, std::string> perform(const std::string& url,
                                                  const std::string& custom_request);
  std::string mailbox_url(const std::string& mailbox) const;

  ImapSettings settings_;
  std::string base_;  // scheme://host[:port]
  void* curl_ = nullptr;
};

}  // namespace tafel::imap
