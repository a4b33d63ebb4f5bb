#include "adapters/store/schema_parts.hpp"

namespace tafel {

// Version 5: the coordinator web app — accounts with roles, web sessions, log-in attempts (for
// throttling), API tokens and the audit log.
//
// Contracts:
// - `accounts.email` is stored lower-cased; `role` decides the scope: a coordinator sees
//   everything, a partner only its `network_id`, a facilitator only the sessions of `staff_id`.
// - `accounts.password` is a self-describing scrypt string (adapters/web/password.hpp), never
//   the password itself.
// - Secrets are never stored: `web_sessions.id` and `api_tokens.hash` are the SHA-256 (hex) of
//   the random value the browser or script holds.
// - Times in these tables are Unix seconds, except the human-readable `created_at` of accounts
//   and `audit_log.at` (ISO 8601 UTC).
// - `login_attempts.address_hash` is the SHA-256 of the client address: throttling needs only
//   equality, not the address itself.
// - `audit_log.detail` names ids only, never personal data.
std::string_view schema_v5_accounts() {
  return R"sql(
CREATE TABLE accounts (
  id          INTEGER PRIMARY KEY,
  email       TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
  role        TEXT NOT NULL CHECK (role IN ('coordinator', 'partner', 'facilitator')),
  network_id  INTEGER REFERENCES networks(id),
  staff_id    TEXT REFERENCES staff(id),
  password    TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  disabled    INTEGER NOT NULL DEFAULT 0,
  CHECK (role <> 'partner' OR network_id IS NOT NULL),
  CHECK (role <> 'facilitator' OR staff_id IS NOT NULL)
);

CREATE TABLE web_sessions (
  id          TEXT PRIMARY KEY,      -- SHA-256 (hex) of the cookie value
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  csrf        TEXT NOT NULL,         -- the token every form of this session carries
  created_at  INTEGER NOT NULL,
  last_seen   INTEGER NOT NULL,
  expires     INTEGER NOT NULL       -- absolute end; idle sessions end earlier (last_seen)
);
CREATE INDEX web_sessions_account ON web_sessions(account_id);

CREATE TABLE login_attempts (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL,       -- lower-cased, as typed (the account may not exist)
  address_hash  TEXT NOT NULL,
  at            INTEGER NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts(email, at);
CREATE INDEX login_attempts_address ON login_attempts(address_hash, at);

CREATE TABLE api_tokens (
  hash        TEXT PRIMARY KEY,      -- SHA-256 (hex) of the token
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  last_used   INTEGER
);

CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  account      TEXT NOT NULL,        -- the account's e-mail address, or 'system'
  action       TEXT NOT NULL,        -- resolved | approved | moved | cancelled | erased | ...
  object_kind  TEXT NOT NULL,
  object_id    TEXT NOT NULL,
  detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
)sql";
}

}  // namespace tafel
