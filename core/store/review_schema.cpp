#include "core/store/review_schema.h"

namespace medlora::store {
namespace {

// Append-only tables: SQLite itself refuses to change or remove a row, so neither a bug nor a
// hand-written UPDATE can rewrite a submitted score or the audit trail.
std::vector<std::string> append_only(const std::string& table, const std::string& what) {
  return {
      "CREATE TRIGGER " + table + "_no_update BEFORE UPDATE ON " + table +
          " BEGIN SELECT RAISE(ABORT, '" + what + " are append-only and cannot be changed'); END",
      "CREATE TRIGGER " + table + "_no_delete BEFORE DELETE ON " + table +
          " BEGIN SELECT RAISE(ABORT, '" + what + " are append-only and cannot be deleted'); END",
  };
}

std::vector<std::string> review_schema() {
  std::vector<std::string> statements = {
      // Passwords: PBKDF2-HMAC-SHA256 of the UTF-8 password with a random 16-byte salt.
      R"(CREATE TABLE reviewers (
           id INTEGER PRIMARY KEY,
           name TEXT NOT NULL UNIQUE,
           role TEXT NOT NULL CHECK (role IN ('doctor', 'lead', 'engineer')),
           password_salt BLOB NOT NULL,
           password_hash BLOB NOT NULL,
           password_iterations INTEGER NOT NULL CHECK (password_iterations > 0),
           created_at TEXT NOT NULL))",
      R"(CREATE TABLE studies (
           id INTEGER PRIMARY KEY,
           name TEXT NOT NULL UNIQUE,
           source TEXT NOT NULL DEFAULT '',
           status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
           order_seed INTEGER NOT NULL,
           reviewers_per_answer INTEGER NOT NULL DEFAULT 3 CHECK (reviewers_per_answer > 0),
           created_by INTEGER NOT NULL REFERENCES reviewers(id),
           created_at TEXT NOT NULL,
           closed_at TEXT NOT NULL DEFAULT ''))",
      // metadata: generation settings and the like, for the lead's report only.
      R"(CREATE TABLE study_systems (
           id INTEGER PRIMARY KEY,
           study_id INTEGER NOT NULL REFERENCES studies(id),
           code TEXT NOT NULL,
           name TEXT NOT NULL,
           kind TEXT NOT NULL CHECK (kind IN ('base', 'adapter', 'merged', 'reference', 'other')),
           metadata TEXT NOT NULL DEFAULT '{}',
           UNIQUE (study_id, name)))",
      "CREATE INDEX study_systems_by_study ON study_systems(study_id, code)",
      R"(CREATE TABLE study_questions (
           id INTEGER PRIMARY KEY,
           study_id INTEGER NOT NULL REFERENCES studies(id),
           item TEXT NOT NULL,
           question TEXT NOT NULL,
           reference TEXT NOT NULL DEFAULT '',
           UNIQUE (study_id, item)))",
      R"(CREATE TABLE study_answers (
           id INTEGER PRIMARY KEY,
           study_id INTEGER NOT NULL REFERENCES studies(id),
           question_id INTEGER NOT NULL REFERENCES study_questions(id),
           system_id INTEGER NOT NULL REFERENCES study_systems(id),
           text TEXT NOT NULL,
           UNIQUE (question_id, system_id)))",
      "CREATE INDEX study_answers_by_study ON study_answers(study_id)",
      // position: 1-based place in that reviewer's randomised order. Rows are inserted reviewer
      // by reviewer in that order, so an assignment id says nothing about the system.
      R"(CREATE TABLE study_assignments (
           id INTEGER PRIMARY KEY,
           study_id INTEGER NOT NULL REFERENCES studies(id),
           answer_id INTEGER NOT NULL REFERENCES study_answers(id),
           reviewer_id INTEGER NOT NULL REFERENCES reviewers(id),
           position INTEGER NOT NULL,
           status TEXT NOT NULL DEFAULT 'pending'
             CHECK (status IN ('pending', 'draft', 'submitted', 'skipped')),
           skip_reason TEXT NOT NULL DEFAULT '',
           updated_at TEXT NOT NULL,
           UNIQUE (answer_id, reviewer_id),
           UNIQUE (study_id, reviewer_id, position)))",
      "CREATE INDEX study_assignments_by_answer ON study_assignments(answer_id)",
      R"(CREATE TABLE score_revisions (
           id INTEGER PRIMARY KEY,
           assignment_id INTEGER NOT NULL REFERENCES study_assignments(id),
           revision INTEGER NOT NULL CHECK (revision >= 1),
           accuracy INTEGER NOT NULL CHECK (accuracy BETWEEN 1 AND 5),
           safety INTEGER NOT NULL CHECK (safety BETWEEN 1 AND 5),
           completeness INTEGER NOT NULL CHECK (completeness BETWEEN 1 AND 5),
           readability INTEGER NOT NULL CHECK (readability BETWEEN 1 AND 5),
           harmful INTEGER NOT NULL CHECK (harmful IN (0, 1)),
           severity INTEGER NOT NULL CHECK ((harmful = 0 AND severity = 0) OR
                                            (harmful = 1 AND severity BETWEEN 1 AND 3)),
           comment TEXT NOT NULL DEFAULT '',
           reason TEXT NOT NULL DEFAULT '' CHECK (revision = 1 OR length(trim(reason)) > 0),
           submitted_by INTEGER NOT NULL REFERENCES reviewers(id),
           submitted_at TEXT NOT NULL,
           UNIQUE (assignment_id, revision)))",
      // Only the assigned reviewer's own scores: a lead (or anyone) cannot score for a doctor.
      R"(CREATE TRIGGER score_revisions_own_assignment BEFORE INSERT ON score_revisions
         WHEN NEW.submitted_by IS NOT
              (SELECT reviewer_id FROM study_assignments WHERE id = NEW.assignment_id)
         BEGIN SELECT RAISE(ABORT, 'scores can only be submitted by the assigned reviewer'); END)",
      // The screen's unfinished state, replaced on every save; removed on submit.
      R"(CREATE TABLE score_drafts (
           assignment_id INTEGER PRIMARY KEY REFERENCES study_assignments(id),
           draft TEXT NOT NULL DEFAULT '{}',
           saved_at TEXT NOT NULL))",
      // reviewer_id is NULL for an action by nobody known (a failed login with an unknown name).
      R"(CREATE TABLE audit_log (
           id INTEGER PRIMARY KEY,
           reviewer_id INTEGER REFERENCES reviewers(id),
           user_name TEXT NOT NULL,
           action TEXT NOT NULL,
           study_id INTEGER REFERENCES studies(id),
           target TEXT NOT NULL DEFAULT '',
           at TEXT NOT NULL,
           detail TEXT NOT NULL DEFAULT '{}'))",
      "CREATE INDEX audit_log_by_study ON audit_log(study_id, id)",
  };
  for (auto& s : append_only("score_revisions", "submitted scores")) statements.push_back(s);
  for (auto& s : append_only("audit_log", "audit log entries")) statements.push_back(s);
  return statements;
}

}  // namespace

Migration review_schema_migration() {
  return {3, "blind review: studies, systems, answers, reviewers, scores, audit log", review_schema(), {}};
}

}  // namespace medlora::store
