#pragma once
// The WhatsApp webhook as a part of the daemon (`tafelplanner serve`): the route, the inbox it
// stores into (through one group-commit writer thread) and the worker that processes it.
//
// With both secrets in the environment (whatsapp_secrets.hpp) it opens the inbox and starts the
// worker, which first catches up on deliveries left pending; processing renders what answers
// cause with `context` (message templates, the link key), which must outlive the service. Without
// them the route answers 503 and one line on stderr says which variables are missing (never a
// value).

#include "adapters/http/router.hpp"
#include "adapters/replies/record_answer.hpp"
#include "adapters/webhooks/whatsapp_secrets.hpp"

#include <expected>
#include <iosfwd>
#include <memory>
#include <string>

namespace tafel::webhooks {

class WhatsAppService {
 public:
  // `context` may be null only when the secrets are not set (no templates configured). Errors
  // (no templates, the database) are for the operator and never contain a secret.
  static std::expected<std::unique_ptr<WhatsAppService>, std::string> start(
      const replies::ReplyContext* context, WhatsAppSecrets secrets, std::ostream& err);
  ~WhatsAppService();
  WhatsAppService(const WhatsAppService&) = delete;
  WhatsAppService& operator=(const WhatsAppService&) = delete;

  // Adds GET and POST /webhooks/whatsapp. Call once, before the server runs.
  void register_routes(http::Router& router);

  // Stops the worker after the delivery in hand (what is left stays pending for the next
  // start). Idempotent. The webhook keeps storing deliveries (requests still in flight while the
  // server drains) until the service is destroyed; from then on it answers 503.
  void stop();

 private:
  struct Impl;
  explicit WhatsAppService(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tafel::webhooks
