#include "adapters/planning/plan_round.hpp"

#include "adapters/planning/change_report.hpp"
#include "adapters/planning/plan_report.hpp"
#include "adapters/planning/proposal_record.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace tafel {

namespace {

std::unexpected<PlanRoundError> fail(int code, std::string message) {
  return std::unexpected(PlanRoundError{code, std::move(message)});
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace

std::expected<StoredPlan, PlanRoundError> plan_and_store(Store& store, const Config& config,
                                                         const TimeZone& tz,
                                                         PlanningRequest request,
                                                         const PlanRoundOptions& options) {
  StoredPlan out;
  std::string theme = options.theme;
  if (options.resolve) {
    out.previous = load_proposal(store, *options.resolve);
    if (!out.previous) return fail(2, fmt::format("Voorstel {} bestaat niet.", *options.resolve));
    const ProposalHeader& h = out.previous->header;
    if (h.status == "superseded" || h.status == "rejected")
      return fail(2, fmt::format("Voorstel {} is {}; herbereken het nieuwste voorstel.", h.id,
                                 h.status == "superseded" ? "al vervangen" : "afgewezen"));
    request.network_id = h.network_id;
    request.from = parse_date(h.period_from).value_or(request.from);
    request.to = parse_date(h.period_to).value_or(request.to);
    if (theme.empty()) theme = h.theme;
  }
  out.request = request;
  const Proposal* previous = out.previous ? &*out.previous : nullptr;
  auto prepared = prepare_planning(store, config, tz, request, previous);
  if (!prepared) return fail(2, joined(prepared.error().messages));
  out.outcome = std::move(*prepared);
  if (!options.export_instance.empty()) {
    std::ofstream file(options.export_instance, std::ios::binary | std::ios::trunc);
    const std::string text = nlohmann::json::parse(out.outcome.instance_json).dump(2) + "\n";
    if (!file || !(file << text) || !file.flush())
      return fail(
          1, fmt::format("--export-instance: cannot write '{}'", options.export_instance.string()));
  }
  if (auto solved = solve_prepared(out.outcome, options.time_limit_ms, options.seed); !solved)
    return fail(3, joined(solved.error().messages));
  const Proposal record = proposal_from_outcome(
      out.outcome, request, ProposalSettings{theme, options.seed, options.time_limit_ms, previous});
  out.number = insert_proposal(store, record);
  return out;
}

std::string format_stored_plan(const Config& config, const StoredPlan& plan) {
  std::string out = fmt::format("Voorstel {}: praktijktafels {} t/m {}\n", plan.number,
                                dutch_day(plan.request.from), dutch_day(plan.request.to));
  if (plan.previous) out += format_changes(config, plan.outcome, plan.previous->header.id) + "\n";
  out += format_plan_report(config, plan.outcome.built, plan.outcome.result);
  return out;
}

}  // namespace tafel
