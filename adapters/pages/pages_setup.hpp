#pragma once
// What the personal-page handlers share: the database path (each request opens its own short
// connection, as adapters/http/readiness does, because handlers may run on any server thread
// and the daemon's Store is single-threaded), the configuration, time zone, message templates
// for the messages an answer causes, the link key, the page templates and the clock.
//
// Immutable after construction; shared by every handler through a shared_ptr.

#include "adapters/config/config.hpp"
#include "adapters/links/link_key.hpp"
#include "adapters/pages/page_templates.hpp"
#include "adapters/tz/time_zone.hpp"
#include "engine/outreach/message_templates.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>

namespace tafel::pages {

struct PagesSetup {
  std::filesystem::path database;
  Config config;
  TimeZone zone;
  outreach::MessageTemplates messages;
  links::LinkKey link_key;
  PageTemplates templates;
  std::function<std::int64_t()> now;  // Unix seconds
};

// A read-write connection with foreign keys on and a 5 s busy timeout. Throws SQLite::Exception.
std::unique_ptr<SQLite::Database> open_page_db(const std::filesystem::path& database);

// Largest form body the page routes accept (a 1,000-character case, percent-encoded, fits).
inline constexpr std::size_t kPageBodyLimit = 32 * 1024;

}  // namespace tafel::pages
