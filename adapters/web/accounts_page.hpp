#pragma once
// Accounts of the web app, for coordinators only (anyone else gets 404, as if absent).
//
//   GET  /beheer/accounts                   every account: e-mail, role, network or staff id,
//                                           active or disabled; the form to add one.
//   POST /beheer/accounts                   csrf, email, rol (coordinator|partner|facilitator),
//                                           netwerk (network id, partners), begeleider (staff
//                                           id, facilitators), wachtwoord (at least
//                                           kMinPasswordLength characters). Adds the account and
//                                           an audit_log row in one transaction; 303 back. A bad
//                                           field: the page again with a Dutch error (422).
//   POST /beheer/accounts/{id}/uitschakelen csrf; disables the account, ends its web sessions
//                                           (its API tokens stop working), audit_log row; 303.
//                                           One's own account cannot be disabled here (422).
//   GET  /api/accounts                      {"accounts": [{"id", "email", "role", "network_id",
//                                           "staff_id", "disabled", "created_at"}]}.

#include "adapters/http/message.hpp"
#include "adapters/web/web_setup.hpp"

namespace tafel::web {

http::Response handle_accounts_get(const WebSetup& setup, const http::Request& request);
http::Response handle_account_add(const WebSetup& setup, const http::Request& request);
http::Response handle_account_disable(const WebSetup& setup, const http::Request& request);
http::Response handle_api_accounts(const WebSetup& setup, const http::Request& request);

}  // namespace tafel::web
