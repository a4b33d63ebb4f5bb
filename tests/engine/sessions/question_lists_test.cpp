#include "engine/sessions/question_lists.hpp"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace tafel::sessions {
namespace {

std::vector<std::string> as_strings(std::span<const std::string_view> list) {
  return {list.begin(), list.end()};
}

TEST(QuestionLists, DefaultsAreTheReportsKaders) {
  const auto start = default_questions(QuestionKind::start);
  const auto action = default_questions(QuestionKind::action);
  EXPECT_EQ(start.size(), 12u);
  EXPECT_EQ(action.size(), 11u);
  EXPECT_EQ(start.front(),
            "Wat zou jij veranderen aan de arbeidsmarkt als je één ding mocht kiezen?");
  EXPECT_EQ(action.front(), "Welke eerste stap kun jij deze week zetten?");
  EXPECT_EQ(std::set<std::string_view>(start.begin(), start.end()).size(), start.size());
  EXPECT_EQ(parse_question_kind(question_kind_key(QuestionKind::action)), QuestionKind::action);
  EXPECT_FALSE(parse_question_kind("eind").has_value());
}

TEST(QuestionLists, ChoiceIsBySessionIdAndAvoidsTheLastOne) {
  const auto list = as_strings(default_questions(QuestionKind::start));
  EXPECT_EQ(choose_question(list, 13, std::nullopt), list[1]);
  EXPECT_EQ(choose_question(list, 13, std::nullopt), choose_question(list, 13, std::nullopt));
  EXPECT_EQ(choose_question(list, 13, list[1]), list[2]);
  EXPECT_EQ(choose_question(list, 11, list[11]), list[0]);  // wraps
  EXPECT_EQ(choose_question(list, 13, list[5]), list[1]);
  EXPECT_TRUE(choose_question(list, -7, std::nullopt).has_value());
  EXPECT_FALSE(choose_question(std::vector<std::string>{}, 1, std::nullopt).has_value());
  const std::vector<std::string> one = {"Enige vraag?"};
  EXPECT_EQ(choose_question(one, 4, "Enige vraag?"), "Enige vraag?");
}

}  // namespace
}  // namespace tafel::sessions
