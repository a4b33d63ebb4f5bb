#pragma once
// The secret that signs personal links (RSVP, poll, opt-out).
//
// Source, in order: the environment variable TAFELPLANNER_LINK_KEY (its raw bytes; at least
// 32 bytes, else an error), otherwise `<state_dir>/link.key`: 32 bytes from RAND_bytes,
// created once with mode 0600 (written to a private temporary file, then hard-linked into
// place, so concurrent starts agree on one key and a crash never leaves a partial key) and
// reused afterwards. A key file shorter than 32 bytes or readable by group/others is an error.
// The key is never logged; errors never contain it.

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tafel::links {

inline constexpr std::size_t kMinKeyBytes = 32;
inline constexpr std::string_view kLinkKeyEnv = "TAFELPLANNER_LINK_KEY";

struct LinkKey {
  std::string bytes;  // at least kMinKeyBytes
};

// `env_value` is the environment variable's value, or nullopt when it is unset.
std::expected<LinkKey, std::string> load_link_key(const std::filesystem::path& state_dir,
                                                  std::optional<std::string_view> env_value);

// Reads TAFELPLANNER_LINK_KEY from the environment and calls the overload above.
std::expected<LinkKey, std::string> load_link_key(const std::filesystem::path& state_dir);

}  // namespace tafel::links
