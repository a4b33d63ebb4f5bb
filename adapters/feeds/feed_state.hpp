#pragma once
// What the last successful fetch of a network's feed left for the next conditional GET: the URL
// and its ETag / Last-Modified, one small JSON file per network in `<state_dir>/feeds/`
// (`<network id>.json`, mode 0600, replaced atomically). No personal data.
//
// Validators of another URL (the configuration changed) are ignored. A missing or unreadable
// file reads as "nothing known", so the next fetch is unconditional.

#include "adapters/feeds/feed_fetch.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace tafel::feeds {

std::filesystem::path feed_state_file(const std::filesystem::path& state_dir,
                                      std::int64_t network_id);

FeedValidators load_feed_validators(const std::filesystem::path& state_dir, std::int64_t network_id,
                                    const std::string& url);

// Throws std::filesystem::filesystem_error when the file cannot be written.
void save_feed_validators(const std::filesystem::path& state_dir, std::int64_t network_id,
                          const std::string& url, const FeedValidators& validators);

}  // namespace tafel::feeds
