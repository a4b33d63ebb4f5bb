#pragma once
// Accounts of the coordinator web app and what hangs off them (schema v5): web sessions, log-in
// attempts, API tokens and the audit log. Secrets arrive here already hashed (the web adapter
// hashes cookie values, tokens and client addresses); this file never sees a raw secret or
// password. Times are Unix seconds given by the caller (no clock reads besides now_utc_iso()
// for created_at/audit timestamps).

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel {

enum class Role { coordinator, partner, facilitator };

std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

struct Account {
  std::int64_t id = 0;
  std::string email;  // lower-cased
  Role role = Role::coordinator;
  std::optional<std::int64_t> network_id;  // partners
  std::optional<std::string> staff_id;     // facilitators
  std::string password;                    // the stored scrypt string
  std::string created_at;
  bool disabled = false;
};

// Inserts an account (email lower-cased by the caller); returns its id. Throws
// SQLite::Exception when the email exists or a CHECK fails.
std::int64_t add_account(SQLite::Database& db, const Account& account);
std::optional<Account> find_account(SQLite::Database& db, std::string_view email);
std::optional<Account> find_account(SQLite::Database& db, std::int64_t id);
std::vector<Account> list_accounts(SQLite::Database& db);
// Replaces the password hash and ends every web session of the account. False if unknown.
bool set_account_password(SQLite::Database& db, std::string_view email,
                          const std::string& password_hash);

// Disables (or enables) an account and, when disabling, ends every web session of it; its API
// tokens stop working too (authentication checks `disabled`). False if unknown.
bool set_account_disabled(SQLite::Database& db, std::int64_t id, bool disabled);

// --- web sessions ---
struct WebSession {
  std::int64_t account_id = 0;
  std::string csrf;
  std::int64_t last_seen = 0;
  std::int64_t expires = 0;
};
void add_web_session(SQLite::Database& db, const std::string& id_hash, std::int64_t account_id,
                     const std::string& csrf, std::int64_t now, std::int64_t expires);
// The live session with this id: not past `expires`, seen within `idle_limit` seconds of `now`.
// A dead one is deleted and nullopt returned.
std::optional<WebSession> find_web_session(SQLite::Database& db, const std::string& id_hash,
                                           std::int64_t now, std::int64_t idle_limit);
void touch_web_session(SQLite::Database& db, const std::string& id_hash, std::int64_t now);
void delete_web_session(SQLite::Database& db, const std::string& id_hash);

// --- log-in throttling ---
void add_login_failure(SQLite::Database& db, std::string_view email, std::string_view address_hash,
                       std::int64_t at);
// Failures for `email` or from `address_hash` since `since`, whichever is larger, and the
// earliest of the counted failures of that key (for the wait time).
struct LoginFailures {
  int count = 0;
  std::int64_t oldest = 0;
};
LoginFailures recent_login_failures(SQLite::Database& db, std::string_view email,
                                    std::string_view address_hash, std::int64_t since);
// Drops the failures for `email` (after a successful log-in) and everything older than `before`.
void clear_login_failures(SQLite::Database& db, std::string_view email, std::int64_t before);

// --- API tokens ---
void add_api_token(SQLite::Database& db, const std::string& hash, std::int64_t account_id,
                   std::int64_t now);
// The account owning the token (and records `now` as its last use).
std::optional<std::int64_t> use_api_token(SQLite::Database& db, const std::string& hash,
                                          std::int64_t now);

// API tokens for listing and revoking. The id shown is the first kTokenIdLength hex digits of
// the token's SHA-256: stable, and says nothing about the token itself.
inline constexpr std::size_t kTokenIdLength = 12;
struct ApiTokenInfo {
  std::string id;
  std::int64_t account_id = 0;
  std::string email;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_used;
};
std::vector<ApiTokenInfo> list_api_tokens(SQLite::Database& db);
// Deletes the token whose id (see above; at least 8 hex digits of the hash) matches exactly one
// token; returns its account id, or nullopt when none or more than one matches.
std::optional<std::int64_t> revoke_api_token(SQLite::Database& db, std::string_view id);

// --- audit log ---
struct AuditEntry {
  std::string at;  // set when loaded
  std::string account;
  std::string action;
  std::string object_kind;
  std::string object_id;
  std::string detail;  // ids only, no personal data
};
void add_audit(SQLite::Database& db, const AuditEntry& entry);
std::vector<AuditEntry> audit_entries(SQLite::Database& db);

}  // namespace tafel
