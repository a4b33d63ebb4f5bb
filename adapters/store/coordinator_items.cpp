#include "adapters/store/coordinator_items.hpp"

#include "adapters/store/store.hpp"

namespace tafel {

namespace {

template <typename T>
void bind_optional(SQLite::Statement& q, int index, const std::optional<T>& value) {
  if (value)
    q.bind(index, *value);
  else
    q.bind(index);
}

}  // namespace

std::int64_t add_coordinator_item(SQLite::Database& db, const CoordinatorItem& item) {
  if (item.dedupe_key) {
    SQLite::Statement existing(db, "SELECT id FROM coordinator_items WHERE dedupe_key = ?");
    existing.bind(1, *item.dedupe_key);
    if (existing.executeStep()) return existing.getColumn(0).getInt64();
  }
  SQLite::Statement q(db,
                      "INSERT INTO coordinator_items (kind, network_id, session_id, member_id, "
                      "inbound_id, delivery_id, detail, dedupe_key, created_at) VALUES (?, ?, ?, "
                      "?, ?, ?, ?, ?, ?)");
  q.bind(1, item.kind);
  bind_optional(q, 2, item.network_id);
  bind_optional(q, 3, item.session_id);
  bind_optional(q, 4, item.member_id);
  bind_optional(q, 5, item.inbound_id);
  bind_optional(q, 6, item.delivery_id);
  q.bind(7, item.detail);
  bind_optional(q, 8, item.dedupe_key);
  q.bind(9, now_utc_iso());
  q.exec();
  return db.getLastInsertRowid();
}

std::vector<CoordinatorItem> open_coordinator_items(SQLite::Database& db) {
  std::vector<CoordinatorItem> out;
  SQLite::Statement q(db,
                      "SELECT id, kind, network_id, session_id, member_id, inbound_id, "
                      "delivery_id, detail, dedupe_key, created_at FROM coordinator_items WHERE "
                      "resolved_at IS NULL ORDER BY id");
  const auto optional_id = [&q](int column) -> std::optional<std::int64_t> {
    if (q.getColumn(column).isNull()) return std::nullopt;
    return q.getColumn(column).getInt64();
  };
  while (q.executeStep()) {
    CoordinatorItem item;
    item.id = q.getColumn(0).getInt64();
    item.kind = q.getColumn(1).getString();
    item.network_id = optional_id(2);
    item.session_id = optional_id(3);
    item.member_id = optional_id(4);
    item.inbound_id = optional_id(5);
    item.delivery_id = optional_id(6);
    item.detail = q.getColumn(7).getString();
    if (!q.getColumn(8).isNull()) item.dedupe_key = q.getColumn(8).getString();
    item.created_at = q.getColumn(9).getString();
    out.push_back(std::move(item));
  }
  return out;
}

bool resolve_coordinator_item(SQLite::Database& db, std::int64_t id, const std::string& who) {
  SQLite::Statement q(db,
                      "UPDATE coordinator_items SET resolved_at = ?, resolved_by = ? WHERE id = ? "
                      "AND resolved_at IS NULL");
  q.bind(1, now_utc_iso());
  q.bind(2, who);
  q.bind(3, id);
  return q.exec() > 0;
}

}  // namespace tafel
