#pragma once
// The rendered message stored in an outbox row's `payload` (JSON), per channel. Rendering happens
// when the row is written, so what is sent is exactly what was decided.
//
// email:    {"mail": {from_name, from_address, to_name, to_address, reply_to, message_id,
//            subject, text, html, ics, cancel, list_unsubscribe_url}}
// whatsapp: {"whatsapp": {phone_number_id, request}} where `request` is the Cloud API body.

#include "adapters/email/mail_message.hpp"

#include <nlohmann/json.hpp>

#include <expected>
#include <string>

namespace tafel::outbox {

nlohmann::json mail_payload(const email::MailMessage& mail);
// The stored mail; `date_utc` is the send time. Fails on a payload without a "mail" object.
std::expected<email::MailMessage, std::string> mail_from_payload(const std::string& payload,
                                                                 std::int64_t date_utc);

}  // namespace tafel::outbox
