#pragma once
// Reads a solve instance (shared/spec/solve.md, "Instance") from JSON text. Every problem is
// reported, one message each, prefixed with the JSON pointer of the offending field:
// `/participants/17/availability/0/end: end must be after start`. Any message means exit 2.

#include "engine/solver/instance.hpp"

#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::solve_io {

std::expected<solver::Instance, std::vector<std::string>> parse_instance(std::string_view text);

}  // namespace tafel::solve_io
