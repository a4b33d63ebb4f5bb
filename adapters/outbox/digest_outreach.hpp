#pragma once
// Sending the learning community's digest (nieuwsbrief): one outbox message per member who gets
// it (digest_store's digest_recipients, and reachable on a channel: e-mail when allowed, else
// WhatsApp), rendered from the `nieuwsbrief` templates with the opt-out and privacy links every
// message carries, enqueued in the same transaction that marks the digest sent
// (mark_digest_sent). Keys are "digest<digest id>:<member>:<channel>", kind `digest`, due now
// (mail has no quiet hours; a WhatsApp message sent in the quiet hours waits for `quiet_end`).
//
// {{nieuwsbrief}} is digest_text (Dutch plain text: new tips and solutions by sector, coming
// sessions, sector figures with source and date — the digest holds no personal data, see
// engine/sessions/digest.hpp), {{nieuwsbrief_kort}} digest_summary (one line for WhatsApp).

#include "adapters/outbox/message_render.hpp"
#include "adapters/outbox/outreach_planner.hpp"
#include "engine/sessions/digest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <expected>
#include <string>
#include <vector>

namespace tafel::outbox {

// The digest back from its stored JSON (digest_store's digest_to_json); an error names the
// JSON pointer of the bad field.
std::expected<sessions::Digest, std::string> digest_from_json(const std::string& content);

// Dutch plain text, one section per non-empty part; sector names by their configured label.
std::string digest_text(const sessions::Digest& digest, const Config& config);
// "3 nieuwe tips en oplossingen, 2 komende praktijktafels, 4 sectorcijfers"
std::string digest_summary(const sessions::Digest& digest);

struct DigestSendReport {
  int enqueued = 0;
  int recipients = 0;  // members the digest was enqueued for
};

// Inside the caller's open transaction: enqueues the digest for every recipient of its network
// and marks it sent. Errors (Dutch, for the page): unknown digest, not previewed, already sent,
// a message that could not be rendered (then the caller rolls back: nothing is sent).
std::expected<DigestSendReport, std::string> send_digest_in_transaction(SQLite::Database& db,
                                                                        const OutreachSetup& setup,
                                                                        std::int64_t digest_id,
                                                                        const std::string& by,
                                                                        std::int64_t now_utc);

}  // namespace tafel::outbox
