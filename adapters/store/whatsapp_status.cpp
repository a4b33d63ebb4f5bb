#include "adapters/store/whatsapp_status.hpp"

#include "adapters/store/store.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

namespace tafel {

namespace {

// How far a message has come. nullopt: a state the webhook never changes (cancelled) or a
// status we do not act on (played, unknown ones).
std::optional<int> rank(std::string_view state) {
  if (state == "pending" || state == "in_flight") return 0;
  if (state == "sent") return 1;
  if (state == "failed") return 2;
  if (state == "delivered") return 3;
  if (state == "read") return 4;
  return std::nullopt;
}

constexpr std::int64_t kUndeliverable = 131026;

void set_outcome(SQLite::Database& db, std::int64_t inbound_id, const std::string& outcome) {
  SQLite::Statement done(db, "UPDATE inbound SET outcome = ? WHERE id = ?");
  done.bind(1, outcome);
  done.bind(2, inbound_id);
  done.exec();
}

}  // namespace

std::string apply_whatsapp_status(SQLite::Database& db, std::int64_t inbound_id,
                                  const WhatsAppStatus& s) {
  SQLite::Statement row(db,
                        "SELECT id, state, member_id, invitation_id FROM outbox "
                        "WHERE provider_message_id = ? AND channel = 'whatsapp' "
                        "ORDER BY id LIMIT 1");
  row.bind(1, s.message_id);
  if (!row.executeStep()) {
    set_outcome(db, inbound_id, "unmatched");
    return "unmatched";
  }
  const std::int64_t outbox_id = row.getColumn(0).getInt64();
  const std::string state = row.getColumn(1).getString();
  const std::int64_t member_id = row.getColumn(2).getInt64();
  const bool has_invitation = !row.getColumn(3).isNull();
  const std::int64_t invitation_id = row.getColumn(3).getInt64();
  row.reset();

  SQLite::Statement link(db, "UPDATE inbound SET member_id = ?, invitation_id = ? WHERE id = ?");
  link.bind(1, member_id);
  if (has_invitation) link.bind(2, invitation_id);
  link.bind(3, inbound_id);
  link.exec();

  std::string outcome = "status";
  const auto have = rank(state);
  const auto want = rank(s.status);
  if (!want || s.status == "pending" || s.status == "in_flight") {
    outcome = "ignored";
  } else if (have && *want > *have) {
    SQLite::Statement up(db, "UPDATE outbox SET state = ?, updated_at = ? WHERE id = ?");
    up.bind(1, s.status);
    up.bind(2, now_utc_iso());
    up.bind(3, outbox_id);
    up.exec();
  }
  // A failure's error is kept whether or not it moved the state (a "failed" after "delivered"
  // does not), so the row ends the same for any order of the same updates.
  if (s.status == "failed") {
    SQLite::Statement err(db, "UPDATE outbox SET last_error = ? WHERE id = ?");
    err.bind(1, s.error_code ? fmt::format("whatsapp {}: {}", *s.error_code, s.error_title)
                             : std::string("whatsapp: failed without an error code"));
    err.bind(2, outbox_id);
    err.exec();
  }
  // Undeliverable is a fact about the number, whatever order the updates came in.
  if (s.status == "failed" && s.error_code == kUndeliverable) {
    SQLite::Statement unusable(db,
                               "UPDATE members SET whatsapp_unusable_at = ? "
                               "WHERE id = ? AND whatsapp_unusable_at IS NULL");
    unusable.bind(1, now_utc_iso());
    unusable.bind(2, member_id);
    unusable.exec();
  }
  set_outcome(db, inbound_id, outcome);
  return outcome;
}

int reapply_unmatched_whatsapp_statuses(SQLite::Database& db, const std::string& message_id) {
  const std::string prefix = fmt::format("wa:status:{}:", message_id);
  struct Stored {
    std::int64_t id;
    std::string status;
    std::string raw;
  };
  std::vector<Stored> stored;
  {
    // A prefix compare, not LIKE: wamids may hold '_' or '%'.
    SQLite::Statement q(db,
                        "SELECT id, dedupe_key, COALESCE(raw, '') FROM inbound WHERE channel = "
                        "'whatsapp' AND kind = 'status' AND outcome = 'unmatched' AND "
                        "substr(dedupe_key, 1, ?) = ? ORDER BY id");
    q.bind(1, static_cast<int>(prefix.size()));
    q.bind(2, prefix);
    while (q.executeStep())
      stored.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString().substr(prefix.size()),
                        q.getColumn(2).getString()});
  }
  int matched = 0;
  for (const auto& st : stored) {
    WhatsAppStatus s;
    s.message_id = message_id;
    s.status = st.status;
    // The raw status object as the webhook stored it (retention may have cleared it).
    const auto j = nlohmann::json::parse(st.raw, nullptr, false);
    if (j.is_object() && j.contains("errors") && j["errors"].is_array() && !j["errors"].empty() &&
        j["errors"][0].is_object()) {
      const auto& e = j["errors"][0];
      if (e.contains("code") && e["code"].is_number_integer())
        s.error_code = e["code"].get<std::int64_t>();
      if (e.contains("title") && e["title"].is_string())
        s.error_title = e["title"].get<std::string>();
    }
    if (apply_whatsapp_status(db, st.id, s) != "unmatched") ++matched;
  }
  return matched;
}

}  // namespace tafel
