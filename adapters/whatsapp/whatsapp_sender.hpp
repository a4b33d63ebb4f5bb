#pragma once
// WhatsApp through the Cloud API: sends the request stored in an outbox row's payload
// (`{"whatsapp": {phone_number_id, request}}`, see adapters/outbox/payload.hpp) and turns the
// answer into a SendOutcome. Success `{"messages":[{"id":"wamid…"}]}` is sent with the wamid;
// an error answer is judged by its `error.code` per shared/spec/messaging.md
// (engine/outreach/whatsapp_errors.hpp), not by the HTTP status; timeouts and dropped
// connections are transient. Errors are English and carry the code, never phone numbers, texts
// or the provider's free-text details.

#include "adapters/outbox/channel_sender.hpp"
#include "adapters/whatsapp/cloud_api_client.hpp"

#include <string>

namespace tafel::whatsapp {

// Rates (per phone number, per day, per person) are the dispatcher's business; this sender sends
// when asked.
struct WhatsAppSenderOptions {
  int per_person_seconds = 6;  // 131056 (pair rate limit) waits at least this long
};

// The outcome of one HTTP answer (exposed for tests and tools).
outbox::SendOutcome outcome_of_answer(const CloudApiAnswer& answer,
                                      const WhatsAppSenderOptions& options);

class WhatsAppSender : public outbox::ChannelSender {
 public:
  // `without_number_id` takes rows whose payload names no phone_number_id (a network without a
  // WhatsApp sender: the outbox folder); nullptr = such rows fail permanently. It must outlive
  // this sender.
  WhatsAppSender(CloudApiClient client, WhatsAppSenderOptions options,
                 outbox::ChannelSender* without_number_id = nullptr);
  outbox::SendOutcome send(const OutboxRow& row) override;

 private:
  CloudApiClient client_;
  WhatsAppSenderOptions options_;
  outbox::ChannelSender* without_number_id_;
};

}  // namespace tafel::whatsapp
