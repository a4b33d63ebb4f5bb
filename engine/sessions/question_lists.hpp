#pragma once
// The start questions (Kader 2 of the report) and action questions (Kader 3) a run sheet offers,
// and the deterministic choice of one for a session. The texts are the report's, in Dutch; they
// are the default content of the editable lists in the store (schema v7 `questions`). Pure.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tafel::sessions {

enum class QuestionKind { start, action };

std::string_view question_kind_key(QuestionKind kind);  // "start" | "action"
std::optional<QuestionKind> parse_question_kind(std::string_view key);

// The report's examples, in the report's order.
std::span<const std::string_view> default_questions(QuestionKind kind);

// Picks the question for session `session_id` from `list` (the active list, in order):
// index = session_id mod size (session_id taken as non-negative); when that is the question the
// same group was asked last time (`last_used`, compared as text) and the list has another one,
// the next one in the list (wrapping) is taken instead. nullopt when the list is empty.
std::optional<std::string> choose_question(std::span<const std::string> list,
                                           std::int64_t session_id,
                                           std::optional<std::string_view> last_used);

}  // namespace tafel::sessions
