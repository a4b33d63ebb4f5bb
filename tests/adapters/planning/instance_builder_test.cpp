// The instance the daemon builds from the store and the demo configuration.

#include "adapters/planning/instance_builder.hpp"

#include "adapters/config/config.hpp"
#include "adapters/store/networks.hpp"
#include "tests/adapters/planning/planning_fixture.hpp"

#include <algorithm>
#include <set>

namespace tafel::testing {
namespace {

class InstanceBuilderTest : public PlanningFixture {};

TEST_F(InstanceBuilderTest, DemoStoreGivesSlotsParticipantsAndFacilitators) {
  prepare(false);
  auto cfg = load_config(config);
  ASSERT_TRUE(cfg);
  auto tz = TimeZone::locate(cfg->timezone);
  ASSERT_TRUE(tz);
  Store store = open_store();
  const auto network = find_network(store, kDemoNetwork);
  ASSERT_TRUE(network);
  PlanningRequest req{network->id, *parse_date("2026-12-01"), *parse_date("2027-03-31")};
  const BuiltInstance built = build_instance(store, *cfg, *tz, req);
  const solver::Instance& inst = built.instance;

  ASSERT_FALSE(inst.slots.empty());
  ASSERT_EQ(inst.slots.size(), built.slots.slots.size());
  int attached = 0;
  for (std::size_t i = 0; i < inst.slots.size(); ++i) {
    const auto& s = inst.slots[i];
    EXPECT_EQ(s.id, built.slots.slots[i].id);
    // "<venue>|<room>|<local start>|<minutes>"
    EXPECT_EQ(std::count(s.id.begin(), s.id.end(), '|'), 3) << s.id;
    EXPECT_TRUE(s.id.starts_with(inst.venues[static_cast<std::size_t>(s.venue)].id + "|" + s.room))
        << s.id;
    attached += s.event >= 0 ? 1 : 0;
  }
  EXPECT_GT(attached, 0);

  std::set<std::string> staff;
  for (const auto& f : inst.staff) staff.insert(f.id);
  EXPECT_EQ(staff, (std::set<std::string>{"fac-marieke", "fac-ruud", "fac-samira", "fac-henkjan",
                                          "fac-esther"}));
  for (const auto& f : inst.staff) EXPECT_FALSE(f.availability.empty()) << f.id;

  ASSERT_GT(inst.participants.size(), 50u);
  int with_availability = 0;
  for (const auto& p : inst.participants) {
    EXPECT_TRUE(p.id.starts_with("m")) << p.id;
    EXPECT_TRUE(built.participant_names.contains(p.id));
    with_availability += p.availability.empty() ? 0 : 1;
  }
  EXPECT_GT(with_availability, 50);
  EXPECT_TRUE(built.busy.excluded.empty());
  EXPECT_EQ(built.busy.slots_removed, 0);
}

}  // namespace
}  // namespace tafel::testing
