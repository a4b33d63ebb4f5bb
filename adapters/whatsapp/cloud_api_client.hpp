#pragma once
// The HTTP side of the WhatsApp Cloud API: `POST {base}/{version}/{phone-number-id}/messages`
// with `Authorization: Bearer <token>` and a JSON body, over one kept-alive connection that is
// reused for every request (and re-opened when the server closed it). Both https:// (the real
// API; the server certificate is verified against the system store) and http:// base URLs work,
// so tests can talk to http://127.0.0.1:<port>.
//
// Not thread-safe: one client per thread. The token never appears in errors.

#include <chrono>
#include <expected>
#include <memory>
#include <string>

namespace httplib {
class Client;
}

namespace tafel::whatsapp {

struct CloudApiSettings {
  std::string base_url = "https://graph.facebook.com";  // scheme://host[:port][/prefix]
  std::string api_version = "v21.0";
  std::string token;
  std::chrono::milliseconds connect_timeout{5'000};
  std::chrono::milliseconds read_timeout{15'000};  // also the write timeout
};

struct CloudApiAnswer {
  int http_status = 0;
  std::string body;
};

// A request that got no HTTP answer at all (connection refused, timeout, connection dropped,
// TLS failure). `what` is English and holds no personal data.
struct TransportFailure {
  std::string what;
};

class CloudApiClient {
 public:
  // Fails on a base URL that is not http:// or https://, or an empty version.
  static std::expected<CloudApiClient, std::string> create(CloudApiSettings settings);

  CloudApiClient(CloudApiClient&&) noexcept;
  CloudApiClient& operator=(CloudApiClient&&) noexcept;
  ~CloudApiClient();

  // Posts `json_body` to the messages endpoint of `phone_number_id` (digits only; checked by the
  // caller) and returns the HTTP answer, whatever its status.
  std::expected<CloudApiAnswer, TransportFailure> post_message(const std::string& phone_number_id,
                                                               const std::string& json_body);

 private:
  CloudApiClient(std::unique_ptr<httplib::Client> client, std::string path_prefix);
  std::unique_ptr<httplib::Client> client_;
  std::string path_prefix_;  // "/<base path>/<version>/"
};

}  // namespace tafel::whatsapp
