// libFuzzer target: one received mail's raw bytes, read as IMAP intake reads it before touching
// the store: GMime parsing (read_mail), classification (bounce, auto-reply, calendar reply,
// reply), then quote stripping and intent reading of the text.

#include "adapters/email/mail_kind.hpp"
#include "adapters/email/mail_reader.hpp"
#include "engine/replies/intent.hpp"
#include "engine/replies/quote_strip.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  auto mail = tafel::email::read_mail(raw);
  if (!mail) return 0;
  const auto cls = tafel::email::classify_mail(*mail);
  if (cls.kind == tafel::email::MailKind::reply)
    (void)tafel::replies::read_intent(tafel::replies::strip_quoted(mail->text));
  return 0;
}
