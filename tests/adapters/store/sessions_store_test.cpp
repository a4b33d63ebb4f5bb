// The session store (schema v7): roles, feed tokens, question lists, programmes, capture,
// evaluation, participation history — against a real SQLite file.

#include "adapters/store/sessions_store.hpp"

#include "adapters/store/erasure.hpp"
#include "tests/adapters/store/sessions_fixture.hpp"

#include <SQLiteCpp/Transaction.h>

#include <functional>

namespace tafel::testing {
namespace {

using sessions::Part;
using sessions::QuestionKind;
using sessions::Rule;

class SessionsStore : public SessionsStoreTest {
 protected:
  SessionCapture good_capture() {
    SessionCapture c;
    c.attendance = {{jan_, true}, {piet_, true}, {kees_, false}};
    c.notes = {{"bottleneck", "Personeel vinden", "Leerlingen haken af na het eerste jaar"},
               {"tip", "Behouden", "Koppel een leerling aan een vaste vakman als maatje"},
               {"solution", "Behouden", "Elk kwartaal een kort gesprek over ontwikkeling"},
               {"contact", "Opleiden", "Het opleidingsbedrijf van de coöperatie helpt bij BBL"}};
    c.takeaways = {"Vaste maatjes voor leerlingen", "Kwartaalgesprek invoeren",
                   "Samen met de coöperatie werven"};
    return c;
  }
};

TEST_F(SessionsStore, RolesRefuseTheSamePersonTwiceAndUnknownStaff) {
  auto roles = session_roles(db(), session1_);
  ASSERT_TRUE(roles);
  EXPECT_EQ(roles->facilitator_id, "fac1");
  EXPECT_FALSE(roles->expert_id);

  auto same = set_session_roles(db(), session1_, "fac1", std::string("fac1"), "c@x.nl");
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().field, "/expert_id");
  EXPECT_NE(same.error().message.find("verschillende"), std::string::npos);
  EXPECT_FALSE(set_session_roles(db(), session1_, "fac1", std::string("old"), "c@x.nl"));
  EXPECT_EQ(set_session_roles(db(), session1_, "nobody", std::nullopt, "c").error().field,
            "/facilitator_id");
  EXPECT_EQ(set_session_roles(db(), 999, "fac1", std::nullopt, "c").error().kind,
            SessionStoreError::Kind::not_found);
  EXPECT_EQ(count("SELECT COUNT(*) FROM session_roles"), 0);

  ASSERT_TRUE(set_session_roles(db(), session1_, "exp1", std::string("fac1"), "c@x.nl"));
  roles = session_roles(db(), session1_);
  EXPECT_EQ(roles->facilitator_id, "exp1");
  EXPECT_EQ(roles->expert_id, "fac1");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions WHERE facilitator_id = 'exp1'"), 1);
  // The database itself refuses the same person in both roles.
  EXPECT_THROW(db().exec("UPDATE session_roles SET expert_id = facilitator_id"), SQLite::Exception);

  const auto fac1 = staff_sessions(db(), "fac1");
  ASSERT_EQ(fac1.size(), 2u);
  EXPECT_EQ(fac1[0].session_id, session1_);
  EXPECT_EQ(fac1[0].role, "expert");
  EXPECT_EQ(fac1[1].role, "facilitator");
  EXPECT_EQ(staff_sessions(db(), "exp1").size(), 1u);
}

TEST_F(SessionsStore, FeedTokensAreHashesAndANewOneRevokesTheOld) {
  const std::string h1(64, 'a'), h2(64, 'b');
  ASSERT_TRUE(add_feed_token(db(), "fac1", h1));
  EXPECT_EQ(staff_for_feed_token(db(), h1), "fac1");
  ASSERT_TRUE(add_feed_token(db(), "fac1", h2));
  EXPECT_FALSE(staff_for_feed_token(db(), h1));
  EXPECT_EQ(staff_for_feed_token(db(), h2), "fac1");
  EXPECT_FALSE(add_feed_token(db(), "fac1", "short"));
  EXPECT_FALSE(add_feed_token(db(), "old", std::string(64, 'c')));
  EXPECT_EQ(revoke_feed_tokens(db(), "fac1"), 1);
  EXPECT_FALSE(staff_for_feed_token(db(), h2));
}

TEST_F(SessionsStore, QuestionListsStartAsTheReportsAndCanBeEdited) {
  auto start = list_questions(db(), QuestionKind::start);
  const auto defaults = sessions::default_questions(QuestionKind::start);
  ASSERT_EQ(start.size(), defaults.size());
  for (std::size_t i = 0; i < start.size(); ++i) EXPECT_EQ(start[i].text, defaults[i]);
  EXPECT_EQ(list_questions(db(), QuestionKind::action).size(), 11u);

  const auto id = add_question(db(), QuestionKind::start, "  Wat maakt jouw bedrijf uniek?  ");
  ASSERT_TRUE(id);
  EXPECT_EQ(list_questions(db(), QuestionKind::start).back().text, "Wat maakt jouw bedrijf uniek?");
  EXPECT_EQ(add_question(db(), QuestionKind::start, "   ").error().field, "/text");
  ASSERT_TRUE(update_question(db(), start[0].id, start[0].text, false));
  EXPECT_EQ(list_questions(db(), QuestionKind::start).size(), defaults.size());
  EXPECT_EQ(list_questions(db(), QuestionKind::start, true).size(), defaults.size() + 1);
  EXPECT_EQ(update_question(db(), 9999, "x", true).error().kind,
            SessionStoreError::Kind::not_found);
}

TEST_F(SessionsStore, DefaultProgrammeFitsTheLengthAndAvoidsTheGroupsLastQuestion) {
  auto p1 = load_programme(db(), session1_);
  ASSERT_TRUE(p1);
  EXPECT_FALSE(p1->stored);
  EXPECT_EQ(p1->programme.length_minutes, 90);
  EXPECT_EQ(p1->programme.minutes, (std::array<int, 5>{10, 15, 10, 40, 15}));
  EXPECT_TRUE(p1->findings.empty());
  EXPECT_FALSE(p1->programme.start_question.empty());
  EXPECT_FALSE(p1->programme.action_question.empty());

  // Store session 1's programme with the question session 2 would get by default: session 2
  // (same network and sector, later) must then get another one.
  const auto p2_before = load_programme(db(), session2_);
  ASSERT_TRUE(p2_before);
  EXPECT_EQ(p2_before->programme.length_minutes, 75);
  auto edited = p1->programme;
  edited.start_question = p2_before->programme.start_question;
  ASSERT_TRUE(save_programme(db(), session1_, edited, std::nullopt, "fac1"));
  const auto p2 = load_programme(db(), session2_);
  EXPECT_NE(p2->programme.start_question, p2_before->programme.start_question);
  EXPECT_EQ(load_programme(db(), session2_)->programme.start_question,
            p2->programme.start_question);  // deterministic
  EXPECT_FALSE(load_programme(db(), 999));
}

TEST_F(SessionsStore, EditedProgrammeIsStoredWithItsFindingsOrRefusedWhenMalformed) {
  auto p = load_programme(db(), session1_)->programme;
  p.at(Part::welcome) = 5;
  p.at(Part::venting) = 10;
  p.at(Part::own_cases) = 50;
  const auto saved = save_programme(db(), session1_, p, std::nullopt, "fac1");
  ASSERT_TRUE(saved);
  ASSERT_EQ(saved->size(), 1u);
  EXPECT_EQ((*saved)[0].rule, Rule::landing_too_short);
  const auto loaded = load_programme(db(), session1_);
  EXPECT_TRUE(loaded->stored);
  EXPECT_EQ(loaded->programme.minutes, p.minutes);
  ASSERT_EQ(loaded->findings.size(), 1u);
  EXPECT_EQ(loaded->updated_by, "fac1");

  auto wrong_length = p;
  wrong_length.length_minutes = 60;
  EXPECT_EQ(save_programme(db(), session1_, wrong_length, std::nullopt, "f").error().field,
            "/length_minutes");
  auto negative = p;
  negative.at(Part::sector_data) = -1;
  EXPECT_EQ(save_programme(db(), session1_, negative, std::nullopt, "f").error().field,
            "/minutes/sector_data");
  auto no_question = p;
  no_question.action_question = " ";
  EXPECT_EQ(save_programme(db(), session1_, no_question, std::nullopt, "f").error().field,
            "/action_question");
  EXPECT_EQ(save_programme(db(), session1_, p, 42, "f").error().field, "/sector_card_id");
}

TEST_F(SessionsStore, RunSheetListsThoseWhoAcceptedWithTheirCases) {
  const auto people = run_sheet_participants(db(), session1_);
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0].company, "Bouw De Vries BV");
  EXPECT_EQ(people[0].case_text, "Mijn leerling stopt na een half jaar.");
  EXPECT_EQ(people[1].company, "Pietersen Installatie");
  EXPECT_EQ(people[1].case_text, "");
}

TEST_F(SessionsStore, CaptureIsRecordedAsAnonymousKnowledgeAndReplacedOnReRecord) {
  ASSERT_TRUE(record_capture(db(), session1_, good_capture(), "fac1", kStart + 7200));
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM knowledge_items WHERE session_id = " + std::to_string(session1_)),
      7);  // 4 notes + 3 takeaways
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendance WHERE status = 'came'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions WHERE status = 'held'"), 1);
  auto loaded = load_capture(db(), session1_);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->revision, 1);
  EXPECT_EQ(loaded->capture.notes.size(), 4u);
  EXPECT_EQ(loaded->capture.notes[1].text, "Koppel een leerling aan een vaste vakman als maatje");
  EXPECT_EQ(loaded->capture.takeaways[2], "Samen met de coöperatie werven");
  ASSERT_EQ(loaded->capture.attendance.size(), 3u);

  auto c = good_capture();
  c.notes.pop_back();
  c.attendance = {{jan_, true}};
  ASSERT_TRUE(record_capture(db(), session1_, c, "fac1", kStart + 9000));
  loaded = load_capture(db(), session1_);
  EXPECT_EQ(loaded->revision, 2);
  EXPECT_EQ(loaded->capture.notes.size(), 3u);
  EXPECT_EQ(loaded->capture.attendance.size(), 1u);
}

TEST_F(SessionsStore, CaptureNamingAPersonIsRefusedAndNothingIsWritten) {
  struct Case {
    std::function<void(SessionCapture&)> edit;
    std::string field;
  };
  const std::vector<Case> cases = {
      {[](SessionCapture& c) { c.notes[1].text = "Jan heeft een maatjessysteem"; },
       "/notes/1/text"},
      {[](SessionCapture& c) { c.notes[2].text = "Vraag het PIETERSEN"; }, "/notes/2/text"},
      {[](SessionCapture& c) { c.notes[3].text = "Mail info@opleiding.example.nl"; },
       "/notes/3/text"},
      {[](SessionCapture& c) { c.notes[3].text = "Bel 0318 000 111"; }, "/notes/3/text"},
      {[](SessionCapture& c) { c.takeaways[0] = "Femke belt iedereen na"; }, "/takeaways/0"},
      {[](SessionCapture& c) { c.notes[0].theme = ""; }, "/notes/0/theme"},
      {[](SessionCapture& c) { c.notes[0].kind = "roddel"; }, "/notes/0/kind"},
      {[](SessionCapture& c) { c.takeaways[1] = " "; }, "/takeaways/1"},
      {[](SessionCapture& c) {
         c.attendance.push_back({999, true});
       },
       "/attendance/3/member_id"},
  };
  for (const auto& tc : cases) {
    auto c = good_capture();
    tc.edit(c);
    const auto r = record_capture(db(), session1_, c, "fac1", kStart + 7200);
    ASSERT_FALSE(r) << tc.field;
    EXPECT_EQ(r.error().field, tc.field);
    EXPECT_EQ(r.error().message.find("Jan"), std::string::npos);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_items"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendance"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM session_captures"), 0);
}

TEST_F(SessionsStore, CaptureJoinsTheCallersTransaction) {
  {
    SQLite::Transaction tx(db());
    ASSERT_TRUE(record_capture(db(), session1_, good_capture(), "fac1", kStart + 7200));
    // no commit: rolled back
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_items"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendance"), 0);
}

TEST_F(SessionsStore, EvaluationOnlyFromThoseWhoCameOnceEachAndAnonymous) {
  ASSERT_TRUE(record_capture(db(), session1_, good_capture(), "fac1", kStart + 7200));
  EXPECT_EQ(evaluation_recipients(db(), session1_), (std::vector<std::int64_t>{jan_, piet_}));
  ASSERT_TRUE(add_evaluation_answer(db(), session1_, jan_, 4, "Nuttig"));
  EXPECT_EQ(add_evaluation_answer(db(), session1_, jan_, 5, "").error().kind,
            SessionStoreError::Kind::conflict);
  EXPECT_EQ(add_evaluation_answer(db(), session1_, kees_, 5, "").error().field, "/member_id");
  EXPECT_EQ(add_evaluation_answer(db(), session1_, piet_, 6, "").error().field, "/score");
  ASSERT_TRUE(add_evaluation_answer(db(), session1_, piet_, 5, ""));
  EXPECT_TRUE(evaluation_recipients(db(), session1_).empty());
  EXPECT_EQ(count("SELECT COUNT(*) FROM pragma_table_info('evaluation_answers') WHERE name = "
                  "'member_id'"),
            0);

  const auto trend = evaluation_trend(db(), 1, std::string("bouw"));
  ASSERT_EQ(trend.size(), 1u);
  EXPECT_EQ(trend[0].answers, 2);
  EXPECT_DOUBLE_EQ(trend[0].average, 4.5);
  EXPECT_EQ(trend[0].comments, (std::vector<std::string>{"Nuttig"}));
  EXPECT_TRUE(evaluation_trend(db(), std::nullopt, std::string("installatie")).empty());
}

TEST_F(SessionsStore, ParticipationHistoryAndOfferOrder) {
  ASSERT_TRUE(record_capture(db(), session1_, good_capture(), "fac1", kStart + 7200));
  ASSERT_TRUE(add_evaluation_answer(db(), session1_, jan_, 4, ""));
  const auto h = participation_history(db(), jan_);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].rsvp, "accepted");
  EXPECT_EQ(h[0].came, true);
  EXPECT_TRUE(h[0].evaluated);
  const auto k = participation_history(db(), kees_);
  ASSERT_EQ(k.size(), 1u);
  EXPECT_EQ(k[0].came, false);

  const auto newcomer = add_member("Nieuw BV", "Nina Nieuw", "", "");
  const auto cands = offer_candidates(db(), {session1_}, {newcomer, kees_, jan_});
  EXPECT_EQ(sessions::offer_order(cands), (std::vector<std::int64_t>{jan_, kees_, newcomer}));
}

TEST_F(SessionsStore, ErasureRemovesTheMembersCaptureRowsButKeepsAnonymousKnowledge) {
  ASSERT_TRUE(record_capture(db(), session1_, good_capture(), "fac1", kStart + 7200));
  ASSERT_TRUE(add_evaluation_answer(db(), session1_, jan_, 4, "Goed"));
  const ContactHasher hasher{[](std::string_view s) { return "e:" + std::string(s); },
                             [](std::string_view s) { return "p:" + std::string(s); }};
  const auto report = erase_member(*store_, jan_, hasher, dir_ / "outbox");
  ASSERT_TRUE(report) << report.error().message;
  const auto j = std::to_string(jan_);
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendance WHERE member_id = " + j), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM evaluation_responses WHERE member_id = " + j), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendance WHERE member_id = " + std::to_string(piet_)), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_items"), 7);
  EXPECT_EQ(count("SELECT COUNT(*) FROM evaluation_answers"), 1);  // anonymous: kept
  EXPECT_TRUE(participation_history(db(), jan_).empty());
}

}  // namespace
}  // namespace tafel::testing
