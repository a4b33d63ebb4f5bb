#include "adapters/email/mail_message.hpp"

#include <gmime/gmime.h>
#include <gtest/gtest.h>

namespace tafel::email {
namespace {

// Text bodies keep their UTF-8 bytes and say so: "Coöperatie" must not be re-encoded in
// another charset while the header still claims utf-8.
TEST(MailCharset, TextPartsAreUtf8AsDeclared) {
  g_mime_init();
  MailMessage m;
  m.from_name = "Coöperatie Vakwerk";
  m.from_address = "a@example.nl";
  m.to_name = "Zoë";
  m.to_address = "z@example.nl";
  m.message_id = "x@example.nl";
  m.subject = "Uitnodiging – praktijktafel";
  m.text = "Namens Coöperatie Vakwerk: tot dinsdag.\n";
  m.html = "<p>Namens Coöperatie Vakwerk</p>\n";
  m.date_utc = 1'790'000'000;
  const std::string mime = build_mime(m);

  GMimeStream* stream = g_mime_stream_mem_new_with_buffer(mime.data(), mime.size());
  GMimeParser* parser = g_mime_parser_new_with_stream(stream);
  GMimeMessage* msg = g_mime_parser_construct_message(parser, nullptr);
  ASSERT_NE(msg, nullptr);
  int checked = 0;
  g_mime_message_foreach(
      msg,
      [](GMimeObject*, GMimeObject* part, gpointer data) {
        if (!GMIME_IS_TEXT_PART(part)) return;
        GMimeContentType* ct = g_mime_object_get_content_type(part);
        EXPECT_STREQ(g_mime_content_type_get_parameter(ct, "charset"), "utf-8");
        char* text = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
        EXPECT_NE(std::string(text).find("Coöperatie Vakwerk"), std::string::npos) << text;
        g_free(text);
        ++*static_cast<int*>(data);
      },
      &checked);
  EXPECT_EQ(checked, 2);
  g_object_unref(msg);
  g_object_unref(parser);
  g_object_unref(stream);
}

}  // namespace
}  // namespace tafel::email
