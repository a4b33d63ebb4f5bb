#include "adapters/web/import_uploads.hpp"

#include "adapters/web/secrets.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <chrono>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

namespace tafel::web {

namespace fs = std::filesystem;

namespace {

fs::path folder(const fs::path& state_dir) { return state_dir / "uploads"; }

bool valid_token(std::string_view token) {
  if (token.size() != 43) return false;
  for (const char c : token)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
}

fs::path meta_file(const fs::path& state_dir, std::string_view token) {
  return folder(state_dir) / (std::string(token) + ".json");
}

void write_private(const fs::path& file, std::string_view bytes) {
  const fs::path tmp = fs::path(file).concat(".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot create an upload file");
    fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write an upload file");
  }
  fs::rename(tmp, file);
}

std::int64_t file_age_seconds(const fs::path& file, std::int64_t now) {
  std::error_code ec;
  const auto t = fs::last_write_time(file, ec);
  if (ec) return 0;
  const auto sys = std::chrono::file_clock::to_sys(t);
  return now - std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch()).count();
}

}  // namespace

std::string_view import_kind_name(ImportKind kind) {
  return kind == ImportKind::members ? "members" : "events";
}

std::optional<ImportKind> parse_import_kind(std::string_view name) {
  if (name == "members") return ImportKind::members;
  if (name == "events") return ImportKind::events;
  return std::nullopt;
}

std::string keep_upload(const fs::path& state_dir, const PendingUpload& meta,
                        std::string_view bytes) {
  const fs::path dir = folder(state_dir);
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
  const std::string token = random_secret();
  write_private(upload_data_file(state_dir, token), bytes);
  const nlohmann::json j{{"account_id", meta.account_id},
                         {"network_id", meta.network_id},
                         {"kind", import_kind_name(meta.kind)},
                         {"original_name", meta.original_name},
                         {"created_at", meta.created_at}};
  write_private(meta_file(state_dir, token),
                j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return token;
}

std::optional<PendingUpload> find_upload(const fs::path& state_dir, std::string_view token,
                                         std::int64_t now) {
  if (!valid_token(token)) return std::nullopt;
  std::ifstream in(meta_file(state_dir, token), std::ios::binary);
  if (!in) return std::nullopt;
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  try {
    PendingUpload u;
    u.token = std::string(token);
    u.account_id = j.at("account_id").get<std::int64_t>();
    u.network_id = j.at("network_id").get<std::int64_t>();
    const auto kind = parse_import_kind(j.at("kind").get<std::string>());
    if (!kind) return std::nullopt;
    u.kind = *kind;
    u.original_name = j.at("original_name").get<std::string>();
    u.created_at = j.at("created_at").get<std::int64_t>();
    if (now - u.created_at >= kUploadLifetime || now < u.created_at - 60) {
      discard_upload(state_dir, token);
      return std::nullopt;
    }
    if (!fs::exists(upload_data_file(state_dir, token))) return std::nullopt;
    return u;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

fs::path upload_data_file(const fs::path& state_dir, std::string_view token) {
  return folder(state_dir) / (std::string(token) + ".upload");
}

void discard_upload(const fs::path& state_dir, std::string_view token) {
  if (!valid_token(token)) return;
  std::error_code ec;
  fs::remove(upload_data_file(state_dir, token), ec);
  fs::remove(meta_file(state_dir, token), ec);
}

int sweep_uploads(const fs::path& state_dir, std::int64_t now) {
  int removed = 0;
  std::error_code ec;
  const fs::path dir = folder(state_dir);
  if (!fs::is_directory(dir, ec)) return 0;
  std::vector<fs::path> entries;  // read first: removing while iterating is unspecified
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    entries.push_back(it->path());
  for (const auto& p : entries) {
    const std::string stem = p.stem().string();
    if (valid_token(stem) && p.extension() == ".json") {
      // The upload's own time decides; find_upload deletes an expired one.
      if (!find_upload(state_dir, stem, now)) {
        discard_upload(state_dir, stem);
        ++removed;
      }
    } else if (fs::exists(p, ec) && file_age_seconds(p, now) >= kUploadLifetime) {
      if (fs::remove(p, ec)) ++removed;  // a stray file (no metadata) or a leftover .tmp
    }
  }
  return removed;
}

}  // namespace tafel::web
