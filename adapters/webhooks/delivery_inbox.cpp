#include "adapters/webhooks/delivery_inbox.hpp"

#include <fmt/format.h>

#include <optional>
#include <stdexcept>

namespace tafel::webhooks {

struct DeliveryInbox::Impl {
  std::optional<Store> store;
  std::optional<SQLite::Statement> insert;
};

DeliveryInbox::DeliveryInbox(const std::filesystem::path& path) : impl_(std::make_unique<Impl>()) {
  auto opened = Store::open(path);
  if (!opened) throw std::runtime_error(opened.error().message);
  impl_->store.emplace(std::move(*opened));
  // See the header: WAL + NORMAL is durable against a kill of the process.
  impl_->store->db().exec("PRAGMA synchronous = NORMAL");
  // The inbox worker checkpoints after each round, outside the write mutex (inbox_worker.hpp);
  // a checkpoint here would make every delivery of the batch wait for its fsyncs. Only when the
  // WAL has grown to ~40 MiB (the worker stalled) does this connection checkpoint itself.
  impl_->store->db().exec("PRAGMA wal_autocheckpoint = 10000");
  impl_->insert.emplace(impl_->store->db(),
                        "INSERT INTO webhook_deliveries (provider, received_at, body, state) "
                        "VALUES (?, ?, ?, 'pending')");
}

DeliveryInbox::~DeliveryInbox() = default;

std::int64_t DeliveryInbox::store(std::string_view provider, std::string_view body) {
  return store_all(provider, std::span<const std::string_view>(&body, 1)).front();
}

std::vector<std::int64_t> DeliveryInbox::store_all(std::string_view provider,
                                                   std::span<const std::string_view> bodies) {
  const std::string received = now_utc_iso();
  const std::string provider_text(provider);
  std::vector<std::int64_t> ids;
  ids.reserve(bodies.size());
  std::lock_guard lock(mutex_);
  auto& db = impl_->store->db();
  // IMMEDIATE: take the write lock now, not half-way through the inserts.
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  auto& ins = *impl_->insert;
  try {
    for (const auto body : bodies) {
      ins.reset();
      ins.bindNoCopy(1, provider_text);
      ins.bindNoCopy(2, received);
      ins.bindNoCopy(3, static_cast<const void*>(body.data()), static_cast<int>(body.size()));
      ins.exec();
      ids.push_back(db.getLastInsertRowid());
    }
    tx.commit();
  } catch (...) {
    // A failed step leaves its error in the statement, which reset() would throw again on the
    // next call: clear it here (the transaction rolls back when `tx` goes).
    ins.tryReset();
    throw;
  }
  ins.tryReset();
  ins.clearBindings();  // the bound bytes are the caller's
  return ids;
}

}  // namespace tafel::webhooks
