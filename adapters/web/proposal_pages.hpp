#pragma once
// Planning rounds and the proposed schedule in the coordinator web app, with their JSON twins:
//   GET  /beheer/rondes                       rounds of the networks in scope, with proposals
//   GET  /beheer/voorstellen/{id}             week view, unplaced people, chart, changes, forms
//   POST /beheer/voorstellen/{id}/ACTION      vastzetten (move a person to a session and pin
//        them: `lid`, `tafel`), losmaken (`lid`), vergrendelen / ontgrendelen (`tafel`),
//        herberekenen, goedkeuren; every form carries `csrf` and `versie` (the revision)
//   GET  /api/rondes, GET /api/voorstellen/{id}
//   POST /api/voorstellen/{id}/ACTION         JSON {"revision", "member", "session"}; with a
//        session cookie also "csrf" (API tokens need none)
//
// Contracts:
// - Scope: coordinators see and edit every proposal; a partner only its own network's; a
//   facilitator none (their sessions have their own pages). Outside scope: 404, as if absent.
// - Edits call the proposals store (pin_member, unpin_member, set_session_locked), the planner
//   (plan_and_store with resolve) and, for approval, exactly what `tafelplanner approve` does:
//   approve_proposal_in_transaction and the invitations into the outbox in one transaction.
// - A revision other than the stored one is a conflict: the page answers 409 with a Dutch
//   message and the current state, the API 409 with {"error", "revision"}. Nothing changes.
// - Each change adds an audit_log row (ids only).

#include "adapters/http/router.hpp"
#include "adapters/replies/record_answer.hpp"
#include "adapters/web/web_setup.hpp"

#include <memory>

namespace tafel::web {

// `reply` gives the configuration, time zone, message templates and link key that re-solving
// and approving need; it must outlive the router. Without it (no templates folder) the pages
// are not registered.
void register_proposal_routes(http::Router& router, std::shared_ptr<const WebSetup> setup,
                              const replies::ReplyContext* reply);

}  // namespace tafel::web
