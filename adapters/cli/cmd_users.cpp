// `users add|reset-password|list|disable` and `tokens add|list|revoke`: accounts of the coordinator
// web app (adapters/web, schema v5). Passwords are read from stdin only (never from arguments,
// which other users of the machine can see), must have at least 12 characters and are stored as
// scrypt hashes. An API token is printed once and stored only as its SHA-256. Account changes
// are written to the audit log as done by "cli".

#include "adapters/cli/commands.hpp"
#include "adapters/pages/form_body.hpp"
#include "adapters/store/accounts_store.hpp"
#include "adapters/web/password.hpp"
#include "adapters/web/secrets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iostream>
#include <memory>
#include <string>

namespace tafel {

namespace {

struct UserArgs {
  std::string email;
  std::string role;
  std::string network;
  std::string staff;
  bool password_stdin = false;
};

std::string normalized_email(const std::string& raw) {
  std::string email = raw;
  std::transform(email.begin(), email.end(), email.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto at = email.find('@');
  const bool ok = !email.empty() && at != std::string::npos && at > 0 && at + 1 < email.size() &&
                  email.find('@', at + 1) == std::string::npos &&
                  std::none_of(email.begin(), email.end(),
                               [](unsigned char c) { return std::isspace(c) || std::iscntrl(c); });
  if (!ok)
    throw CommandExit{kExitBadInput, fmt::format("EMAIL: '{}' is not an e-mail address", raw)};
  return email;
}

std::string read_new_password(bool from_stdin) {
  if (!from_stdin)
    throw CommandExit{kExitBadInput,
                      "--password-stdin is required: passwords are never taken as arguments"};
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (!pages::valid_utf8(password))
    throw CommandExit{kExitBadInput, "password (stdin): not valid UTF-8"};
  if (pages::utf8_length(password) < web::kMinPasswordLength)
    throw CommandExit{kExitBadInput, fmt::format("password (stdin): needs at least {} characters",
                                                 web::kMinPasswordLength)};
  return password;
}

void users_add(CliContext& ctx, const UserArgs& args) {
  const std::string email = normalized_email(args.email);
  const auto role = parse_role(args.role);
  if (!role)
    throw CommandExit{kExitBadInput, fmt::format("--role: '{}' is not coordinator, partner or "
                                                 "facilitator",
                                                 args.role)};
  Account account;
  account.email = email;
  account.role = *role;
  if (*role == Role::partner) {
    if (args.network.empty()) throw CommandExit{kExitBadInput, "--network: a partner needs one"};
    account.network_id = require_network(ctx, args.network);
  } else if (!args.network.empty()) {
    throw CommandExit{kExitBadInput, "--network: only for --role partner"};
  }
  auto& db = ctx.store().db();
  if (*role == Role::facilitator) {
    if (args.staff.empty()) throw CommandExit{kExitBadInput, "--staff: a facilitator needs one"};
    SQLite::Statement q(db, "SELECT 1 FROM staff WHERE id = ? AND role = 'facilitator'");
    q.bind(1, args.staff);
    if (!q.executeStep())
      throw CommandExit{
          kExitBadInput,
          fmt::format("--staff: no facilitator '{}' in the configuration", args.staff)};
    account.staff_id = args.staff;
  } else if (!args.staff.empty()) {
    throw CommandExit{kExitBadInput, "--staff: only for --role facilitator"};
  }
  if (find_account(db, email))
    throw CommandExit{kExitBadInput, fmt::format("EMAIL: an account {} already exists", email)};
  account.password = web::hash_password(read_new_password(args.password_stdin));
  SQLite::Transaction tx(db);
  const auto id = add_account(db, account);
  add_audit(db, AuditEntry{"", "cli", "account_added", "account", std::to_string(id),
                           fmt::format("role={}", role_name(*role))});
  tx.commit();
  std::cout << fmt::format("added {} ({})\n", email, role_name(*role));
}

void users_reset(CliContext& ctx, const UserArgs& args) {
  const std::string email = normalized_email(args.email);
  auto& db = ctx.store().db();
  const auto account = find_account(db, email);
  if (!account) throw CommandExit{kExitBadInput, fmt::format("EMAIL: no account {}", email)};
  const std::string hash = web::hash_password(read_new_password(args.password_stdin));
  SQLite::Transaction tx(db);
  set_account_password(db, email, hash);
  add_audit(db,
            AuditEntry{"", "cli", "password_reset", "account", std::to_string(account->id), ""});
  tx.commit();
  std::cout << fmt::format("password of {} reset; its sessions have ended\n", email);
}

void users_list(CliContext& ctx) {
  auto& db = ctx.store().db();
  for (const auto& a : list_accounts(db)) {
    std::string scope;
    if (a.network_id) {
      SQLite::Statement q(db, "SELECT name FROM networks WHERE id = ?");
      q.bind(1, *a.network_id);
      scope = q.executeStep() ? " network=" + q.getColumn(0).getString() : "";
    }
    if (a.staff_id) scope = " staff=" + *a.staff_id;
    std::cout << fmt::format("{}\t{}{}{}\n", a.email, role_name(a.role), scope,
                             a.disabled ? " (disabled)" : "");
  }
}

void users_disable(CliContext& ctx, const std::string& raw_email) {
  const std::string email = normalized_email(raw_email);
  auto& db = ctx.store().db();
  const auto account = find_account(db, email);
  if (!account) throw CommandExit{kExitBadInput, fmt::format("EMAIL: no account {}", email)};
  SQLite::Transaction tx(db);
  set_account_disabled(db, account->id, true);
  add_audit(db,
            AuditEntry{"", "cli", "account_disabled", "account", std::to_string(account->id), ""});
  tx.commit();
  std::cout << fmt::format("{} disabled; its sessions have ended and its API tokens stop working\n",
                           email);
}

void tokens_list(CliContext& ctx) {
  for (const auto& t : list_api_tokens(ctx.store().db()))
    std::cout << fmt::format("{}\t{}\tcreated={}\tlast_used={}\n", t.id, t.email, t.created_at,
                             t.last_used ? std::to_string(*t.last_used) : "never");
}

void tokens_revoke(CliContext& ctx, const std::string& id) {
  auto& db = ctx.store().db();
  SQLite::Transaction tx(db);
  const auto account = revoke_api_token(db, id);
  if (!account)
    throw CommandExit{kExitBadInput,
                      fmt::format("ID: no single token with id '{}' (see `tokens list`)", id)};
  add_audit(db, AuditEntry{"", "cli", "token_revoked", "account", std::to_string(*account),
                           fmt::format("token={}", id)});
  tx.commit();
  std::cout << fmt::format("token {} revoked\n", id);
}

void tokens_add(CliContext& ctx, const std::string& raw_email) {
  const std::string email = normalized_email(raw_email);
  auto& db = ctx.store().db();
  const auto account = find_account(db, email);
  if (!account) throw CommandExit{kExitBadInput, fmt::format("EMAIL: no account {}", email)};
  const std::string token = web::random_secret();
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  SQLite::Transaction tx(db);
  add_api_token(db, web::sha256_hex(token), account->id, static_cast<std::int64_t>(now));
  add_audit(db, AuditEntry{"", "cli", "token_added", "account", std::to_string(account->id), ""});
  tx.commit();
  std::cout << token << "\n";
  std::cerr << fmt::format(
      "Store this token now: it is not shown again. Its id (for `tokens "
      "revoke`) is {}.\n",
      web::sha256_hex(token).substr(0, kTokenIdLength));
}

}  // namespace

void register_user_commands(CLI::App& app, CliContext& ctx) {
  auto* users = app.add_subcommand("users", "Accounts of the web app");
  users->require_subcommand(1);

  auto add = std::make_shared<UserArgs>();
  auto* add_cmd = users->add_subcommand("add", "Add an account (password from stdin)");
  add_cmd->add_option("EMAIL", add->email, "Log-in e-mail address")->required();
  add_cmd->add_option("--role", add->role, "coordinator, partner or facilitator")->required();
  add_cmd->add_option("--network", add->network, "The partner's network (role partner)");
  add_cmd->add_option("--staff", add->staff, "The facilitator's staff id (role facilitator)");
  add_cmd->add_flag("--password-stdin", add->password_stdin,
                    "Read the password (at least 12 characters) from the first line of stdin");
  add_cmd->callback([&ctx, add] { users_add(ctx, *add); });

  auto reset = std::make_shared<UserArgs>();
  auto* reset_cmd =
      users->add_subcommand("reset-password", "Set a new password (from stdin); ends sessions");
  reset_cmd->add_option("EMAIL", reset->email, "Log-in e-mail address")->required();
  reset_cmd->add_flag("--password-stdin", reset->password_stdin,
                      "Read the password from the first line of stdin");
  reset_cmd->callback([&ctx, reset] { users_reset(ctx, *reset); });

  users->add_subcommand("list", "List accounts: email, role, scope")->callback([&ctx] {
    users_list(ctx);
  });

  auto disable_email = std::make_shared<std::string>();
  auto* disable_cmd = users->add_subcommand(
      "disable", "Disable an account: no more log-ins, its sessions end, its tokens stop working");
  disable_cmd->add_option("EMAIL", *disable_email, "Log-in e-mail address")->required();
  disable_cmd->callback([&ctx, disable_email] { users_disable(ctx, *disable_email); });

  auto* tokens = app.add_subcommand("tokens", "API tokens of the web app");
  tokens->require_subcommand(1);
  auto token_email = std::make_shared<std::string>();
  auto* token_add = tokens->add_subcommand("add", "Create an API token; printed once on stdout");
  token_add->add_option("EMAIL", *token_email, "The account the token acts as")->required();
  token_add->callback([&ctx, token_email] { tokens_add(ctx, *token_email); });
  tokens->add_subcommand("list", "List API tokens: id, account, created, last used")
      ->callback([&ctx] { tokens_list(ctx); });
  auto token_id = std::make_shared<std::string>();
  auto* token_revoke = tokens->add_subcommand("revoke", "Revoke an API token by its id");
  token_revoke->add_option("ID", *token_id, "The token's id (see `tokens list`)")->required();
  token_revoke->callback([&ctx, token_id] { tokens_revoke(ctx, *token_id); });
}

}  // namespace tafel
