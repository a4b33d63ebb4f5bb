#pragma once
// Shared set-up for the member import tests: the test configuration, a fresh store with its
// networks, and a dump of the store's content for before/after comparisons.

#include "adapters/config/config.hpp"
#include "adapters/importers/members/member_import.hpp"
#include "adapters/store/members_store.hpp"
#include "adapters/store/networks.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tafel::testing {

inline std::string members_data(const std::string& name) {
  return std::string(TAFEL_SOURCE_DIR) + "/tests/data/members/" + name;
}

class MemberImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cfg = load_config(members_data("test_config.toml"));
    ASSERT_TRUE(cfg.has_value());
    config_ = std::move(*cfg);
    auto opened = Store::open(dir_ / "t.db");
    ASSERT_TRUE(opened.has_value());
    store_.emplace(std::move(*opened));
    sync_configuration(*store_, config_);
  }

  Store& store() { return *store_; }
  NetworkRow network(const std::string& name = "BTO Test") {
    return find_network(*store_, name).value();
  }

  MemberImportResult run(const std::filesystem::path& file, bool dry_run = false,
                         const std::string& network_name = "BTO Test",
                         const std::string& now = "2026-03-01T10:00:00Z") {
    return import_members(*store_, config_, network(network_name), file,
                          MemberImportOptions{.dry_run = dry_run, .now = now});
  }
  MemberImportResult run_text(const std::string& csv, bool dry_run = false,
                              const std::string& now = "2026-03-01T10:00:00Z") {
    return run(dir_.write("leden.csv", csv), dry_run, "BTO Test", now);
  }

  std::vector<MemberRecord> members() { return list_members(*store_, std::nullopt); }

  // Every row of every table the import may touch, as text.
  std::string dump() {
    std::string out;
    for (const char* table : {"networks", "members", "consent_log", "imports", "erased_contacts"}) {
      SQLite::Statement q(store_->db(), std::string("SELECT * FROM ") + table + " ORDER BY 1");
      out += std::string("[") + table + "]\n";
      while (q.executeStep()) {
        for (int c = 0; c < q.getColumnCount(); ++c)
          out += (q.getColumn(c).isNull() ? std::string("NULL") : q.getColumn(c).getString()) + "|";
        out += "\n";
      }
    }
    return out;
  }

  std::vector<std::string> lines(const MemberImportResult& r, const std::string& file) {
    std::vector<std::string> out;
    for (const auto& p : r.problems) out.push_back(format_member_problem(file, p));
    return out;
  }

  TempDir dir_;
  Config config_;
  std::optional<Store> store_;
};

}  // namespace tafel::testing
