#pragma once
// Turns a member draft (what a file says) into the stored member record: eligibility with its
// reason, consent defaults and their source and time, and the rule that an import never
// overrides an opt-out recorded in Tafelplanner.

#include "adapters/importers/members/member_row.hpp"
#include "adapters/store/members_store.hpp"
#include "engine/members/eligibility.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct MemberRecordContext {
  std::int64_t network_id = 0;
  std::string source;  // "import:<file name>"
  std::string now;     // ISO 8601 UTC
  std::optional<std::int64_t> import_id;
  EligibilityRules rules;
};

struct BuiltMember {
  MemberRecord record;
  bool changed = true;                           // false: equal to `existing` in every datum
  std::vector<ConsentLogEntry> consent_changes;  // to log when the record is written
};

// `existing` is the stored member the draft matched, or null for a new member. The file's
// values replace the stored ones; consent keeps its stored source and time while its value is
// unchanged. Consent defaults per channel whose value is not given: email yes, WhatsApp no.
BuiltMember build_member_record(const MemberDraft& draft, const MemberRecord* existing,
                                const MemberRecordContext& ctx);

}  // namespace tafel
