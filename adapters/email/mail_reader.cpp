#include "adapters/email/mail_reader.hpp"

#include "adapters/email/gmime_support.hpp"

#include <gmime/gmime.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <optional>

namespace tafel::email {

namespace {

struct GFree {
  void operator()(char* p) const { g_free(p); }
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::string header(GMimeObject* obj, const char* name) {
  const char* v = g_mime_object_get_header(obj, name);
  return v ? trim(v) : std::string();
}

void add_addresses(InternetAddressList* list, std::vector<std::string>& out) {
  if (!list) return;
  const int n = internet_address_list_length(list);
  for (int i = 0; i < n; ++i) {
    InternetAddress* a = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
      if (const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
          addr && *addr)
        out.push_back(lower(addr));
    } else if (INTERNET_ADDRESS_IS_GROUP(a)) {
      add_addresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), out);
    }
  }
}

// Addresses in a header value such as "rfc822; Jan@Example.nl" or "Name <a@b>".
std::vector<std::string> parse_addresses(std::string_view value) {
  std::vector<std::string> out;
  const std::string v(value);
  GPtr<InternetAddressList> list(internet_address_list_parse(nullptr, v.c_str()));
  add_addresses(list.get(), out);
  return out;
}

std::vector<std::string> message_ids(const std::string& value) {
  std::vector<std::string> out;
  if (value.empty()) return out;
  GMimeReferences* refs = g_mime_references_parse(nullptr, value.c_str());
  if (!refs) return out;
  const int n = g_mime_references_length(refs);
  for (int i = 0; i < n; ++i)
    if (const char* id = g_mime_references_get_message_id(refs, i); id && *id) out.push_back(id);
  g_mime_references_free(refs);
  return out;
}

// The decoded bytes of a leaf part (transfer encoding removed, charset untouched).
std::string decoded_content(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return {};
  GPtr<GMimeStream> mem(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, mem.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

std::string part_text(GMimePart* part) {
  if (GMIME_IS_TEXT_PART(part)) {
    std::unique_ptr<char, GFree> t(g_mime_text_part_get_text(GMIME_TEXT_PART(part)));
    if (t) return t.get();
  }
  return decoded_content(part);
}

bool ends_with_ics(const char* name) {
  if (!name) return false;
  const std::string n = lower(name);
  return n.size() > 4 && n.ends_with(".ics");
}

// Splits an RFC 3464 delivery-status body into its header blocks and reads each with GMime.
void read_delivery_status(const std::string& body, DeliveryReport& report) {
  std::string text;
  text.reserve(body.size());
  for (char c : body)
    if (c != '\r') text.push_back(c);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    const std::string block = text.substr(pos, end - pos) + "\n\n";
    pos = end + 2;
    if (trim(block).empty()) continue;
    GPtr<GMimeStream> s(g_mime_stream_mem_new_with_buffer(block.data(), block.size()));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(s.get()));
    GPtr<GMimeMessage> fields(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!fields) continue;
    GMimeObject* obj = GMIME_OBJECT(fields.get());
    std::string rcpt = header(obj, "Final-Recipient");
    if (rcpt.empty()) rcpt = header(obj, "Original-Recipient");
    const std::string action = lower(header(obj, "Action"));
    if (rcpt.empty() && action.empty()) continue;  // the per-message block
    DeliveryFailure f;
    if (const auto semi = rcpt.find(';'); semi != std::string::npos) rcpt = rcpt.substr(semi + 1);
    const auto addrs = parse_addresses(trim(rcpt));
    f.recipient = addrs.empty() ? lower(trim(rcpt)) : addrs.front();
    f.action = action;
    const std::string status = header(obj, "Status");
    f.status = status.substr(0, status.find_first_of(" \t("));
    report.recipients.push_back(std::move(f));
  }
}

// The Message-ID of a returned message (message/rfc822 or text/rfc822-headers).
std::string returned_message_id(GMimeObject* obj) {
  if (GMIME_IS_MESSAGE_PART(obj)) {
    GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
    if (inner && g_mime_message_get_message_id(inner)) return g_mime_message_get_message_id(inner);
    return {};
  }
  if (!GMIME_IS_PART(obj)) return {};
  const std::string headers = decoded_content(GMIME_PART(obj)) + "\n\n";
  GPtr<GMimeStream> s(g_mime_stream_mem_new_with_buffer(headers.data(), headers.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(s.get()));
  GPtr<GMimeMessage> m(g_mime_parser_construct_message(parser.get(), nullptr));
  if (m && g_mime_message_get_message_id(m.get())) return g_mime_message_get_message_id(m.get());
  return {};
}

struct Walker {
  ReceivedMail& mail;
  std::string plain;
  std::string html;
  bool have_plain = false;
  bool have_html = false;

  void walk(GMimeObject* obj, bool in_report) {
    GMimeContentType* ct = g_mime_object_get_content_type(obj);
    if (GMIME_IS_MULTIPART(obj)) {
      bool report = in_report;
      if (g_mime_content_type_is_type(ct, "multipart", "report")) {
        const char* rt = g_mime_content_type_get_parameter(ct, "report-type");
        if (rt && g_ascii_strcasecmp(rt, "delivery-status") == 0) {
          report = true;
          if (!mail.report) mail.report.emplace();
        }
      }
      GMimeMultipart* mp = GMIME_MULTIPART(obj);
      const int n = g_mime_multipart_get_count(mp);
      for (int i = 0; i < n; ++i) walk(g_mime_multipart_get_part(mp, i), report);
      return;
    }
    if (GMIME_IS_MESSAGE_PART(obj)) {  // an attached message: only its id, for a bounce
      if (in_report && mail.report && mail.report->original_message_id.empty())
        mail.report->original_message_id = returned_message_id(obj);
      return;
    }
    if (!GMIME_IS_PART(obj)) return;
    GMimePart* part = GMIME_PART(obj);
    if (in_report && mail.report) {
      if (g_mime_content_type_is_type(ct, "message", "delivery-status") ||
          g_mime_content_type_is_type(ct, "message", "global-delivery-status")) {
        read_delivery_status(decoded_content(part), *mail.report);
        return;
      }
      if (g_mime_content_type_is_type(ct, "text", "rfc822-headers")) {
        if (mail.report->original_message_id.empty())
          mail.report->original_message_id = returned_message_id(obj);
        return;
      }
    }
    const char* filename = g_mime_part_get_filename(part);
    if (g_mime_content_type_is_type(ct, "text", "calendar") ||
        g_mime_content_type_is_type(ct, "application", "ics") || ends_with_ics(filename)) {
      CalendarPart cal{part_text(part), ""};
      if (const char* m = g_mime_content_type_get_parameter(ct, "method")) cal.method = upper(m);
      const bool seen = std::any_of(mail.calendars.begin(), mail.calendars.end(),
                                    [&](const CalendarPart& c) { return c.text == cal.text; });
      if (!cal.text.empty() && !seen) mail.calendars.push_back(std::move(cal));
      return;
    }
    if (g_mime_part_is_attachment(part)) return;
    if (!have_plain && g_mime_content_type_is_type(ct, "text", "plain")) {
      plain = part_text(part);
      have_plain = true;
    } else if (!have_html && g_mime_content_type_is_type(ct, "text", "html")) {
      html = part_text(part);
      have_html = true;
    }
  }
};

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

// For a <style>, <script>, <head> or <title> tag at `i`: the position after its end tag
// (npos when it never ends); nullopt for any other tag.
std::optional<std::size_t> skip_element(std::string_view html, std::size_t i,
                                        std::string_view tag) {
  for (std::string_view skip : {"style", "script", "head", "title"}) {
    if (!starts_with_icase(tag, skip) ||
        (tag.size() > skip.size() && std::isalnum(static_cast<unsigned char>(tag[skip.size()]))))
      continue;
    const std::string end = "</" + std::string(skip);
    std::size_t e = i;
    while ((e = html.find('<', e + 1)) != std::string_view::npos)
      if (starts_with_icase(html.substr(e), end)) break;
    if (e == std::string_view::npos) return std::string_view::npos;
    const std::size_t close = html.find('>', e);
    return close == std::string_view::npos ? std::string_view::npos : close + 1;
  }
  return std::nullopt;
}

}  // namespace

std::string html_to_text(std::string_view html) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&nbsp;", " "},   {"&amp;", "&"},  {"&lt;", "<"},   {"&gt;", ">"},
      {"&quot;", "\""},  {"&#39;", "'"},  {"&apos;", "'"}, {"&euml;", "ë"},
      {"&eacute;", "é"}, {"&ouml;", "ö"}, {"&iuml;", "ï"}, {"&uuml;", "ü"}};
  std::string out;
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      const std::string_view tag = html.substr(i + 1, close - i - 1);
      // Skip the contents of elements that are never text.
      if (const auto after = skip_element(html, i, tag)) {
        if (*after == std::string_view::npos) break;
        i = *after;
        continue;
      }
      {
        std::string_view name = tag;
        if (!name.empty() && name.front() == '/') name.remove_prefix(1);
        for (std::string_view block :
             {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "blockquote", "table", "hr"}) {
          if (starts_with_icase(name, block) &&
              (name.size() == block.size() ||
               !std::isalnum(static_cast<unsigned char>(name[block.size()])))) {
            out.push_back('\n');
            break;
          }
        }
      }
      i = close + 1;
      continue;
    }
    if (c == '&') {
      bool matched = false;
      for (const auto& [entity, text] : kEntities)
        if (starts_with_icase(html.substr(i), entity)) {
          out += text;
          i += entity.size();
          matched = true;
          break;
        }
      if (matched) continue;
    }
    if (c == '\r') {
      ++i;
      continue;
    }
    // Source line breaks are spaces in HTML.
    out.push_back(c == '\n' ? ' ' : c);
    ++i;
  }
  // Tidy: trim each line, collapse runs of blank lines.
  std::string tidy;
  std::size_t start = 0;
  int blank = 0;
  while (start <= out.size()) {
    std::size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    const std::string line = trim(std::string_view(out).substr(start, end - start));
    if (line.empty()) {
      ++blank;
    } else {
      if (!tidy.empty()) tidy += blank > 0 ? "\n\n" : "\n";
      tidy += line;
      blank = 0;
    }
    start = end + 1;
  }
  return tidy;
}

std::expected<ReceivedMail, std::string> read_mail(std::string_view raw) {
  ensure_gmime();
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  GPtr<GMimeMessage> msg(g_mime_parser_construct_message(parser.get(), nullptr));
  if (!msg) return std::unexpected(std::string("not a mail message (RFC 5322 headers missing)"));
  GMimeObject* obj = GMIME_OBJECT(msg.get());

  ReceivedMail mail;
  std::vector<std::string> from;
  add_addresses(g_mime_message_get_from(msg.get()), from);
  if (!from.empty()) mail.from = from.front();
  add_addresses(g_mime_message_get_to(msg.get()), mail.recipients);
  add_addresses(g_mime_message_get_cc(msg.get()), mail.recipients);
  GMimeHeaderList* headers = g_mime_object_get_header_list(obj);
  const int nh = g_mime_header_list_get_count(headers);
  for (int i = 0; i < nh; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
    if (g_ascii_strcasecmp(g_mime_header_get_name(h), "Delivered-To") == 0 ||
        g_ascii_strcasecmp(g_mime_header_get_name(h), "X-Original-To") == 0)
      if (const char* v = g_mime_header_get_value(h))
        for (auto& a : parse_addresses(v)) mail.recipients.push_back(std::move(a));
  }
  if (const char* id = g_mime_message_get_message_id(msg.get())) mail.message_id = id;
  if (auto ids = message_ids(header(obj, "In-Reply-To")); !ids.empty())
    mail.in_reply_to = ids.front();
  mail.references = message_ids(header(obj, "References"));
  if (const char* s = g_mime_message_get_subject(msg.get())) mail.subject = trim(s);
  mail.auto_submitted = lower(header(obj, "Auto-Submitted"));
  mail.x_autoreply = lower(header(obj, "X-Autoreply"));
  mail.x_autorespond = lower(header(obj, "X-Autorespond"));
  mail.precedence = lower(header(obj, "Precedence"));
  mail.x_auto_response_suppress = lower(header(obj, "X-Auto-Response-Suppress"));
  if (GDateTime* date = g_mime_message_get_date(msg.get()))
    mail.date_utc = g_date_time_to_unix(date);

  Walker walker{mail, {}, {}, false, false};
  if (GMimeObject* body = g_mime_message_get_mime_part(msg.get())) walker.walk(body, false);
  mail.text = walker.have_plain ? walker.plain : html_to_text(walker.html);
  return mail;
}

}  // namespace tafel::email
