#pragma once
// Running a session (schema v7): roles and calendar-feed tokens, the run sheet's programme and
// question lists, the after-session capture (attendance, anonymous notes, takeaways), the
// one-question evaluation, and participation history. Built for the coordinator and facilitator
// pages and their JSON twins.
//
// Transactions: every function that changes state takes SQLite::Database& and runs inside a
// savepoint, so it is atomic on its own and joins the caller's transaction when there is one
// (the pages add their audit_log row in the same transaction). Readers take the database too.
// Errors a person can fix come back as SessionStoreError with a Dutch message naming the field
// (JSON-pointer style, e.g. "/notes/2/text") and never quoting personal data; other database
// failures throw SQLite::Exception.

#include "engine/sessions/continuity.hpp"
#include "engine/sessions/knowledge.hpp"
#include "engine/sessions/programme.hpp"
#include "engine/sessions/question_lists.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct SessionStoreError {
  enum class Kind { not_found, invalid, conflict };
  Kind kind = Kind::invalid;
  std::string field;    // JSON pointer of the offending input, "" when not about one field
  std::string message;  // Dutch, for the page
};

template <typename T>
using SessionResult = std::expected<T, SessionStoreError>;

// --- roles -------------------------------------------------------------------------------

struct SessionRoles {
  std::int64_t session_id = 0;
  std::string facilitator_id;
  std::optional<std::string> expert_id;
};

// The session's roles: its session_roles row, or (none set yet) sessions.facilitator_id with
// no expert. nullopt when the session does not exist.
std::optional<SessionRoles> session_roles(SQLite::Database& db, std::int64_t session_id);

// Sets the facilitator and the optional expert of a session (both active staff ids) and keeps
// sessions.facilitator_id equal. Refuses (invalid, Dutch message, field "/expert_id") the same
// person in both roles, and unknown or inactive staff (field "/facilitator_id" or
// "/expert_id"); not_found for an unknown session.
SessionResult<void> set_session_roles(SQLite::Database& db, std::int64_t session_id,
                                      const std::string& facilitator_id,
                                      const std::optional<std::string>& expert_id,
                                      const std::string& by);

struct StaffSession {
  std::int64_t session_id = 0;
  std::string role;  // "facilitator" | "expert"
  std::int64_t start_utc = 0;
  std::int32_t start_offset = 0;
  std::int64_t end_utc = 0;
  std::int32_t end_offset = 0;
  std::string sector;
  std::string theme;
  std::string venue_id;
  std::string room;
  std::string status;  // approved | held | cancelled
  std::string uid;     // calendar UID of the session
  int sequence = 0;
};

// The sessions of approved proposals where `staff_id` is facilitator or expert (cancelled ones
// included, so a feed can send STATUS:CANCELLED), by start. For the staff calendar feed and the
// facilitator's own-sessions scope.
std::vector<StaffSession> staff_sessions(SQLite::Database& db, const std::string& staff_id);

// Calendar feed tokens: only the SHA-256 (hex) of the secret reaches the store. Adding a token
// revokes the staff member's earlier ones (one live feed URL each).
SessionResult<void> add_feed_token(SQLite::Database& db, const std::string& staff_id,
                                   const std::string& token_hash);
// The staff id owning a live token, or nullopt.
std::optional<std::string> staff_for_feed_token(SQLite::Database& db,
                                                const std::string& token_hash);
// Revokes every live token of the staff member; returns how many.
int revoke_feed_tokens(SQLite::Database& db, const std::string& staff_id);

// --- question lists -----------------------------------------------------------------------

struct Question {
  std::int64_t id = 0;
  sessions::QuestionKind kind = sessions::QuestionKind::start;
  int position = 0;
  std::string text;
  bool active = true;
};

// The list in position order (only active questions unless `include_inactive`). A fresh
// database holds Kader 2 (start) and Kader 3 (action) of the report.
std::vector<Question> list_questions(SQLite::Database& db, sessions::QuestionKind kind,
                                     bool include_inactive = false);
// Appends a question; invalid ("/text") when empty after trimming. Returns the id.
SessionResult<std::int64_t> add_question(SQLite::Database& db, sessions::QuestionKind kind,
                                         const std::string& text);
// Changes a question's text and whether it is offered; not_found / invalid ("/text").
SessionResult<void> update_question(SQLite::Database& db, std::int64_t id, const std::string& text,
                                    bool active);

// --- programme (run sheet) ------------------------------------------------------------------

struct SessionProgramme {
  std::int64_t session_id = 0;
  sessions::Programme programme;
  std::optional<std::int64_t> sector_card_id;
  bool stored = false;  // false: the computed default, not yet edited
  std::optional<std::string> updated_at;
  std::optional<std::string> updated_by;
  std::vector<sessions::Finding> findings;  // check_programme(programme), for the sheet
};

// The session's programme: the stored one, or the default for its length (end - start, whole
// minutes) with questions chosen from the active lists by sessions::choose_question, avoiding
// the question of the previous session (by start) of the same network and sector that has a
// stored programme ("the same group"). nullopt when the session does not exist.
std::optional<SessionProgramme> load_programme(SQLite::Database& db, std::int64_t session_id);

// Stores an edited programme. `programme.length_minutes` must be the session's length
// ("/length_minutes"); minutes must be >= 0 ("/minutes/<part key>"); questions and method
// non-empty ("/start_question", "/action_question", "/intervision_method"); the sector card must
// exist ("/sector_card_id"). A programme that breaks the timing rules is stored (the sheet shows
// the findings, returned here too).
SessionResult<std::vector<sessions::Finding>> save_programme(
    SQLite::Database& db, std::int64_t session_id, const sessions::Programme& programme,
    std::optional<std::int64_t> sector_card_id, const std::string& by);

// --- run sheet participants ---------------------------------------------------------------

struct RunSheetParticipant {
  std::int64_t member_id = 0;
  std::string company;
  std::string sector;     // configured sector, "" when unknown
  std::string rsvp;       // accepted | tentative
  std::string case_text;  // sent in with the RSVP, "" when none
};
// Invitees who accepted or said maybe, by company then id.
std::vector<RunSheetParticipant> run_sheet_participants(SQLite::Database& db,
                                                        std::int64_t session_id);

// --- after-session capture ----------------------------------------------------------------

struct AttendanceEntry {
  std::int64_t member_id = 0;
  bool came = false;
};

struct CapturedNote {
  std::string kind;   // bottleneck | tip | solution | contact
  std::string theme;  // required for bottlenecks
  std::string text;   // without names or contact data of people
};

struct SessionCapture {
  std::vector<AttendanceEntry> attendance;
  std::vector<CapturedNote> notes;
  std::array<std::string, 3> takeaways;
};

// The people whose data must not reach the knowledge base: every member of the session's
// network and every staff member.
std::vector<sessions::KnownPerson> known_people_for_network(SQLite::Database& db,
                                                            std::int64_t network_id);

// Records (or replaces) what a session yielded, in one savepoint: attendance per member (each
// must be invited to the session: "/attendance/<i>/member_id"), the notes and the three
// takeaways become knowledge items with the session's sector and start; `now_utc` is their
// capture time (digest selection). Refused, with nothing written: a note of an unknown kind
// ("/notes/<i>/kind"), a bottleneck without theme ("/notes/<i>/theme"), an empty text or
// takeaway ("/notes/<i>/text", "/takeaways/<i>"), and any text that names a member or staff
// member or holds an e-mail address or phone number (engine find_personal_data; the message
// says what kind of data, never the data). The session's status becomes 'held'.
SessionResult<void> record_capture(SQLite::Database& db, std::int64_t session_id,
                                   const SessionCapture& capture, const std::string& by,
                                   std::int64_t now_utc);

struct StoredCapture {
  SessionCapture capture;  // notes in recorded order; attendance by member id
  std::string recorded_at;
  std::string recorded_by;
  int revision = 1;
};
std::optional<StoredCapture> load_capture(SQLite::Database& db, std::int64_t session_id);

// --- evaluation ---------------------------------------------------------------------------

// The one evaluation question (Dutch), as sent and stored with every answer.
inline constexpr std::string_view kEvaluationQuestion =
    "Hoe waardevol was deze tafel voor je bedrijf? (1 = niet, 5 = zeer)";

// Members who came and have not answered yet: whom the evaluation goes to.
std::vector<std::int64_t> evaluation_recipients(SQLite::Database& db, std::int64_t session_id);

// Stores one answer of a member who came ("/member_id": invalid when they did not come;
// conflict when they already answered); score 1–5 ("/score"). The answer row holds no member
// id; evaluation_responses records that the member answered.
SessionResult<void> add_evaluation_answer(SQLite::Database& db, std::int64_t session_id,
                                          std::int64_t member_id, int score,
                                          const std::string& comment);

struct EvaluationPoint {
  std::int64_t session_id = 0;
  std::int64_t start_utc = 0;
  std::int32_t start_offset = 0;
  std::string sector;
  int answers = 0;
  double average = 0;
  std::vector<std::string> comments;  // non-empty ones, in answer order
};
// Per session with at least one answer, by start: the trend. Filters are optional.
std::vector<EvaluationPoint> evaluation_trend(SQLite::Database& db,
                                              std::optional<std::int64_t> network_id,
                                              std::optional<std::string> sector);

// --- participation history and continuity ---------------------------------------------------

struct ParticipationEntry {
  std::int64_t session_id = 0;
  std::int64_t start_utc = 0;
  std::int32_t start_offset = 0;
  std::string sector;
  std::string theme;
  std::string rsvp;          // the invitation's status
  std::optional<bool> came;  // nullopt: attendance not recorded
  bool evaluated = false;
};
// Every session the member was invited to, by start.
std::vector<ParticipationEntry> participation_history(SQLite::Database& db, std::int64_t member_id);

// For offering the next session of a group: per candidate (input order), whether they came to /
// were invited to any of `group_sessions`. Feed to sessions::offer_order.
std::vector<sessions::OfferCandidate> offer_candidates(
    SQLite::Database& db, const std::vector<std::int64_t>& group_sessions,
    const std::vector<std::int64_t>& members);

}  // namespace tafel
