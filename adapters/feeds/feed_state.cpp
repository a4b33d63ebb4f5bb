#include "adapters/feeds/feed_state.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

namespace tafel::feeds {

std::filesystem::path feed_state_file(const std::filesystem::path& state_dir,
                                      std::int64_t network_id) {
  return state_dir / "feeds" / (std::to_string(network_id) + ".json");
}

FeedValidators load_feed_validators(const std::filesystem::path& state_dir, std::int64_t network_id,
                                    const std::string& url) {
  std::ifstream in(feed_state_file(state_dir, network_id), std::ios::binary);
  if (!in) return {};
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || j.value("url", "") != url) return {};
  FeedValidators v;
  if (j.contains("etag") && j["etag"].is_string()) v.etag = j["etag"].get<std::string>();
  if (j.contains("last_modified") && j["last_modified"].is_string())
    v.last_modified = j["last_modified"].get<std::string>();
  return v;
}

void save_feed_validators(const std::filesystem::path& state_dir, std::int64_t network_id,
                          const std::string& url, const FeedValidators& validators) {
  namespace fs = std::filesystem;
  const fs::path file = feed_state_file(state_dir, network_id);
  fs::create_directories(file.parent_path());
  const fs::path tmp = fs::path(file).concat(".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << nlohmann::json{{"url", url},
                          {"etag", validators.etag},
                          {"last_modified", validators.last_modified}}
               .dump();
    if (!out)
      throw fs::filesystem_error("cannot write", tmp, std::make_error_code(std::errc::io_error));
  }
  fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  fs::rename(tmp, file);
}

}  // namespace tafel::feeds
