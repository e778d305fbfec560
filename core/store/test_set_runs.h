#pragma once
// Test-set runs of the chat tester: a list of questions sent through 2+ configurations in
// batch. A run stores its questions (item key, question text, optional reference answer), its
// configurations (label + JSON) and one answer per (question, configuration) as it arrives, so
// an interrupted run resumes with missing(). "Send to review" takes answer_rows(): one row per
// answer with the fields a review study imports (item, question, system = configuration label,
// answer, reference); write_answers_jsonl() writes the same rows as JSON lines.
// Every write is one transaction; every value is bound. Same thread rule as Workspace.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/workspace.h"

namespace medlora::store {

struct TestQuestion {
  std::string item;       // unique within the run; "" = assigned "q1", "q2", ... by create()
  std::string question;
  std::string reference;  // optional reference answer
};

struct TestConfiguration {
  std::string label;             // unique within the run, non-empty ("base", "lora-r8", ...)
  std::string config_json = "{}";  // a JSON object: model, adapter, settings ...
};

// Answer status: "done" (finished or hit max tokens), "stopped" (cancelled by the user),
// "error" (generation failed; `error` says why). missing() lists pairs without a "done" answer.
struct TestAnswerInput {
  std::string answer;
  std::string finish_reason;       // the generator's word: "eos", "max_new_tokens", "stop_string", "cancelled"
  double tokens_per_second = 0;
  std::string safety_flags_json = "[]";  // a JSON array (chat::safety_flags_to_json)
  std::string status = "done";
  std::string error;
};

struct StoredTestQuestion : TestQuestion {
  int64_t id = 0;
  int64_t seq = 0;
};

struct StoredTestConfiguration : TestConfiguration {
  int64_t id = 0;
  int64_t seq = 0;
};

struct StoredTestAnswer : TestAnswerInput {
  int64_t id = 0;
  int64_t question_id = 0;
  int64_t configuration_id = 0;
  std::string at;
};

struct TestSetRunSummary {
  int64_t id = 0;
  std::string name;
  std::string source;  // where the questions came from ("dataset: medquad", "file: q.txt")
  std::string created_at;
  int64_t question_count = 0;
  int64_t configuration_count = 0;
  int64_t done_count = 0;  // answers with status "done" (complete when = questions × configs)
};

struct TestSetRun {
  TestSetRunSummary summary;
  std::vector<StoredTestQuestion> questions;            // by seq
  std::vector<StoredTestConfiguration> configurations;  // by seq
  std::vector<StoredTestAnswer> answers;  // by question seq, then configuration seq
  // The answer for a pair, or nullptr.
  const StoredTestAnswer* answer(int64_t question_id, int64_t configuration_id) const;
};

// A question/configuration pair still to answer.
struct PendingAnswer {
  int64_t question_id = 0;
  int64_t configuration_id = 0;
};

// One answer as a review study imports it.
struct TestAnswerRow {
  std::string item;
  std::string question;
  std::string system;  // the configuration label
  std::string answer;
  std::string reference;
};

class TestSetRuns {
 public:
  explicit TestSetRuns(Workspace& workspace) : ws_(workspace) {}

  // Throws StoreError for an empty name, no questions, an empty question, a duplicate item,
  // no configuration, an empty or duplicate label, or configuration JSON that is not an object.
  int64_t create(const std::string& name, const std::string& source,
                 const std::vector<TestQuestion>& questions,
                 const std::vector<TestConfiguration>& configurations);

  // Stores (or replaces) the answer for a pair of this run. Throws StoreError for a question or
  // configuration not in the run, an unknown status, or flags that are not a JSON array.
  void record_answer(int64_t run_id, int64_t question_id, int64_t configuration_id,
                     const TestAnswerInput& answer);

  // Pairs without a "done" answer, by question seq then configuration seq.
  std::vector<PendingAnswer> missing(int64_t run_id) const;

  std::vector<TestSetRunSummary> list() const;  // newest first
  std::optional<TestSetRun> load(int64_t run_id) const;
  bool remove(int64_t run_id);  // false when unknown

 private:
  Workspace& ws_;
};

// Rows of the run's "done" answers, by question then configuration.
std::vector<TestAnswerRow> answer_rows(const TestSetRun& run);

// Writes answer_rows(run) as JSON lines {"item","question","system","answer","reference"}
// (UTF-8, unescaped), through a temporary file renamed into place. Throws std::runtime_error
// when the file cannot be written. Returns the number of lines.
size_t write_answers_jsonl(const TestSetRun& run, const std::string& path);

}  // namespace medlora::store
