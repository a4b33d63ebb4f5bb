#include "adapters/whatsapp/access_token.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sys/stat.h>

namespace tafel::whatsapp {

namespace {

// Bearer tokens are printable ASCII without spaces (RFC 6750's b64token and then some).
bool plausible_token(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

std::string_view trim_end(std::string_view s) {
  while (!s.empty() &&
         (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::expected<std::optional<AccessToken>, std::string> load_access_token(
    const std::filesystem::path& token_file, std::optional<std::string_view> env_value) {
  if (env_value && !env_value->empty()) {
    const auto token = trim_end(*env_value);
    if (!plausible_token(token))
      return std::unexpected(fmt::format(
          "{} holds characters an access token cannot have (whitespace or control characters)",
          kWhatsAppTokenEnv));
    return AccessToken{std::string(token)};
  }
  if (token_file.empty()) return std::nullopt;
  struct stat st {};
  if (::stat(token_file.c_str(), &st) != 0)
    return std::unexpected(fmt::format("{}: {}", token_file.string(), std::strerror(errno)));
  if (!S_ISREG(st.st_mode))
    return std::unexpected(fmt::format("{}: not a regular file", token_file.string()));
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    return std::unexpected(
        fmt::format("{}: the WhatsApp token file must be readable by its owner only (chmod 600)",
                    token_file.string()));
  std::ifstream in(token_file, std::ios::binary);
  if (!in) return std::unexpected(fmt::format("{}: cannot open", token_file.string()));
  std::string content(std::istreambuf_iterator<char>(in), {});
  if (in.bad()) return std::unexpected(fmt::format("{}: read failed", token_file.string()));
  std::string_view first(content);
  if (const auto nl = first.find('\n'); nl != std::string_view::npos) {
    // Only blank lines may follow the token.
    if (!trim_end(first.substr(nl)).empty())
      return std::unexpected(
          fmt::format("{}: the token file must hold the token on one line", token_file.string()));
    first = first.substr(0, nl);
  }
  const auto token = trim_end(first);
  if (token.empty())
    return std::unexpected(fmt::format("{}: the token file is empty", token_file.string()));
  if (!plausible_token(token))
    return std::unexpected(
        fmt::format("{}: the token holds whitespace or control characters", token_file.string()));
  return AccessToken{std::string(token)};
}

std::expected<std::optional<AccessToken>, std::string> load_access_token(
    const std::filesystem::path& token_file) {
  const char* env = std::getenv(std::string(kWhatsAppTokenEnv).c_str());
  return load_access_token(token_file, env ? std::optional<std::string_view>(env) : std::nullopt);
}

}  // namespace tafel::whatsapp
