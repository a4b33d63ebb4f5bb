#include "adapters/webhooks/whatsapp_route.hpp"

#include "adapters/webhooks/signature.hpp"

namespace tafel::webhooks {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      const int hi = hex_digit(s[i + 1]);
      const int lo = hex_digit(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

http::Response not_configured() {
  auto r = http::error_response(503, "WhatsApp webhook not configured");
  r.set_header("Retry-After", "3600");
  return r;
}

}  // namespace

std::optional<std::string> query_value(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    const auto amp = query.find('&');
    const auto pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    const auto eq = pair.find('=');
    const auto key = percent_decode(pair.substr(0, eq));
    if (!key || *key != name) continue;
    if (eq == std::string_view::npos) return std::string();
    return percent_decode(pair.substr(eq + 1));
  }
  return std::nullopt;
}

http::Response handle_whatsapp_handshake(const WhatsAppSecrets& secrets,
                                         const http::Request& request) {
  if (!secrets.configured()) return not_configured();
  const auto mode = query_value(request.query, "hub.mode");
  const auto token = query_value(request.query, "hub.verify_token");
  const auto challenge = query_value(request.query, "hub.challenge");
  if (!mode || *mode != "subscribe" || !token || !challenge ||
      !constant_time_equal(*token, secrets.verify_token))
    return http::error_response(403, "verification failed");
  http::Response r;
  r.status = 200;
  r.set_header("Content-Type", "text/plain; charset=utf-8");
  r.body = *challenge;
  return r;
}

void handle_whatsapp_post(const WhatsAppSecrets& secrets, const SubmitDelivery& submit,
                          http::Request request, http::Respond respond) {
  if (!secrets.configured()) return respond(not_configured());
  if (!signature_matches(secrets.app_secret, request.body, request.header(kSignatureHeader)))
    return respond(http::error_response(401, "bad or missing X-Hub-Signature-256"));
  submit(std::move(request.body), [respond = std::move(respond)](std::optional<std::int64_t> id) {
    if (!id) {
      auto r = http::error_response(503, "delivery not stored, try again");
      r.set_header("Retry-After", "10");
      return respond(std::move(r));
    }
    http::Response r;
    r.status = 200;
    r.set_header("Content-Type", "text/plain; charset=utf-8");
    r.body = "ok";
    respond(std::move(r));
  });
}

void register_whatsapp_webhook(http::Router& router, WhatsAppSecrets secrets,
                               std::shared_ptr<GroupCommitter> committer) {
  const auto shared = std::make_shared<const WhatsAppSecrets>(std::move(secrets));
  SubmitDelivery submit = [committer](std::string body,
                                      std::function<void(std::optional<std::int64_t>)> done) {
    committer->submit(std::move(body), std::move(done));
  };
  const http::RouteOptions options{kWhatsAppBodyLimit};
  router.get(
      std::string(kWhatsAppPath),
      [shared](const http::Request& r) { return handle_whatsapp_handshake(*shared, r); }, options);
  router.add_async(
      "POST", std::string(kWhatsAppPath),
      [shared, submit = std::move(submit)](http::Request r, http::Respond respond) {
        handle_whatsapp_post(*shared, submit, std::move(r), std::move(respond));
      },
      options);
}

}  // namespace tafel::webhooks
