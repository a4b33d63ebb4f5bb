#pragma once
// HTML fragments of the proposed-schedule page (/beheer/voorstellen/{id}), built server-side with
// every stored text escaped: the week view (one grid per ISO week, days as columns, sessions as
// blocks with their members and edit forms), the unplaced people with their reasons, the
// placement-per-sector chart (inline SVG) and what changed against the previous proposal.
//
// Edit forms carry the session's CSRF token and the proposal revision they were drawn from, so a
// save after someone else's is refused as a conflict (proposal_pages.hpp).

#include "adapters/config/config.hpp"
#include "adapters/store/proposals_store.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace tafel::web {

// What the page shows of a member (looked up at viewing time).
struct MemberInfo {
  std::string name;
  std::string company;
  std::string sector;  // configured sector name, "" when unknown
};
using MemberLookup = std::map<std::int64_t, MemberInfo>;

// The members of `p` (placed and unplaced) and, when given, of `previous`.
MemberLookup lookup_members(Store& store, const Proposal& p, const Proposal* previous);

// Titles of the events sessions are attached to, by event id.
std::map<std::int64_t, std::string> lookup_event_titles(Store& store, const Proposal& p);

struct ProposalHtmlInput {
  const Config& config;
  const Proposal& proposal;
  const Proposal* previous = nullptr;  // the proposal this one re-solved, if any
  const MemberLookup& members;
  const std::map<std::int64_t, std::string>& event_titles;
  std::string csrf;       // "" for read-only views (no forms)
  bool editable = false;  // proposal still 'proposed' and the viewer may edit it
};

// "Bouw" for "bouw" (configured label), else the name itself.
std::string sector_label(const Config& config, const std::string& sector);

std::string week_view_html(const ProposalHtmlInput& in);
std::string unplaced_html(const ProposalHtmlInput& in);
std::string placement_chart_svg(const ProposalHtmlInput& in);
std::string changes_html(const ProposalHtmlInput& in);
// The forms that act on the whole proposal (move someone, re-solve, approve); "" when not
// editable.
std::string proposal_actions_html(const ProposalHtmlInput& in);

}  // namespace tafel::web
