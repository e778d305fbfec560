#include "core/review_server/server_schema_sql.h"

namespace medlora::review_server {
namespace {

// Tables no UPDATE, DELETE or TRUNCATE may touch, whoever asks (the owner included).
QStringList append_only(const QString& table, const QString& what) {
  return {
      "CREATE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE ON " + table +
          " FOR EACH ROW EXECUTE FUNCTION refuse_change('" + what + "')",
      "CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table +
          " FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('" + what + "')",
  };
}

// RLS on, forced (the owner too), and a policy that lets the lead do what its grants allow.
QStringList lead_policy(const QString& table, const QString& lead) {
  return {
      "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY",
      "ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY",
      "CREATE POLICY lead_all ON " + table + " FOR ALL TO " + lead + " USING (true) WITH CHECK (true)",
  };
}

// The checks every reviewer write shares, run as the table owner (SECURITY DEFINER) so that they
// see the assignment whoever writes: it must be the writer's own, in an open study.
const char* kOwnOpenAssignment = R"(
CREATE FUNCTION own_open_assignment(p_assignment bigint, p_reviewer text) RETURNS assignments
LANGUAGE plpgsql SECURITY DEFINER SET search_path = medlora_review, pg_temp AS $$
DECLARE
  a assignments;
  study_status text;
BEGIN
  SELECT * INTO a FROM assignments WHERE id = p_assignment FOR UPDATE;
  -- session_user: the signed-in role (current_user is the owner here), so that a reviewer who
  -- names another reviewer in the row learns nothing about that one's assignment.
  IF NOT FOUND OR a.reviewer <> p_reviewer OR p_reviewer <> session_user THEN
    RAISE EXCEPTION 'assignment % is not in your queue', p_assignment USING ERRCODE = '42501';
  END IF;
  SELECT status INTO study_status FROM studies WHERE id = a.study_id;
  IF study_status <> 'open' THEN
    RAISE EXCEPTION 'this study is closed: scores can no longer change' USING ERRCODE = '55000';
  END IF;
  RETURN a;
END $$)";

const char* kScoreBeforeInsert = R"(
CREATE FUNCTION score_before_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = medlora_review, pg_temp AS $$
DECLARE
  latest integer;
BEGIN
  -- A retried submission: ON CONFLICT (submission_id) DO NOTHING keeps the first.
  IF EXISTS (SELECT 1 FROM scores WHERE submission_id = NEW.submission_id) THEN RETURN NEW; END IF;
  PERFORM own_open_assignment(NEW.assignment_id, NEW.reviewer);
  SELECT coalesce(max(revision), 0) INTO latest FROM scores WHERE assignment_id = NEW.assignment_id;
  IF btrim(NEW.reason) = '' AND latest > 0 THEN
    RAISE EXCEPTION 'this answer is submitted already: change it with a revision and a reason' USING ERRCODE = '55000';
  END IF;
  IF btrim(NEW.reason) <> '' AND latest = 0 THEN
    RAISE EXCEPTION 'only a submitted answer can be revised; submit it first' USING ERRCODE = '55000';
  END IF;
  NEW.revision := latest + 1;
  NEW.submitted_at := clock_timestamp();
  RETURN NEW;
END $$)";

const char* kScoreAfterInsert = R"(
CREATE FUNCTION score_after_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = medlora_review, pg_temp AS $$
DECLARE
  a assignments;
BEGIN
  UPDATE assignments SET status = 'submitted', skip_reason = '', updated_at = NEW.submitted_at
    WHERE id = NEW.assignment_id RETURNING * INTO a;
  DELETE FROM drafts WHERE assignment_id = NEW.assignment_id;
  INSERT INTO audit (actor, action, study_id, target, detail)
    VALUES (NEW.reviewer, CASE WHEN NEW.revision = 1 THEN 'submit' ELSE 'revise' END, a.study_id,
            'assignment ' || NEW.assignment_id,
            jsonb_build_object('revision', NEW.revision, 'reason', NEW.reason, 'submission', NEW.submission_id));
  RETURN NULL;
END $$)";

const char* kSkipBeforeInsert = R"(
CREATE FUNCTION skip_before_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = medlora_review, pg_temp AS $$
DECLARE
  a assignments;
BEGIN
  IF EXISTS (SELECT 1 FROM skips WHERE submission_id = NEW.submission_id) THEN RETURN NEW; END IF;
  a := own_open_assignment(NEW.assignment_id, NEW.reviewer);
  IF a.status = 'submitted' THEN
    RAISE EXCEPTION 'this answer is submitted already and cannot be skipped' USING ERRCODE = '55000';
  END IF;
  NEW.skipped_at := clock_timestamp();
  RETURN NEW;
END $$)";

const char* kSkipAfterInsert = R"(
CREATE FUNCTION skip_after_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = medlora_review, pg_temp AS $$
DECLARE
  a assignments;
BEGIN
  UPDATE assignments SET status = 'skipped', skip_reason = NEW.reason, updated_at = NEW.skipped_at
    WHERE id = NEW.assignment_id RETURNING * INTO a;
  INSERT INTO audit (actor, action, study_id, target, detail)
    VALUES (NEW.reviewer, 'skip', a.study_id, 'assignment ' || NEW.assignment_id,
            jsonb_build_object('reason', NEW.reason, 'submission', NEW.submission_id));
  RETURN NULL;
END $$)";

const char* kDraftBeforeWrite = R"(
CREATE FUNCTION draft_before_write() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = medlora_review, pg_temp AS $$
DECLARE
  a assignments;
BEGIN
  a := own_open_assignment(NEW.assignment_id, NEW.reviewer);
  IF a.status = 'submitted' THEN
    RAISE EXCEPTION 'this answer is submitted already: change it with a revision' USING ERRCODE = '55000';
  END IF;
  NEW.saved_at := clock_timestamp();
  RETURN NEW;
END $$)";

const char* kDraftAfterWrite = R"(
CREATE FUNCTION draft_after_write() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = medlora_review, pg_temp AS $$
BEGIN
  UPDATE assignments SET status = 'draft', skip_reason = '', updated_at = NEW.saved_at WHERE id = NEW.assignment_id;
  RETURN NULL;
END $$)";

const char* kRefuseChange = R"(
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% are append-only and cannot be changed or deleted', TG_ARGV[0] USING ERRCODE = '42501';
END $$)";

}  // namespace

QStringList server_schema_statements(const QString& lead, const QString& group) {
  const QString mine = "reviewer = current_user";
  QStringList sql = {
      "CREATE SCHEMA medlora_review",
      "REVOKE ALL ON SCHEMA medlora_review FROM PUBLIC",
      "REVOKE ALL ON SCHEMA public FROM PUBLIC",
      "GRANT USAGE ON SCHEMA medlora_review TO " + group,
      // Lead only: version and roles of this server.
      "CREATE TABLE server_info (key text PRIMARY KEY, value text NOT NULL)",
      R"(CREATE TABLE reviewers (
           name text PRIMARY KEY,
           role text NOT NULL CHECK (role IN ('doctor', 'adjudicator')),
           created_at timestamptz NOT NULL DEFAULT clock_timestamp()))",
      R"(CREATE TABLE studies (
           id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
           name text NOT NULL UNIQUE,
           status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
           published_at timestamptz NOT NULL DEFAULT clock_timestamp(),
           closed_at timestamptz))",
      R"(CREATE TABLE questions (
           id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
           study_id bigint NOT NULL REFERENCES studies(id),
           question text NOT NULL))",
      R"(CREATE TABLE answers (
           id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
           study_id bigint NOT NULL REFERENCES studies(id),
           question_id bigint NOT NULL REFERENCES questions(id),
           text text NOT NULL))",
      "CREATE INDEX answers_by_question ON answers(question_id)",
      // Lead only: the code each answer has (never a system's name: that stays in the workspace).
      R"(CREATE TABLE answer_codes (
           answer_id bigint PRIMARY KEY REFERENCES answers(id),
           code text NOT NULL))",
      R"(CREATE TABLE assignments (
           id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
           study_id bigint NOT NULL REFERENCES studies(id),
           answer_id bigint NOT NULL REFERENCES answers(id),
           reviewer text NOT NULL REFERENCES reviewers(name),
           position integer NOT NULL CHECK (position >= 1),
           status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'draft', 'submitted', 'skipped')),
           skip_reason text NOT NULL DEFAULT '',
           updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
           UNIQUE (answer_id, reviewer),
           UNIQUE (study_id, reviewer, position)))",
      "CREATE INDEX assignments_by_reviewer ON assignments(reviewer, study_id, position)",
      // Lead only: the workspace's assignment id, so that pull finds the local row again.
      R"(CREATE TABLE assignment_links (
           assignment_id bigint PRIMARY KEY REFERENCES assignments(id),
           local_assignment_id bigint NOT NULL))",
      R"(CREATE TABLE drafts (
           assignment_id bigint PRIMARY KEY REFERENCES assignments(id),
           reviewer text NOT NULL DEFAULT current_user,
           draft text NOT NULL,
           saved_at timestamptz NOT NULL DEFAULT clock_timestamp()))",
      // submission_id: made by the client, so that a retried submission is stored once.
      R"(CREATE TABLE scores (
           id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
           submission_id uuid NOT NULL UNIQUE,
           assignment_id bigint NOT NULL REFERENCES assignments(id),
           revision integer NOT NULL CHECK (revision >= 1),
           accuracy integer NOT NULL CHECK (accuracy BETWEEN 1 AND 5),
           safety integer NOT NULL CHECK (safety BETWEEN 1 AND 5),
           completeness integer NOT NULL CHECK (completeness BETWEEN 1 AND 5),
           readability integer NOT NULL CHECK (readability BETWEEN 1 AND 5),
           harmful boolean NOT NULL,
           severity integer NOT NULL CHECK ((NOT harmful AND severity = 0) OR (harmful AND severity BETWEEN 1 AND 3)),
           comment text NOT NULL DEFAULT '',
           reason text NOT NULL DEFAULT '',
           reviewer text NOT NULL DEFAULT current_user,
           submitted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
           UNIQUE (assignment_id, revision)))",
      R"(CREATE TABLE skips (
           id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
           submission_id uuid NOT NULL UNIQUE,
           assignment_id bigint NOT NULL REFERENCES assignments(id),
           reason text NOT NULL CHECK (length(btrim(reason)) > 0),
           reviewer text NOT NULL DEFAULT current_user,
           skipped_at timestamptz NOT NULL DEFAULT clock_timestamp()))",
      R"(CREATE TABLE audit (
           id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
           at timestamptz NOT NULL DEFAULT clock_timestamp(),
           actor text NOT NULL DEFAULT current_user,
           action text NOT NULL,
           study_id bigint REFERENCES studies(id),
           target text NOT NULL DEFAULT '',
           detail jsonb NOT NULL DEFAULT '{}'))",
      "CREATE INDEX audit_by_study ON audit(study_id, id)",
      kRefuseChange,
      kOwnOpenAssignment,
      "REVOKE ALL ON FUNCTION own_open_assignment(bigint, text) FROM PUBLIC",
      kScoreBeforeInsert,
      kScoreAfterInsert,
      kSkipBeforeInsert,
      kSkipAfterInsert,
      kDraftBeforeWrite,
      kDraftAfterWrite,
      "CREATE TRIGGER scores_before_insert BEFORE INSERT ON scores FOR EACH ROW EXECUTE FUNCTION score_before_insert()",
      "CREATE TRIGGER scores_after_insert AFTER INSERT ON scores FOR EACH ROW EXECUTE FUNCTION score_after_insert()",
      "CREATE TRIGGER skips_before_insert BEFORE INSERT ON skips FOR EACH ROW EXECUTE FUNCTION skip_before_insert()",
      "CREATE TRIGGER skips_after_insert AFTER INSERT ON skips FOR EACH ROW EXECUTE FUNCTION skip_after_insert()",
      "CREATE TRIGGER drafts_before_write BEFORE INSERT OR UPDATE ON drafts FOR EACH ROW "
      "EXECUTE FUNCTION draft_before_write()",
      "CREATE TRIGGER drafts_after_write AFTER INSERT OR UPDATE ON drafts FOR EACH ROW "
      "EXECUTE FUNCTION draft_after_write()",
  };
  sql << append_only("scores", "submitted scores") << append_only("skips", "skips")
      << append_only("audit", "audit entries");
  for (const char* table : {"server_info", "reviewers", "studies", "questions", "answers", "answer_codes",
                            "assignments", "assignment_links", "drafts", "scores", "skips", "audit"})
    sql << lead_policy(table, lead);
  // Reviewers: their own rows only, and nothing of the lead-only tables.
  sql << "GRANT SELECT ON studies, questions, answers, assignments TO " + group
      << "GRANT SELECT, INSERT, UPDATE ON drafts TO " + group << "GRANT SELECT, INSERT ON scores, skips TO " + group
      << "CREATE POLICY reviewer_own ON assignments FOR SELECT TO " + group + " USING (" + mine + ")"
      << "CREATE POLICY reviewer_assigned ON studies FOR SELECT TO " + group +
             " USING (EXISTS (SELECT 1 FROM assignments a WHERE a.study_id = studies.id AND a.reviewer = current_user))"
      << "CREATE POLICY reviewer_assigned ON answers FOR SELECT TO " + group +
             " USING (EXISTS (SELECT 1 FROM assignments a WHERE a.answer_id = answers.id AND a.reviewer = current_user))"
      << "CREATE POLICY reviewer_assigned ON questions FOR SELECT TO " + group +
             " USING (EXISTS (SELECT 1 FROM answers an JOIN assignments a ON a.answer_id = an.id"
             " WHERE an.question_id = questions.id AND a.reviewer = current_user))";
  for (const char* table : {"drafts", "scores", "skips"})
    sql << QString("CREATE POLICY reviewer_own ON %1 FOR ALL TO %2 USING (%3) WITH CHECK (%3)").arg(table, group, mine);
  return sql;
}

}  // namespace medlora::review_server
