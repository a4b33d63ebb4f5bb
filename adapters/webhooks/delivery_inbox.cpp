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
  impl_->insert.emplace(impl_->store->db(),
                        "INSERT INTO webhook_deliveries (provider, received_at, body, state) "
                        "VALUES (?, ?, ?, 'pending')");
}

DeliveryInbox::~DeliveryInbox() = default;

std::int64_t DeliveryInbox::store(std::string_view provider, std::string_view body) {
  const std::string received = now_utc_iso();
  std::lock_guard lock(mutex_);
  auto& ins = *impl_->insert;
  ins.reset();
  ins.clearBindings();
  ins.bind(1, std::string(provider));
  ins.bindNoCopy(2, received);
  ins.bindNoCopy(3, static_cast<const void*>(body.data()), static_cast<int>(body.size()));
  // Autocommit: the single INSERT is its own transaction, committed when exec() returns.
  ins.exec();
  return impl_->store->db().getLastInsertRowid();
}

}  // namespace tafel::webhooks
