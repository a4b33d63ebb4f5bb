#pragma once
// Planning rounds, numbered proposals, their sessions, groups and unplaced people in the store
// (schema_v2_planning.cpp). Writes run in one transaction each; edits of a proposal (pin, lock,
// approve) are refused with a ProposalError value, never half applied.

#include "adapters/store/store.hpp"
#include "engine/time/local_time.hpp"

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct SessionMemberRow {
  std::int64_t member_id = 0;
  bool pinned = false;
};

struct SessionRow {
  std::int64_t id = 0;  // 0 before insert
  std::string slot_id;
  std::string venue_id;
  std::string room;
  LocalTime start;
  LocalTime end;
  std::string sector;
  std::string facilitator_id;
  std::optional<std::int64_t> event_id;
  std::string theme;
  std::string status = "proposed";  // proposed | approved | cancelled | held
  std::string uid;                  // empty on insert: one is made ("tafel-<proposal>-<n>")
  int sequence = 0;
  bool locked = false;
  std::vector<SessionMemberRow> members;  // by member id
};

struct UnplacedRow {
  std::int64_t member_id = 0;
  std::string reason;  // solve.md's reasons, or "busy_elsewhere"
  std::string detail;  // Dutch
};

struct ProposalHeader {
  std::int64_t id = 0;
  std::int64_t round_id = 0;
  std::int64_t network_id = 0;
  std::string network;  // name
  std::string period_from;
  std::string period_to;
  std::optional<std::int64_t> previous_id;
  std::uint64_t seed = 1;
  std::int64_t time_limit_ms = 0;
  std::int64_t elapsed_ms = 0;
  bool stopped_by_deadline = false;
  double score = 0.0;
  std::optional<double> bound;
  std::string theme;
  std::string status = "proposed";  // proposed | approved | superseded | rejected
  int revision = 0;
  std::string created_at;
  std::optional<std::string> approved_at;
  std::optional<std::string> approved_by;
  int session_count = 0;  // filled by list/load
  int placed_count = 0;
  int unplaced_count = 0;
};

struct Proposal {
  ProposalHeader header;
  std::vector<SessionRow> sessions;   // by start, then slot id
  std::vector<UnplacedRow> unplaced;  // by member id
  std::string instance_json;
  std::string result_json;
};

// Inserts `p` (header id, round_id, status, revision, created_at and counts are ignored) under
// the network's round for that period (created when missing, with `theme`). The network's other
// 'proposed' proposals whose period overlaps become 'superseded'. Session uids and sequences
// carry over from `previous_id`'s session at the same slot. One transaction; returns the number.
std::int64_t insert_proposal(Store& store, const Proposal& p);

std::optional<Proposal> load_proposal(Store& store, std::int64_t id);
// Newest first; of one network when given.
std::vector<ProposalHeader> list_proposals(Store& store,
                                           std::optional<std::int64_t> network_id = std::nullopt);

struct ProposalError {
  enum class Code { not_found, not_editable, conflict, invalid };
  Code code = Code::invalid;
  std::string message;  // Dutch, for the coordinator
};

// Edits of a 'proposed' proposal. `expected_revision`, when given, must equal the stored
// revision (else Code::conflict: someone else saved first). Each successful edit raises the
// revision by one and returns the new revision.
//
// Pins `member_id` to `session_id`: moves them there from another session of the proposal or
// from the unplaced list when needed. The member must be of the proposal's network and sector.
std::expected<int, ProposalError> pin_member(Store& store, std::int64_t proposal_id,
                                             std::int64_t member_id, std::int64_t session_id,
                                             std::optional<int> expected_revision = std::nullopt);
// Clears the pin; the member stays where they are. Refused inside a locked session.
std::expected<int, ProposalError> unpin_member(Store& store, std::int64_t proposal_id,
                                               std::int64_t member_id,
                                               std::optional<int> expected_revision = std::nullopt);
std::expected<int, ProposalError> set_session_locked(
    Store& store, std::int64_t proposal_id, std::int64_t session_id, bool locked,
    std::optional<int> expected_revision = std::nullopt);

struct ApprovalOutcome {
  std::vector<std::int64_t> superseded;  // the network's proposals this approval replaced
};
// Marks proposal `id` and its sessions approved (by `approved_by`, now), and the network's
// other 'proposed' or 'approved' proposals superseded, in one transaction. Refuses a proposal
// that is superseded or rejected; approving an approved one again is refused too.
std::expected<ApprovalOutcome, ProposalError> approve_proposal(Store& store, std::int64_t id,
                                                               const std::string& approved_by);
// The same inside the caller's open transaction (so `approve` commits the approval together
// with the invitations it causes).
std::expected<ApprovalOutcome, ProposalError> approve_proposal_in_transaction(
    SQLite::Database& db, std::int64_t id, const std::string& approved_by);

// A session of a current proposal ('proposed' or 'approved') of another network, overlapping a
// planning period: its facilitator, room and people are taken.
struct BusySession {
  std::int64_t session_id = 0;
  std::int64_t proposal_id = 0;
  std::string network;
  std::string venue_id;
  std::string room;
  LocalTime start;
  LocalTime end;
  std::string facilitator_id;
  std::vector<std::string> email_keys;  // of its members, lower-cased
  std::vector<std::string> mobiles;     // E.164
};
// Sessions (not cancelled) of current proposals of networks other than `network_id` that
// overlap [from, to).
std::vector<BusySession> load_busy_sessions(Store& store, std::int64_t network_id, LocalTime from,
                                            LocalTime to);

struct MemberContact {
  std::optional<std::string> email_key;
  std::optional<std::string> mobile;
};
// Contact keys of a member, for recognising one person in two networks.
std::optional<MemberContact> member_contact(Store& store, std::int64_t member_id);

}  // namespace tafel
