#include "engine/solver/instance.hpp"

#include "engine/solver/result.hpp"

#include <algorithm>

namespace tafel::solver {

bool Instance::slot_allows(int slot, int sector) const {
  const Slot& s = slots[static_cast<std::size_t>(slot)];
  return s.all_sectors || std::find(s.sectors.begin(), s.sectors.end(), sector) != s.sectors.end();
}

int Instance::intern_sector(const std::string& name) {
  auto it = std::find(sector_names.begin(), sector_names.end(), name);
  if (it != sector_names.end()) return static_cast<int>(it - sector_names.begin());
  sector_names.push_back(name);
  return static_cast<int>(sector_names.size()) - 1;
}

int Instance::intern_company(const std::string& name) {
  auto it = std::find(company_names.begin(), company_names.end(), name);
  if (it != company_names.end()) return static_cast<int>(it - company_names.begin());
  company_names.push_back(name);
  return static_cast<int>(company_names.size()) - 1;
}

std::string_view to_string(UnplacedReason r) {
  switch (r) {
    case UnplacedReason::no_slot_in_availability:
      return "no_slot_in_availability";
    case UnplacedReason::beyond_travel_limit:
      return "beyond_travel_limit";
    case UnplacedReason::sector_too_small:
      return "sector_too_small";
    case UnplacedReason::no_facilitator:
      return "no_facilitator";
    case UnplacedReason::not_selected:
      return "not_selected";
  }
  return "not_selected";
}

std::string_view to_string(SlotRejection r) {
  switch (r) {
    case SlotRejection::spans_days:
      return "spans_days";
    case SlotRejection::too_short:
      return "too_short";
    case SlotRejection::too_long:
      return "too_long";
    case SlotRejection::capacity_below_min_group:
      return "capacity_below_min_group";
    case SlotRejection::not_at_day_edge:
      return "not_at_day_edge";
  }
  return "spans_days";
}

}  // namespace tafel::solver
