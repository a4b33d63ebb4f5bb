#include "adapters/config/messaging_config.hpp"

#include "adapters/config/toml_reader.hpp"
#include "engine/time/local_time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace tafel {

namespace {

// Message kinds that may name a WhatsApp template, with the default template names.
const std::map<std::string, std::string>& default_whatsapp_templates() {
  static const std::map<std::string, std::string> kDefaults = {
      {"invitation", "praktijktafel_uitnodiging"},
      {"reminder", "praktijktafel_herinnering"},
      {"nudge", "praktijktafel_nog_geen_antwoord"},
      {"change", "praktijktafel_wijziging"},
      {"cancellation", "praktijktafel_afgelast"},
      {"poll", "praktijktafel_peiling"},
      {"poll_reminder", "praktijktafel_peiling_herinnering"},
      {"followup", "praktijktafel_terugblik"},
      {"optout_confirmation", "praktijktafel_afgemeld"},
  };
  return kDefaults;
}

std::string host_of(const std::string& url) {
  auto rest = std::string_view(url);
  if (const auto p = rest.find("://"); p != std::string_view::npos) rest.remove_prefix(p + 3);
  rest = rest.substr(0, rest.find_first_of("/:?#"));
  return std::string(rest);
}

class MessagingReader {
 public:
  MessagingReader(TomlReader& r, const std::filesystem::path& config_dir)
      : r_(r), config_dir_(config_dir) {}

  std::filesystem::path path(const std::string& key) {
    auto v = r_.string(key);
    if (!v || v->empty()) return {};
    std::filesystem::path p(*v);
    if (p.is_relative()) p = config_dir_ / p;
    return p.lexically_normal();
  }

  void integer(const std::string& key, int& out, int lo, int hi) { integer(r_, key, out, lo, hi); }

  static void integer(TomlReader& r, const std::string& key, int& out, int lo, int hi) {
    if (auto v = r.integer(key)) {
      if (*v < lo || *v > hi)
        r.error(key, fmt::format("must be between {} and {}", lo, hi));
      else
        out = static_cast<int>(*v);
    }
  }

  static void rate(TomlReader& r, const std::string& key, double& out) {
    if (auto v = r.number(key)) {
      if (*v <= 0 || *v > 100000)
        r.error(key, "must be above 0 and at most 100000");
      else
        out = *v;
    }
  }

  static void clock(TomlReader& r, const std::string& key, int& out) {
    if (auto v = r.string(key)) {
      const int m = parse_clock_minutes(*v);
      if (m < 0)
        r.error(key, fmt::format("'{}' is not a time HH:MM", *v));
      else
        out = m;
    }
  }

 private:
  TomlReader& r_;
  const std::filesystem::path& config_dir_;
};

void read_smtp(TomlReader& parent, SmtpConfig& smtp, std::vector<ConfigError>& errors,
               const std::filesystem::path& config_dir) {
  auto child = parent.table("smtp");
  if (!child) return;
  TomlReader r(*child->table, child->path, errors);
  smtp.url = r.string("url").value_or("");
  if (!smtp.url.empty() && !smtp.url.starts_with("smtp://") && !smtp.url.starts_with("smtps://"))
    r.error("url", fmt::format("'{}' must start with smtp:// or smtps://", smtp.url));
  smtp.user = r.string("user").value_or("");
  if (auto v = r.string("password_file"); v && !v->empty()) {
    std::filesystem::path p(*v);
    smtp.password_file = (p.is_relative() ? config_dir / p : p).lexically_normal();
  }
  MessagingReader::rate(r, "per_second", smtp.per_second);
  r.reject_unknown_keys();
}

void read_imap(TomlReader& parent, ImapConfig& imap, std::vector<ConfigError>& errors,
               const std::filesystem::path& config_dir) {
  auto child = parent.table("imap");
  if (!child) return;
  TomlReader r(*child->table, child->path, errors);
  imap.url = r.string("url").value_or("");
  if (!imap.url.empty() && !imap.url.starts_with("imap://") && !imap.url.starts_with("imaps://"))
    r.error("url", fmt::format("'{}' must start with imap:// or imaps://", imap.url));
  imap.user = r.string("user").value_or("");
  if (auto v = r.string("password_file"); v && !v->empty()) {
    std::filesystem::path p(*v);
    imap.password_file = (p.is_relative() ? config_dir / p : p).lexically_normal();
  }
  if (auto v = r.string("mailbox")) {
    if (v->empty())
      r.error("mailbox", "must not be empty");
    else
      imap.mailbox = *v;
  }
  MessagingReader::integer(r, "poll_seconds", imap.poll_seconds, 10, 86400);
  r.reject_unknown_keys();
}

void read_whatsapp(TomlReader& parent, WhatsAppConfig& wa, std::vector<ConfigError>& errors,
                   const std::filesystem::path& config_dir) {
  wa.templates = default_whatsapp_templates();
  auto child = parent.table("whatsapp");
  if (!child) return;
  TomlReader r(*child->table, child->path, errors);
  if (auto v = r.string("base_url")) {
    wa.base_url = *v;
    while (!wa.base_url.empty() && wa.base_url.back() == '/') wa.base_url.pop_back();
    if (!wa.base_url.starts_with("https://") && !wa.base_url.starts_with("http://"))
      r.error("base_url", fmt::format("'{}' must start with https:// or http://", *v));
  }
  if (auto v = r.string("api_version")) wa.api_version = *v;
  if (auto v = r.string("token_file"); v && !v->empty()) {
    std::filesystem::path p(*v);
    wa.token_file = (p.is_relative() ? config_dir / p : p).lexically_normal();
  }
  if (auto v = r.string("language")) wa.language = *v;
  MessagingReader::integer(r, "daily_limit", wa.daily_limit, 1, 100000000);
  MessagingReader::rate(r, "per_second", wa.per_second);
  MessagingReader::integer(r, "per_person_seconds", wa.per_person_seconds, 0, 3600);
  if (auto t = r.table("templates")) {
    TomlReader tr(*t->table, t->path, errors);
    for (const auto& [kind, name] : default_whatsapp_templates()) {
      (void)name;
      if (auto v = tr.string(kind)) wa.templates[kind] = *v;
    }
    tr.reject_unknown_keys();
  }
  r.reject_unknown_keys();
}

void read_policy(TomlReader& parent, ContactPolicyConfig& p, std::vector<ConfigError>& errors) {
  auto child = parent.table("policy");
  if (!child) return;
  TomlReader r(*child->table, child->path, errors);
  MessagingReader::integer(r, "nudge_after_days", p.nudge_after_days, 1, 60);
  MessagingReader::integer(r, "poll_close_after_days", p.poll_close_after_days, 1, 90);
  MessagingReader::integer(r, "poll_reminder_days_before", p.poll_reminder_days_before, 1, 60);
  if (child->table->contains("reminder_days_before")) {
    std::vector<int> days;
    for (const auto d : r.integers("reminder_days_before")) {
      if (d < 1 || d > 60)
        r.error("reminder_days_before", "days must be between 1 and 60");
      else
        days.push_back(static_cast<int>(d));
    }
    std::sort(days.begin(), days.end(), std::greater<>());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    p.reminder_days_before = days;
  }
  MessagingReader::clock(r, "early_session_before", p.early_session_before);
  MessagingReader::clock(r, "early_reminder_at", p.early_reminder_at);
  MessagingReader::clock(r, "quiet_start", p.quiet_start);
  MessagingReader::clock(r, "quiet_end", p.quiet_end);
  if (p.quiet_end >= p.quiet_start)
    r.error("quiet_end", "quiet hours must run over midnight: quiet_end before quiet_start");
  r.reject_unknown_keys();
}

}  // namespace

void read_messaging_config(TomlReader& root, const std::filesystem::path& config_dir,
                           const std::filesystem::path& state_dir, const std::string& public_url,
                           const std::vector<std::string>& networks, MessagingConfig& out,
                           std::vector<ConfigError>& errors) {
  out.outbox_dir = state_dir / "outbox";
  out.templates_dir = (config_dir / "templates").lexically_normal();
  out.privacy_url = public_url + "/privacy";
  out.reply_domain = host_of(public_url);
  out.whatsapp.templates = default_whatsapp_templates();

  auto child = root.table("messaging");
  if (!child) return;
  TomlReader r(*child->table, child->path, errors);
  MessagingReader m(r, config_dir);
  if (auto p = m.path("outbox_dir"); !p.empty()) out.outbox_dir = p;
  if (auto p = m.path("templates"); !p.empty()) out.templates_dir = p;
  if (auto v = r.string("privacy_url")) {
    if (!v->starts_with("https://") && !v->starts_with("http://"))
      r.error("privacy_url", fmt::format("'{}' must start with https:// or http://", *v));
    out.privacy_url = *v;
  }
  if (auto v = r.string("reply_local")) {
    if (v->empty() || v->size() > 30 || v->find_first_of("+@ \"<>") != std::string::npos)
      r.error("reply_local", "must be 1..30 characters without + @ spaces or quotes");
    out.reply_local = *v;
  }
  if (auto v = r.string("reply_domain")) out.reply_domain = *v;
  if (auto v = r.boolean("dispatch")) out.dispatch = *v;
  m.integer("max_attempts", out.max_attempts, 1, 100);
  m.integer("retry_base_seconds", out.retry_base_seconds, 1, 86400);
  m.integer("retry_max_seconds", out.retry_max_seconds, 1, 7 * 86400);

  std::set<std::string> seen;
  for (const auto& s : r.array_of_tables("senders")) {
    TomlReader sr(*s.table, s.path, errors);
    MessagingSender sender;
    if (auto v = sr.string("network", true)) {
      sender.network = *v;
      if (std::find(networks.begin(), networks.end(), *v) == networks.end())
        sr.error("network", fmt::format("'{}' is not a configured network", *v));
      else if (!seen.insert(*v).second)
        sr.error("network", fmt::format("network '{}' has two senders", *v));
    }
    sender.mail_from = sr.string("mail_from").value_or("");
    if (!sender.mail_from.empty() && sender.mail_from.find('@') == std::string::npos)
      sr.error("mail_from", fmt::format("'{}' is not a mail address", sender.mail_from));
    sender.whatsapp_phone_number_id = sr.string("whatsapp_phone_number_id").value_or("");
    sr.reject_unknown_keys();
    out.senders.push_back(std::move(sender));
  }
  read_smtp(r, out.smtp, errors, config_dir);
  read_whatsapp(r, out.whatsapp, errors, config_dir);
  read_imap(r, out.imap, errors, config_dir);
  read_policy(r, out.policy, errors);
  r.reject_unknown_keys();
}

}  // namespace tafel
