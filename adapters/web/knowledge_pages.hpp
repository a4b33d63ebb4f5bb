#pragma once
// The learning community's knowledge base (knowledge_store.hpp): everything captured after the
// sessions, without personal data, readable by every account and, read-only, by members.
//
//   GET /beheer/kennisbank             search by sector, theme, kind, date range (van/tot,
//                                      YYYY-MM-DD, on the session's date) and text; the
//                                      results; the anonymous bottlenecks counted per theme per
//                                      quarter (the last four quarters, or the searched range)
//                                      as an inline-SVG chart; for a coordinator (every
//                                      network) or partner (its network) the members' link.
//   GET /kennisbank/{token}            the same search, read-only, without log-in: a signed link
//                                      (adapters/links, purpose kennisbank, subject the network
//                                      id, valid a year). Shows only the items (kind, sector,
//                                      theme, quarter, text): no session ids, no names. A bad
//                                      token: 404; an expired one: 410.
//   GET /api/kennisbank                the search as JSON: {"items", "bottlenecks"}.
//
// The link key is the daemon's (links::load_link_key from the database's folder, the default
// state_dir; a configured other state_dir is not seen here until WebSetup carries the key).

#include "adapters/http/message.hpp"
#include "adapters/web/web_setup.hpp"

#include <cstdint>
#include <string>

namespace tafel::web {

http::Response handle_knowledge_get(const WebSetup& setup, const http::Request& request);
http::Response handle_public_knowledge_get(const WebSetup& setup, const http::Request& request);
http::Response handle_api_knowledge(const WebSetup& setup, const http::Request& request);

// The members' read-only link path for `network_id` ("/kennisbank/<token>"), valid a year
// from `now`. Throws std::runtime_error when the link key cannot be loaded.
std::string public_knowledge_path(const WebSetup& setup, std::int64_t network_id, std::int64_t now);

}  // namespace tafel::web
