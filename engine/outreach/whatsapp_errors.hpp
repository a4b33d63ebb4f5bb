#pragma once
// What a WhatsApp Cloud API error means for the message and the channel: the error table of
// shared/spec/messaging.md as data. Decisions act on the body's `error.code`, never on the HTTP
// status alone; the status only decides for codes the table does not know (5xx: transient) and
// for answers without a readable error body (429 and 5xx: transient).

#include <string_view>

namespace tafel::outreach {

struct WhatsAppErrorMeaning {
  bool transient = false;          // retry this message later; otherwise it failed for good
  int retry_after_seconds = 0;     // transient: wait at least this long (0 = the retry policy's)
  bool throttle_channel = false;   // channel-wide rate limit (130429, 4, 80007): slow down
  bool needs_template = false;     // 131047: outside the 24-hour window, send the template form
  bool channel_unusable = false;   // 131026: this member cannot be reached on WhatsApp
  bool fall_back = false;          // try the member's email where consent allows it
  bool alert_coordinator = false;  // template problems (132xxx), token invalid (0, 190)
  bool stop_channel = false;       // token invalid or expired: stop sending on WhatsApp
  std::string_view summary;        // short English label for logs and the outbox; no personal data
};

// Minimum wait after 131056 (pair rate limit: about one message per 6 s to one person).
inline constexpr int kWhatsAppPairRetrySeconds = 6;

// The meaning of `error.code` in an error answer with HTTP status `http_status`.
WhatsAppErrorMeaning whatsapp_error_meaning(int code, int http_status);

// The meaning of a non-2xx answer whose body holds no readable `error.code` (a proxy's HTML page,
// an empty body): 429 and 5xx are transient, everything else permanent.
WhatsAppErrorMeaning whatsapp_status_meaning(int http_status);

}  // namespace tafel::outreach
