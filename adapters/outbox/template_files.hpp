#pragma once
// Reads the message templates from a folder (config/templates: <stem>.onderwerp.txt,
// <stem>.tekst.txt, <stem>.html, <stem>.whatsapp.txt per kind) and checks them with the engine's
// full sample. Any problem fails the whole load, each message naming the file.

#include "engine/outreach/message_templates.hpp"

#include <expected>
#include <filesystem>
#include <string>
#include <vector>

namespace tafel::outbox {

std::expected<outreach::MessageTemplates, std::vector<std::string>> load_templates(
    const std::filesystem::path& dir);

}  // namespace tafel::outbox
