#pragma once
// Imports availability answers from a JSON file (format: config/demo/README.md,
// "beschikbaarheid.json"), as if an availability poll had collected them. Each answer names a
// member of the network by e-mail (case-insensitive) or mobile number (E.164) and gives weekly
// windows, dated windows and exception ranges in local time. One transaction per file: an
// error anywhere writes nothing.

#include "adapters/store/store.hpp"
#include "adapters/tz/time_zone.hpp"

#include <string>
#include <vector>

namespace tafel {

struct AvailabilityProblem {
  std::string pointer;  // JSON pointer of the offending value, "" for the whole file
  bool error = true;    // false: a warning (e.g. an unknown member, skipped)
  std::string message;
};

struct AvailabilityImportReport {
  std::vector<AvailabilityProblem> problems;
  int members = 0;    // members whose availability was replaced
  int intervals = 0;  // intervals stored
  bool taken = false;
};

AvailabilityImportReport import_availability(Store& store, const TimeZone& tz,
                                             std::int64_t network_id, const std::string& path,
                                             bool dry_run);

}  // namespace tafel
