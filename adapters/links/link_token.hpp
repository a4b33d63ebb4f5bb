#pragma once
// Signed, expiring, unguessable tokens for personal links and WhatsApp button payloads.
//
// token = base64url(payload || HMAC-SHA256(key, payload)), no padding, 88 characters, where
// payload = version (1 byte, 1) | purpose (1) | subject (8, big-endian) | expires_at (8,
// big-endian Unix seconds; 0 = never) | nonce (16 random bytes).
// Tokens are URL- and path-safe. Verification is constant-time over the MAC (CRYPTO_memcmp)
// and checks expiry only after the MAC, so an expired token still names its subject (for the
// 410 page's "send me a fresh link" form) while a forged one says nothing.

#include "adapters/links/link_key.hpp"

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace tafel::links {

enum class Purpose : std::uint8_t {
  rsvp = 1,         // subject: invitation id
  poll = 2,         // subject: poll invitation (member in a planning round) id
  optout = 3,       // subject: member id; never expires
  unsubscribe = 4,  // one-click List-Unsubscribe; subject: member id; never expires
  kennisbank = 5,   // read-only knowledge base for members; subject: network id
  evaluation = 6,   // the after-session evaluation page; subject: invitation id
};

std::string_view to_string(Purpose p);

struct LinkClaims {
  Purpose purpose = Purpose::rsvp;
  std::int64_t subject = 0;
  std::int64_t expires_at = 0;  // Unix seconds; 0 = never
};

enum class LinkError : std::uint8_t {
  bad,      // malformed, unknown version/purpose, or the MAC does not match
  expired,  // genuine but past its expiry: `claims` names purpose and subject
};

struct LinkFailure {
  LinkError error = LinkError::bad;
  LinkClaims claims;  // filled only for `expired`
};

// Signs a token; `expires_at` is ignored (never expires) for optout and unsubscribe.
// Throws std::runtime_error only if the system's random generator fails.
std::string sign_link(const LinkKey& key, Purpose purpose, std::int64_t subject,
                      std::int64_t expires_at);

// Verifies at moment `now` (Unix seconds). Expired means now >= expires_at.
std::expected<LinkClaims, LinkFailure> verify_link(const LinkKey& key, std::string_view token,
                                                   std::int64_t now);

}  // namespace tafel::links
