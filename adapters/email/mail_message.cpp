#include "adapters/email/mail_message.hpp"

#include "adapters/email/gmime_support.hpp"

#include <gmime/gmime.h>

#include <mutex>

namespace tafel::email {

namespace {

// Owns one GObject reference.
template <typename T>
struct Ref {
  T* p;
  explicit Ref(T* ptr) : p(ptr) {}
  ~Ref() {
    if (p) g_object_unref(p);
  }
  Ref(Ref&& other) noexcept : p(other.p) { other.p = nullptr; }
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;
  GMimeObject* obj() const { return GMIME_OBJECT(p); }
};

Ref<GMimeTextPart> text_part(const char* subtype, const std::string& text) {
  Ref<GMimeTextPart> part(g_mime_text_part_new_with_subtype(subtype));
  // The UTF-8 bytes as they are: g_mime_text_part_set_text would re-encode them in the
  // smallest charset that fits (ISO-8859-1 for "Coöperatie").
  GMimeStream* stream = g_mime_stream_mem_new_with_buffer(text.data(), text.size());
  GMimeDataWrapper* content =
      g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT);
  g_object_unref(stream);
  g_mime_part_set_content(GMIME_PART(part.p), content);
  g_object_unref(content);
  g_mime_object_set_content_type_parameter(part.obj(), "charset", "utf-8");
  g_mime_part_set_content_encoding(GMIME_PART(part.p), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  return part;
}

}  // namespace

std::string build_mime(const MailMessage& m) {
  ensure_gmime();
  Ref<GMimeMessage> msg(g_mime_message_new(TRUE));
  g_mime_message_add_mailbox(msg.p, GMIME_ADDRESS_TYPE_FROM, m.from_name.c_str(),
                             m.from_address.c_str());
  g_mime_message_add_mailbox(msg.p, GMIME_ADDRESS_TYPE_TO, m.to_name.c_str(), m.to_address.c_str());
  if (!m.reply_to.empty())
    g_mime_message_add_mailbox(msg.p, GMIME_ADDRESS_TYPE_REPLY_TO, nullptr, m.reply_to.c_str());
  g_mime_message_set_subject(msg.p, m.subject.c_str(), "utf-8");
  g_mime_message_set_message_id(msg.p, m.message_id.c_str());
  GDateTime* date = g_date_time_new_from_unix_utc(m.date_utc);
  g_mime_message_set_date(msg.p, date);
  g_date_time_unref(date);
  if (!m.list_unsubscribe_url.empty()) {
    // Written raw: a long URL cannot be folded at a space, and GMime would then turn the value
    // into an RFC 2047 encoded-word, which RFC 2369/8058 readers do not decode.
    const std::string value = "<" + m.list_unsubscribe_url + ">";
    g_mime_object_set_header(msg.obj(), "List-Unsubscribe", value.c_str(), nullptr);
    GMimeHeader* header =
        g_mime_header_list_get_header(g_mime_object_get_header_list(msg.obj()), "List-Unsubscribe");
    g_mime_header_set_raw_value(header, (" " + value + "\n").c_str());
    g_mime_object_set_header(msg.obj(), "List-Unsubscribe-Post", "List-Unsubscribe=One-Click",
                             nullptr);
  }
  g_mime_object_set_header(msg.obj(), "Auto-Submitted", "auto-generated", nullptr);

  Ref<GMimeMultipart> alternative(g_mime_multipart_new_with_subtype("alternative"));
  auto plain = text_part("plain", m.text);
  g_mime_multipart_add(alternative.p, plain.obj());
  auto html = text_part("html", m.html);
  g_mime_multipart_add(alternative.p, html.obj());

  if (m.ics.empty()) {
    g_mime_message_set_mime_part(msg.p, alternative.obj());
  } else {
    const char* method = m.cancel ? "CANCEL" : "REQUEST";
    auto calendar = text_part("calendar", m.ics);
    g_mime_object_set_content_type_parameter(calendar.obj(), "method", method);
    g_mime_part_set_content_encoding(GMIME_PART(calendar.p), GMIME_CONTENT_ENCODING_BASE64);
    g_mime_multipart_add(alternative.p, calendar.obj());

    Ref<GMimePart> attachment(g_mime_part_new_with_type("application", "ics"));
    Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(m.ics.data(), m.ics.size()));
    Ref<GMimeDataWrapper> content(
        g_mime_data_wrapper_new_with_stream(stream.p, GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(attachment.p, content.p);
    g_mime_object_set_content_type_parameter(attachment.obj(), "method", method);
    g_mime_object_set_disposition(attachment.obj(), GMIME_DISPOSITION_ATTACHMENT);
    g_mime_part_set_filename(attachment.p, "invite.ics");
    g_mime_part_set_content_encoding(attachment.p, GMIME_CONTENT_ENCODING_BASE64);

    Ref<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
    g_mime_multipart_add(mixed.p, alternative.obj());
    g_mime_multipart_add(mixed.p, attachment.obj());
    g_mime_message_set_mime_part(msg.p, mixed.obj());
  }

  GMimeFormatOptions* options = g_mime_format_options_clone(nullptr);
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  char* raw = g_mime_object_to_string(msg.obj(), options);
  g_mime_format_options_free(options);
  std::string out(raw ? raw : "");
  g_free(raw);
  return out;
}

}  // namespace tafel::email
