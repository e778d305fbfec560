#pragma once
// What the Chat panel hands to its worker thread and what comes back, as plain values that
// cross threads by queued signals (Q_DECLARE_METATYPE). Torch-free on purpose: widgets include
// it, only chat_worker.cpp turns it into the core's ChatRequest / ModelConfiguration.
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/chat/adapter_router.h"
#include "core/chat/answer_metadata.h"
#include "core/chat/safety_filter.h"
#include "core/generate/sampling_params.h"
#include "core/store/test_set_runs.h"

namespace medlora::ui {

// How a configuration uses adapters on its model.
enum class AdapterMode { Base, OneAdapter, Routed };

struct ChatAdapter {
  QString name;  // what routing rules call it; "" = the folder's name
  QString dir;   // a PEFT adapter folder
  bool operator==(const ChatAdapter&) const = default;
};

// One model configuration: a base (or merged) model folder and how adapters are applied.
struct ChatConfiguration {
  QString label;      // shown over answers and stored with them; unique within a comparison
  QString model_dir;
  AdapterMode mode = AdapterMode::Base;
  // OneAdapter: exactly one; Routed: every adapter the rules may pick.
  QList<ChatAdapter> adapters;
  bool merged = false;  // model_dir is a merged model (base + adapter baked in)
  bool operator==(const ChatConfiguration&) const = default;

  // {"label","model_dir","mode":"base|adapter|routed","adapters":[{"name","dir"}],
  //  "kind":"base|adapter|merged"} (kind: what a review study calls the system)
  QString to_json() const;
  // Throws std::invalid_argument for JSON that is not such an object.
  static ChatConfiguration from_json(const QString& json);
  // Empty when usable, else a sentence saying what is missing.
  QString problem() const;
};

// The generation settings panel's values (bad words still as words: they become token ids on
// the worker, with the tokenizer of each model).
struct GenerationSettings {
  generate::SamplingParams sampling;  // bad_words_ids left empty
  QStringList bad_words;
  // "" = the model's default (its chat template when it has one, else clinic); else one of
  // tokenizer::PromptFormat::choices().
  QString template_name;

  QString to_json() const;
  // Missing keys keep the clinic defaults; throws std::invalid_argument for non-object JSON.
  static GenerationSettings from_json(const QString& json);
};

// Shared by every kind of job.
struct JobContext {
  qint64 job_id = 0;        // the panel's serial number; every signal of the job carries it
  QString workspace_file;   // for grounding and test-set answers (the worker opens its own)
  QString device = "auto";  // compute settings (WorkbenchSettings)
  QString dtype = "auto";
  int threads = 0;
  GenerationSettings settings;
  bool grounding = false;
  int grounding_top_k = 3;
  std::optional<chat::SafetyRules> safety;  // none: answers are not checked
  chat::RoutingRules routing;               // used by Routed configurations
};

// Chat and side by side: one question (with earlier turns) through 1 or 2-4 configurations.
struct ChatJob {
  JobContext context;
  QList<ChatConfiguration> configurations;                // 1 for a chat, 2-4 side by side
  std::vector<std::pair<std::string, std::string>> history;  // (question, answer), oldest first
  QString question;
};

// A test set: questions from a file or a dataset (or an earlier run to resume).
struct TestSetJob {
  JobContext context;
  QList<ChatConfiguration> configurations;  // ignored when resuming (the run's own are used)
  qint64 resume_run_id = 0;                 // > 0: answer what that run still misses
  QString name;                             // a new run's name
  QString questions_file;                   // either a file ...
  qint64 dataset_id = 0;                    // ... or a workspace dataset
  bool approved_only = false;
  qint64 dataset_limit = 0;                 // > 0: the first N records
};

// The prompt exactly as the model got it: the rendered text and, per token, its id, its piece
// (as the tokenizer spells it) and whether it is a special token. Empty for answers reopened
// from a transcript (transcripts do not store prompts) and for failed answers.
struct AnswerPrompt {
  QString text;
  QList<qint64> ids;
  QStringList pieces;    // one per id
  QList<bool> special;   // one per id
  bool empty() const { return ids.isEmpty() && text.isEmpty(); }
};

// One finished answer of one configuration (of a chat, a side-by-side or a test-set job).
struct ChatAnswer {
  qint64 job_id = 0;
  int configuration = 0;   // index into the job's configurations
  int question = -1;       // test sets: index of the question
  QString question_text;
  QString text;            // as generated (the safety filter never rewrites it)
  chat::AnswerMetadata metadata;  // label, adapter and route, passages, safety, speed, finish
  QString status;          // "done", "stopped" or "error"
  QString error;           // why, for "error"
  AnswerPrompt prompt;     // what the model was given (empty when it never got that far)
};

// The metadata JSON stored with a transcript's assistant message: AnswerMetadata's object plus
// "status" ("done" or "stopped") so that a stopped answer reopens as stopped.
std::string answer_metadata_json(const ChatAnswer& answer);
// "stopped" for a cancelled answer, else "done".
QString answer_status(const std::string& finish_reason);

}  // namespace medlora::ui

Q_DECLARE_METATYPE(medlora::ui::ChatJob)
Q_DECLARE_METATYPE(medlora::ui::TestSetJob)
Q_DECLARE_METATYPE(medlora::ui::ChatAnswer)
