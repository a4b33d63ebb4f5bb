#include "adapters/web/scope.hpp"

#include <optional>
#include <string>

namespace tafel::web {

namespace {

struct SessionOwner {
  std::int64_t network_id = 0;
  std::string facilitator_id;
};

std::optional<SessionOwner> session_owner(SQLite::Database& db, std::int64_t session_id) {
  SQLite::Statement q(db,
                      "SELECT p.network_id, s.facilitator_id FROM sessions s JOIN proposals p ON "
                      "p.id = s.proposal_id WHERE s.id = ?");
  q.bind(1, session_id);
  if (!q.executeStep()) return std::nullopt;
  return SessionOwner{q.getColumn(0).getInt64(), q.getColumn(1).getString()};
}

}  // namespace

bool item_in_scope(SQLite::Database& db, const Account& account, const CoordinatorItem& item) {
  switch (account.role) {
    case Role::coordinator:
      return true;
    case Role::partner: {
      if (!account.network_id) return false;
      if (item.network_id) return *item.network_id == *account.network_id;
      if (!item.session_id) return false;
      const auto owner = session_owner(db, *item.session_id);
      return owner && owner->network_id == *account.network_id;
    }
    case Role::facilitator: {
      if (!account.staff_id || !item.session_id) return false;
      const auto owner = session_owner(db, *item.session_id);
      return owner && owner->facilitator_id == *account.staff_id;
    }
  }
  return false;
}

std::vector<CoordinatorItem> open_items_in_scope(SQLite::Database& db, const Account& account) {
  std::vector<CoordinatorItem> out;
  for (auto& item : open_coordinator_items(db))
    if (item_in_scope(db, account, item)) out.push_back(std::move(item));
  return out;
}

}  // namespace tafel::web
