#pragma once
// A strict reader over one TOML table: typed getters that record errors (with the key's dotted
// path and source line) instead of throwing, and a final check that reports every key that no
// getter asked for as unknown.

#include "adapters/config/config.hpp"

#include <toml++/toml.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tafel {

class TomlReader {
 public:
  // `table` must outlive the reader; `path` is the table's dotted name ("" for the root).
  TomlReader(const toml::table& table, std::string path, std::vector<ConfigError>& errors);

  std::optional<std::string> string(const std::string& key, bool required = false);
  std::optional<double> number(const std::string& key, bool required = false);
  std::optional<std::int64_t> integer(const std::string& key, bool required = false);
  std::optional<bool> boolean(const std::string& key);
  std::vector<std::string> strings(const std::string& key);
  std::vector<std::int64_t> integers(const std::string& key);
  // Sub-tables of an array of tables, or of a table of tables; each with its path.
  struct Child {
    const toml::table* table;
    std::string path;
    std::string key;  // for a table of tables: the child's key
  };
  std::vector<Child> array_of_tables(const std::string& key);
  std::vector<Child> table_of_tables(const std::string& key);
  std::optional<Child> table(const std::string& key);

  // Reports keys of this table that no getter read. Call once, after all getters.
  void reject_unknown_keys();

  void error(const std::string& key, const std::string& message);
  void error_at(const toml::node& node, const std::string& key, const std::string& message);

  std::string key_path(const std::string& key) const;

 private:
  const toml::node* find(const std::string& key);

  const toml::table& table_;
  std::string path_;
  std::vector<ConfigError>& errors_;
  std::set<std::string> used_;
};

}  // namespace tafel
