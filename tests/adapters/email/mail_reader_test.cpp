#include "adapters/email/mail_reader.hpp"

#include "adapters/email/calendar_reply.hpp"
#include "adapters/email/mail_kind.hpp"
#include "adapters/email/mail_message.hpp"
#include "engine/replies/intent.hpp"
#include "engine/replies/quote_strip.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace tafel::email {
namespace {

constexpr const char* kReplyAddress = "uitnodiging+b3x7k2m4q5r6s7t2u3v4w5x6y7@tafels.example.nl";
constexpr const char* kUid = "uitnodiging-1-3f9a@tafels.example.nl";
constexpr const char* kOurMessageId = "uitnodiging.1.3f9a@tafels.example.nl";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string mail_file(const std::string& name) {
  return slurp(std::string(TAFEL_SOURCE_DIR) + "/tests/data/replies/mails/" + name);
}

ReceivedMail read(const std::string& name) {
  auto m = read_mail(mail_file(name));
  EXPECT_TRUE(m.has_value()) << name;
  return m ? *m : ReceivedMail{};
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(MailReader, OutlookCalendarReplyQuotedPrintableWindowsZone) {
  const auto m = read("outlook_calendar_accept.eml");
  EXPECT_EQ(m.from, "anna@bouw.nl");
  EXPECT_TRUE(has(m.recipients, kReplyAddress));
  EXPECT_EQ(m.in_reply_to, kOurMessageId);
  EXPECT_EQ(m.message_id, "AM0PR02MB1234ABCD5678EF90@AM0PR02MB1234.eurprd02.prod.outlook.com");
  ASSERT_EQ(m.calendars.size(), 1u);
  EXPECT_EQ(m.calendars[0].method, "REPLY");
  EXPECT_NE(m.calendars[0].text.find("TZID:W. Europe Standard Time"), std::string::npos);
  const auto r = read_calendar_reply(m.calendars[0].text, m.calendars[0].method);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->uid, kUid);
  EXPECT_EQ(r->partstat, PartStat::accepted);
  EXPECT_EQ(r->attendee, "anna@bouw.nl");
  const auto c = classify_mail(m);
  EXPECT_EQ(c.kind, MailKind::calendar_reply);
}

TEST(MailReader, GmailReplyOnlyAsBase64IcsAttachment) {
  const auto m = read("gmail_calendar_decline_attachment.eml");
  ASSERT_EQ(m.calendars.size(), 1u);
  EXPECT_EQ(m.calendars[0].method, "");           // an attachment has no method parameter
  EXPECT_TRUE(has(m.recipients, kReplyAddress));  // To and Delivered-To
  EXPECT_EQ(m.text.find("Anna Bakker heeft deze uitnodiging afgewezen."), 0u);
  const auto c = classify_mail(m);
  ASSERT_EQ(c.kind, MailKind::calendar_reply);
  EXPECT_EQ(c.calendar->partstat, PartStat::declined);
  EXPECT_EQ(c.calendar->uid, kUid);
  EXPECT_EQ(c.calendar->attendee, "anna@bouw.nl");  // folded inside "Anna B akker"'s line
}

TEST(MailReader, AppleReplyWithFoldedParameter) {
  const auto m = read("apple_calendar_tentative.eml");
  const auto c = classify_mail(m);
  ASSERT_EQ(c.kind, MailKind::calendar_reply);
  EXPECT_EQ(c.calendar->partstat, PartStat::tentative);
  EXPECT_EQ(c.calendar->uid, kUid);
}

TEST(MailReader, DutchYesQuotingTheInvitation) {
  const auto m = read("dutch_yes_quoted.eml");
  EXPECT_EQ(classify_mail(m).kind, MailKind::reply);
  EXPECT_EQ(m.subject, "Re: Uitnodiging: praktijktafel bouw op zaterdag 16 januari");
  ASSERT_EQ(m.references.size(), 1u);
  EXPECT_EQ(m.references[0], kOurMessageId);
  EXPECT_TRUE(m.calendars.empty());
  EXPECT_NE(m.text.find("Coöperatie Vakwerk"), std::string::npos);  // decoded to UTF-8
  const std::string said = replies::strip_quoted(m.text);
  EXPECT_EQ(said.find("schreef"), std::string::npos) << said;
  EXPECT_EQ(said.find("uitgenodigd"), std::string::npos) << said;
  EXPECT_EQ(replies::read_intent(said), replies::Intent::yes) << said;
}

TEST(MailReader, EnglishHtmlOnlyReplyIsTurnedIntoText) {
  const auto m = read("english_no_html_only.eml");
  EXPECT_EQ(m.from, "anna@bouw.nl");
  EXPECT_EQ(m.text.find("No, I will not be there."), 0u) << m.text;
  EXPECT_EQ(m.text.find("margin"), std::string::npos);  // <style> contents dropped
  EXPECT_NE(m.text.find("Coöperatie Vakwerk <uitnodiging+"), std::string::npos) << m.text;
  const std::string said = replies::strip_quoted(m.text);
  EXPECT_EQ(said.find("wrote"), std::string::npos) << said;
  EXPECT_EQ(replies::read_intent(said), replies::Intent::no) << said;
}

TEST(MailReader, ExchangeHardBounce) {
  const auto m = read("exchange_dsn_hard.eml");
  ASSERT_TRUE(m.report.has_value());
  ASSERT_EQ(m.report->recipients.size(), 1u);
  EXPECT_EQ(m.report->recipients[0].recipient, "anna@bouw.nl");
  EXPECT_EQ(m.report->recipients[0].action, "failed");
  EXPECT_EQ(m.report->recipients[0].status, "5.1.1");
  EXPECT_TRUE(m.report->recipients[0].hard());
  EXPECT_EQ(m.report->original_message_id, kOurMessageId);
  const auto c = classify_mail(m);
  EXPECT_EQ(c.kind, MailKind::bounce);  // before auto-reply, though Auto-Submitted is set
  EXPECT_TRUE(c.hard_bounce);
  EXPECT_EQ(c.failed_recipients, std::vector<std::string>{"anna@bouw.nl"});
}

TEST(MailReader, GmailSoftBounceIsNotHard) {
  const auto m = read("gmail_dsn_soft.eml");
  ASSERT_TRUE(m.report.has_value());
  ASSERT_EQ(m.report->recipients.size(), 1u);
  EXPECT_EQ(m.report->recipients[0].status, "4.4.1");
  EXPECT_EQ(m.report->recipients[0].action, "delayed");
  EXPECT_EQ(m.report->original_message_id, kOurMessageId);
  EXPECT_TRUE(m.calendars.empty());
  const auto c = classify_mail(m);
  EXPECT_EQ(c.kind, MailKind::bounce);
  EXPECT_FALSE(c.hard_bounce);
  EXPECT_TRUE(c.failed_recipients.empty());
}

TEST(MailReader, DutchOutOfOfficeIsAnAutoReplyEvenWithAYesInIt) {
  const auto m = read("dutch_out_of_office.eml");
  EXPECT_EQ(m.auto_submitted, "auto-replied");
  EXPECT_EQ(classify_mail(m).kind, MailKind::auto_reply);
}

TEST(MailKind, AutoReplySubjectsDutchAndEnglish) {
  for (const char* s : {"Automatisch antwoord: Uitnodiging", "Afwezig", "Out of Office: x",
                        "Automatic reply: Invitation", "RE: Automatisch antwoord: x",
                        "AutoReply: x", "Afwezigheidsmelding"})
    EXPECT_TRUE(auto_reply_subject(s)) << s;
  for (const char* s : {"Re: Uitnodiging: praktijktafel", "Ja", "Afmelden", ""})
    EXPECT_FALSE(auto_reply_subject(s)) << s;
  ReceivedMail m;
  m.subject = "Out of office";
  EXPECT_EQ(classify_mail(m).kind, MailKind::auto_reply);
  m.subject = "Re: Uitnodiging";
  m.auto_submitted = "no";
  EXPECT_EQ(classify_mail(m).kind, MailKind::reply);
  m.x_autoreply = "yes";
  EXPECT_EQ(classify_mail(m).kind, MailKind::auto_reply);
  m.x_autoreply.clear();
  m.precedence = "auto_reply";
  EXPECT_EQ(classify_mail(m).kind, MailKind::auto_reply);
  m.precedence = "bulk";
  EXPECT_EQ(classify_mail(m).kind, MailKind::reply);
}

TEST(MailKind, MailerDaemonWithoutReportIsABounce) {
  ReceivedMail m;
  m.from = "mailer-daemon@mx.example.nl";
  m.subject = "Undelivered Mail Returned to Sender";
  const auto c = classify_mail(m);
  EXPECT_EQ(c.kind, MailKind::bounce);
  EXPECT_FALSE(c.hard_bounce);
}

TEST(CalendarReply, RequestsCancelsAndNeedsActionAreNoAnswer) {
  const std::string base =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{M}BEGIN:VEVENT\r\nUID:u-1\r\n"
      "ATTENDEE;PARTSTAT={P}:mailto:a@b.nl\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  auto make = [&](const std::string& method, const std::string& partstat) {
    std::string s = base;
    s.replace(s.find("{M}"), 3, method.empty() ? "" : "METHOD:" + method + "\r\n");
    s.replace(s.find("{P}"), 3, partstat);
    return s;
  };
  EXPECT_TRUE(read_calendar_reply(make("REPLY", "ACCEPTED")).has_value());
  EXPECT_FALSE(read_calendar_reply(make("REQUEST", "ACCEPTED")).has_value());
  EXPECT_FALSE(read_calendar_reply(make("CANCEL", "DECLINED")).has_value());
  EXPECT_FALSE(read_calendar_reply(make("REPLY", "NEEDS-ACTION")).has_value());
  EXPECT_FALSE(read_calendar_reply(make("", "ACCEPTED")).has_value());
  EXPECT_TRUE(read_calendar_reply(make("", "ACCEPTED"), "REPLY").has_value());  // MIME method
  // LF line endings and a byte-order mark.
  std::string lf = "\xEF\xBB\xBF" + make("REPLY", "TENTATIVE");
  std::erase(lf, '\r');
  const auto r = read_calendar_reply(lf);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->partstat, PartStat::tentative);
  EXPECT_FALSE(read_calendar_reply("not a calendar").has_value());
  EXPECT_FALSE(read_calendar_reply("").has_value());
}

TEST(MailReader, ReadsOurOwnInvitationBuiltWithGMime) {
  MailMessage out;
  out.from_name = "Coöperatie Vakwerk";
  out.from_address = "tafels@vakwerk.example.nl";
  out.to_name = "Anna";
  out.to_address = "anna@bouw.nl";
  out.reply_to = kReplyAddress;
  out.message_id = kOurMessageId;
  out.subject = "Uitnodiging";
  out.text = "Beste Anna,\n";
  out.html = "<p>Beste Anna,</p>";
  out.ics =
      "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:u\r\nEND:VEVENT\r\n"
      "END:VCALENDAR\r\n";
  out.date_utc = 1'800'000'000;
  const auto m = read_mail(build_mime(out));
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->message_id, kOurMessageId);
  EXPECT_EQ(m->auto_submitted, "auto-generated");
  EXPECT_EQ(m->date_utc, 1'800'000'000);
  ASSERT_EQ(m->calendars.size(), 1u);  // the inline part and invite.ics are one object
  EXPECT_EQ(m->calendars[0].method, "REQUEST");
  EXPECT_EQ(classify_mail(*m).kind, MailKind::auto_reply);  // a REQUEST is no answer
}

TEST(MailReader, SharedReplySamplesStripToTheirFirstLines) {
  // Bodies from shared/samples/replies (github/email_reply_parser, crisp email-reply-parser)
  // wrapped in a mail: what remains after stripping is what the person wrote above the quote.
  struct Case {
    const char* file;
    const char* starts;
    const char* absent;
  };
  const Case cases[] = {
      {"crisp/email_8.txt", "Fusce bibendum", "schreef"},
      {"crisp/email_12.txt", nullptr, "Verzonden:"},
      {"crisp/email_ios_outlook.txt", nullptr, "Outlook"},
      {"github/email_1_3.txt", nullptr, "wrote:"},
      {"github/greedy_on.txt", "On", nullptr},
  };
  for (const auto& c : cases) {
    const std::string body = slurp(std::string(TAFEL_SHARED_DIR) + "/samples/replies/" + c.file);
    const std::string raw =
        "From: a@b.nl\r\nTo: x@y.nl\r\nSubject: Re: x\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
        body;
    const auto m = read_mail(raw);
    ASSERT_TRUE(m.has_value()) << c.file;
    EXPECT_EQ(classify_mail(*m).kind, MailKind::reply) << c.file;
    const std::string said = replies::strip_quoted(m->text);
    EXPECT_FALSE(said.empty()) << c.file;
    if (c.starts) {
      EXPECT_TRUE(said.starts_with(c.starts)) << c.file << ": " << said;
    }
    if (c.absent) {
      EXPECT_EQ(said.find(c.absent), std::string::npos) << c.file << ": " << said;
    }
  }
}

TEST(MailReader, HtmlToText) {
  EXPECT_EQ(html_to_text("<p>Ja&nbsp;hoor</p><p>Anna<br>Bakker</p>"), "Ja hoor\n\nAnna\nBakker");
  EXPECT_EQ(html_to_text("<script>x=1</script>Tot &amp; met"), "Tot & met");
  EXPECT_EQ(html_to_text("a <unclosed"), "a");
}

TEST(MailReader, GarbageIsStillAMailWithoutParts) {
  const auto m = read_mail("just some text without headers");
  if (m) {
    EXPECT_TRUE(m->calendars.empty());
    EXPECT_FALSE(m->report.has_value());
  }
}

}  // namespace
}  // namespace tafel::email
