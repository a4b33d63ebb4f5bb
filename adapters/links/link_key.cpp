#include "adapters/links/link_key.hpp"

#include <fmt/format.h>
#include <openssl/rand.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

namespace tafel::links {
namespace {

std::string errno_text() { return std::strerror(errno); }

std::expected<LinkKey, std::string> read_key_file(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) {
    return std::unexpected(fmt::format("{}: {}", file.string(), errno_text()));
  }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return std::unexpected(fmt::format(
        "{}: the link key must be readable by its owner only (chmod 600)", file.string()));
  }
  std::ifstream in(file, std::ios::binary);
  LinkKey key{std::string(std::istreambuf_iterator<char>(in), {})};
  if (!in.good() && !in.eof())
    return std::unexpected(fmt::format("{}: read failed", file.string()));
  if (key.bytes.size() < kMinKeyBytes) {
    return std::unexpected(
        fmt::format("{}: the link key is shorter than {} bytes", file.string(), kMinKeyBytes));
  }
  return key;
}

// Writes a fresh key to a private temporary file and links it into place; loses gracefully to
// a concurrent creator (EEXIST).
std::expected<void, std::string> create_key_file(const std::filesystem::path& file) {
  std::array<unsigned char, kMinKeyBytes> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    return std::unexpected("the random generator failed to make a link key");
  }
  const std::filesystem::path tmp =
      file.parent_path() / fmt::format(".link.key.{}.tmp", static_cast<long>(::getpid()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return std::unexpected(fmt::format("{}: {}", tmp.string(), errno_text()));
  const bool written =
      ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) &&
      ::fsync(fd) == 0;
  const int write_errno = errno;
  ::close(fd);
  if (!written) {
    ::unlink(tmp.c_str());
    return std::unexpected(fmt::format("{}: {}", tmp.string(), std::strerror(write_errno)));
  }
  const int linked = ::link(tmp.c_str(), file.c_str());
  const int link_errno = errno;
  ::unlink(tmp.c_str());
  if (linked != 0 && link_errno != EEXIST) {
    return std::unexpected(fmt::format("{}: {}", file.string(), std::strerror(link_errno)));
  }
  // Make the new name durable.
  if (const int dir = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return {};
}

}  // namespace

std::expected<LinkKey, std::string> load_link_key(const std::filesystem::path& state_dir,
                                                  std::optional<std::string_view> env_value) {
  if (env_value) {
    if (env_value->size() < kMinKeyBytes) {
      return std::unexpected(
          fmt::format("{} must be at least {} bytes long", kLinkKeyEnv, kMinKeyBytes));
    }
    return LinkKey{std::string(*env_value)};
  }
  std::error_code ec;
  std::filesystem::create_directories(state_dir, ec);
  if (ec) return std::unexpected(fmt::format("{}: {}", state_dir.string(), ec.message()));
  const std::filesystem::path file = state_dir / "link.key";
  if (!std::filesystem::exists(file, ec)) {
    if (auto made = create_key_file(file); !made) return std::unexpected(made.error());
  }
  return read_key_file(file);
}

std::expected<LinkKey, std::string> load_link_key(const std::filesystem::path& state_dir) {
  const char* env = std::getenv(std::string(kLinkKeyEnv).c_str());
  return load_link_key(state_dir, env ? std::optional<std::string_view>(env) : std::nullopt);
}

}  // namespace tafel::links
