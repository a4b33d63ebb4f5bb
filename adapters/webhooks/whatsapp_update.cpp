#include "adapters/webhooks/whatsapp_update.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>

namespace tafel::webhooks {

namespace {

using json = nlohmann::json;

constexpr int kMaxDepth = 64;

// The string at `key` of object `o`, or "" when absent or not a string.
std::string str(const json& o, std::string_view key) {
  if (!o.is_object()) return {};
  const auto it = o.find(key);
  if (it == o.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

const json* obj(const json& o, std::string_view key) {
  if (!o.is_object()) return nullptr;
  const auto it = o.find(key);
  if (it == o.end() || !it->is_object()) return nullptr;
  return &*it;
}

const json* arr(const json& o, std::string_view key) {
  if (!o.is_object()) return nullptr;
  const auto it = o.find(key);
  if (it == o.end() || !it->is_array()) return nullptr;
  return &*it;
}

// A Unix-seconds timestamp given as a string ("1698266730") or a number.
std::optional<std::int64_t> unix_seconds(const json& o, std::string_view key) {
  if (!o.is_object()) return std::nullopt;
  const auto it = o.find(key);
  if (it == o.end()) return std::nullopt;
  if (it->is_number_integer()) return it->get<std::int64_t>();
  if (!it->is_string()) return std::nullopt;
  const auto& s = it->get_ref<const std::string&>();
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

WaMessage read_message(const json& m, std::string pointer) {
  WaMessage out;
  out.pointer = std::move(pointer);
  out.id = str(m, "id");
  out.from = str(m, "from");
  out.timestamp = unix_seconds(m, "timestamp");
  out.type = str(m, "type");
  if (const json* ctx = obj(m, "context")) out.context_id = str(*ctx, "id");
  out.raw = m.dump();
  if (out.type == "text") {
    if (const json* t = obj(m, "text")) {
      out.kind = WaMessage::Kind::text;
      out.text = str(*t, "body");
    }
  } else if (out.type == "button") {
    if (const json* b = obj(m, "button")) {
      out.kind = WaMessage::Kind::button;
      out.payload = str(*b, "payload");
      out.label = str(*b, "text");
    }
  } else if (out.type == "interactive") {
    if (const json* i = obj(m, "interactive")) {
      const json* reply = obj(*i, "button_reply");
      if (!reply) reply = obj(*i, "list_reply");
      if (reply) {
        out.kind = WaMessage::Kind::interactive;
        out.payload = str(*reply, "id");
        out.label = str(*reply, "title");
      }
    }
  }
  return out;
}

WaStatus read_status(const json& s, std::string pointer) {
  WaStatus out;
  out.pointer = std::move(pointer);
  out.id = str(s, "id");
  out.status = str(s, "status");
  out.timestamp = unix_seconds(s, "timestamp");
  if (const json* errors = arr(s, "errors"); errors && !errors->empty()) {
    const json& e = errors->front();
    if (e.is_object()) {
      if (const auto it = e.find("code"); it != e.end() && it->is_number_integer())
        out.error_code = it->get<std::int64_t>();
      out.error_title = str(e, "title");
    }
  }
  out.raw = s.dump();
  return out;
}

}  // namespace

std::expected<WaDelivery, std::string> parse_whatsapp_delivery(std::string_view body) {
  // Nesting deeper than any real payload is refused while parsing, so that nothing later
  // (dump(), destruction) recurses without bound.
  struct TooDeep {};
  json root;
  try {
    root = json::parse(body, [](int depth, json::parse_event_t, json&) {
      if (depth > kMaxDepth) throw TooDeep{};
      return true;
    });
  } catch (const json::parse_error& e) {
    return std::unexpected(fmt::format("not valid JSON at byte {}", e.byte));
  } catch (const TooDeep&) {
    return std::unexpected(fmt::format("JSON nested deeper than {} levels", kMaxDepth));
  }
  if (!root.is_object()) return std::unexpected(std::string("/: expected a JSON object"));
  if (const auto it = root.find("object"); it != root.end()) {
    if (!it->is_string() || it->get<std::string>() != "whatsapp_business_account")
      return std::unexpected(std::string("/object: expected \"whatsapp_business_account\""));
  }
  const json* entries = arr(root, "entry");
  if (!entries) return std::unexpected(std::string("/entry: missing or not an array"));

  WaDelivery out;
  for (std::size_t e = 0; e < entries->size(); ++e) {
    const json& entry = (*entries)[e];
    const std::string ep = fmt::format("/entry/{}", e);
    const json* changes = arr(entry, "changes");
    if (!changes) {
      out.skipped.push_back(ep + "/changes: missing or not an array");
      continue;
    }
    for (std::size_t c = 0; c < changes->size(); ++c) {
      const json& change = (*changes)[c];
      const std::string cp = fmt::format("{}/changes/{}", ep, c);
      const std::string field = str(change, "field");
      if (field != "messages") {
        out.skipped.push_back(cp + "/field: not \"messages\", ignored");
        continue;
      }
      const json* value = obj(change, "value");
      if (!value) {
        out.skipped.push_back(cp + "/value: missing or not an object");
        continue;
      }
      if (const json* messages = arr(*value, "messages")) {
        for (std::size_t m = 0; m < messages->size(); ++m) {
          const std::string mp = fmt::format("{}/value/messages/{}", cp, m);
          const json& msg = (*messages)[m];
          if (!msg.is_object() || str(msg, "id").empty()) {
            out.skipped.push_back(mp + ": no message id");
            continue;
          }
          out.messages.push_back(read_message(msg, mp));
        }
      }
      if (const json* statuses = arr(*value, "statuses")) {
        for (std::size_t s = 0; s < statuses->size(); ++s) {
          const std::string sp = fmt::format("{}/value/statuses/{}", cp, s);
          const json& st = (*statuses)[s];
          if (!st.is_object() || str(st, "id").empty() || str(st, "status").empty()) {
            out.skipped.push_back(sp + ": no id or status");
            continue;
          }
          out.statuses.push_back(read_status(st, sp));
        }
      }
    }
  }
  return out;
}

}  // namespace tafel::webhooks
