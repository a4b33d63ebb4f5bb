#pragma once
// The WhatsApp Cloud API access token.
//
// Source, in order: the environment variable TAFELPLANNER_WHATSAPP_TOKEN, otherwise the file
// `messaging.whatsapp.token_file` (its first line; trailing CR/LF and spaces are trimmed). A token
// file readable by group or others is refused (chmod 600), as is a token with whitespace or
// control characters inside (it goes into an HTTP header). Neither set: no token (WhatsApp then
// goes to the outbox folder). The token is never logged; errors name the file, never the token.

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tafel::whatsapp {

inline constexpr std::string_view kWhatsAppTokenEnv = "TAFELPLANNER_WHATSAPP_TOKEN";

struct AccessToken {
  std::string value;
};

// `env_value` is the environment variable's value, or nullopt when it is unset (an empty value
// counts as unset). `token_file` "" = none configured. nullopt = no token anywhere.
std::expected<std::optional<AccessToken>, std::string> load_access_token(
    const std::filesystem::path& token_file, std::optional<std::string_view> env_value);

// Reads TAFELPLANNER_WHATSAPP_TOKEN from the environment and calls the overload above.
std::expected<std::optional<AccessToken>, std::string> load_access_token(
    const std::filesystem::path& token_file);

}  // namespace tafel::whatsapp
