#include "adapters/outbox/payload.hpp"

namespace tafel::outbox {

nlohmann::json mail_payload(const email::MailMessage& m) {
  return {{"mail",
           {{"from_name", m.from_name},
            {"from_address", m.from_address},
            {"to_name", m.to_name},
            {"to_address", m.to_address},
            {"reply_to", m.reply_to},
            {"message_id", m.message_id},
            {"subject", m.subject},
            {"text", m.text},
            {"html", m.html},
            {"ics", m.ics},
            {"cancel", m.cancel},
            {"list_unsubscribe_url", m.list_unsubscribe_url}}}};
}

std::expected<email::MailMessage, std::string> mail_from_payload(const std::string& payload,
                                                                 std::int64_t date_utc) {
  const auto j = nlohmann::json::parse(payload, nullptr, false);
  if (j.is_discarded() || !j.contains("mail") || !j["mail"].is_object())
    return std::unexpected("payload has no mail object");
  const auto& m = j["mail"];
  email::MailMessage out;
  try {
    out.from_name = m.at("from_name").get<std::string>();
    out.from_address = m.at("from_address").get<std::string>();
    out.to_name = m.at("to_name").get<std::string>();
    out.to_address = m.at("to_address").get<std::string>();
    out.reply_to = m.at("reply_to").get<std::string>();
    out.message_id = m.at("message_id").get<std::string>();
    out.subject = m.at("subject").get<std::string>();
    out.text = m.at("text").get<std::string>();
    out.html = m.at("html").get<std::string>();
    out.ics = m.at("ics").get<std::string>();
    out.cancel = m.at("cancel").get<bool>();
    out.list_unsubscribe_url = m.at("list_unsubscribe_url").get<std::string>();
  } catch (const nlohmann::json::exception& e) {
    return std::unexpected(std::string("mail payload: ") + e.what());
  }
  out.date_utc = date_utc;
  return out;
}

}  // namespace tafel::outbox
