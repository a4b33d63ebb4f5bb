#include "adapters/cli/daemon_jobs.hpp"

#include "adapters/config/secret.hpp"
#include "adapters/importers/members/contact_hash.hpp"
#include "adapters/store/retention.hpp"
#include "adapters/store/store.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>

namespace tafel {

namespace {

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void log_line(const nlohmann::json& j) { std::cerr << j.dump() + "\n" << std::flush; }

}  // namespace

void retention_pass(const Config& config) {
  auto store = Store::open(config.database);
  if (!store) {
    log_line({{"event", "retention"}, {"status", "failed"}, {"reason", "database"}});
    return;
  }
  const ContactHasher hasher{email_contact_hash, phone_contact_hash};
  const auto r =
      apply_retention(*store, config.retention, unix_now(), hasher, config.messaging.outbox_dir);
  log_line({{"event", "retention"},
            {"status", "done"},
            {"deliveries_cleared", r.deliveries_cleared},
            {"inbound_cleared", r.inbound_cleared},
            {"outbox_cleared", r.outbox_cleared},
            {"items_cleared", r.items_cleared},
            {"files_removed", r.files_removed},
            {"members_erased", r.members_erased}});
}

std::expected<imap::PassSummary, std::string> run_mail_intake(
    SQLite::Database& db, const replies::ReplyContext& context) {
  const ImapConfig& imap = context.config.messaging.imap;
  auto password = read_secret("TAFELPLANNER_IMAP_PASSWORD", imap.password_file);
  if (!password) return std::unexpected(password.error());
  imap::ImapClient client({imap.url, imap.user, password->value_or("")});
  return imap::run_imap_pass(db, context, client, imap.mailbox, [] { return unix_now(); });
}

void mail_intake_pass(const replies::ReplyContext& context) {
  auto store = Store::open(context.config.database);
  if (!store) {
    log_line({{"event", "mail_intake"}, {"status", "failed"}, {"reason", "database"}});
    return;
  }
  const auto r = run_mail_intake(store->db(), context);
  if (!r) {
    log_line({{"event", "mail_intake"}, {"status", "failed"}, {"reason", r.error()}});
    return;
  }
  if (r->fetched > 0)
    log_line({{"event", "mail_intake"},
              {"status", "done"},
              {"fetched", r->fetched},
              {"duplicates", r->duplicates},
              {"kinds", r->kinds}});
}

}  // namespace tafel
