#pragma once
// Members, their consent history, erased-person hashes and the import log in the store.
// Functions taking SQLite::Database& run inside the caller's transaction; the others read.

#include "adapters/store/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct ConsentState {
  bool granted = false;
  std::string source;  // e.g. "import:leden.csv", "import:leden.csv (default)", "whatsapp:STOP"
  std::string at;      // ISO 8601 UTC
};

struct MemberRecord {
  std::int64_t id = 0;  // 0 until stored
  std::int64_t network_id = 0;
  std::string company;
  std::string name;
  std::optional<std::string> email;      // as given, trimmed
  std::optional<std::string> email_key;  // lower-cased, for matching
  std::optional<std::string> mobile;     // E.164, a WhatsApp channel
  std::optional<std::string> landline;   // E.164, for calling only
  std::optional<std::string> sector;     // configured sector name
  std::optional<std::string> sector_raw;
  std::optional<double> employees;
  std::optional<bool> has_hr_staff;
  std::optional<std::string> postcode;
  std::optional<std::string> town;
  std::optional<double> lat;
  std::optional<double> lon;
  std::optional<std::string> location_source;  // "coordinates" | "postcode" | "town"
  bool eligible = false;
  std::optional<std::string> eligibility_reason;
  std::string attributes = "{}";  // unknown columns: a JSON object of header → value
  ConsentState consent_email;
  ConsentState consent_whatsapp;
  bool opted_out_email = false;  // withdrawn in Tafelplanner; imports never override
  bool opted_out_whatsapp = false;
  std::optional<std::int64_t> import_id;
  std::string created_at;
  std::string updated_at;
};

// True when the data an import sets is equal (ids, timestamps and import_id are ignored).
bool same_member_data(const MemberRecord& a, const MemberRecord& b);

// Members of one network, or of all networks, ordered by network name then id.
std::vector<MemberRecord> list_members(Store& store, std::optional<std::int64_t> network_id);
std::optional<MemberRecord> find_member(Store& store, std::int64_t id);

// Inserts `m` (its id is ignored) and returns the new id.
std::int64_t insert_member(SQLite::Database& db, const MemberRecord& m);
// Overwrites every column of member `m.id` except created_at and the opt-out flags.
void update_member(SQLite::Database& db, const MemberRecord& m);

struct ConsentLogEntry {
  std::string channel;  // "email" | "whatsapp"
  bool granted = false;
  std::string source;
  std::string recorded_at;
};
void log_consent(SQLite::Database& db, std::int64_t member_id, const ConsentLogEntry& entry);
std::vector<ConsentLogEntry> consent_history(Store& store, std::int64_t member_id);

// True when `hash` (see contact_hash.hpp) belongs to an erased person.
bool is_erased_contact(Store& store, const std::string& hash);

struct ImportLogRow {
  std::string kind;  // "members" | "events"
  std::int64_t network_id = 0;
  std::string source;
  std::string started_at;
  std::string finished_at;
  std::string status;  // "taken" | "refused" | "failed"
  int added = 0;
  int updated = 0;
  int unchanged = 0;
  int removed = 0;
  int errors = 0;
  int warnings = 0;
};
std::int64_t insert_import_log(SQLite::Database& db, const ImportLogRow& row);

}  // namespace tafel
