#pragma once
// Retention (AVG art. 5(1)(e)): personal data that has done its job is removed on a schedule
// from `[retention]` (config.hpp RetentionConfig). Run daily by the daemon and by
// `tafelplanner retention run`.
//
// Contract, at moment `now_utc`:
//  - copies older than `raw_days` are cleared: webhook bodies of deliveries that were processed
//    or quarantined, the text and raw copy of inbound messages, the payload (rendered text) of
//    outbox rows that are finished (sent, delivered, read, failed, cancelled), the detail of
//    resolved coordinator items, and files in the local outbox folder; pending work is kept;
//  - members whose partner list has not mentioned them for `missing_member_months` and who have
//    no session that has not yet started are erased (erasure.hpp), one by one;
//  - clearing is one transaction; each erasure is its own. Running it twice does nothing more.

#include "adapters/config/config.hpp"
#include "adapters/store/erasure.hpp"
#include "adapters/store/store.hpp"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace tafel {

struct RetentionReport {
  int deliveries_cleared = 0;
  int inbound_cleared = 0;
  int outbox_cleared = 0;
  int items_cleared = 0;
  int files_removed = 0;
  std::vector<std::int64_t> members_erased;  // ids only
};

RetentionReport apply_retention(Store& store, const RetentionConfig& policy, std::int64_t now_utc,
                                const ContactHasher& hasher,
                                const std::filesystem::path& outbox_dir);

}  // namespace tafel
