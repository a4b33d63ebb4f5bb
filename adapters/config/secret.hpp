#pragma once
// Secrets (SMTP and IMAP passwords, the WhatsApp access token) come from an environment variable
// or a file named in the configuration, never from the configuration file itself.
//
// Source, in order: the variable `env_name` (an empty value counts as unset), else `file` ("" =
// none configured): a regular file readable by its owner only (chmod 600), whose first line is
// the secret (trailing CR/LF and blanks trimmed; only blank lines may follow). nullopt = neither
// is set. Errors name the variable or the file, never the secret.

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tafel {

// `env_value` is the variable's value, or nullopt when it is unset.
std::expected<std::optional<std::string>, std::string> read_secret(
    std::string_view env_name, const std::filesystem::path& file,
    std::optional<std::string_view> env_value);

// Reads `env_name` from the environment and calls the overload above.
std::expected<std::optional<std::string>, std::string> read_secret(
    std::string_view env_name, const std::filesystem::path& file);

}  // namespace tafel
