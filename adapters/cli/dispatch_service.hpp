#pragma once
// `serve`'s outbox dispatcher: when [messaging] dispatch is on (the default), requeues the rows a
// crash left in flight (logging their count and ids), then runs adapters/outbox/dispatch_loop on
// the server's io_context with the senders of `dispatch --once` (senders.hpp) and the outreach
// planner every minute. Stops claiming when shutdown begins; destroy it before the Server.

#include "adapters/cli/context.hpp"
#include "adapters/http/server.hpp"

#include <memory>

namespace tafel {

class DispatchService;

// nullptr when dispatching is turned off. Throws CommandExit on broken templates or secrets.
std::shared_ptr<DispatchService> start_dispatch_service(CliContext& ctx, http::Server& server);

}  // namespace tafel
