#include "adapters/store/members_store.hpp"

#include <tuple>

namespace tafel {

namespace {

constexpr const char* kColumns =
    "id, network_id, company, name, email, email_key, mobile, landline, sector, sector_raw, "
    "employees, has_hr_staff, postcode, town, lat, lon, location_source, eligible, "
    "eligibility_reason, attributes, consent_email, consent_email_source, consent_email_at, "
    "consent_whatsapp, consent_whatsapp_source, consent_whatsapp_at, opted_out_email, "
    "opted_out_whatsapp, import_id, created_at, updated_at";

std::optional<std::string> opt_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}
std::optional<double> opt_real(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getDouble();
}

MemberRecord read_member(SQLite::Statement& q) {
  MemberRecord m;
  int i = 0;
  m.id = q.getColumn(i++).getInt64();
  m.network_id = q.getColumn(i++).getInt64();
  m.company = q.getColumn(i++).getString();
  m.name = q.getColumn(i++).getString();
  m.email = opt_text(q.getColumn(i++));
  m.email_key = opt_text(q.getColumn(i++));
  m.mobile = opt_text(q.getColumn(i++));
  m.landline = opt_text(q.getColumn(i++));
  m.sector = opt_text(q.getColumn(i++));
  m.sector_raw = opt_text(q.getColumn(i++));
  m.employees = opt_real(q.getColumn(i++));
  if (const auto c = q.getColumn(i++); !c.isNull()) m.has_hr_staff = c.getInt() != 0;
  m.postcode = opt_text(q.getColumn(i++));
  m.town = opt_text(q.getColumn(i++));
  m.lat = opt_real(q.getColumn(i++));
  m.lon = opt_real(q.getColumn(i++));
  m.location_source = opt_text(q.getColumn(i++));
  m.eligible = q.getColumn(i++).getInt() != 0;
  m.eligibility_reason = opt_text(q.getColumn(i++));
  m.attributes = q.getColumn(i++).getString();
  m.consent_email.granted = q.getColumn(i++).getInt() != 0;
  m.consent_email.source = q.getColumn(i++).getString();
  m.consent_email.at = q.getColumn(i++).getString();
  m.consent_whatsapp.granted = q.getColumn(i++).getInt() != 0;
  m.consent_whatsapp.source = q.getColumn(i++).getString();
  m.consent_whatsapp.at = q.getColumn(i++).getString();
  m.opted_out_email = q.getColumn(i++).getInt() != 0;
  m.opted_out_whatsapp = q.getColumn(i++).getInt() != 0;
  if (const auto c = q.getColumn(i++); !c.isNull()) m.import_id = c.getInt64();
  m.created_at = q.getColumn(i++).getString();
  m.updated_at = q.getColumn(i++).getString();
  return m;
}

template <typename T>
void bind_opt(SQLite::Statement& s, int index, const std::optional<T>& v) {
  if (v)
    s.bind(index, *v);
  else
    s.bind(index);
}

// Binds the data columns (network_id .. updated_at, without id) starting at parameter 1.
void bind_member(SQLite::Statement& s, const MemberRecord& m) {
  int i = 1;
  s.bind(i++, m.network_id);
  s.bind(i++, m.company);
  s.bind(i++, m.name);
  bind_opt(s, i++, m.email);
  bind_opt(s, i++, m.email_key);
  bind_opt(s, i++, m.mobile);
  bind_opt(s, i++, m.landline);
  bind_opt(s, i++, m.sector);
  bind_opt(s, i++, m.sector_raw);
  bind_opt(s, i++, m.employees);
  if (m.has_hr_staff)
    s.bind(i++, *m.has_hr_staff ? 1 : 0);
  else
    s.bind(i++);
  bind_opt(s, i++, m.postcode);
  bind_opt(s, i++, m.town);
  bind_opt(s, i++, m.lat);
  bind_opt(s, i++, m.lon);
  bind_opt(s, i++, m.location_source);
  s.bind(i++, m.eligible ? 1 : 0);
  bind_opt(s, i++, m.eligibility_reason);
  s.bind(i++, m.attributes);
  s.bind(i++, m.consent_email.granted ? 1 : 0);
  s.bind(i++, m.consent_email.source);
  s.bind(i++, m.consent_email.at);
  s.bind(i++, m.consent_whatsapp.granted ? 1 : 0);
  s.bind(i++, m.consent_whatsapp.source);
  s.bind(i++, m.consent_whatsapp.at);
  s.bind(i++, m.opted_out_email ? 1 : 0);
  s.bind(i++, m.opted_out_whatsapp ? 1 : 0);
  bind_opt(s, i++, m.import_id);
  s.bind(i++, m.created_at);
  s.bind(i++, m.updated_at);
}

auto data_tuple(const MemberRecord& m) {
  return std::tie(m.network_id, m.company, m.name, m.email, m.email_key, m.mobile, m.landline,
                  m.sector, m.sector_raw, m.employees, m.has_hr_staff, m.postcode, m.town, m.lat,
                  m.lon, m.location_source, m.eligible, m.eligibility_reason, m.attributes,
                  m.consent_email.granted, m.consent_email.source, m.consent_email.at,
                  m.consent_whatsapp.granted, m.consent_whatsapp.source, m.consent_whatsapp.at,
                  m.opted_out_email, m.opted_out_whatsapp);
}

}  // namespace

bool same_member_data(const MemberRecord& a, const MemberRecord& b) {
  return data_tuple(a) == data_tuple(b);
}

std::vector<MemberRecord> list_members(Store& store, std::optional<std::int64_t> network_id) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM members";
  if (network_id) sql += " WHERE network_id = ?";
  sql += " ORDER BY (SELECT name FROM networks WHERE networks.id = members.network_id), id";
  SQLite::Statement q(store.db(), sql);
  if (network_id) q.bind(1, *network_id);
  std::vector<MemberRecord> out;
  while (q.executeStep()) out.push_back(read_member(q));
  return out;
}

std::optional<MemberRecord> find_member(Store& store, std::int64_t id) {
  SQLite::Statement q(store.db(), std::string("SELECT ") + kColumns + " FROM members WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_member(q);
}

std::int64_t insert_member(SQLite::Database& db, const MemberRecord& m) {
  SQLite::Statement s(db, std::string("INSERT INTO members(") + (kColumns + 4) +
                              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                              "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_member(s, m);
  s.exec();
  return db.getLastInsertRowid();
}

void update_member(SQLite::Database& db, const MemberRecord& m) {
  SQLite::Statement s(
      db,
      "UPDATE members SET network_id = ?, company = ?, name = ?, email = ?, email_key = ?, "
      "mobile = ?, landline = ?, sector = ?, sector_raw = ?, employees = ?, has_hr_staff = ?, "
      "postcode = ?, town = ?, lat = ?, lon = ?, location_source = ?, eligible = ?, "
      "eligibility_reason = ?, attributes = ?, consent_email = ?, consent_email_source = ?, "
      "consent_email_at = ?, consent_whatsapp = ?, consent_whatsapp_source = ?, "
      "consent_whatsapp_at = ?, opted_out_email = MAX(opted_out_email, ?), "
      "opted_out_whatsapp = MAX(opted_out_whatsapp, ?), import_id = ?, "
      // The created_at parameter is bound by bind_member but leaves the column as it is.
      "created_at = created_at || substr(?, 1, 0), updated_at = ? WHERE id = ?");
  bind_member(s, m);
  s.bind(31, m.id);
  s.exec();
}

void log_consent(SQLite::Database& db, std::int64_t member_id, const ConsentLogEntry& e) {
  SQLite::Statement s(db,
                      "INSERT INTO consent_log(member_id, channel, granted, source, recorded_at) "
                      "VALUES (?, ?, ?, ?, ?)");
  s.bind(1, member_id);
  s.bind(2, e.channel);
  s.bind(3, e.granted ? 1 : 0);
  s.bind(4, e.source);
  s.bind(5, e.recorded_at);
  s.exec();
}

std::vector<ConsentLogEntry> consent_history(Store& store, std::int64_t member_id) {
  SQLite::Statement q(store.db(),
                      "SELECT channel, granted, source, recorded_at FROM consent_log "
                      "WHERE member_id = ? ORDER BY id");
  q.bind(1, member_id);
  std::vector<ConsentLogEntry> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt() != 0,
                   q.getColumn(2).getString(), q.getColumn(3).getString()});
  return out;
}

bool is_erased_contact(Store& store, const std::string& hash) {
  SQLite::Statement q(store.db(), "SELECT 1 FROM erased_contacts WHERE hash = ?");
  q.bind(1, hash);
  return q.executeStep();
}

std::int64_t insert_import_log(SQLite::Database& db, const ImportLogRow& r) {
  SQLite::Statement s(db,
                      "INSERT INTO imports(kind, network_id, source, started_at, finished_at, "
                      "status, added, updated, unchanged, removed, errors, warnings) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, r.kind);
  s.bind(2, r.network_id);
  s.bind(3, r.source);
  s.bind(4, r.started_at);
  s.bind(5, r.finished_at);
  s.bind(6, r.status);
  s.bind(7, r.added);
  s.bind(8, r.updated);
  s.bind(9, r.unchanged);
  s.bind(10, r.removed);
  s.bind(11, r.errors);
  s.bind(12, r.warnings);
  s.exec();
  return db.getLastInsertRowid();
}

}  // namespace tafel
