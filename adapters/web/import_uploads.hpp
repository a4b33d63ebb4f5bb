#pragma once
// Uploaded import files waiting for "Bevestigen". A file holds personal data, so it is kept only
// in `<state_dir>/uploads/` (folder 0700, files 0600) under a random name (256 random bits,
// base64url), with a small JSON file of ids beside it (who uploaded it, for which network, which
// kind, its original name, when), until it is confirmed or discarded, and never longer than
// kUploadLifetime: sweep_uploads() deletes older ones, and find_upload() treats them as gone.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tafel::web {

enum class ImportKind { members, events };

std::string_view import_kind_name(ImportKind kind);  // "members", "events"
std::optional<ImportKind> parse_import_kind(std::string_view name);

inline constexpr std::int64_t kUploadLifetime = 3600;

struct PendingUpload {
  std::string token;
  std::int64_t account_id = 0;
  std::int64_t network_id = 0;
  ImportKind kind = ImportKind::members;
  std::string original_name;    // as the browser sent it (shown in the report, not a path)
  std::int64_t created_at = 0;  // Unix seconds
};

// Stores `bytes` and `meta` (its token is ignored); returns the new token. Throws
// std::filesystem::filesystem_error or std::runtime_error when it cannot be written.
std::string keep_upload(const std::filesystem::path& state_dir, const PendingUpload& meta,
                        std::string_view bytes);

// The upload with this token, if it exists and is younger than kUploadLifetime at `now`.
std::optional<PendingUpload> find_upload(const std::filesystem::path& state_dir,
                                         std::string_view token, std::int64_t now);

// Where the bytes of a found upload are.
std::filesystem::path upload_data_file(const std::filesystem::path& state_dir,
                                       std::string_view token);

// Deletes an upload (both files); nothing when it does not exist.
void discard_upload(const std::filesystem::path& state_dir, std::string_view token);

// Deletes every upload older than kUploadLifetime at `now` (and stray files older than that).
// Returns how many files were removed. Never throws.
int sweep_uploads(const std::filesystem::path& state_dir, std::int64_t now);

}  // namespace tafel::web
