#include "adapters/whatsapp/cloud_api_client.hpp"

#include <fmt/format.h>
#include <httplib.h>

namespace tafel::whatsapp {

namespace {

std::string_view transport_error_text(httplib::Error e) {
  switch (e) {
    case httplib::Error::Connection:
      return "could not connect";
    case httplib::Error::ConnectionTimeout:
      return "connect timed out";
    case httplib::Error::Read:
      return "no answer (read failed, timed out or the connection was dropped)";
    case httplib::Error::Write:
      return "sending the request failed (connection dropped)";
    case httplib::Error::SSLConnection:
      return "TLS handshake failed";
    case httplib::Error::SSLLoadingCerts:
      return "could not load the system CA certificates";
    case httplib::Error::SSLServerVerification:
      return "the server certificate did not verify";
    case httplib::Error::Canceled:
      return "request canceled";
    default:
      return "HTTP transport error";
  }
}

}  // namespace

std::expected<CloudApiClient, std::string> CloudApiClient::create(CloudApiSettings settings) {
  const std::string& url = settings.base_url;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos)
    return std::unexpected(
        fmt::format("messaging.whatsapp.base_url: \"{}\" is not an http(s) URL", url));
  const std::string scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https")
    return std::unexpected(
        fmt::format("messaging.whatsapp.base_url: scheme \"{}\" is not http or https", scheme));
  const auto host_start = scheme_end + 3;
  const auto path_start = url.find('/', host_start);
  const std::string host_port = url.substr(0, path_start);
  if (host_port.size() <= host_start)
    return std::unexpected(fmt::format("messaging.whatsapp.base_url: \"{}\" has no host", url));
  std::string prefix = path_start == std::string::npos ? "" : url.substr(path_start);
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  if (settings.api_version.empty() ||
      settings.api_version.find_first_of("/?#% ") != std::string::npos)
    return std::unexpected("messaging.whatsapp.api_version: must be a version such as v21.0");

  auto client = std::make_unique<httplib::Client>(host_port);
  if (!client->is_valid())
    return std::unexpected(fmt::format("messaging.whatsapp.base_url: \"{}\" cannot be used", url));
  client->set_keep_alive(true);
  client->set_tcp_nodelay(true);
  client->set_connection_timeout(settings.connect_timeout);
  client->set_read_timeout(settings.read_timeout);
  client->set_write_timeout(settings.read_timeout);
  client->set_follow_location(false);
  client->set_bearer_token_auth(settings.token);
  client->set_default_headers({{"Accept", "application/json"}});
  return CloudApiClient(std::move(client), prefix + "/" + settings.api_version + "/");
}

CloudApiClient::CloudApiClient(std::unique_ptr<httplib::Client> client, std::string path_prefix)
    : client_(std::move(client)), path_prefix_(std::move(path_prefix)) {}
CloudApiClient::CloudApiClient(CloudApiClient&&) noexcept = default;
CloudApiClient& CloudApiClient::operator=(CloudApiClient&&) noexcept = default;
CloudApiClient::~CloudApiClient() = default;

std::expected<CloudApiAnswer, TransportFailure> CloudApiClient::post_message(
    const std::string& phone_number_id, const std::string& json_body) {
  const std::string path = path_prefix_ + phone_number_id + "/messages";
  auto res = client_->Post(path, json_body, "application/json");
  if (!res)
    return std::unexpected(TransportFailure{std::string(transport_error_text(res.error()))});
  return CloudApiAnswer{res->status, std::move(res->body)};
}

}  // namespace tafel::whatsapp
