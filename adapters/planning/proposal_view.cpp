#include "adapters/planning/proposal_view.hpp"

#include "adapters/planning/plan_report.hpp"
#include "adapters/store/members_store.hpp"

#include <fmt/format.h>

namespace tafel {

namespace {

using nlohmann::json;

json optional_json(const auto& v) { return v ? json(*v) : json(nullptr); }

json header_json(const ProposalHeader& h) {
  return {{"number", h.id},
          {"network", h.network},
          {"period", {{"from", h.period_from}, {"to", h.period_to}}},
          {"status", h.status},
          {"revision", h.revision},
          {"theme", h.theme},
          {"seed", h.seed},
          {"time_limit_ms", h.time_limit_ms},
          {"elapsed_ms", h.elapsed_ms},
          {"stopped_by_deadline", h.stopped_by_deadline},
          {"score", h.score},
          {"bound", optional_json(h.bound)},
          {"previous", optional_json(h.previous_id)},
          {"created_at", h.created_at},
          {"approved_at", optional_json(h.approved_at)},
          {"approved_by", optional_json(h.approved_by)}};
}

struct Who {
  std::string name;
  std::string company;
};

Who who(Store& store, std::int64_t member_id) {
  if (auto m = find_member(store, member_id)) return Who{m->name, m->company};
  return Who{fmt::format("lid {}", member_id), ""};
}

std::string staff_name(const Config& config, const std::string& id) {
  for (const auto& s : config.staff)
    if (s.id == id) return s.name;
  return id;
}

}  // namespace

std::string dutch_status(const std::string& status) {
  if (status == "proposed") return "voorgesteld";
  if (status == "approved") return "goedgekeurd";
  if (status == "superseded") return "vervangen";
  if (status == "rejected") return "afgewezen";
  return status;
}

json proposal_to_json(Store& store, const Proposal& p) {
  json out = header_json(p.header);
  json sessions = json::array();
  for (const SessionRow& s : p.sessions) {
    json members = json::array();
    for (const SessionMemberRow& m : s.members) {
      const Who w = who(store, m.member_id);
      members.push_back({{"member", m.member_id},
                         {"name", w.name},
                         {"company", w.company},
                         {"pinned", m.pinned}});
    }
    sessions.push_back({{"id", s.id},
                        {"slot", s.slot_id},
                        {"venue", s.venue_id},
                        {"room", s.room},
                        {"start", format_iso8601(s.start)},
                        {"end", format_iso8601(s.end)},
                        {"sector", s.sector},
                        {"facilitator", s.facilitator_id},
                        {"event", optional_json(s.event_id)},
                        {"theme", s.theme},
                        {"status", s.status},
                        {"uid", s.uid},
                        {"sequence", s.sequence},
                        {"locked", s.locked},
                        {"members", std::move(members)}});
  }
  out["sessions"] = std::move(sessions);
  json unplaced = json::array();
  for (const UnplacedRow& u : p.unplaced) {
    const Who w = who(store, u.member_id);
    unplaced.push_back({{"member", u.member_id},
                        {"name", w.name},
                        {"company", w.company},
                        {"reason", u.reason},
                        {"detail", u.detail}});
  }
  out["unplaced"] = std::move(unplaced);
  return out;
}

std::string format_proposal(Store& store, const Config& config, const Proposal& p) {
  const ProposalHeader& h = p.header;
  std::string out = fmt::format("Voorstel {} — {}, {} t/m {}: {} (versie {})\n", h.id, h.network,
                                h.period_from, h.period_to, dutch_status(h.status), h.revision);
  if (!h.theme.empty()) out += fmt::format("Thema: {}\n", h.theme);
  if (h.previous_id) out += fmt::format("Herberekening van voorstel {}\n", *h.previous_id);
  if (h.approved_at)
    out += fmt::format("Goedgekeurd op {} door {}\n", *h.approved_at, h.approved_by.value_or(""));
  out += fmt::format("{} tafels, {} geplaatst, {} niet geplaatst; score {:.1f}\n\n",
                     h.session_count, h.placed_count, h.unplaced_count, h.score);
  for (const SessionRow& s : p.sessions) {
    out += fmt::format("Tafel {}: {}  {}, facilitator {}{}\n", s.id,
                       describe_moment(config, s.venue_id, s.room, s.start, s.end), s.sector,
                       staff_name(config, s.facilitator_id), s.locked ? "  [vergrendeld]" : "");
    for (const SessionMemberRow& m : s.members) {
      const Who w = who(store, m.member_id);
      out += fmt::format("    - {:>5}  {} ({}){}\n", m.member_id, w.name, w.company,
                         m.pinned ? "  [vast]" : "");
    }
  }
  if (!p.unplaced.empty()) {
    out += fmt::format("\nNiet geplaatst: {}\n", p.unplaced.size());
    for (const UnplacedRow& u : p.unplaced) {
      const Who w = who(store, u.member_id);
      out += fmt::format("    - {:>5}  {} ({}): {}. {}\n", u.member_id, w.name, w.company,
                         dutch_unplaced_reason(u.reason), u.detail);
    }
  }
  return out;
}

json proposal_list_to_json(const std::vector<ProposalHeader>& list) {
  json out = json::array();
  for (const ProposalHeader& h : list) {
    json j = header_json(h);
    j["sessions"] = h.session_count;
    j["placed"] = h.placed_count;
    j["unplaced"] = h.unplaced_count;
    out.push_back(std::move(j));
  }
  return out;
}

std::string format_proposal_list(const std::vector<ProposalHeader>& list) {
  if (list.empty()) return "Nog geen voorstellen.\n";
  std::string out;
  for (const ProposalHeader& h : list) {
    out += fmt::format(
        "Voorstel {:>3}  {}  {} t/m {}  {:<11}  {} tafels, {} geplaatst, {} niet "
        "geplaatst  ({})\n",
        h.id, h.network, h.period_from, h.period_to, dutch_status(h.status), h.session_count,
        h.placed_count, h.unplaced_count, h.created_at);
  }
  return out;
}

}  // namespace tafel
