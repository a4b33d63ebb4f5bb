#include "adapters/whatsapp/access_token.hpp"

#include "adapters/config/secret.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace tafel::whatsapp {

namespace {

// Bearer tokens are printable ASCII without spaces (RFC 6750's b64token and then some).
bool plausible_token(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

}  // namespace

std::expected<std::optional<AccessToken>, std::string> load_access_token(
    const std::filesystem::path& token_file, std::optional<std::string_view> env_value) {
  auto secret = read_secret(kWhatsAppTokenEnv, token_file, env_value);
  if (!secret) return std::unexpected(secret.error());
  if (!*secret) return std::nullopt;
  if (!plausible_token(**secret))
    return std::unexpected(
        env_value && !env_value->empty()
            ? fmt::format("{} holds characters an access token cannot have (whitespace or "
                          "control characters)",
                          kWhatsAppTokenEnv)
            : fmt::format("{}: the token holds whitespace or control characters",
                          token_file.string()));
  return AccessToken{std::move(**secret)};
}

std::expected<std::optional<AccessToken>, std::string> load_access_token(
    const std::filesystem::path& token_file) {
  const char* env = std::getenv(std::string(kWhatsAppTokenEnv).c_str());
  return load_access_token(token_file, env ? std::optional<std::string_view>(env) : std::nullopt);
}

}  // namespace tafel::whatsapp
