// `tafelplanner sessions cancel ID [--reason TEXT]` and
// `tafelplanner sessions move ID --start "YYYY-MM-DD HH:MM" [--minutes N] [--venue ID]`:
// changes to an approved session after its invitations went out (adapters/replies/
// session_changes.hpp). Each is one transaction with its messages and an audit_log row
// (account "cli"). Exit codes: 0 done, 2 bad input (unknown session or venue, a time in the
// past), 1 the session cannot change (already cancelled, started or not approved).

#include "adapters/cli/commands.hpp"
#include "adapters/replies/session_changes.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace tafel {

namespace {

std::int64_t now_utc() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// "YYYY-MM-DD HH:MM" in the configured time zone.
std::int64_t local_moment(const TimeZone& zone, const std::string& text) {
  const auto bad = [&] {
    return CommandExit{kExitBadInput,
                       fmt::format("--start: '{}' is not a moment \"YYYY-MM-DD HH:MM\"", text)};
  };
  if (text.size() != 16 || text[10] != ' ' || text[13] != ':') throw bad();
  const auto d = parse_date(text.substr(0, 10));
  int hour = -1, minute = -1;
  char tail = 0;
  if (!d || std::sscanf(text.c_str() + 11, "%2d:%2d%c", &hour, &minute, &tail) != 2 || hour < 0 ||
      hour > 23 || minute < 0 || minute > 59)
    throw bad();
  return zone.from_local(*d, hour, minute).utc_seconds;
}

void finish(std::expected<replies::SessionChange, replies::ChangeError> r, SQLite::Transaction& tx,
            const char* what) {
  if (!r)
    throw CommandExit{
        r.error().kind == replies::ChangeError::Kind::conflict ? kExitFailure : kExitBadInput,
        r.error().message};
  tx.commit();
  std::cout << fmt::format("{} (SEQUENCE {}), {} berichten klaargezet\n", what, r->sequence,
                           r->messages_enqueued);
}

}  // namespace

void register_session_commands(CLI::App& app, CliContext& ctx) {
  auto* group = app.add_subcommand("sessions", "Change approved sessions (cancel, move)");
  group->require_subcommand(1);

  struct CancelArgs {
    std::int64_t id = 0;
    std::string reason;
  };
  auto cancel_args = std::make_shared<CancelArgs>();
  auto* cancel = group->add_subcommand(
      "cancel", "Cancel a session: notices with METHOD:CANCEL go to every invitee");
  cancel->add_option("ID", cancel_args->id, "Session id")->required();
  cancel->add_option("--reason", cancel_args->reason, "Reason, quoted in the notices (Dutch)");
  cancel->callback([&ctx, cancel_args] {
    const auto& rc = ctx.reply_context();
    SQLite::Transaction tx(ctx.store().db());
    finish(replies::cancel_session(ctx.store().db(), rc, cancel_args->id, "cli", now_utc(),
                                   cancel_args->reason),
           tx, "Afgelast");
  });

  struct MoveArgs {
    std::int64_t id = 0;
    std::string start;
    std::optional<int> minutes;
    std::optional<std::string> venue;
  };
  auto move_args = std::make_shared<MoveArgs>();
  auto* move = group->add_subcommand(
      "move", "Move a session to another time or venue: invitees get a change notice");
  move->add_option("ID", move_args->id, "Session id")->required();
  move->add_option("--start", move_args->start, "New start, local \"YYYY-MM-DD HH:MM\"")
      ->required();
  move->add_option("--minutes", move_args->minutes, "New length in minutes (default: unchanged)")
      ->check(CLI::Range(1, 1440));
  move->add_option("--venue", move_args->venue, "New venue id (default: unchanged)");
  move->callback([&ctx, move_args] {
    const auto& rc = ctx.reply_context();
    const std::int64_t start = local_moment(ctx.time_zone(), move_args->start);
    SQLite::Transaction tx(ctx.store().db());
    finish(replies::move_session(ctx.store().db(), rc,
                                 {move_args->id, start, move_args->minutes, move_args->venue},
                                 "cli", now_utc()),
           tx, "Verplaatst");
  });
}

}  // namespace tafel
