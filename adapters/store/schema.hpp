#pragma once
// The store's schema as an ordered list of migrations. Migration i (0-based) brings a database
// from version i to version i+1. Released migrations are never edited: add a new one.

#include <span>
#include <string_view>

namespace tafel {

std::span<const std::string_view> schema_migrations();

}  // namespace tafel
