#pragma once
// Shared by the webhook tests: the WhatsApp samples in shared/samples/whatsapp (pywa, MIT),
// given distinct ids per case, and a store seeded with one network, one future session, one
// member reachable on WhatsApp, her invitation and the WhatsApp message we sent her.

#include "adapters/links/link_key.hpp"
#include "adapters/outbox/template_files.hpp"
#include "adapters/replies/record_answer.hpp"
#include "adapters/store/store.hpp"
#include "adapters/tz/time_zone.hpp"
#include "tests/support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace tafel::testing {

inline constexpr std::int64_t kNow = 1'800'000'000;  // 2027-01-15
inline constexpr const char* kMemberWaId = "31612345678";
inline constexpr const char* kOurWamid = "wamid.OURS";

// One sample file as JSON (its keys name cases, its values are complete webhook bodies).
inline nlohmann::json whatsapp_samples(const std::string& file) {
  std::ifstream in(std::string(TAFEL_SHARED_DIR) + "/samples/whatsapp/" + file);
  std::stringstream s;
  s << in.rdbuf();
  return nlohmann::json::parse(s.str());
}

// `body` with every message's and status's id replaced by "<prefix>.<n>" (n counts up).
inline nlohmann::json with_ids(nlohmann::json body, const std::string& prefix) {
  int n = 0;
  for (auto& entry : body["entry"])
    for (auto& change : entry["changes"]) {
      auto& value = change["value"];
      for (const char* list : {"messages", "statuses"})
        if (value.contains(list))
          for (auto& item : value[list]) item["id"] = fmt::format("{}.{}", prefix, n++);
    }
  return body;
}

// A webhook body holding `messages` (and `statuses`) in one change.
inline nlohmann::json wa_body(nlohmann::json messages, nlohmann::json statuses = nullptr) {
  nlohmann::json value = {{"messaging_product", "whatsapp"},
                          {"metadata", {{"phone_number_id", "1122334455667"}}}};
  if (!messages.is_null()) value["messages"] = std::move(messages);
  if (!statuses.is_null()) value["statuses"] = std::move(statuses);
  return {{"object", "whatsapp_business_account"},
          {"entry",
           {{{"id", "5467539754836534"},
             {"changes", {{{"field", "messages"}, {"value", std::move(value)}}}}}}}};
}

inline nlohmann::json wa_text(const std::string& id, const std::string& text,
                              const std::string& from = kMemberWaId) {
  return {{"from", from},
          {"id", id},
          {"timestamp", std::to_string(kNow - 60)},
          {"type", "text"},
          {"text", {{"body", text}}}};
}

inline nlohmann::json wa_button(const std::string& id, const std::string& payload,
                                const std::string& label, const std::string& context = "") {
  nlohmann::json m = {{"from", kMemberWaId},
                      {"id", id},
                      {"timestamp", std::to_string(kNow - 30)},
                      {"type", "button"},
                      {"button", {{"payload", payload}, {"text", label}}}};
  if (!context.empty()) m["context"] = {{"from", "31201234567"}, {"id", context}};
  return m;
}

inline nlohmann::json wa_status(const std::string& id, const std::string& status,
                                std::optional<int> error_code = std::nullopt) {
  nlohmann::json s = {{"id", id},
                      {"status", status},
                      {"timestamp", std::to_string(kNow)},
                      {"recipient_id", kMemberWaId}};
  if (error_code) s["errors"] = {{{"code", *error_code}, {"title", "Message undeliverable"}}};
  return s;
}

// Seeds the store: member 1 (WhatsApp kMemberWaId) invited (invitation 1) to session 1, which
// starts a day after kNow; outbox rows 1 (our invitation, wamid kOurWamid, sent) and 2 (a
// reminder, wamid "wamid.REMINDER", sent).
inline void seed_invitation(SQLite::Database& db) {
  db.exec("INSERT INTO networks (id, name, created_at) VALUES (1, 'Coop', 'x')");
  db.exec("INSERT INTO venues (id, name, lat, lon) VALUES ('v', 'Zaal', 52, 5)");
  db.exec("INSERT INTO staff (id, name, role) VALUES ('f', 'Fenna', 'facilitator')");
  db.exec(
      "INSERT INTO planning_rounds (id, network_id, period_from, period_to, created_at) VALUES "
      "(1, 1, '2027-01-01', '2027-06-30', 'x')");
  db.exec(
      "INSERT INTO proposals (id, round_id, network_id, period_from, period_to, seed, "
      "time_limit_ms, elapsed_ms, stopped_by_deadline, score, status, created_at, approved_at, "
      "approved_by, instance_json, result_json) VALUES (1, 1, 1, '2027-01-01', '2027-06-30', 1, "
      "1, 1, 0, 1, 'approved', 'x', 'x', 'c', '{}', '{}')");
  db.exec(fmt::format(
      "INSERT INTO sessions (id, proposal_id, slot_id, venue_id, start_utc, start_offset, "
      "end_utc, end_offset, sector, facilitator_id, status, uid) VALUES (1, 1, 's1', 'v', "
      "{0}, 3600, {1}, 3600, 'bouw', 'f', 'approved', 'u1')",
      kNow + 86400, kNow + 86400 + 5400));
  db.exec(
      "INSERT INTO members (id, network_id, company, name, email, email_key, mobile, sector, "
      "eligible, consent_email, consent_email_source, consent_email_at, consent_whatsapp, "
      "consent_whatsapp_source, consent_whatsapp_at, created_at, updated_at) VALUES (1, 1, "
      "'Bouw BV', 'Anna', 'anna@bouw.nl', 'anna@bouw.nl', '+31612345678', 'bouw', 1, 1, "
      "'import', 'x', 1, 'import', 'x', 'x', 'x')");
  db.exec("INSERT INTO session_members (session_id, member_id) VALUES (1, 1)");
  db.exec(
      "INSERT INTO invitations (id, session_id, member_id, reply_id, ical_uid, created_at, "
      "updated_at) VALUES (1, 1, 1, 'r1', 'i1', 'x', 'x')");
  db.exec(
      "INSERT INTO outbox (id, invitation_id, member_id, channel, kind, dedupe_key, due_utc, "
      "payload, state, next_attempt_utc, provider_message_id, created_at, updated_at) VALUES "
      "(1, 1, 1, 'whatsapp', 'invitation', 'k1', 0, '{}', 'sent', 0, 'wamid.OURS', 'x', 'x'), "
      "(2, 1, 1, 'whatsapp', 'reminder', 'k2', 0, '{}', 'sent', 0, 'wamid.REMINDER', 'x', 'x')");
  db.exec(
      "INSERT INTO message_ids (message_id, outbox_id, invitation_id, channel, created_at) "
      "VALUES ('wamid.OURS', 1, 1, 'whatsapp', 'x'), ('wamid.REMINDER', 2, 1, 'whatsapp', 'x')");
}

// Everything record_answer needs, with the repository's templates and a fixed link key.
struct ReplySetup {
  Config config;
  TimeZone zone = *TimeZone::locate("Europe/Amsterdam");
  outreach::MessageTemplates templates =
      *outbox::load_templates(std::string(TAFEL_SOURCE_DIR) + "/config/templates");
  links::LinkKey key{std::string(32, 'k')};
  replies::ReplyContext context() const { return {config, zone, templates, key}; }
};

}  // namespace tafel::testing
