#include "adapters/outbox/digest_outreach.hpp"

#include "adapters/outbox/poll_outreach.hpp"
#include "adapters/store/digest_store.hpp"
#include "adapters/store/outbox_store.hpp"
#include "engine/outreach/message_facts.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace tafel::outbox {

namespace {

using nlohmann::json;
using outreach::Channel;
using outreach::MessageKind;

std::string label_of(const Config& config, const std::string& sector) {
  for (const auto& s : config.sectors)
    if (s.name == sector && !s.label.empty()) return s.label;
  return sector;
}

std::string clock(LocalTime t) {
  const int m = t.local_minute_of_day();
  return fmt::format("{:02}:{:02}", m / 60, m % 60);
}

std::string number(double v) {
  std::string s = fmt::format("{:.2f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  for (char& c : s)
    if (c == '.') c = ',';
  return s;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::expected<sessions::Digest, std::string> digest_from_json(const std::string& content) {
  const json j = json::parse(content, nullptr, false);
  if (!j.is_object()) return std::unexpected("/: the digest is not a JSON object");
  sessions::Digest d;
  try {
    for (const auto& i : j.at("items"))
      d.items.push_back({i.at("id").get<std::int64_t>(), i.at("kind").get<std::string>(),
                         i.at("sector").get<std::string>(), i.at("theme").get<std::string>(),
                         i.at("text").get<std::string>(),
                         i.at("captured_utc").get<std::int64_t>()});
    for (const auto& s : j.at("sessions"))
      d.sessions.push_back({s.at("session_id").get<std::int64_t>(),
                            s.at("start_utc").get<std::int64_t>(),
                            s.at("start_offset").get<std::int32_t>(),
                            s.at("end_utc").get<std::int64_t>(), s.at("sector").get<std::string>(),
                            s.at("theme").get<std::string>(), s.at("place").get<std::string>()});
    for (const auto& f : j.at("figures"))
      d.figures.push_back({f.at("id").get<std::int64_t>(), f.at("sector").get<std::string>(),
                           f.at("figure").get<std::string>(), f.at("value").get<double>(),
                           f.at("unit").get<std::string>(), f.at("source").get<std::string>(),
                           f.at("date").get<std::string>()});
    d.items_left_out = j.value("items_left_out", 0);
    d.items_refused = j.value("items_refused", 0);
  } catch (const json::exception& e) {
    return std::unexpected(fmt::format("/: the stored digest is malformed ({})", e.what()));
  }
  return d;
}

std::string digest_text(const sessions::Digest& d, const Config& config) {
  std::string out;
  if (!d.items.empty()) {
    out += "Nieuwe tips en oplossingen\n";
    for (const auto& i : d.items)
      out += fmt::format("- {} ({}{}): {}\n", label_of(config, i.sector),
                         i.kind == "solution" ? "oplossing" : "tip",
                         i.theme.empty() ? "" : ", " + i.theme, i.text);
  }
  if (!d.sessions.empty()) {
    if (!out.empty()) out += "\n";
    out += "Komende praktijktafels\n";
    for (const auto& s : d.sessions) {
      const LocalTime start{s.start_utc, s.start_offset};
      out +=
          fmt::format("- {} {}, {}{}{}\n", outreach::dutch_long_date(start.local_date()),
                      clock(start), label_of(config, s.sector),
                      s.theme.empty() ? "" : ", " + s.theme, s.place.empty() ? "" : ", " + s.place);
    }
  }
  if (!d.figures.empty()) {
    if (!out.empty()) out += "\n";
    out += "Cijfers uit de sector\n";
    for (const auto& f : d.figures)
      out += fmt::format("- {}: {} {} {} (bron: {}, {})\n", label_of(config, f.sector), f.figure,
                         number(f.value), f.unit, f.source, f.date);
  }
  if (out.empty()) out = "Deze keer is er geen nieuws.\n";
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string digest_summary(const sessions::Digest& d) {
  std::vector<std::string> parts;
  if (!d.items.empty())
    parts.push_back(
        plural(d.items.size(), "nieuwe tip of oplossing", "nieuwe tips en oplossingen"));
  if (!d.sessions.empty())
    parts.push_back(plural(d.sessions.size(), "komende praktijktafel", "komende praktijktafels"));
  if (!d.figures.empty())
    parts.push_back(plural(d.figures.size(), "sectorcijfer", "sectorcijfers"));
  if (parts.empty()) return "deze keer geen nieuws";
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::expected<DigestSendReport, std::string> send_digest_in_transaction(SQLite::Database& db,
                                                                        const OutreachSetup& setup,
                                                                        std::int64_t digest_id,
                                                                        const std::string& by,
                                                                        std::int64_t now_utc) {
  const auto record = load_digest(db, digest_id);
  if (!record) return std::unexpected("Deze nieuwsbrief bestaat niet.");
  if (record->sent_at) return std::unexpected("Deze nieuwsbrief is al verstuurd.");
  if (!record->previewed_at)
    return std::unexpected("Bekijk eerst het voorbeeld; daarna kun je de nieuwsbrief versturen.");
  const auto digest = digest_from_json(record->content);
  if (!digest) return std::unexpected(digest.error());

  SessionFacts sender;
  {
    SQLite::Statement q(db, "SELECT name, sender_name, sender_email FROM networks WHERE id = ?");
    q.bind(1, record->network_id);
    if (!q.executeStep()) return std::unexpected("Het netwerk van deze nieuwsbrief bestaat niet.");
    sender.network_id = record->network_id;
    sender.network = q.getColumn(0).getString();
    sender.sender_name = q.getColumn(1).getString();
    sender.sender_email = q.getColumn(2).getString();
  }
  sender.start = sender.end = setup.zone.from_utc(now_utc);
  sender.status = "digest";

  RenderRequest req;
  req.kind = MessageKind::digest;
  const MessagingConfig& mc = setup.config.messaging;
  req.reply_address = fmt::format("{}@{}", mc.reply_local, mc.reply_domain);
  req.answer_link = setup.config.public_url;
  req.content.digest = digest_text(*digest, setup.config);
  req.content.digest_line = digest_summary(*digest);
  const RenderContext ctx{setup.config, setup.zone, setup.templates, setup.link_key};
  const auto rules = policy_rules(mc.policy);
  const outreach::OffsetAt offset_at = [&setup](Date d, int minute) {
    return setup.zone.offset_at_local(d, minute);
  };

  DigestSendReport report;
  for (const std::int64_t member_id : digest_recipients(db, record->network_id)) {
    const auto member = load_recipient(db, member_id);
    if (!member || (!member->email_ok && !member->whatsapp_ok)) continue;
    req.channel = member->email_ok ? Channel::email : Channel::whatsapp;
    std::int64_t due = now_utc;
    if (req.channel == Channel::whatsapp) {
      const auto at =
          outreach::whatsapp_moment(rules, now_utc, now_utc + 2 * 86400, now_utc, offset_at);
      if (!at) continue;
      due = *at;
    }
    req.key = fmt::format("digest{}:{}:{}", digest_id, member_id, outreach::to_string(req.channel));
    auto payload = render_payload(ctx, req, sender, *member, InvitationRef{}, now_utc);
    if (!payload) return std::unexpected(fmt::format("{}: {}", req.key, payload.error()));
    if (enqueue(db,
                OutboxInsert{std::nullopt, member_id, std::string(outreach::to_string(req.channel)),
                             "digest", req.key, due, *payload}))
      ++report.enqueued;
    ++report.recipients;
  }
  if (auto r = mark_digest_sent(db, digest_id, by, now_utc, report.recipients); !r)
    return std::unexpected(r.error().message);
  return report;
}

}  // namespace tafel::outbox
