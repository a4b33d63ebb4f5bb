#pragma once
// What an account may see. A coordinator sees everything; a network partner only what belongs to
// its network (an item's network, or the network of the proposal its session belongs to); a
// facilitator only what concerns the sessions they run. Anything outside one's scope is answered
// as if it did not exist (404), never with another partner's data.

#include "adapters/store/accounts_store.hpp"
#include "adapters/store/coordinator_items.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <vector>

namespace tafel::web {

bool item_in_scope(SQLite::Database& db, const Account& account, const CoordinatorItem& item);

// The open coordinator items `account` may see, oldest first.
std::vector<CoordinatorItem> open_items_in_scope(SQLite::Database& db, const Account& account);

}  // namespace tafel::web
