#pragma once
// One pass over a mailbox: every message whose UID is above the last one processed (per
// mailbox and UIDVALIDITY, `imap_state`) is fetched and taken in (mail_intake.hpp), each in its
// own transaction together with the new `imap_state`, so a message is processed exactly once
// whatever a person does with \Seen. When UIDVALIDITY changes the pass starts again from the
// first UID; the `inbound` dedupe key `imap:<uidvalidity>:<uid>` keeps that from applying a
// message twice under the same UIDVALIDITY.

#include "adapters/imap/imap_client.hpp"
#include "adapters/replies/record_answer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <expected>
#include <functional>
#include <map>
#include <string>

namespace tafel::imap {

struct PassSummary {
  int fetched = 0;
  int duplicates = 0;
  bool uidvalidity_changed = false;
  std::map<std::string, int> kinds;     // inbound.kind → count
  std::map<std::string, int> outcomes;  // inbound.outcome → count
};

// Errors (the server, the network) are English and name no personal data; messages taken in
// before the error stay taken in. Database errors throw.
std::expected<PassSummary, std::string> run_imap_pass(SQLite::Database& db,
                                                      const replies::ReplyContext& ctx,
                                                      ImapClient& client,
                                                      const std::string& mailbox,
                                                      const std::function<std::int64_t()>& now);

}  // namespace tafel::imap
