#include "adapters/http/server_state.hpp"

namespace tafel::http::detail {

bool ServerState::try_reserve() {
  auto n = open_.load();
  do {
    if (n >= options.max_connections) return false;
  } while (!open_.compare_exchange_weak(n, n + 1));
  return true;
}

std::uint64_t ServerState::attach(std::weak_ptr<Connection> connection) {
  std::lock_guard lock(mutex_);
  const auto id = next_id_++;
  connections_.emplace(id, std::move(connection));
  return id;
}

void ServerState::release(std::uint64_t id) {
  std::function<void()> idle;
  {
    std::lock_guard lock(mutex_);
    if (id != 0) connections_.erase(id);
    if (open_.fetch_sub(1) == 1 && draining_) idle = on_idle_;
  }
  if (idle) idle();
}

void ServerState::begin_drain(std::function<void()> on_idle) {
  std::vector<std::shared_ptr<Connection>> live;
  bool idle_now = false;
  {
    std::lock_guard lock(mutex_);
    if (draining_.exchange(true)) return;
    on_idle_ = on_idle;
    for (auto& [id, weak] : connections_)
      if (auto c = weak.lock()) live.push_back(std::move(c));
    idle_now = open_.load() == 0;
  }
  for (auto& c : live) c->drain();
  if (idle_now && on_idle) on_idle();
}

void ServerState::clear_on_idle() {
  std::lock_guard lock(mutex_);
  on_idle_ = nullptr;
}

}  // namespace tafel::http::detail
