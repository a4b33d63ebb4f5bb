#include "adapters/cli/daemon_jobs.hpp"

#include "adapters/config/secret.hpp"
#include "adapters/feeds/feed_refresh.hpp"
#include "adapters/importers/members/contact_hash.hpp"
#include "adapters/store/coordinator_items.hpp"
#include "adapters/store/digest_store.hpp"
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

void feed_refresh_pass(const Config& config, const NetworkConfig& network) {
  auto store = Store::open(config.database);
  if (!store) {
    log_line({{"event", "feed_refresh"}, {"status", "failed"}, {"reason", "database"}});
    return;
  }
  const auto o = feeds::refresh_feed(*store, config, network);
  const char* status = o.kind == feeds::FeedOutcome::Kind::imported       ? "imported"
                       : o.kind == feeds::FeedOutcome::Kind::not_modified ? "not_modified"
                                                                          : "failed";
  nlohmann::json line{{"event", "feed_refresh"}, {"network", network.name}, {"status", status}};
  if (o.item_id) line["coordinator_item"] = *o.item_id;
  log_line(line);
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

int raise_digest_reminders(SQLite::Database& db, std::int64_t now_utc) {
  std::vector<std::int64_t> networks;
  {
    SQLite::Statement q(db, "SELECT id FROM networks ORDER BY id");
    while (q.executeStep()) networks.push_back(q.getColumn(0).getInt64());
  }
  int raised = 0;
  for (const std::int64_t network : networks) {
    if (!digest_reminder_due(db, network, now_utc)) continue;
    SQLite::Statement last(db,
                           "SELECT COALESCE(MAX(id), 0) FROM digests WHERE network_id = ? AND "
                           "sent_at IS NOT NULL");
    last.bind(1, network);
    last.executeStep();
    const std::string key =
        fmt::format("digest_overdue:{}:{}", network, last.getColumn(0).getInt64());
    SQLite::Statement has(db, "SELECT 1 FROM coordinator_items WHERE dedupe_key = ?");
    has.bind(1, key);
    if (has.executeStep()) continue;
    CoordinatorItem item;
    item.kind = "digest_overdue";
    item.network_id = network;
    item.detail =
        "Een kwartaal zonder nieuwsbrief: de leden hebben al drie maanden niets uit de kennisbank "
        "gehoord. Stel een nieuwsbrief samen onder Beheer › Nieuwsbrief.";
    item.dedupe_key = key;
    add_coordinator_item(db, item);
    ++raised;
  }
  return raised;
}

void digest_reminder_pass(const Config& config) {
  auto store = Store::open(config.database);
  if (!store) {
    log_line({{"event", "digest_reminder"}, {"status", "failed"}, {"reason", "database"}});
    return;
  }
  SQLite::Transaction tx(store->db());
  const int raised = raise_digest_reminders(store->db(), unix_now());
  tx.commit();
  log_line({{"event", "digest_reminder"}, {"status", "done"}, {"raised", raised}});
}

}  // namespace tafel
