#include "adapters/email/calendar_invite.hpp"
#include "adapters/email/mail_message.hpp"
#include "adapters/email/smtp_sender.hpp"
#include "adapters/outbox/template_files.hpp"
#include "tests/adapters/email/smtp_server.hpp"

#include <gmime/gmime.h>
#include <gtest/gtest.h>
#include <libical/ical.h>

namespace tafel::email {
namespace {

struct Parsed {
  GMimeMessage* msg = nullptr;
  explicit Parsed(const std::string& raw) {
    GMimeStream* stream = g_mime_stream_mem_new_with_buffer(raw.data(), raw.size());
    GMimeParser* parser = g_mime_parser_new_with_stream(stream);
    msg = g_mime_parser_construct_message(parser, nullptr);
    g_object_unref(parser);
    g_object_unref(stream);
  }
  ~Parsed() {
    if (msg) g_object_unref(msg);
  }
  std::string header(const char* name) const {
    const char* v = g_mime_object_get_header(GMIME_OBJECT(msg), name);
    return v ? v : "";
  }
};

// Every leaf part: content type, its decoded text, and the disposition filename.
struct Leaf {
  std::string type, text, filename, method;
};

void collect(GMimeObject* parent, GMimeObject* part, gpointer data) {
  (void)parent;
  if (!GMIME_IS_PART(part)) return;
  auto* leaves = static_cast<std::vector<Leaf>*>(data);
  Leaf l;
  GMimeContentType* ct = g_mime_object_get_content_type(part);
  char* mime = g_mime_content_type_get_mime_type(ct);
  l.type = mime;
  g_free(mime);
  if (const char* m = g_mime_content_type_get_parameter(ct, "method")) l.method = m;
  if (const char* f = g_mime_part_get_filename(GMIME_PART(part))) l.filename = f;
  GMimeDataWrapper* content = g_mime_part_get_content(GMIME_PART(part));
  GMimeStream* out = g_mime_stream_mem_new();
  g_mime_data_wrapper_write_to_stream(content, out);
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out));
  l.text.assign(reinterpret_cast<const char*>(bytes->data), bytes->len);
  g_object_unref(out);
  leaves->push_back(std::move(l));
}

MailMessage invitation_mail(const outreach::MessageTemplates& templates, std::string to,
                            std::string message_id) {
  const auto facts = outreach::sample_facts();
  auto composed = outreach::compose_message(templates, outreach::MessageKind::invitation, facts);
  EXPECT_TRUE(composed.has_value());
  CalendarInvite ci;
  ci.uid = "tafel-7-3-abcdefghij@tafels.example.nl";
  ci.sequence = 2;
  ci.dtstamp_utc = 1'790'000'000;
  ci.start = facts.start;
  ci.end = facts.end;
  ci.summary = "Praktijktafel: " + facts.theme;
  ci.location = facts.venue + ", " + facts.address;
  ci.organizer_name = facts.network;
  ci.organizer_email = facts.reply_address;
  ci.attendee_name = facts.recipient_name;
  ci.attendee_email = to;
  auto ics = make_calendar_invite(ci);
  EXPECT_TRUE(ics.has_value());
  MailMessage m;
  m.from_name = facts.network;
  m.from_address = "praktijktafels@bto.example.nl";
  m.to_name = facts.recipient_name;
  m.to_address = std::move(to);
  m.reply_to = facts.reply_address;
  m.message_id = std::move(message_id);
  m.subject = composed->subject;
  m.text = composed->text;
  m.html = composed->html;
  m.ics = ics.value_or("");
  // As long as a real one (an 88-character signed token): too long to fold at a space.
  m.list_unsubscribe_url =
      "https://tafels.example.nl/afmelden/"
      "AQMAAAAAAAAAXwAAAAAAAAAAMqHkgcpmG7ibMrjUJIB6nIznyz83GwuTNB3H3q1JilrU-BvC5Og3hflsocxX7W9z";
  m.date_utc = 1'790'000'000;
  return m;
}

TEST(SmtpInvite, ArrivesWithCalendarRequestHeadersAndDutchFacts) {
  testing::SmtpServer server;
  ASSERT_TRUE(server.ready()) << "is python3-aiosmtpd installed? (scripts/install-deps)";
  auto templates =
      outbox::load_templates(std::filesystem::path(TAFEL_SOURCE_DIR) / "config/templates");
  ASSERT_TRUE(templates.has_value()) << templates.error()[0];

  SmtpSender sender({server.url(), "", "", 20, false});
  ASSERT_TRUE(sender.send(
      "praktijktafels@bto.example.nl", "jan@example.nl",
      build_mime(invitation_mail(*templates, "jan@example.nl", "m1.x@tafels.example.nl"))));
  // The same handle sends a second mail (connection reuse).
  ASSERT_TRUE(sender.send(
      "praktijktafels@bto.example.nl", "piet@example.nl",
      build_mime(invitation_mail(*templates, "piet@example.nl", "m2.x@tafels.example.nl"))));

  Parsed p(server.message(0));
  ASSERT_NE(p.msg, nullptr);
  EXPECT_EQ(std::string(g_mime_message_get_message_id(p.msg)), "m1.x@tafels.example.nl");
  InternetAddressList* from = g_mime_message_get_from(p.msg);
  ASSERT_EQ(internet_address_list_length(from), 1);
  EXPECT_STREQ(internet_address_get_name(internet_address_list_get_address(from, 0)),
               "BTO Gelderse Vallei");
  EXPECT_NE(p.header("Reply-To").find("uitnodiging+abcdefghijklmnopqrstuvwxyz@tafels.example.nl"),
            std::string::npos);
  EXPECT_EQ(p.header("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
  EXPECT_NE(p.header("List-Unsubscribe").find("<https://tafels.example.nl/afmelden/"),
            std::string::npos);
  // On the wire as written (RFC 2369 readers do not decode RFC 2047 encoded-words).
  EXPECT_NE(server.message(0).find("\nList-Unsubscribe: <https://tafels.example.nl/afmelden/AQMA"),
            std::string::npos);

  std::vector<Leaf> leaves;
  g_mime_message_foreach(p.msg, collect, &leaves);
  ASSERT_EQ(leaves.size(), 4u);
  EXPECT_EQ(leaves[0].type, "text/plain");
  EXPECT_EQ(leaves[1].type, "text/html");
  EXPECT_EQ(leaves[2].type, "text/calendar");
  EXPECT_EQ(leaves[2].method, "REQUEST");
  EXPECT_EQ(leaves[3].type, "application/ics");
  EXPECT_EQ(leaves[3].filename, "invite.ics");
  EXPECT_EQ(leaves[2].text, leaves[3].text);

  const std::string& text = leaves[0].text;
  for (const char* fact :
       {"dinsdag 13 oktober 2026", "07:00 tot 08:30", "90 minuten", "BTO Opleidingscentrum Ede",
        "Galvanistraat 1, 6716 AE Ede", "Goed werkgeverschap: vakmensen vinden en houden",
        "Namens BTO Gelderse Vallei", "casus", "Ik kom", "beantwoord deze mail",
        "https://tafels.example.nl/r/", "Meld je af: https://tafels.example.nl/afmelden/",
        "https://tafels.example.nl/privacy"})
    EXPECT_NE(text.find(fact), std::string::npos) << fact;

  icalcomponent* cal = icalparser_parse_string(leaves[2].text.c_str());
  ASSERT_NE(cal, nullptr);
  EXPECT_EQ(icalcomponent_get_method(cal), ICAL_METHOD_REQUEST);
  icalcomponent* tz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
  ASSERT_NE(tz, nullptr);
  EXPECT_NE(
      std::string(icalproperty_get_tzid(icalcomponent_get_first_property(tz, ICAL_TZID_PROPERTY)))
          .find("Europe/Amsterdam"),
      std::string::npos);
  icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  ASSERT_NE(ev, nullptr);
  EXPECT_STREQ(icalcomponent_get_uid(ev), "tafel-7-3-abcdefghij@tafels.example.nl");
  EXPECT_EQ(icalcomponent_get_sequence(ev), 2);
  icalproperty* dtstart = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
  icalparameter* tzid = icalproperty_get_first_parameter(dtstart, ICAL_TZID_PARAMETER);
  ASSERT_NE(tzid, nullptr);
  EXPECT_STREQ(icalparameter_get_tzid(tzid), "Europe/Amsterdam");
  EXPECT_EQ(icalproperty_get_dtstart(dtstart).hour, 7);
  icalproperty* att = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
  ASSERT_NE(att, nullptr);
  EXPECT_STREQ(icalproperty_get_attendee(att), "mailto:jan@example.nl");
  icalparameter* rsvp = icalproperty_get_first_parameter(att, ICAL_RSVP_PARAMETER);
  ASSERT_NE(rsvp, nullptr);
  EXPECT_EQ(icalparameter_get_rsvp(rsvp), ICAL_RSVP_TRUE);
  icalproperty* org = icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY);
  ASSERT_NE(org, nullptr);
  EXPECT_STREQ(icalparameter_get_cn(icalproperty_get_first_parameter(org, ICAL_CN_PARAMETER)),
               "BTO Gelderse Vallei");
  icalcomponent_free(cal);

  Parsed second(server.message(1));
  ASSERT_NE(second.msg, nullptr);
  EXPECT_EQ(std::string(g_mime_message_get_message_id(second.msg)), "m2.x@tafels.example.nl");
}

TEST(SmtpInvite, CancellationIsMethodCancel) {
  CalendarInvite ci;
  ci.cancel = true;
  ci.uid = "u1";
  ci.sequence = 3;
  ci.start = make_local_time(Date{2026, 11, 3}, 16, 0, 0, 3600);
  ci.end = make_local_time(Date{2026, 11, 3}, 17, 30, 0, 3600);
  ci.organizer_email = "a@b";
  ci.attendee_email = "c@d";
  auto ics = make_calendar_invite(ci);
  ASSERT_TRUE(ics.has_value());
  icalcomponent* cal = icalparser_parse_string(ics->c_str());
  ASSERT_NE(cal, nullptr);
  EXPECT_EQ(icalcomponent_get_method(cal), ICAL_METHOD_CANCEL);
  icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  EXPECT_EQ(icalcomponent_get_status(ev), ICAL_STATUS_CANCELLED);
  EXPECT_EQ(icalcomponent_get_sequence(ev), 3);
  icalcomponent_free(cal);
}

TEST(SmtpInvite, FourHundredsAreTransientFiveHundredsPermanent) {
  testing::SmtpServer server;
  ASSERT_TRUE(server.ready());
  SmtpSender sender({server.url(), "", "", 20, false});
  MailMessage m;
  m.from_address = "a@example.nl";
  m.to_address = "x@example.nl";
  m.message_id = "t@x";
  m.text = m.html = "x";
  const std::string raw = build_mime(m);
  auto later = sender.send("a@example.nl", "tijdelijk@example.nl", raw);
  ASSERT_FALSE(later.has_value());
  EXPECT_TRUE(later.error().transient);
  EXPECT_EQ(later.error().smtp_code, 451);
  auto never = sender.send("a@example.nl", "fout@example.nl", raw);
  ASSERT_FALSE(never.has_value());
  EXPECT_FALSE(never.error().transient);
  EXPECT_EQ(never.error().smtp_code, 550);
  EXPECT_TRUE(sender.send("a@example.nl", "ok@example.nl", raw).has_value());
}

TEST(SmtpInvite, UnreachableServerIsTransient) {
  SmtpSender sender({"smtp://127.0.0.1:1", "", "", 5, false});
  MailMessage m;
  m.to_address = m.from_address = "a@example.nl";
  auto r = sender.send("a@example.nl", "b@example.nl", build_mime(m));
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(r.error().transient);
}

}  // namespace
}  // namespace tafel::email
