#include "engine/outreach/whatsapp_errors.hpp"

namespace tafel::outreach {

namespace {

WhatsAppErrorMeaning transient(std::string_view summary) {
  WhatsAppErrorMeaning m;
  m.transient = true;
  m.summary = summary;
  return m;
}

WhatsAppErrorMeaning permanent(std::string_view summary) {
  WhatsAppErrorMeaning m;
  m.summary = summary;
  return m;
}

}  // namespace

WhatsAppErrorMeaning whatsapp_error_meaning(int code, int http_status) {
  switch (code) {
    case 130429:
    case 4:
    case 80007: {
      auto m = transient(code == 130429 ? "throughput limit reached" : "app or account rate limit");
      m.throttle_channel = true;
      return m;
    }
    case 131056: {
      auto m = transient("too many messages to this person recently");
      m.retry_after_seconds = kWhatsAppPairRetrySeconds;
      return m;
    }
    case 131000:
      return transient("unknown error at the provider");
    case 131057:
      return transient("account in maintenance mode");
    case 131047: {
      auto m = permanent("outside the 24-hour window; a template is needed");
      m.needs_template = true;
      return m;
    }
    case 131026: {
      auto m = permanent("message undeliverable");
      m.channel_unusable = true;
      m.fall_back = true;
      return m;
    }
    case 131050:
      return permanent("person stopped marketing messages; never retried");
    case 132000:
    case 132001:
    case 132012:
    case 132015:
    case 132016: {
      auto m = permanent(code == 132000 || code == 132012
                             ? "template parameters do not match the approved template"
                             : "template missing, paused or disabled");
      m.alert_coordinator = true;
      m.fall_back = true;
      return m;
    }
    case 0:
    case 190: {
      auto m = permanent("access token invalid or expired");
      m.stop_channel = true;
      m.alert_coordinator = true;
      return m;
    }
    default:
      return http_status >= 500 && http_status <= 599
                 ? transient("unknown error code, server error")
                 : permanent("unknown error code");
  }
}

WhatsAppErrorMeaning whatsapp_status_meaning(int http_status) {
  if (http_status == 429) return transient("HTTP 429 without an error body");
  if (http_status >= 500 && http_status <= 599)
    return transient("server error without an error body");
  return permanent("error answer without an error body");
}

}  // namespace tafel::outreach
