#include "adapters/imap/fetch_pass.hpp"

#include "adapters/imap/mail_intake.hpp"
#include "adapters/store/store.hpp"

#include <fmt/format.h>

#include <optional>

namespace tafel::imap {

namespace {

struct Position {
  std::int64_t uidvalidity = 0;
  std::int64_t last_uid = 0;
};

std::optional<Position> load_position(SQLite::Database& db, const std::string& mailbox) {
  SQLite::Statement q(db, "SELECT uidvalidity, last_uid FROM imap_state WHERE mailbox = ?");
  q.bind(1, mailbox);
  if (!q.executeStep()) return std::nullopt;
  return Position{q.getColumn(0).getInt64(), q.getColumn(1).getInt64()};
}

void save_position(SQLite::Database& db, const std::string& mailbox, const Position& p) {
  SQLite::Statement q(db,
                      "INSERT INTO imap_state (mailbox, uidvalidity, last_uid, updated_at) "
                      "VALUES (?, ?, ?, ?) ON CONFLICT (mailbox) DO UPDATE SET "
                      "uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid, "
                      "updated_at = excluded.updated_at");
  q.bind(1, mailbox);
  q.bind(2, p.uidvalidity);
  q.bind(3, p.last_uid);
  q.bind(4, now_utc_iso());
  q.exec();
}

}  // namespace

std::expected<PassSummary, std::string> run_imap_pass(SQLite::Database& db,
                                                      const replies::ReplyContext& ctx,
                                                      ImapClient& client,
                                                      const std::string& mailbox,
                                                      const std::function<std::int64_t()>& now) {
  PassSummary summary;
  const auto validity = client.uidvalidity(mailbox);
  if (!validity) return std::unexpected(validity.error());
  Position pos{static_cast<std::int64_t>(*validity), 0};
  if (const auto stored = load_position(db, mailbox)) {
    if (stored->uidvalidity == pos.uidvalidity)
      pos.last_uid = stored->last_uid;
    else
      summary.uidvalidity_changed = true;
  }
  const auto uids = client.uids_from(mailbox, static_cast<std::uint32_t>(pos.last_uid + 1));
  if (!uids) return std::unexpected(uids.error());
  for (const std::uint32_t uid : *uids) {
    const auto raw = client.fetch(mailbox, uid);
    if (!raw) return std::unexpected(raw.error());
    SQLite::Transaction tx(db);
    const auto r =
        take_in_mail(db, ctx, *raw, fmt::format("imap:{}:{}", pos.uidvalidity, uid), now());
    pos.last_uid = uid;
    save_position(db, mailbox, pos);
    tx.commit();
    ++summary.fetched;
    if (r.duplicate) {
      ++summary.duplicates;
      continue;
    }
    ++summary.kinds[r.kind];
    ++summary.outcomes[r.outcome];
  }
  if (uids->empty() && summary.uidvalidity_changed) {  // remember the new UIDVALIDITY anyway
    SQLite::Transaction tx(db);
    save_position(db, mailbox, pos);
    tx.commit();
  }
  return summary;
}

}  // namespace tafel::imap
