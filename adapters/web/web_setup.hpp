#pragma once
// What the web app's handlers share: the database path (each request opens its own short
// connection, as the personal pages do, because handlers may run on any server thread), the
// page templates, whether cookies get `Secure` (public_url is https), the clock, the planning
// rules (group sizes for replaying RSVP logs), the local outbox folder (erasure cleans it) and
// the link key (from TAFELPLANNER_LINK_KEY or the state directory, as the daemon's).
//
// Immutable after construction; shared by every handler through a shared_ptr.

#include "adapters/config/config.hpp"
#include "adapters/links/link_key.hpp"
#include "adapters/web/web_templates.hpp"

#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace tafel::web {

struct WebSetup {
  std::filesystem::path database;
  WebTemplates templates;
  bool secure_cookies = false;
  std::function<std::int64_t()> now;  // Unix seconds
  PlanningConfig planning;
  std::filesystem::path outbox_dir;  // the local outbox folder (config messaging.outbox_dir)
  links::LinkKey link_key;           // signs the members' knowledge-base links
};

// Templates from `<templates>/web` (compiled-in defaults for missing files), Secure cookies when
// public_url starts with https://, the system clock, the configuration's planning rules, outbox
// folder and link key. Errors name the template file or the key's problem.
std::expected<std::shared_ptr<const WebSetup>, std::string> make_web_setup(const Config& config);

}  // namespace tafel::web
