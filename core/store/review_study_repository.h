#pragma once
// The study lead's side of a blind review study: create it, add the systems under test and their
// answers, assign reviewers (each with their own randomised order), follow progress, close it,
// reveal the systems and gather the report data. Every call takes the acting account and
// requires a lead; every change is one transaction with its audit-log entry.
//
// Blinding: systems get codes S1..Sn in a seeded shuffled order (re-drawn whenever systems are
// added, which is allowed only before assignment), so a code says nothing about which system it
// is. Until the study is closed the lead's views show codes only; names, kinds and generation
// metadata come back from reveal() and report_data() once it is closed (both audited).
//
// The reviewer's side is ReviewerQueue. Same thread rule as Workspace.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/review/study_report_data.h"
#include "core/store/review_audit.h"
#include "core/store/reviewer_accounts.h"

namespace medlora::store {

class Workspace;

struct StudySummary {
  int64_t id = 0;
  std::string name;
  std::string source;       // where the questions and answers came from (free text)
  std::string status;       // "open" | "closed"
  std::string created_by;   // account name
  std::string created_at;
  std::string closed_at;    // empty while open
  int reviewers_per_answer = 3;
  uint64_t order_seed = 0;
  int systems = 0;
  int questions = 0;
  int answers = 0;
  int assignments = 0;
};

// A system under test. kind: base | adapter | merged | reference | other. metadata_json: a JSON
// object (generation settings, model paths ...) that never reaches a reviewer.
struct SystemInput {
  std::string name;
  std::string kind = "other";
  std::string metadata_json = "{}";
};

// One answer to add. `item` identifies the question (empty: the question text does); a system not
// yet in the study is added with `system_kind` (empty: "other") and `system_metadata_json`.
// `reference` is the question's reference answer (optional).
struct AnswerInput {
  std::string item;
  std::string question;
  std::string system;
  std::string answer;
  std::string reference;
  std::string system_kind;
  std::string system_metadata_json;
};

struct AnswersAdded {
  int questions = 0;  // new questions
  int systems = 0;    // new systems
  int answers = 0;    // new answers
};

struct StudySystem {
  std::string code;  // "S1", ...
  std::string name;  // empty while the study is open
  std::string kind;  // empty while the study is open
  std::string metadata_json;  // "{}" while the study is open
};

struct ReviewerProgress {
  std::string reviewer;
  int total = 0;
  int pending = 0;
  int draft = 0;
  int submitted = 0;
  int skipped = 0;
};

struct StudyProgress {
  StudySummary study;
  std::vector<ReviewerProgress> reviewers;  // by name
};

class ReviewStudyRepository {
 public:
  explicit ReviewStudyRepository(Workspace& workspace) : ws_(workspace) {}

  // A new open study. `order_seed` drives code and order shuffles; by default a random one (it is
  // stored either way). Throws std::invalid_argument for an empty name or reviewers_per_answer
  // < 1, StoreError for a taken name.
  int64_t create_study(const ReviewerAccount& lead, const std::string& name, const std::string& source = "",
                       int reviewers_per_answer = 3, std::optional<uint64_t> order_seed = std::nullopt);
  std::vector<StudySummary> list_studies(const ReviewerAccount& lead) const;
  StudySummary study(const ReviewerAccount& lead, int64_t study_id) const;

  // Adds systems and re-draws every system's code. Only before assignment; StoreError for a
  // taken name, bad kind or metadata that is not a JSON object.
  void add_systems(const ReviewerAccount& lead, int64_t study_id, const std::vector<SystemInput>& systems);
  std::vector<StudySystem> systems(const ReviewerAccount& lead, int64_t study_id) const;  // by code

  // Adds questions and answers (one transaction: all or nothing). Only before assignment.
  // StoreError for an empty question or answer, two answers of one system to one question, or
  // two different reference answers for one question. With `reference_as_system`, every question
  // with a reference answer also gets that answer from a system "reference" (kind reference).
  AnswersAdded add_answers(const ReviewerAccount& lead, int64_t study_id, const std::vector<AnswerInput>& answers,
                           bool reference_as_system = false);
  // The same from a JSON-lines file, one object a line: {"item"?, "question", "system", "answer",
  // "reference"?, "kind"?, "metadata"?: {...}} (blank lines ignored). Errors name file and line.
  AnswersAdded import_answers_jsonl(const ReviewerAccount& lead, int64_t study_id, const std::string& path,
                                    bool reference_as_system = false);

  // Assigns the named reviewers. Without `overlap` every reviewer gets every answer; with it each
  // question goes to `overlap` of them, rotating so that loads differ by at most one question
  // (all answers of a question go to the same reviewers, so systems are compared by the same
  // raters). Each reviewer's order is shuffled with the study's seed + their account id and
  // stored. Replaces an earlier assignment only while nobody has started (StoreError then).
  // Returns the number of assignments.
  int assign(const ReviewerAccount& lead, int64_t study_id, const std::vector<std::string>& reviewer_names,
             std::optional<int> overlap = std::nullopt);

  StudyProgress progress(const ReviewerAccount& lead, int64_t study_id) const;

  // Closes the study: no more scoring. Refused (StoreError naming the reviewers) while any
  // answer has an unsubmitted draft, unless `force` (the drafts then stay unscored).
  void close(const ReviewerAccount& lead, int64_t study_id, bool force = false);

  // The systems with names, kinds and metadata; only once closed (StoreError before). Audited.
  std::vector<StudySystem> reveal(const ReviewerAccount& lead, int64_t study_id);

  // The study's design, the latest submitted revision of every assignment as ratings and harmful
  // flags, and the flagged answers with every reviewer's scores and comments. Systems are named
  // only once the study is closed (an audited reveal); before that by code. Exclusions list
  // skipped answers with their reasons and, once closed, answers left unscored.
  review::StudyReportData report_data(const ReviewerAccount& lead, int64_t study_id);

  std::vector<AuditEntry> audit_log(const ReviewerAccount& lead, int64_t study_id) const;  // oldest first

 private:
  void require_lead(const ReviewerAccount& lead) const;
  void require_open_unassigned(int64_t study_id) const;
  void redraw_codes(int64_t study_id, uint64_t seed);
  // add_answers with a place per answer for error messages ("file.jsonl:12").
  AnswersAdded add_answers_at(const ReviewerAccount& lead, int64_t study_id, const std::vector<AnswerInput>& answers,
                              bool reference_as_system, const std::vector<std::string>& places);

  Workspace& ws_;
};

// A study id from "42" or a study name; StoreError when there is none. For any signed-in user.
int64_t resolve_study(Workspace& workspace, const std::string& id_or_name);

}  // namespace medlora::store
