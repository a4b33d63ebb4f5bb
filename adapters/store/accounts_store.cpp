#include "adapters/store/accounts_store.hpp"

#include "adapters/store/store.hpp"

namespace tafel {

namespace {

constexpr const char* kAccountColumns =
    "SELECT id, email, role, network_id, staff_id, password, created_at, disabled FROM accounts ";

Account account_of(SQLite::Statement& q) {
  Account a;
  a.id = q.getColumn(0).getInt64();
  a.email = q.getColumn(1).getString();
  a.role = parse_role(q.getColumn(2).getString()).value_or(Role::coordinator);
  if (!q.getColumn(3).isNull()) a.network_id = q.getColumn(3).getInt64();
  if (!q.getColumn(4).isNull()) a.staff_id = q.getColumn(4).getString();
  a.password = q.getColumn(5).getString();
  a.created_at = q.getColumn(6).getString();
  a.disabled = q.getColumn(7).getInt() != 0;
  return a;
}

}  // namespace

std::string_view role_name(Role role) {
  switch (role) {
    case Role::coordinator:
      return "coordinator";
    case Role::partner:
      return "partner";
    case Role::facilitator:
      return "facilitator";
  }
  return "coordinator";
}

std::optional<Role> parse_role(std::string_view name) {
  if (name == "coordinator") return Role::coordinator;
  if (name == "partner") return Role::partner;
  if (name == "facilitator") return Role::facilitator;
  return std::nullopt;
}

std::int64_t add_account(SQLite::Database& db, const Account& account) {
  SQLite::Statement q(db,
                      "INSERT INTO accounts (email, role, network_id, staff_id, password, "
                      "created_at, disabled) VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, account.email);
  q.bind(2, std::string(role_name(account.role)));
  if (account.network_id)
    q.bind(3, *account.network_id);
  else
    q.bind(3);
  if (account.staff_id)
    q.bind(4, *account.staff_id);
  else
    q.bind(4);
  q.bind(5, account.password);
  q.bind(6, now_utc_iso());
  q.bind(7, account.disabled ? 1 : 0);
  q.exec();
  return db.getLastInsertRowid();
}

std::optional<Account> find_account(SQLite::Database& db, std::string_view email) {
  SQLite::Statement q(db, std::string(kAccountColumns) + "WHERE email = ?");
  q.bind(1, std::string(email));
  if (!q.executeStep()) return std::nullopt;
  return account_of(q);
}

std::optional<Account> find_account(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, std::string(kAccountColumns) + "WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return account_of(q);
}

std::vector<Account> list_accounts(SQLite::Database& db) {
  SQLite::Statement q(db, std::string(kAccountColumns) + "ORDER BY email");
  std::vector<Account> out;
  while (q.executeStep()) out.push_back(account_of(q));
  return out;
}

bool set_account_password(SQLite::Database& db, std::string_view email,
                          const std::string& password_hash) {
  SQLite::Statement q(db, "UPDATE accounts SET password = ? WHERE email = ?");
  q.bind(1, password_hash);
  q.bind(2, std::string(email));
  if (q.exec() == 0) return false;
  SQLite::Statement end(
      db, "DELETE FROM web_sessions WHERE account_id = (SELECT id FROM accounts WHERE email = ?)");
  end.bind(1, std::string(email));
  end.exec();
  return true;
}

bool set_account_disabled(SQLite::Database& db, std::int64_t id, bool disabled) {
  SQLite::Statement q(db, "UPDATE accounts SET disabled = ? WHERE id = ?");
  q.bind(1, disabled ? 1 : 0);
  q.bind(2, id);
  if (q.exec() == 0) return false;
  if (disabled) {
    SQLite::Statement end(db, "DELETE FROM web_sessions WHERE account_id = ?");
    end.bind(1, id);
    end.exec();
  }
  return true;
}

void add_web_session(SQLite::Database& db, const std::string& id_hash, std::int64_t account_id,
                     const std::string& csrf, std::int64_t now, std::int64_t expires) {
  SQLite::Statement q(db,
                      "INSERT INTO web_sessions (id, account_id, csrf, created_at, last_seen, "
                      "expires) VALUES (?, ?, ?, ?, ?, ?)");
  q.bind(1, id_hash);
  q.bind(2, account_id);
  q.bind(3, csrf);
  q.bind(4, now);
  q.bind(5, now);
  q.bind(6, expires);
  q.exec();
}

std::optional<WebSession> find_web_session(SQLite::Database& db, const std::string& id_hash,
                                           std::int64_t now, std::int64_t idle_limit) {
  SQLite::Statement q(db,
                      "SELECT account_id, csrf, last_seen, expires FROM web_sessions WHERE id = ?");
  q.bind(1, id_hash);
  if (!q.executeStep()) return std::nullopt;
  WebSession s;
  s.account_id = q.getColumn(0).getInt64();
  s.csrf = q.getColumn(1).getString();
  s.last_seen = q.getColumn(2).getInt64();
  s.expires = q.getColumn(3).getInt64();
  if (now >= s.expires || now - s.last_seen >= idle_limit) {
    q.reset();
    delete_web_session(db, id_hash);
    return std::nullopt;
  }
  return s;
}

void touch_web_session(SQLite::Database& db, const std::string& id_hash, std::int64_t now) {
  SQLite::Statement q(db, "UPDATE web_sessions SET last_seen = ? WHERE id = ?");
  q.bind(1, now);
  q.bind(2, id_hash);
  q.exec();
}

void delete_web_session(SQLite::Database& db, const std::string& id_hash) {
  SQLite::Statement q(db, "DELETE FROM web_sessions WHERE id = ?");
  q.bind(1, id_hash);
  q.exec();
}

void add_login_failure(SQLite::Database& db, std::string_view email, std::string_view address_hash,
                       std::int64_t at) {
  SQLite::Statement q(db, "INSERT INTO login_attempts (email, address_hash, at) VALUES (?, ?, ?)");
  q.bind(1, std::string(email));
  q.bind(2, std::string(address_hash));
  q.bind(3, at);
  q.exec();
}

LoginFailures recent_login_failures(SQLite::Database& db, std::string_view email,
                                    std::string_view address_hash, std::int64_t since) {
  const auto count_of = [&](const char* column, std::string_view key) {
    SQLite::Statement q(db, std::string("SELECT count(*), coalesce(min(at), 0) FROM login_attempts "
                                        "WHERE ") +
                                column + " = ? AND at >= ?");
    q.bind(1, std::string(key));
    q.bind(2, since);
    q.executeStep();
    return LoginFailures{q.getColumn(0).getInt(), q.getColumn(1).getInt64()};
  };
  const auto by_email = count_of("email", email);
  const auto by_address = count_of("address_hash", address_hash);
  return by_email.count >= by_address.count ? by_email : by_address;
}

void clear_login_failures(SQLite::Database& db, std::string_view email, std::int64_t before) {
  SQLite::Statement q(db, "DELETE FROM login_attempts WHERE email = ? OR at < ?");
  q.bind(1, std::string(email));
  q.bind(2, before);
  q.exec();
}

void add_api_token(SQLite::Database& db, const std::string& hash, std::int64_t account_id,
                   std::int64_t now) {
  SQLite::Statement q(db, "INSERT INTO api_tokens (hash, account_id, created_at) VALUES (?, ?, ?)");
  q.bind(1, hash);
  q.bind(2, account_id);
  q.bind(3, now);
  q.exec();
}

std::optional<std::int64_t> use_api_token(SQLite::Database& db, const std::string& hash,
                                          std::int64_t now) {
  SQLite::Statement q(db, "SELECT account_id FROM api_tokens WHERE hash = ?");
  q.bind(1, hash);
  if (!q.executeStep()) return std::nullopt;
  const std::int64_t account = q.getColumn(0).getInt64();
  SQLite::Statement used(db, "UPDATE api_tokens SET last_used = ? WHERE hash = ?");
  used.bind(1, now);
  used.bind(2, hash);
  used.exec();
  return account;
}

void add_audit(SQLite::Database& db, const AuditEntry& entry) {
  SQLite::Statement q(db,
                      "INSERT INTO audit_log (at, account, action, object_kind, object_id, "
                      "detail) VALUES (?, ?, ?, ?, ?, ?)");
  q.bind(1, now_utc_iso());
  q.bind(2, entry.account);
  q.bind(3, entry.action);
  q.bind(4, entry.object_kind);
  q.bind(5, entry.object_id);
  q.bind(6, entry.detail);
  q.exec();
}

std::vector<AuditEntry> audit_entries(SQLite::Database& db) {
  SQLite::Statement q(
      db, "SELECT at, account, action, object_kind, object_id, detail FROM audit_log ORDER BY id");
  std::vector<AuditEntry> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                   q.getColumn(2).getString(), q.getColumn(3).getString(),
                   q.getColumn(4).getString(), q.getColumn(5).getString()});
  return out;
}

std::vector<ApiTokenInfo> list_api_tokens(SQLite::Database& db) {
  SQLite::Statement q(db,
                      "SELECT substr(t.hash, 1, ?), t.account_id, a.email, t.created_at, "
                      "t.last_used FROM api_tokens t JOIN accounts a ON a.id = t.account_id "
                      "ORDER BY a.email, t.created_at");
  q.bind(1, static_cast<int>(kTokenIdLength));
  std::vector<ApiTokenInfo> out;
  while (q.executeStep()) {
    ApiTokenInfo t{q.getColumn(0).getString(), q.getColumn(1).getInt64(),
                   q.getColumn(2).getString(), q.getColumn(3).getInt64(), std::nullopt};
    if (!q.getColumn(4).isNull()) t.last_used = q.getColumn(4).getInt64();
    out.push_back(std::move(t));
  }
  return out;
}

std::optional<std::int64_t> revoke_api_token(SQLite::Database& db, std::string_view id) {
  const bool hex = id.size() >= 8 && id.size() <= 64 &&
                   id.find_first_not_of("0123456789abcdef") == std::string_view::npos;
  if (!hex) return std::nullopt;
  SQLite::Statement q(db, "SELECT hash, account_id FROM api_tokens WHERE substr(hash, 1, ?) = ?");
  q.bind(1, static_cast<int>(id.size()));
  q.bind(2, std::string(id));
  std::vector<std::pair<std::string, std::int64_t>> found;
  while (q.executeStep()) found.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt64());
  if (found.size() != 1) return std::nullopt;
  SQLite::Statement del(db, "DELETE FROM api_tokens WHERE hash = ?");
  del.bind(1, found.front().first);
  del.exec();
  return found.front().second;
}

}  // namespace tafel
