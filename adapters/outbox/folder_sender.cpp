#include "adapters/outbox/folder_sender.hpp"

#include "adapters/outbox/payload.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace tafel::outbox {

namespace {

bool write_whole(const std::filesystem::path& target, const std::string& content) {
  const auto tmp = target.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!(out << content)) return false;
    out.flush();
    if (!out) return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, target, ec);
  return !ec;
}

}  // namespace

FolderSender::FolderSender(std::filesystem::path dir, std::function<std::int64_t()> clock)
    : dir_(std::move(dir)), clock_(std::move(clock)) {}

SendOutcome FolderSender::send(const OutboxRow& row) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec)
    return {SendOutcome::Status::transient, "", "cannot create the outbox folder: " + ec.message()};
  const std::string stem = fmt::format("{:06}-{}", row.id, row.kind);
  if (row.channel == "email") {
    auto mail = mail_from_payload(row.payload, clock_());
    if (!mail) return {SendOutcome::Status::permanent, "", mail.error()};
    if (!write_whole(dir_ / (stem + ".eml"), email::build_mime(*mail)))
      return {SendOutcome::Status::transient, "", "cannot write the .eml file"};
    return {SendOutcome::Status::sent, mail->message_id, ""};
  }
  const auto j = nlohmann::json::parse(row.payload, nullptr, false);
  if (j.is_discarded() || !j.contains("whatsapp"))
    return {SendOutcome::Status::permanent, "", "payload has no whatsapp object"};
  if (!write_whole(dir_ / (stem + ".json"), j["whatsapp"].dump(2) + "\n"))
    return {SendOutcome::Status::transient, "", "cannot write the .json file"};
  return {SendOutcome::Status::sent, fmt::format("local.{}", row.id), ""};
}

}  // namespace tafel::outbox
