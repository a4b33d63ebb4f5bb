#pragma once
// Readiness: `GET /readyz` (and HEAD) answers 200 {"status":"ready"} when the daemon can do its
// work, else 503 {"status":"unavailable","reason":"..."} — for the load balancer, the service
// manager and the restore check. The reason is a fixed English phrase, never data.
//
// The probe opens its own short-lived connection to the database (handlers may run on any server
// thread; the daemon's Store is single-threaded) and takes the write lock with
// `BEGIN IMMEDIATE; ROLLBACK`, waiting at most `lock_timeout`. Not ready when the file is
// missing, read-only, locked by another writer for longer than that, or broken.
//
// When `stuck_after` is set (the daemon dispatches and processes webhooks itself), it is also not
// ready when work waits too long: an outbox row due more than `stuck_after` ago still pending or
// in flight ("outbox stuck"), or a webhook delivery received that long ago still unprocessed
// ("inbox stuck"). `now` gives the current Unix time (a parameter so tests can move it).
//
// Thread-safety: check() may be called from several threads at once.

#include "adapters/http/router.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace tafel::http {

struct Readiness {
  bool ready = false;
  std::string reason;  // empty when ready
};

class ReadinessProbe {
 public:
  explicit ReadinessProbe(std::filesystem::path database,
                          std::chrono::milliseconds lock_timeout = std::chrono::milliseconds(500));
  // Also checks that queued work moves (see above); 0 turns the check off.
  ReadinessProbe& watch_queues(std::chrono::seconds stuck_after, std::function<std::int64_t()> now);
  Readiness check() const;

 private:
  std::filesystem::path database_;
  std::chrono::milliseconds lock_timeout_;
  std::chrono::seconds stuck_after_{0};
  std::function<std::int64_t()> now_;
};

Response handle_readyz(const ReadinessProbe& probe, const Request& request);

// Adds GET /readyz; the router keeps `probe` alive.
void register_readiness_route(Router& router, std::shared_ptr<const ReadinessProbe> probe);

}  // namespace tafel::http
