#include "adapters/importers/members/member_export.hpp"

#include <fmt/format.h>

namespace tafel {

namespace {

using ojson = nlohmann::ordered_json;

template <typename T>
ojson or_null(const std::optional<T>& v) {
  return v ? ojson(*v) : ojson(nullptr);
}

std::string network_name(const MemberRecord& m, const NetworkNames& networks) {
  const auto it = networks.find(m.network_id);
  return it == networks.end() ? std::string() : it->second;
}

ojson employees_json(const std::optional<double>& e) {
  if (!e) return nullptr;
  if (*e == static_cast<double>(static_cast<long long>(*e))) return static_cast<long long>(*e);
  return *e;
}

// A decimal with a comma; whole numbers without decimals.
std::string decimal_comma(double v) {
  std::string s = fmt::format("{}", v);
  for (char& c : s)
    if (c == '.') c = ',';
  return s;
}

std::string csv_field(const std::string& v) {
  if (v.find_first_of(";\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_cell(const ojson& v) {
  if (v.is_null()) return "";
  if (v.is_boolean()) return v.get<bool>() ? "ja" : "nee";
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) return decimal_comma(v.get<double>());
  return csv_field(v.get<std::string>());
}

}  // namespace

ojson member_export_json(const MemberRecord& m, const NetworkNames& networks) {
  ojson o;
  o["id"] = std::to_string(m.id);
  o["network"] = network_name(m, networks);
  o["company"] = m.company;
  o["name"] = m.name;
  o["email"] = or_null(m.email);
  o["phone"] = m.mobile ? ojson(*m.mobile) : or_null(m.landline);
  o["sector"] = or_null(m.sector);
  o["employees"] = employees_json(m.employees);
  o["eligible"] = m.eligible;
  o["eligibility_reason"] = or_null(m.eligibility_reason);
  o["consent"] = {{"email", m.consent_email.granted}, {"whatsapp", m.consent_whatsapp.granted}};
  return o;
}

ojson members_export_json(const std::vector<MemberRecord>& members, const NetworkNames& networks) {
  ojson out = ojson::array();
  for (const auto& m : members) out.push_back(member_export_json(m, networks));
  return out;
}

std::string members_export_csv(const std::vector<MemberRecord>& members,
                               const NetworkNames& networks) {
  std::string out = "\xEF\xBB\xBF";
  out +=
      "id;network;company;name;email;phone;sector;employees;eligible;eligibility_reason;"
      "consent_email;consent_whatsapp\r\n";
  for (const auto& m : members) {
    const ojson o = member_export_json(m, networks);
    std::string line;
    for (const auto& [key, value] : o.items()) {
      if (key == "consent") {
        line += csv_cell(value["email"]) + ";" + csv_cell(value["whatsapp"]);
      } else {
        line += csv_cell(value) + ";";
      }
    }
    out += line + "\r\n";
  }
  return out;
}

ojson member_show_json(const MemberRecord& m, const NetworkNames& networks,
                       const std::vector<ConsentLogEntry>& consent_log) {
  ojson o = member_export_json(m, networks);
  o["mobile"] = or_null(m.mobile);
  o["landline"] = or_null(m.landline);
  o["sector_as_given"] = or_null(m.sector_raw);
  o["has_hr_staff"] = or_null(m.has_hr_staff);
  o["postcode"] = or_null(m.postcode);
  o["town"] = or_null(m.town);
  o["location"] =
      m.lat && m.lon
          ? ojson{{"lat", *m.lat}, {"lon", *m.lon}, {"source", m.location_source.value_or("")}}
          : ojson(nullptr);
  o["consent"] = {
      {"email",
       {{"granted", m.consent_email.granted},
        {"source", m.consent_email.source},
        {"at", m.consent_email.at},
        {"opted_out", m.opted_out_email}}},
      {"whatsapp",
       {{"granted", m.consent_whatsapp.granted},
        {"source", m.consent_whatsapp.source},
        {"at", m.consent_whatsapp.at},
        {"opted_out", m.opted_out_whatsapp}}},
  };
  ojson history = ojson::array();
  for (const auto& e : consent_log)
    history.push_back({{"channel", e.channel},
                       {"granted", e.granted},
                       {"source", e.source},
                       {"at", e.recorded_at}});
  o["consent_history"] = std::move(history);
  o["attributes"] = ojson::parse(m.attributes, nullptr, false);
  if (o["attributes"].is_discarded()) o["attributes"] = ojson::object();
  o["import_id"] = m.import_id ? ojson(std::to_string(*m.import_id)) : ojson(nullptr);
  o["created_at"] = m.created_at;
  o["updated_at"] = m.updated_at;
  return o;
}

}  // namespace tafel
