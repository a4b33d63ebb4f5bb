#include "adapters/replies/correlate.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace tafel::replies {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::ranges::transform(out, out.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Runs a query with one text parameter that yields at most one id; nullopt when none.
std::optional<std::int64_t> one_id(SQLite::Database& db, const char* sql, const std::string& arg) {
  SQLite::Statement q(db, sql);
  q.bind(1, arg);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

}  // namespace

std::optional<std::int64_t> invitation_by_reply_id(SQLite::Database& db,
                                                   std::string_view reply_id) {
  if (reply_id.empty()) return std::nullopt;
  return one_id(db, "SELECT id FROM invitations WHERE reply_id = ?", lower(reply_id));
}

std::optional<std::int64_t> invitation_by_message_id(SQLite::Database& db,
                                                     std::string_view message_id) {
  std::string id(message_id);
  if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
  if (id.empty()) return std::nullopt;
  return one_id(db,
                "SELECT invitation_id FROM message_ids WHERE message_id = ? "
                "AND invitation_id IS NOT NULL",
                id);
}

std::optional<std::int64_t> invitation_by_ical_uid(SQLite::Database& db, std::string_view uid) {
  if (uid.empty()) return std::nullopt;
  return one_id(db, "SELECT id FROM invitations WHERE ical_uid = ?", std::string(uid));
}

std::optional<std::int64_t> member_by_email(SQLite::Database& db, std::string_view address) {
  if (address.empty()) return std::nullopt;
  // email_key is the lower-cased address; an address shared by two members is ambiguous.
  SQLite::Statement q(db, "SELECT id FROM members WHERE email_key = ? LIMIT 2");
  q.bind(1, lower(address));
  if (!q.executeStep()) return std::nullopt;
  const std::int64_t id = q.getColumn(0).getInt64();
  if (q.executeStep()) return std::nullopt;
  return id;
}

std::optional<std::int64_t> member_by_phone(SQLite::Database& db, std::string_view phone) {
  if (phone.empty()) return std::nullopt;
  std::string e164(phone);
  if (e164.front() != '+') e164.insert(e164.begin(), '+');
  SQLite::Statement q(db, "SELECT id FROM members WHERE mobile = ? LIMIT 2");
  q.bind(1, e164);
  if (!q.executeStep()) return std::nullopt;
  const std::int64_t id = q.getColumn(0).getInt64();
  if (q.executeStep()) return std::nullopt;
  return id;
}

std::optional<std::int64_t> open_invitation_of_member(SQLite::Database& db, std::int64_t member_id,
                                                      std::int64_t now_utc) {
  // Sessions of approved proposals that have not started, soonest first; two or more sessions
  // starting after now are ambiguous.
  SQLite::Statement q(db,
                      "SELECT i.id FROM invitations i JOIN sessions s ON s.id = i.session_id "
                      "JOIN proposals p ON p.id = s.proposal_id "
                      "WHERE i.member_id = ? AND s.start_utc > ? AND p.status = 'approved' "
                      "AND s.status <> 'cancelled' ORDER BY s.start_utc LIMIT 2");
  q.bind(1, member_id);
  q.bind(2, now_utc);
  if (!q.executeStep()) return std::nullopt;
  const std::int64_t id = q.getColumn(0).getInt64();
  if (q.executeStep()) return std::nullopt;
  return id;
}

}  // namespace tafel::replies
