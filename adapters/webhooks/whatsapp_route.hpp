#pragma once
// The WhatsApp Cloud API webhook at /webhooks/whatsapp (shared/spec/messaging.md):
// - GET: the subscription handshake. hub.mode=subscribe and hub.verify_token equal to the
//   configured token -> 200 with exactly hub.challenge as body; otherwise 403.
// - POST: X-Hub-Signature-256 checked over the raw body; bad or missing -> 401 and nothing
//   stored. A correctly signed body is stored as it is (parseable or not) and answered 200 only
//   once its transaction committed (group commit: group_commit.hpp); the committer wakes the
//   processor. When it cannot be stored (a database error) -> 503 with Retry-After, so the
//   provider retries.
// - Without both secrets both methods answer 503.
// - Bodies up to kWhatsAppBodyLimit bytes (3 MiB) inclusive are taken; larger get 413 from the
//   server before the handler runs.

#include "adapters/http/message.hpp"
#include "adapters/http/router.hpp"
#include "adapters/webhooks/group_commit.hpp"
#include "adapters/webhooks/whatsapp_secrets.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace tafel::webhooks {

inline constexpr std::string_view kWhatsAppPath = "/webhooks/whatsapp";
inline constexpr std::size_t kWhatsAppBodyLimit = 3 * 1024 * 1024;

// Stores one delivery (the body moved in) and calls `done` exactly once, possibly on another
// thread: with its id once committed, or nullopt when it could not be stored
// (GroupCommitter::submit bound to the inbox).
using SubmitDelivery =
    std::function<void(std::string body, std::function<void(std::optional<std::int64_t>)> done)>;

http::Response handle_whatsapp_handshake(const WhatsAppSecrets& secrets,
                                         const http::Request& request);

// Answers through `respond` (an http::AsyncHandler): at once for 401/503, after the commit for a
// stored delivery.
void handle_whatsapp_post(const WhatsAppSecrets& secrets, const SubmitDelivery& submit,
                          http::Request request, http::Respond respond);

// Adds GET and POST /webhooks/whatsapp with the 3 MiB body limit. `committer` may be null only
// when the secrets are not configured.
void register_whatsapp_webhook(http::Router& router, WhatsAppSecrets secrets,
                               std::shared_ptr<GroupCommitter> committer);

// The value of `name` in a query string ("a=1&b=2"), percent-decoded ('+' is a space); nullopt
// when absent or malformed.
std::optional<std::string> query_value(std::string_view query, std::string_view name);

}  // namespace tafel::webhooks
