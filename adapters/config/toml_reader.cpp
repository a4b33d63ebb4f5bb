#include "adapters/config/toml_reader.hpp"

#include <fmt/format.h>

namespace tafel {

TomlReader::TomlReader(const toml::table& table, std::string path, std::vector<ConfigError>& errors)
    : table_(table), path_(std::move(path)), errors_(errors) {}

std::string TomlReader::key_path(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

void TomlReader::error_at(const toml::node& node, const std::string& key,
                          const std::string& message) {
  const auto& src = node.source();
  errors_.push_back(ConfigError{key_path(key), static_cast<int>(src.begin.line),
                                static_cast<int>(src.begin.column), message});
}

void TomlReader::error(const std::string& key, const std::string& message) {
  // At the value when the key is there (a bad value), else at its table (a missing key).
  const toml::node* at = table_.get(key);
  const auto& src = at ? at->source() : table_.source();
  errors_.push_back(ConfigError{key_path(key), static_cast<int>(src.begin.line),
                                static_cast<int>(src.begin.column), message});
}

const toml::node* TomlReader::find(const std::string& key) {
  used_.insert(key);
  return table_.get(key);
}

std::optional<std::string> TomlReader::string(const std::string& key, bool required) {
  const toml::node* n = find(key);
  if (!n) {
    if (required) error(key, "is required");
    return std::nullopt;
  }
  if (auto v = n->value<std::string>(); v && n->is_string()) return *v;
  error_at(*n, key, "must be a string");
  return std::nullopt;
}

std::optional<double> TomlReader::number(const std::string& key, bool required) {
  const toml::node* n = find(key);
  if (!n) {
    if (required) error(key, "is required");
    return std::nullopt;
  }
  if (n->is_number()) return n->value<double>();
  error_at(*n, key, "must be a number");
  return std::nullopt;
}

std::optional<std::int64_t> TomlReader::integer(const std::string& key, bool required) {
  const toml::node* n = find(key);
  if (!n) {
    if (required) error(key, "is required");
    return std::nullopt;
  }
  if (n->is_integer()) return n->value<std::int64_t>();
  error_at(*n, key, "must be a whole number");
  return std::nullopt;
}

std::optional<bool> TomlReader::boolean(const std::string& key) {
  const toml::node* n = find(key);
  if (!n) return std::nullopt;
  if (n->is_boolean()) return n->value<bool>();
  error_at(*n, key, "must be true or false");
  return std::nullopt;
}

std::vector<std::string> TomlReader::strings(const std::string& key) {
  std::vector<std::string> out;
  const toml::node* n = find(key);
  if (!n) return out;
  const toml::array* arr = n->as_array();
  if (!arr) {
    error_at(*n, key, "must be a list of strings");
    return out;
  }
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const toml::node& item = *arr->get(i);
    if (!item.is_string()) {
      error_at(item, fmt::format("{}[{}]", key, i), "must be a string");
      continue;
    }
    out.push_back(*item.value<std::string>());
  }
  return out;
}

std::vector<std::int64_t> TomlReader::integers(const std::string& key) {
  std::vector<std::int64_t> out;
  const toml::node* n = find(key);
  if (!n) return out;
  const toml::array* arr = n->as_array();
  if (!arr) {
    error_at(*n, key, "must be a list of whole numbers");
    return out;
  }
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const toml::node& item = *arr->get(i);
    if (!item.is_integer()) {
      error_at(item, fmt::format("{}[{}]", key, i), "must be a whole number");
      continue;
    }
    out.push_back(*item.value<std::int64_t>());
  }
  return out;
}

std::vector<TomlReader::Child> TomlReader::array_of_tables(const std::string& key) {
  std::vector<Child> out;
  const toml::node* n = find(key);
  if (!n) return out;
  const toml::array* arr = n->as_array();
  if (!arr) {
    error_at(*n, key, "must be a list of tables ([[" + key + "]])");
    return out;
  }
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const toml::node& item = *arr->get(i);
    const std::string child = fmt::format("{}[{}]", key, i);
    if (!item.is_table()) {
      error_at(item, child, "must be a table");
      continue;
    }
    out.push_back(Child{item.as_table(), key_path(child), ""});
  }
  return out;
}

std::vector<TomlReader::Child> TomlReader::table_of_tables(const std::string& key) {
  std::vector<Child> out;
  const toml::node* n = find(key);
  if (!n) return out;
  const toml::table* t = n->as_table();
  if (!t) {
    error_at(*n, key, "must be a table");
    return out;
  }
  for (const auto& [k, v] : *t) {
    const std::string name(k.str());
    if (!v.is_table()) {
      error_at(v, key + "." + name, "must be a table");
      continue;
    }
    out.push_back(Child{v.as_table(), key_path(key + "." + name), name});
  }
  return out;
}

std::optional<TomlReader::Child> TomlReader::table(const std::string& key) {
  const toml::node* n = find(key);
  if (!n) return std::nullopt;
  if (!n->is_table()) {
    error_at(*n, key, "must be a table");
    return std::nullopt;
  }
  return Child{n->as_table(), key_path(key), key};
}

void TomlReader::reject_unknown_keys() {
  for (const auto& [k, v] : table_) {
    const std::string name(k.str());
    if (!used_.contains(name)) error_at(v, name, "unknown key");
  }
}

}  // namespace tafel
