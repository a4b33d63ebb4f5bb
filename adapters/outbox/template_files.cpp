#include "adapters/outbox/template_files.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace tafel::outbox {

std::expected<outreach::MessageTemplates, std::vector<std::string>> load_templates(
    const std::filesystem::path& dir) {
  outreach::MessageTemplates set;
  std::vector<std::string> problems;
  for (const auto& [kind, stem] : outreach::template_stems()) {
    outreach::KindTemplates t;
    const std::pair<std::string*, std::string> files[] = {{&t.subject, stem + ".onderwerp.txt"},
                                                          {&t.text, stem + ".tekst.txt"},
                                                          {&t.html, stem + ".html"},
                                                          {&t.whatsapp, stem + ".whatsapp.txt"}};
    for (const auto& [out, name] : files) {
      std::ifstream in(dir / name, std::ios::binary);
      if (!in) {
        problems.push_back(fmt::format("{}: cannot read", (dir / name).string()));
        continue;
      }
      std::ostringstream ss;
      ss << in.rdbuf();
      *out = ss.str();
    }
    set.kinds[kind] = std::move(t);
  }
  if (!problems.empty()) return std::unexpected(std::move(problems));
  for (auto& p : outreach::check_templates(set)) problems.push_back((dir / p).string());
  if (!problems.empty()) return std::unexpected(std::move(problems));
  return set;
}

}  // namespace tafel::outbox
