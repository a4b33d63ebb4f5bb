#include "adapters/whatsapp/whatsapp_sender.hpp"

#include "engine/outreach/whatsapp_errors.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace tafel::whatsapp {

using outbox::SendOutcome;

namespace {

SendOutcome failure(SendOutcome::Status status, std::string error) {
  SendOutcome out;
  out.status = status;
  out.error = std::move(error);
  return out;
}

bool all_digits(const std::string& s) {
  return !s.empty() && s.size() <= 32 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Meta's trace id helps its support find a request; kept only when it looks like one.
std::string trace_suffix(const nlohmann::json& error) {
  const auto it = error.find("fbtrace_id");
  if (it == error.end() || !it->is_string()) return "";
  const auto& id = it->get_ref<const std::string&>();
  const bool plain =
      !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               c == '_' || c == '-';
      });
  return plain ? ", fbtrace_id " + id : "";
}

SendOutcome from_meaning(const outreach::WhatsAppErrorMeaning& m, std::string error) {
  SendOutcome out =
      failure(m.transient ? SendOutcome::Status::transient : SendOutcome::Status::permanent,
              std::move(error));
  out.retry_after_seconds = m.retry_after_seconds;
  out.throttle_channel = m.throttle_channel;
  out.needs_template = m.needs_template;
  out.channel_unusable = m.channel_unusable;
  out.fall_back = m.fall_back;
  out.alert_coordinator = m.alert_coordinator;
  out.stop_channel = m.stop_channel;
  return out;
}

}  // namespace

SendOutcome outcome_of_answer(const CloudApiAnswer& answer, const WhatsAppSenderOptions& options) {
  const auto j = nlohmann::json::parse(answer.body, nullptr, false);
  const bool object = !j.is_discarded() && j.is_object();

  // An error object with a numeric code decides, whatever the HTTP status.
  if (object) {
    const auto err = j.find("error");
    if (err != j.end() && err->is_object()) {
      const auto code = err->find("code");
      if (code != err->end() && code->is_number_integer()) {
        const int c = code->get<int>();
        auto m = outreach::whatsapp_error_meaning(c, answer.http_status);
        if (m.retry_after_seconds > 0)
          m.retry_after_seconds = std::max(m.retry_after_seconds, options.per_person_seconds);
        auto out = from_meaning(m, fmt::format("WhatsApp error {} ({}), HTTP {}{}", c, m.summary,
                                               answer.http_status, trace_suffix(*err)));
        out.provider_code = c;
        return out;
      }
    }
  }
  if (answer.http_status >= 200 && answer.http_status <= 299) {
    if (object) {
      const auto msgs = j.find("messages");
      if (msgs != j.end() && msgs->is_array() && !msgs->empty() && (*msgs)[0].is_object()) {
        const auto id = (*msgs)[0].find("id");
        if (id != (*msgs)[0].end() && id->is_string() &&
            !id->get_ref<const std::string&>().empty()) {
          SendOutcome out;
          out.status = SendOutcome::Status::sent;
          out.provider_message_id = id->get<std::string>();
          return out;
        }
      }
    }
    // Accepted by the API but no message id: sending again could deliver it twice.
    return failure(SendOutcome::Status::permanent,
                   fmt::format("WhatsApp answered HTTP {} without /messages/0/id; not resent",
                               answer.http_status));
  }
  const auto m = outreach::whatsapp_status_meaning(answer.http_status);
  return from_meaning(m, fmt::format("WhatsApp HTTP {} ({})", answer.http_status, m.summary));
}

WhatsAppSender::WhatsAppSender(CloudApiClient client, WhatsAppSenderOptions options,
                               outbox::ChannelSender* without_number_id)
    : client_(std::move(client)), options_(options), without_number_id_(without_number_id) {}

SendOutcome WhatsAppSender::send(const OutboxRow& row) {
  const auto j = nlohmann::json::parse(row.payload, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return failure(SendOutcome::Status::permanent, "/: the payload is not a JSON object");
  const auto wa = j.find("whatsapp");
  if (wa == j.end() || !wa->is_object())
    return failure(SendOutcome::Status::permanent, "/whatsapp: missing or not an object");
  std::string number_id;
  if (const auto it = wa->find("phone_number_id"); it != wa->end() && it->is_string())
    number_id = it->get<std::string>();
  if (number_id.empty()) {
    if (without_number_id_ != nullptr) return without_number_id_->send(row);
    return failure(SendOutcome::Status::permanent,
                   "/whatsapp/phone_number_id: empty; the network has no WhatsApp sender");
  }
  if (!all_digits(number_id))
    return failure(SendOutcome::Status::permanent,
                   "/whatsapp/phone_number_id: not a Cloud API phone-number id (digits)");
  const auto request = wa->find("request");
  if (request == wa->end() || !request->is_object())
    return failure(SendOutcome::Status::permanent, "/whatsapp/request: missing or not an object");

  auto answer = client_.post_message(number_id, request->dump());
  if (!answer) return failure(SendOutcome::Status::transient, "WhatsApp: " + answer.error().what);
  return outcome_of_answer(*answer, options_);
}

}  // namespace tafel::whatsapp
