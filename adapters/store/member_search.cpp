#include "adapters/store/member_search.hpp"

#include <algorithm>
#include <variant>

namespace tafel {

namespace {

// Escapes LIKE wildcards (ESCAPE '\').
std::string like_pattern(const std::string& text) {
  std::string out = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// The WHERE clause of a filter (on `members m`) and its bound values, in order.
struct Bound {
  std::string sql;
  std::vector<std::variant<std::int64_t, std::string>> values;
};

Bound where_of(const MemberFilter& f) {
  Bound b{" WHERE 1", {}};
  if (f.network_id) {
    b.sql += " AND m.network_id = ?";
    b.values.emplace_back(*f.network_id);
  }
  if (f.facilitator_id) {
    b.sql +=
        " AND m.id IN (SELECT i.member_id FROM invitations i JOIN sessions s ON s.id = "
        "i.session_id WHERE s.facilitator_id = ? UNION SELECT sm.member_id FROM "
        "session_members sm JOIN sessions s ON s.id = sm.session_id WHERE s.facilitator_id = "
        "?)";
    b.values.emplace_back(*f.facilitator_id);
    b.values.emplace_back(*f.facilitator_id);
  }
  if (!f.text.empty()) {
    b.sql += " AND (m.name LIKE ? ESCAPE '\\' OR m.company LIKE ? ESCAPE '\\')";
    b.values.emplace_back(like_pattern(f.text));
    b.values.emplace_back(like_pattern(f.text));
  }
  if (f.sector) {
    if (f.sector->empty()) {
      b.sql += " AND m.sector IS NULL";
    } else {
      b.sql += " AND m.sector = ?";
      b.values.emplace_back(*f.sector);
    }
  }
  if (f.eligible) b.sql += *f.eligible ? " AND m.eligible = 1" : " AND m.eligible = 0";
  if (f.consent_email)
    b.sql += *f.consent_email ? " AND m.consent_email = 1 AND m.opted_out_email = 0"
                              : " AND (m.consent_email = 0 OR m.opted_out_email = 1)";
  if (f.consent_whatsapp)
    b.sql += *f.consent_whatsapp ? " AND m.consent_whatsapp = 1 AND m.opted_out_whatsapp = 0"
                                 : " AND (m.consent_whatsapp = 0 OR m.opted_out_whatsapp = 1)";
  if (f.answered)
    b.sql += *f.answered ? " AND EXISTS (SELECT 1 FROM invitations i WHERE i.member_id = m.id "
                           "AND i.rsvp_at IS NOT NULL)"
                         : " AND EXISTS (SELECT 1 FROM invitations i WHERE i.member_id = m.id "
                           "AND i.rsvp = 'invited' AND i.rsvp_at IS NULL)";
  return b;
}

void bind_all(SQLite::Statement& q, const Bound& b) {
  int i = 1;
  for (const auto& v : b.values) {
    if (const auto* n = std::get_if<std::int64_t>(&v))
      q.bind(i++, *n);
    else
      q.bind(i++, std::get<std::string>(v));
  }
}

}  // namespace

MemberPage search_members(SQLite::Database& db, const MemberFilter& filter) {
  const Bound b = where_of(filter);
  const std::string& where = b.sql;
  MemberPage page;
  {
    SQLite::Statement q(db, "SELECT count(*) FROM members m" + where);
    bind_all(q, b);
    q.executeStep();
    page.total = q.getColumn(0).getInt();
  }
  SQLite::Statement q(
      db,
      "SELECT m.id, m.network_id, n.name, m.company, m.name, m.sector, m.eligible, "
      "m.consent_email = 1 AND m.opted_out_email = 0, "
      "m.consent_whatsapp = 1 AND m.opted_out_whatsapp = 0, "
      "(SELECT count(*) FROM invitations i WHERE i.member_id = m.id), "
      "(SELECT count(*) FROM invitations i WHERE i.member_id = m.id AND i.rsvp_at IS NOT NULL) "
      "FROM members m JOIN networks n ON n.id = m.network_id" +
          where +
          " ORDER BY m.company COLLATE NOCASE, m.name COLLATE NOCASE, m.id LIMIT ? OFFSET ?");
  bind_all(q, b);
  q.bind(static_cast<int>(b.values.size()) + 1, std::max(filter.limit, 0));
  q.bind(static_cast<int>(b.values.size()) + 2, std::max(filter.offset, 0));
  while (q.executeStep()) {
    MemberListRow r;
    r.id = q.getColumn(0).getInt64();
    r.network_id = q.getColumn(1).getInt64();
    r.network = q.getColumn(2).getString();
    r.company = q.getColumn(3).getString();
    r.name = q.getColumn(4).getString();
    if (!q.getColumn(5).isNull()) r.sector = q.getColumn(5).getString();
    r.eligible = q.getColumn(6).getInt() != 0;
    r.consent_email = q.getColumn(7).getInt() != 0;
    r.consent_whatsapp = q.getColumn(8).getInt() != 0;
    r.invitations = q.getColumn(9).getInt();
    r.answered = q.getColumn(10).getInt();
    page.rows.push_back(std::move(r));
  }
  return page;
}

std::vector<std::string> member_sectors(SQLite::Database& db,
                                        std::optional<std::int64_t> network_id) {
  SQLite::Statement q(db, network_id ? "SELECT DISTINCT sector FROM members WHERE sector IS NOT "
                                       "NULL AND network_id = ? ORDER BY sector"
                                     : "SELECT DISTINCT sector FROM members WHERE sector IS NOT "
                                       "NULL ORDER BY sector");
  if (network_id) q.bind(1, *network_id);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

bool member_of_facilitator(SQLite::Database& db, std::int64_t member_id,
                           const std::string& facilitator_id) {
  SQLite::Statement q(db,
                      "SELECT 1 FROM invitations i JOIN sessions s ON s.id = i.session_id "
                      "WHERE i.member_id = ?1 AND s.facilitator_id = ?2 UNION ALL "
                      "SELECT 1 FROM session_members sm JOIN sessions s ON s.id = sm.session_id "
                      "WHERE sm.member_id = ?1 AND s.facilitator_id = ?2 LIMIT 1");
  q.bind(1, member_id);
  q.bind(2, facilitator_id);
  return q.executeStep();
}

std::vector<ContactEvent> member_history(SQLite::Database& db, std::int64_t member_id) {
  std::vector<ContactEvent> out;
  const auto session_of = [](SQLite::Statement& q, int col, ContactEvent& e) {
    if (!q.getColumn(col).isNull()) e.session_id = q.getColumn(col).getInt64();
  };
  {
    SQLite::Statement q(db,
                        "SELECT COALESCE(o.sent_at_utc, CAST(strftime('%s', o.created_at) AS "
                        "INTEGER)), o.channel, o.kind, o.state, i.session_id FROM outbox o "
                        "LEFT JOIN invitations i ON i.id = o.invitation_id WHERE o.member_id = ? "
                        "ORDER BY o.id");
    q.bind(1, member_id);
    while (q.executeStep()) {
      ContactEvent e{q.getColumn(0).getInt64(),  "out",
                     q.getColumn(1).getString(), q.getColumn(2).getString(),
                     q.getColumn(3).getString(), std::nullopt};
      session_of(q, 4, e);
      out.push_back(std::move(e));
    }
  }
  {
    SQLite::Statement q(db,
                        "SELECT COALESCE(n.provider_at_utc, CAST(strftime('%s', n.received_at) AS "
                        "INTEGER)), n.channel, n.kind, COALESCE(n.intent, n.outcome), "
                        "i.session_id FROM inbound n LEFT JOIN invitations i ON i.id = "
                        "n.invitation_id WHERE n.member_id = ? ORDER BY n.id");
    q.bind(1, member_id);
    while (q.executeStep()) {
      ContactEvent e{q.getColumn(0).getInt64(),  "in",
                     q.getColumn(1).getString(), q.getColumn(2).getString(),
                     q.getColumn(3).getString(), std::nullopt};
      session_of(q, 4, e);
      out.push_back(std::move(e));
    }
  }
  {
    SQLite::Statement q(db,
                        "SELECT at_utc, source, kind, CASE json_extract(data, '$.reply') WHEN 0 "
                        "THEN 'accept' WHEN 1 THEN 'decline' WHEN 2 THEN 'tentative' ELSE '' END, "
                        "session_id FROM rsvp_events WHERE member_id = ? ORDER BY id");
    q.bind(1, member_id);
    while (q.executeStep()) {
      ContactEvent e{q.getColumn(0).getInt64(),  "rsvp",
                     q.getColumn(1).getString(), q.getColumn(2).getString(),
                     q.getColumn(3).getString(), std::nullopt};
      session_of(q, 4, e);
      out.push_back(std::move(e));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const ContactEvent& a, const ContactEvent& b) {
    return a.at_utc < b.at_utc;
  });
  return out;
}

}  // namespace tafel
