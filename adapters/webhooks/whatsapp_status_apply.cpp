#include "adapters/store/store.hpp"
#include "adapters/store/whatsapp_status.hpp"
#include "adapters/webhooks/whatsapp_apply.hpp"

#include <fmt/format.h>

namespace tafel::webhooks::detail {

Applied apply_status(SQLite::Database& db, std::int64_t delivery_id, const WaStatus& s,
                     std::int64_t /*now_utc*/) {
  SQLite::Statement ins(db,
                        "INSERT OR IGNORE INTO inbound (channel, dedupe_key, delivery_id, kind, "
                        "provider_at_utc, received_at, raw, outcome) "
                        "VALUES ('whatsapp', ?, ?, 'status', ?, ?, ?, 'status')");
  ins.bind(1, fmt::format("wa:status:{}:{}", s.id, s.status));
  ins.bind(2, delivery_id);
  if (s.timestamp) ins.bind(3, *s.timestamp);
  ins.bind(4, now_utc_iso());
  ins.bind(5, s.raw);
  if (ins.exec() == 0) return Applied::duplicate;
  // The forward-only rule lives in adapters/store/whatsapp_status.hpp; a status that comes
  // before the dispatcher stored the wamid stays `unmatched` until record_sent applies it.
  apply_whatsapp_status(db, db.getLastInsertRowid(),
                        WhatsAppStatus{s.id, s.status, s.error_code, s.error_title});
  return Applied::recorded;
}

}  // namespace tafel::webhooks::detail
