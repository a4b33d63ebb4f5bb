#pragma once
// Turns decisions into outbox rows: makes an invitation for every member of an approved session
// that has none, asks the engine's contact-moment policy what is due now, renders each due
// message (templates, calendar object, links) and enqueues it, all in one transaction. Running it
// again at the same moment adds nothing (invitations are per session and member, outbox rows
// carry the policy's key). This is what `approve` runs after approving and what `dispatch` runs
// before sending; an approval whose follow-up was interrupted by a crash is completed by the
// next run.

#include "adapters/config/config.hpp"
#include "adapters/links/link_key.hpp"
#include "adapters/store/store.hpp"
#include "adapters/tz/time_zone.hpp"
#include "engine/outreach/contact_policy.hpp"
#include "engine/outreach/message_templates.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tafel::outbox {

struct OutreachSetup {
  const Config& config;
  const TimeZone& zone;
  const outreach::MessageTemplates& templates;
  const links::LinkKey& link_key;  // signs the answer and opt-out links (message_render.hpp)
  std::function<std::string()> new_reply_id;  // 128-bit random, lowercase base32
};

struct CallListLine {
  std::int64_t member_id = 0;
  std::string name;
  std::string company;
  std::string phone;    // mobile or landline, E.164
  std::string session;  // "dinsdag 13 oktober 2026 07:00, BTO Opleidingscentrum Ede"
};

struct PlannerReport {
  int invitations_created = 0;
  int enqueued = 0;
  std::vector<CallListLine> call_list;
  std::optional<std::int64_t> next_due_utc;
  std::vector<std::string> problems;  // messages that could not be rendered (not enqueued)
};

PlannerReport enqueue_due_messages(Store& store, const OutreachSetup& setup, std::int64_t now_utc);
// The same inside the caller's open transaction (e.g. `approve`: the approval and its
// invitations commit together).
PlannerReport enqueue_due_messages_in_transaction(Store& store, const OutreachSetup& setup,
                                                  std::int64_t now_utc);

}  // namespace tafel::outbox
