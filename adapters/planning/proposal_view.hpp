#pragma once
// A stored proposal for people (Dutch text) and for scripts (JSON), as `proposals show` and
// `proposals list` print it. Member names are looked up in the store at the time of viewing.

#include "adapters/config/config.hpp"
#include "adapters/store/proposals_store.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tafel {

// {"number", "network", "period": {"from", "to"}, "status", "revision", "theme", "seed",
//  "time_limit_ms", "elapsed_ms", "score", "bound", "previous", "created_at", "approved_at",
//  "approved_by", "sessions": [{"id", "slot", "venue", "room", "start", "end", "sector",
//  "facilitator", "event", "theme", "status", "uid", "sequence", "locked",
//  "members": [{"member", "name", "company", "pinned"}]}],
//  "unplaced": [{"member", "name", "company", "reason", "detail"}]}
nlohmann::json proposal_to_json(Store& store, const Proposal& proposal);
std::string format_proposal(Store& store, const Config& config, const Proposal& proposal);

// One object per proposal: the header fields above plus "sessions", "placed", "unplaced" counts.
nlohmann::json proposal_list_to_json(const std::vector<ProposalHeader>& list);
std::string format_proposal_list(const std::vector<ProposalHeader>& list);

// "voorgesteld", "goedgekeurd", "vervangen", "afgewezen".
std::string dutch_status(const std::string& status);

}  // namespace tafel
