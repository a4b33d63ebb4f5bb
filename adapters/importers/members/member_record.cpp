#include "adapters/importers/members/member_record.hpp"

#include "adapters/importers/members/email_address.hpp"

#include <nlohmann/json.hpp>

namespace tafel {

namespace {

std::optional<std::string> non_empty(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

// The consent for one channel: the file's value or the default, unless withdrawn. Logs a
// consent that is new or changed.
ConsentState decide_consent(std::string_view channel, std::optional<bool> given, bool default_value,
                            bool opted_out, const ConsentState* stored,
                            const MemberRecordContext& ctx, BuiltMember& out) {
  if (opted_out && stored) return *stored;  // an opt-out stays an opt-out
  const bool granted = given.value_or(default_value);
  if (stored && stored->granted == granted) return *stored;
  ConsentState state{granted, given ? ctx.source : ctx.source + " (default)", ctx.now};
  out.consent_changes.push_back({std::string(channel), granted, state.source, state.at});
  return state;
}

}  // namespace

BuiltMember build_member_record(const MemberDraft& d, const MemberRecord* existing,
                                const MemberRecordContext& ctx) {
  BuiltMember out;
  MemberRecord& m = out.record;
  if (existing) m = *existing;
  m.network_id = ctx.network_id;
  m.company = d.company;
  m.name = d.name;
  m.email = d.email;
  m.email_key = d.email ? std::optional(email_key(*d.email)) : std::nullopt;
  m.mobile = d.mobile;
  m.landline = d.landline;
  m.sector = d.sector;
  m.sector_raw = non_empty(d.sector_raw);
  m.employees = d.employees;
  m.has_hr_staff = d.has_hr_staff;
  m.postcode = non_empty(d.postcode);
  m.town = non_empty(d.town);
  m.lat = d.location ? std::optional(d.location->lat) : std::nullopt;
  m.lon = d.location ? std::optional(d.location->lon) : std::nullopt;
  m.location_source = d.location ? std::optional(d.location->source) : std::nullopt;

  const auto reason =
      first_ineligible_reason(EligibilityFacts{d.sector.has_value(), d.email.has_value(),
                                               d.mobile.has_value(), d.employees, d.has_hr_staff},
                              ctx.rules);
  m.eligible = !reason;
  m.eligibility_reason = reason ? std::optional(std::string(reason_code(*reason))) : std::nullopt;

  nlohmann::json attributes = nlohmann::json::object();
  for (const auto& [k, v] : d.attributes) attributes[k] = v;
  m.attributes = attributes.dump();

  m.consent_email =
      decide_consent("email", d.consent_email, true, existing && existing->opted_out_email,
                     existing ? &existing->consent_email : nullptr, ctx, out);
  m.consent_whatsapp = decide_consent("whatsapp", d.consent_whatsapp, false,
                                      existing && existing->opted_out_whatsapp,
                                      existing ? &existing->consent_whatsapp : nullptr, ctx, out);

  if (existing) {
    out.changed = !same_member_data(m, *existing);
    if (out.changed) {
      m.updated_at = ctx.now;
      m.import_id = ctx.import_id;
    }
  } else {
    m.id = 0;
    m.created_at = ctx.now;
    m.updated_at = ctx.now;
    m.import_id = ctx.import_id;
  }
  return out;
}

}  // namespace tafel
