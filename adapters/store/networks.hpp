#pragma once
// Network partners in the store.

#include "adapters/config/config.hpp"
#include "adapters/store/store.hpp"

#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct NetworkRow {
  std::int64_t id = 0;
  std::string name;
  std::string sender_name;
  std::string sender_email;
};

// Creates the network if missing, else updates its sender identity. Returns its id.
std::int64_t upsert_network(Store& store, const NetworkConfig& network);
std::optional<NetworkRow> find_network(Store& store, const std::string& name);
std::vector<NetworkRow> list_networks(Store& store);

// Mirrors the configured networks, venues (with rooms) and staff into the store in one
// transaction. Venues and staff no longer configured are marked inactive, not deleted, since
// events and sessions may refer to them.
void sync_configuration(Store& store, const Config& config);

}  // namespace tafel
