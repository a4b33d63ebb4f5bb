#include "adapters/webhooks/whatsapp_processor.hpp"

#include "adapters/store/coordinator_items.hpp"
#include "adapters/store/store.hpp"
#include "adapters/webhooks/whatsapp_apply.hpp"
#include "adapters/webhooks/whatsapp_update.hpp"

#include <fmt/format.h>

#include <optional>
#include <vector>

namespace tafel::webhooks {

namespace {

// The lock is optional: tests and CLI use one connection and no mutex.
std::unique_lock<std::mutex> lock_if(std::mutex* m) {
  return m ? std::unique_lock<std::mutex>(*m) : std::unique_lock<std::mutex>();
}

void mark(SQLite::Database& db, std::int64_t id, std::string_view state,
          const std::optional<std::string>& error) {
  SQLite::Statement up(db,
                       "UPDATE webhook_deliveries SET state = ?, error = ?, processed_at = ? "
                       "WHERE id = ?");
  up.bind(1, std::string(state));
  if (error) up.bind(2, *error);
  up.bind(3, now_utc_iso());
  up.bind(4, id);
  up.exec();
}

void quarantine(SQLite::Database& db, std::int64_t id, const std::string& reason) {
  mark(db, id, "quarantined", reason);
  CoordinatorItem item;
  item.kind = "quarantined";
  item.delivery_id = id;
  item.detail = fmt::format(
      "Een WhatsApp-levering (nummer {}) kon niet worden gelezen en is apart gezet: {}. De "
      "inhoud is bewaard; graag nakijken of er een antwoord van een deelnemer in zat.",
      id, reason);
  item.dedupe_key = fmt::format("quarantined:webhook:{}", id);
  add_coordinator_item(db, item);
}

}  // namespace

ProcessReport process_whatsapp_delivery(SQLite::Database& db, std::mutex* write_mutex,
                                        const replies::ReplyContext& ctx, std::int64_t delivery_id,
                                        std::int64_t now_utc) {
  ProcessReport report;
  std::optional<std::string> failure;
  {
    auto lock = lock_if(write_mutex);
    try {
      SQLite::Transaction tx(db);
      SQLite::Statement q(db,
                          "SELECT body FROM webhook_deliveries WHERE id = ? AND state = 'pending'");
      q.bind(1, delivery_id);
      if (!q.executeStep()) return report;
      const std::string body = q.getColumn(0).getString();
      q.reset();
      report.deliveries = 1;
      const auto parsed = parse_whatsapp_delivery(body);
      if (!parsed) {
        quarantine(db, delivery_id, parsed.error());
        report.quarantined = 1;
      } else {
        for (const auto& m : parsed->messages) {
          if (detail::apply_message(db, ctx, delivery_id, m, now_utc) == detail::Applied::duplicate)
            ++report.duplicates;
          else
            ++report.messages;
        }
        for (const auto& s : parsed->statuses) {
          if (detail::apply_status(db, delivery_id, s, now_utc) == detail::Applied::duplicate)
            ++report.duplicates;
          else
            ++report.statuses;
        }
        std::optional<std::string> skipped;
        for (const auto& s : parsed->skipped) skipped = (skipped ? *skipped + "; " : "") + s;
        mark(db, delivery_id, "processed", skipped);
      }
      tx.commit();
      return report;
    } catch (const std::exception& e) {
      // Rolled back. SQLite's and our own messages name tables and steps, not data.
      failure = fmt::format("verwerking mislukt: {}", e.what());
    }
  }
  auto lock = lock_if(write_mutex);
  SQLite::Transaction tx(db);
  quarantine(db, delivery_id, *failure);
  tx.commit();
  return ProcessReport{1, 1, 0, 0, 0};
}

ProcessReport process_pending_whatsapp(SQLite::Database& db, std::mutex* write_mutex,
                                       const replies::ReplyContext& ctx, std::int64_t now_utc,
                                       int limit) {
  std::vector<std::int64_t> ids;
  {
    SQLite::Statement q(db,
                        "SELECT id FROM webhook_deliveries WHERE provider = 'whatsapp' AND "
                        "state = 'pending' ORDER BY id LIMIT ?");
    q.bind(1, limit);
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  }
  ProcessReport total;
  for (const auto id : ids) {
    const auto r = process_whatsapp_delivery(db, write_mutex, ctx, id, now_utc);
    total.deliveries += r.deliveries;
    total.quarantined += r.quarantined;
    total.messages += r.messages;
    total.statuses += r.statuses;
    total.duplicates += r.duplicates;
  }
  return total;
}

}  // namespace tafel::webhooks
