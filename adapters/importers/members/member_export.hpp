#pragma once
// `members export` and `members show` (members-csv.md, "Export").
//
// JSON export: an array with one object per member, keys in this order: id (string), network,
// company, name, email, phone (the mobile number when there is one, else the landline; E.164),
// sector, employees, eligible, eligibility_reason, consent {email, whatsapp}; absent values are
// null. CSV export: the same columns in the same order with consent_email and consent_whatsapp
// instead of consent, `;`-separated, UTF-8 with BOM, CRLF line ends, booleans ja/nee, null
// empty, decimals with a comma.

#include "adapters/store/members_store.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace tafel {

// network id → network name
using NetworkNames = std::map<std::int64_t, std::string>;

nlohmann::ordered_json member_export_json(const MemberRecord& m, const NetworkNames& networks);
nlohmann::ordered_json members_export_json(const std::vector<MemberRecord>& members,
                                           const NetworkNames& networks);
std::string members_export_csv(const std::vector<MemberRecord>& members,
                               const NetworkNames& networks);

// Everything held about one member, including consent sources and times, the consent history,
// opt-outs and attributes.
nlohmann::ordered_json member_show_json(const MemberRecord& m, const NetworkNames& networks,
                                        const std::vector<ConsentLogEntry>& consent_log);

}  // namespace tafel
