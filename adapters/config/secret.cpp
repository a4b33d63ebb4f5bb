#include "adapters/config/secret.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sys/stat.h>

namespace tafel {

namespace {

std::string_view trim_end(std::string_view s) {
  while (!s.empty() &&
         (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::expected<std::optional<std::string>, std::string> read_secret(
    std::string_view env_name, const std::filesystem::path& file,
    std::optional<std::string_view> env_value) {
  if (env_value && !env_value->empty()) {
    const auto value = trim_end(*env_value);
    if (value.empty()) return std::unexpected(fmt::format("{} is blank", env_name));
    return std::string(value);
  }
  if (file.empty()) return std::nullopt;
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0)
    return std::unexpected(fmt::format("{}: {}", file.string(), std::strerror(errno)));
  if (!S_ISREG(st.st_mode))
    return std::unexpected(fmt::format("{}: not a regular file", file.string()));
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    return std::unexpected(fmt::format(
        "{}: a secret file must be readable by its owner only (chmod 600)", file.string()));
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::unexpected(fmt::format("{}: cannot open", file.string()));
  const std::string content(std::istreambuf_iterator<char>(in), {});
  if (in.bad()) return std::unexpected(fmt::format("{}: read failed", file.string()));
  std::string_view first(content);
  if (const auto nl = first.find('\n'); nl != std::string_view::npos) {
    if (!trim_end(first.substr(nl)).empty())  // only blank lines may follow
      return std::unexpected(fmt::format("{}: the secret must be on one line", file.string()));
    first = first.substr(0, nl);
  }
  const auto value = trim_end(first);
  if (value.empty()) return std::unexpected(fmt::format("{}: the file is empty", file.string()));
  return std::string(value);
}

std::expected<std::optional<std::string>, std::string> read_secret(
    std::string_view env_name, const std::filesystem::path& file) {
  const char* env = std::getenv(std::string(env_name).c_str());
  return read_secret(env_name, file, env ? std::optional<std::string_view>(env) : std::nullopt);
}

}  // namespace tafel
