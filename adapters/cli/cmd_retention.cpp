// `tafelplanner retention run [--at ISO]`: applies `[retention]` once (adapters/store/
// retention.hpp) and prints what it removed — counts and member ids, never personal data. The
// daemon runs the same once a day. `--at` runs it as of another moment (for tests and catch-up).

#include "adapters/cli/commands.hpp"
#include "adapters/importers/members/contact_hash.hpp"
#include "adapters/store/retention.hpp"
#include "engine/time/local_time.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <iostream>
#include <memory>

namespace tafel {

void register_retention_command(CLI::App& app, CliContext& ctx) {
  auto* group = app.add_subcommand("retention", "Remove personal data past its retention time");
  group->require_subcommand(1);
  auto at = std::make_shared<std::string>();
  auto* run = group->add_subcommand(
      "run", "Clear old message copies and erase long-departed members now ([retention])");
  run->add_option("--at", *at, "Run as of this moment (ISO 8601, e.g. 2027-01-01T03:00:00Z)");
  run->callback([&ctx, at] {
    std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    if (!at->empty()) {
      const auto parsed = parse_iso8601(*at);
      if (!parsed)
        throw CommandExit{kExitBadInput, fmt::format("--at: '{}' is not an ISO 8601 moment", *at)};
      now = parsed->utc_seconds;
    }
    const auto& cfg = ctx.config();
    const ContactHasher hasher{email_contact_hash, phone_contact_hash};
    const auto r =
        apply_retention(ctx.store(), cfg.retention, now, hasher, cfg.messaging.outbox_dir);
    std::cout << fmt::format(
        "retention: {} webhook bodies, {} inbound copies, {} message texts, {} coordinator "
        "details cleared; {} outbox files removed; {} members erased{}\n",
        r.deliveries_cleared, r.inbound_cleared, r.outbox_cleared, r.items_cleared, r.files_removed,
        r.members_erased.size(),
        r.members_erased.empty() ? ""
                                 : fmt::format(" (ids {})", fmt::join(r.members_erased, ", ")));
  });
}

}  // namespace tafel
