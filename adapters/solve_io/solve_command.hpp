#pragma once
// `tafelplanner solve --instance IN --out OUT [--time-limit-ms N] [--seed N]`.

#include <cstdint>
#include <ostream>
#include <string>

namespace tafel::solve_io {

// Reads and validates `instance_path`, solves within `time_limit_ms` (measured from the call,
// including writing), and writes `out_path` only on success. Messages go to `err`.
// Returns the exit code: 0 solved, 1 I/O failure, 2 invalid input, 3 pins/fixed sessions
// cannot all hold.
int run_solve_command(const std::string& instance_path, const std::string& out_path,
                      std::int64_t time_limit_ms, std::uint64_t seed, std::ostream& err);

}  // namespace tafel::solve_io
