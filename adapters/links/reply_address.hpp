#pragma once
// The per-invitation reply-address id: `<local>+<id>@<domain>` identifies the invitation a
// mail reply belongs to. 128 random bits (RAND_bytes) in lower-case RFC 4648 base32 without
// padding: 26 characters of [a-z2-7], so it survives mail servers that lower-case addresses
// and fits the 64-octet local part. The id is looked up in the store; it carries no meaning.

#include <string>
#include <string_view>

namespace tafel::links {

inline constexpr std::size_t kReplyIdChars = 26;

// Throws std::runtime_error only if the system's random generator fails.
std::string new_reply_address_id();

// True for a well-formed id (26 chars of [a-z2-7], canonical last char); case-sensitive, so
// callers lower-case what a mail server may have upper-cased.
bool is_reply_address_id(std::string_view id);

}  // namespace tafel::links
