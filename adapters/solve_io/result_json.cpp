#include "adapters/solve_io/result_json.hpp"

#include <algorithm>
#include <cmath>

namespace tafel::solve_io {

namespace {
using nlohmann::json;
using namespace tafel::solver;

double round2(double x) { return std::round(x * 100.0) / 100.0; }
}  // namespace

json result_to_json(const Instance& inst, const Result& result, std::int64_t elapsed_ms) {
  auto pid = [&](int p) -> const std::string& {
    return inst.participants[static_cast<std::size_t>(p)].id;
  };
  auto sid = [&](int s) -> const std::string& {
    return inst.slots[static_cast<std::size_t>(s)].id;
  };
  auto by_pid = [&](int a, int b) { return pid(a) < pid(b); };

  std::vector<const Session*> sessions;
  for (const Session& s : result.sessions) sessions.push_back(&s);
  std::sort(sessions.begin(), sessions.end(), [&](const Session* a, const Session* b) {
    const LocalTime ta = inst.slots[static_cast<std::size_t>(a->slot)].time.start;
    const LocalTime tb = inst.slots[static_cast<std::size_t>(b->slot)].time.start;
    if (ta != tb) return ta < tb;
    return sid(a->slot) < sid(b->slot);
  });
  json out = json::object();
  json js = json::array();
  for (const Session* s : sessions) {
    std::vector<int> members = s->participants;
    std::sort(members.begin(), members.end(), by_pid);
    json ids = json::array();
    for (int p : members) ids.push_back(pid(p));
    js.push_back({{"slot", sid(s->slot)},
                  {"sector", inst.sector_names[static_cast<std::size_t>(s->sector)]},
                  {"facilitator", inst.staff[static_cast<std::size_t>(s->facilitator)].id},
                  {"participants", std::move(ids)}});
  }
  out["sessions"] = std::move(js);

  std::vector<const Unplaced*> unplaced;
  for (const Unplaced& u : result.unplaced) unplaced.push_back(&u);
  std::sort(unplaced.begin(), unplaced.end(), [&](const Unplaced* a, const Unplaced* b) {
    return pid(a->participant) < pid(b->participant);
  });
  json ju = json::array();
  for (const Unplaced* u : unplaced) {
    ju.push_back({{"participant", pid(u->participant)},
                  {"reason", std::string(to_string(u->reason))},
                  {"detail", u->detail}});
  }
  out["unplaced"] = std::move(ju);

  std::vector<RejectedSlot> rejected = result.rejected_slots;
  std::sort(rejected.begin(), rejected.end(), [&](const RejectedSlot& a, const RejectedSlot& b) {
    return sid(a.slot) < sid(b.slot);
  });
  json jr = json::array();
  for (const RejectedSlot& r : rejected) {
    jr.push_back({{"slot", sid(r.slot)}, {"reason", std::string(to_string(r.reason))}});
  }
  out["rejected_slots"] = std::move(jr);
  out["score"] = round2(result.score);
  if (result.bound) out["bound"] = round2(*result.bound);

  if (!inst.previous.empty()) {
    auto moves = [&](std::vector<Changes::Move> list) {
      std::sort(list.begin(), list.end(), [&](const Changes::Move& a, const Changes::Move& b) {
        return pid(a.participant) < pid(b.participant);
      });
      json arr = json::array();
      for (const Changes::Move& m : list) {
        json e = {{"participant", pid(m.participant)}};
        e["from"] = m.from_slot >= 0 ? json(sid(m.from_slot)) : json(nullptr);
        e["to"] = m.to_slot >= 0 ? json(sid(m.to_slot)) : json(nullptr);
        arr.push_back(std::move(e));
      }
      return arr;
    };
    out["changes"] = {{"kept", result.changes.kept},
                      {"moved", moves(result.changes.moved)},
                      {"added", moves(result.changes.added)},
                      {"removed", moves(result.changes.removed)}};
  }
  out["stats"] = {{"elapsed_ms", elapsed_ms},
                  {"components", result.stats.components},
                  {"lns_iterations", result.stats.lns_iterations},
                  {"construction_score", round2(result.stats.construction_score)},
                  {"stopped_by_deadline", result.stats.stopped_by_deadline}};
  return out;
}

}  // namespace tafel::solve_io
