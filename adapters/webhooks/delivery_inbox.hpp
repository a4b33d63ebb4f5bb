#pragma once
// The webhook inbox (schema v4 `webhook_deliveries`): a delivery is stored raw, exactly as
// received, in one short transaction before the provider gets its 200. With the store's WAL
// journal a committed row survives a kill of the daemon.
//
// Threading: store() may be called from any thread. Every in-process writer to the inbox's
// database takes write_mutex() around its write transactions (the processor does), so writers
// queue on the mutex instead of on SQLite's sleeping busy handler; other processes (CLI
// commands) still meet the busy timeout.

#include "adapters/store/store.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string_view>

namespace tafel::webhooks {

class DeliveryInbox {
 public:
  // Opens its own connection to the database at `path` (migrated by the caller before).
  // Throws std::runtime_error naming the file when it cannot.
  explicit DeliveryInbox(const std::filesystem::path& path);
  ~DeliveryInbox();
  DeliveryInbox(const DeliveryInbox&) = delete;
  DeliveryInbox& operator=(const DeliveryInbox&) = delete;

  // Stores one delivery as pending and returns its id once committed. Throws on a database
  // error (the caller answers 500, so the provider retries).
  std::int64_t store(std::string_view provider, std::string_view body);

  std::mutex& write_mutex() { return mutex_; }

 private:
  struct Impl;
  std::mutex mutex_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tafel::webhooks
