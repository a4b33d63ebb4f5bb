#pragma once
// Erasure of one person on request (AVG art. 17): `tafelplanner members erase ID`.
//
// In one transaction, with `PRAGMA secure_delete = ON`:
//  - the one-way hashes of their email address and phone numbers go into erased_contacts, so a
//    later import skips them (reason `erased`);
//  - every row of every table that refers to the member (a column named `member_id`, or a
//    foreign key to members) is deleted, whatever the table: tables added by later migrations
//    are found through sqlite_master and pragma_table_info; cascades remove what hangs off them;
//  - the member row (with its extra attributes) is deleted;
//  - in every other text column of every table, except the configuration mirrors (networks,
//    venues, rooms, staff), occurrences of their name, email address and phone numbers are
//    replaced by "[verwijderd]" (payloads of messages and webhooks, audit texts, reports).
// Then the WAL is checkpointed and truncated and the file VACUUMed, so the bytes are gone from
// the database file and its WAL. Files in `outbox_dir` (the local outbox folder) that contain
// the email address or a phone number are deleted.
//
// Known limit: a name shared with another person is also replaced in free text that mentions
// that other person (never in their member row).

#include "adapters/store/store.hpp"

#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace tafel {

// The hashes erased_contacts holds; the importer's contact_hash.hpp provides them (the store
// does not depend on the importers, so the caller passes them in).
struct ContactHasher {
  std::function<std::string(std::string_view)> email;  // of an email address as stored
  std::function<std::string(std::string_view)> phone;  // of an E.164 number
};

struct ErasureReport {
  int rows_deleted = 0;     // referring rows deleted directly (not counting cascades)
  int values_scrubbed = 0;  // text cells in which a name/contact was replaced
  int hashes_recorded = 0;
  int files_removed = 0;  // in the outbox folder
  // False when the WAL could not be emptied (another connection was reading): the data is
  // deleted, but old page images may remain in the -wal file until the next checkpoint.
  bool wal_truncated = false;
};

struct ErasureError {
  enum class Kind { not_found, failed };
  Kind kind = Kind::failed;
  std::string message;  // names the member id, never their data
};

std::expected<ErasureReport, ErasureError> erase_member(Store& store, std::int64_t member_id,
                                                        const ContactHasher& hasher,
                                                        const std::filesystem::path& outbox_dir);

}  // namespace tafel
