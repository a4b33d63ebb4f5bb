#pragma once
// The webhook inbox (schema v4 `webhook_deliveries`): a delivery is stored raw, exactly as
// received, and committed before the provider gets its 200. Deliveries that arrive together are
// committed together (store_all: one transaction, one WAL append; see group_commit.hpp).
//
// Durability: the store runs SQLite in WAL mode with synchronous=NORMAL (store.cpp), and this
// connection states it again on purpose. A commit is complete once its WAL frames are written to
// the WAL file (write(2), in the kernel's page cache), so a committed delivery survives a kill -9
// of the daemon: the next open replays the WAL. What NORMAL does not promise is survival of an
// operating-system crash or power loss before the next checkpoint's fsync; FULL would fsync the
// WAL on every commit, and on this kind of shared virtual disk an fsync takes up to ~50 ms under
// load, which would be every webhook's latency. The webhook contract is "stored before the 200,
// surviving a crash of the daemon" (the bench's kill -9 run checks it); an OS crash loses at
// most the last moments of deliveries, which Meta redelivers only if they were not answered.
//
// Threading: store()/store_all() may be called from any thread. Every in-process writer to the
// inbox's database takes write_mutex() around its write transactions (the processor does), so
// writers queue on the mutex instead of on SQLite's sleeping busy handler; other processes (CLI
// commands) still meet the busy timeout.

#include "adapters/store/store.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <string_view>
#include <vector>

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
  // error (nothing stored).
  std::int64_t store(std::string_view provider, std::string_view body);

  // Stores every body as a pending delivery in ONE transaction and returns their ids, in order,
  // once it committed: all or none. Throws on a database error (nothing stored).
  std::vector<std::int64_t> store_all(std::string_view provider,
                                      std::span<const std::string_view> bodies);

  std::mutex& write_mutex() { return mutex_; }

 private:
  struct Impl;
  std::mutex mutex_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tafel::webhooks
