#pragma once
// Test sets: a list of questions sent through model configurations in batch, one answer per
// (question, configuration) pair, each handed to a sink as soon as it is written (the GUI
// stores it with store::TestSetRuns, the CLI appends a JSON line), with progress and cancel.
// A run resumes by skipping the pairs the caller already has answers for.
//
// Questions go in order, each through every configuration before the next question, so the
// answers of a question can be compared as they arrive. Seeds: a fixed seed in the settings is
// used for every answer; without one, a seed is drawn per question and shared by all
// configurations (as in side by side), and reported with each answer.
//
// THREADS: like ChatEngine, one thread drives it; the sink and the callbacks run on that
// thread (a workspace they write to must belong to it); only the cancel flag may be set
// elsewhere.
#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/generate/side_by_side.h"
#include "core/store/test_set_runs.h"

namespace medlora::generate {

struct TestSetAnswer {
  size_t question_index = 0;
  size_t configuration_index = 0;
  std::string item;       // the question's item (see assign_items)
  std::string question;
  std::string reference;
  std::string system;     // the configuration label
  ChatReply reply;
  std::string status;     // "done", "stopped" (cancelled during this answer) or "error"
  std::string error;      // why, for "error"
};

using TestAnswerSink = std::function<void(const TestSetAnswer& answer)>;
// (pairs done, including the skipped ones; all pairs)
using TestSetProgress = std::function<void(size_t done, size_t total)>;
// True when the pair already has an answer (it is skipped).
using AnswerAlreadyDone = std::function<bool(size_t question_index, size_t configuration_index)>;

struct TestSetSummary {
  size_t total = 0;      // questions x configurations
  size_t skipped = 0;    // already done before this run
  size_t answered = 0;   // "done" answers written by this run
  size_t failed = 0;     // "error" answers
  bool cancelled = false;
};

class TestSetRunner {
 public:
  explicit TestSetRunner(EnginePool& pool) : pool_(pool) {}

  // `settings` gives the template, instruction, sampling, grounding and safety for every
  // answer (its question, history, adapter and router are replaced). Throws
  // std::invalid_argument for no questions, an empty question, duplicate items, no
  // configuration or duplicate labels; a configuration that cannot load gives "error"
  // answers and the run goes on.
  TestSetSummary run(const std::vector<store::TestQuestion>& questions,
                     const std::vector<ModelConfiguration>& configurations, const ChatRequest& settings,
                     const TestAnswerSink& sink, const AnswerAlreadyDone& already_done = {},
                     const TestSetProgress& progress = {}, const std::atomic<bool>* cancel = nullptr);

  // Every question's item: its own, or for those without one "q1", "q2", ... skipping items
  // taken by others (as store::TestSetRuns::create numbers them). Throws
  // std::invalid_argument for a duplicate item.
  static std::vector<std::string> assign_items(const std::vector<store::TestQuestion>& questions);

 private:
  EnginePool& pool_;
};

// What store::TestSetRuns::record_answer stores for an answer (flags as a JSON array).
store::TestAnswerInput to_test_answer_input(const TestSetAnswer& answer);

}  // namespace medlora::generate
