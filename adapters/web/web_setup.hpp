#pragma once
// What the web app's handlers share: the database path (each request opens its own short
// connection, as the personal pages do, because handlers may run on any server thread), the
// page templates, whether cookies get `Secure` (public_url is https) and the clock.
//
// Immutable after construction; shared by every handler through a shared_ptr.

#include "adapters/config/config.hpp"
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
};

// Templates from `<templates>/web` (compiled-in defaults for missing files), Secure cookies when
// public_url starts with https://, the system clock. Errors name the template file.
std::expected<std::shared_ptr<const WebSetup>, std::string> make_web_setup(const Config& config);

}  // namespace tafel::web
