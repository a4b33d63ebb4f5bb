#pragma once
// Fills `{{name}}` placeholders in a message template. Strict by contract: a placeholder whose
// name is not in `known`, or that `values` lacks, is an error naming it and its line, never a
// blank in a sent message. `{{ name }}` (spaces inside the braces) is accepted; a `{{` without
// its `}}` is an error. Names are lowercase letters, digits and '_'.

#include <expected>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::outreach {

using TemplateValues = std::map<std::string, std::string, std::less<>>;

enum class Escape { none, html };

struct RenderError {
  std::string message;  // English, names the placeholder and line
};

std::expected<std::string, RenderError> render_template(
    std::string_view text, const TemplateValues& values,
    const std::set<std::string, std::less<>>& known, Escape escape = Escape::none);

// The placeholder names in order of first appearance (for positional WhatsApp parameters).
// Malformed placeholders are skipped; render_template reports them.
std::vector<std::string> placeholders_in(std::string_view text);

// `&`, `<`, `>`, `"` and `'` as HTML entities.
std::string html_escape(std::string_view text);

}  // namespace tafel::outreach
