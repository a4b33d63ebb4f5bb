// `tafelplanner staff feed-token STAFF_ID`: makes a new calendar-feed token for a facilitator or
// knowledge expert, revokes their earlier one, and prints the feed URL
// `{public_url}/agenda/{token}.ics` (adapters/web/feed_route.hpp). Only the token's hash is
// stored, so the URL is shown this once.

#include "adapters/cli/commands.hpp"
#include "adapters/web/feed_route.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace tafel {

void register_staff_commands(CLI::App& app, CliContext& ctx) {
  auto* group = app.add_subcommand("staff", "Facilitators and knowledge experts");
  group->require_subcommand(1);
  auto staff_id = std::make_shared<std::string>();
  auto* feed = group->add_subcommand(
      "feed-token", "Print a new calendar feed URL for a staff member (revokes the old one)");
  feed->add_option("STAFF_ID", *staff_id, "The staff id from the configuration")->required();
  feed->callback([&ctx, staff_id] {
    auto& db = ctx.store().db();
    SQLite::Transaction tx(db);
    auto token = web::issue_feed_token(db, *staff_id);
    if (!token)
      throw CommandExit{kExitBadInput, fmt::format("STAFF_ID: {}", token.error().message)};
    tx.commit();
    std::cout << fmt::format("{}/agenda/{}.ics\n", ctx.config().public_url, *token);
  });
}

}  // namespace tafel
