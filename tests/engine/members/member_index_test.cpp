#include "engine/members/member_index.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

MatchKeys keys(const char* email, std::vector<std::string> phones, const char* company,
               const char* name) {
  return MatchKeys::of(email, phones, company, name);
}

TEST(MemberIndex, MatchesEmailCaseInsensitivelyThenPhoneThenCompanyAndName) {
  MemberIndex index;
  index.put(1, keys("Anna@A.nl", {"+31612345001"}, "Bouw A", "Anna"));
  index.put(2, keys("", {"+31612345002"}, "Bouw B", "Bert"));
  index.put(3, keys("", {}, "Bouw C", "Carla de Vries"));

  auto r = index.find(keys("anna@a.NL", {}, "", ""));
  EXPECT_EQ(r.kind, MatchKind::email);
  EXPECT_EQ(r.id, 1);
  r = index.find(keys("new@x.nl", {"+31612345002"}, "", ""));
  EXPECT_EQ(r.kind, MatchKind::phone);
  EXPECT_EQ(r.id, 2);
  r = index.find(keys("", {}, "bouw-c", "Carla De Vries"));
  EXPECT_EQ(r.kind, MatchKind::company_name);
  EXPECT_EQ(r.id, 3);
  EXPECT_EQ(index.find(keys("x@y.nl", {"+31600000000"}, "Bouw A", "Other")).kind, MatchKind::none);
}

TEST(MemberIndex, EmailOfOneAndPhoneOfAnotherIsAConflict) {
  MemberIndex index;
  index.put(1, keys("anna@a.nl", {"+31612345001"}, "A", "Anna"));
  index.put(2, keys("gert@g.nl", {"+31612345007"}, "G", "Gert"));
  const auto r = index.find(keys("ANNA@a.nl", {"+31612345007"}, "H", "Hans"));
  EXPECT_EQ(r.kind, MatchKind::conflict);
  EXPECT_EQ(r.id, 1);
  EXPECT_EQ(r.other_id, 2);
  // The email member's own number next to it is no conflict.
  EXPECT_EQ(index.find(keys("anna@a.nl", {"+31612345001"}, "", "")).kind, MatchKind::email);
}

TEST(MemberIndex, PutReplacesOldKeys) {
  MemberIndex index;
  index.put(1, keys("old@a.nl", {"+31612345001"}, "A", "Anna"));
  index.put(1, keys("new@a.nl", {}, "A", "Anna"));
  EXPECT_EQ(index.find(keys("old@a.nl", {}, "", "")).kind, MatchKind::none);
  EXPECT_EQ(index.find(keys("", {"+31612345001"}, "", "")).kind, MatchKind::none);
  EXPECT_EQ(index.find(keys("new@a.nl", {}, "", "")).id, 1);
}

}  // namespace
}  // namespace tafel
