#include "core/store/training_run_recorder.h"

#include <QJsonValue>

#include <span>

#include <unistd.h>

namespace medlora::store {
namespace {

// Metric keys of a training log line, and of an evaluation line. A distillation run's training
// lines also carry its loss terms and the top-1 agreement with the teacher (core/train/trainer.h);
// a plain run's lines lack them, so they store nothing.
constexpr const char* kTrainMetrics[] = {"loss",  "learning_rate", "grad_norm", "tokens_per_second",
                                         "epoch", "kl_loss",       "ce_loss",   "teacher_agreement"};
constexpr const char* kEvalMetrics[] = {"eval_loss", "eval_perplexity"};

}  // namespace

TrainingRunRecorder::TrainingRunRecorder(Workspace& workspace, const std::string& name, const std::string& folder,
                                         const std::string& config_json, bool resuming)
    : runs_(workspace) {
  if (resuming) {
    if (auto existing = runs_.find_by_folder(folder)) {
      run_id_ = existing->id;
      runs_.set_status(run_id_, "running");
      runs_.set_pid(run_id_, static_cast<int64_t>(::getpid()));
      return;
    }
  }
  run_id_ = runs_.create_run(name, folder, config_json);
  runs_.set_pid(run_id_, static_cast<int64_t>(::getpid()));
}

void TrainingRunRecorder::record(const QJsonObject& line) {
  const int64_t step = line.value("step").toInteger(-1);
  const QString event = line.value("event").toString();
  if (event.isEmpty() && step >= 0) {
    const bool eval = line.contains("eval_loss");
    const auto keys = eval ? std::span<const char* const>(kEvalMetrics) : std::span<const char* const>(kTrainMetrics);
    for (const char* key : keys) {
      const QJsonValue value = line.value(key);
      if (value.isDouble()) runs_.add_metric(run_id_, eval ? "eval" : "train", key, step, value.toDouble());
    }
    if (eval && line.value("eval_loss").isDouble()) {
      last_eval_loss_ = line.value("eval_loss").toDouble();
      last_eval_step_ = step;
    }
  } else if (event == "checkpoint") {
    const auto eval_loss = step == last_eval_step_ ? last_eval_loss_ : std::nullopt;
    runs_.add_checkpoint(run_id_, step, line.value("path").toString().toStdString(), eval_loss);
  } else if (event == "finished") {
    std::optional<double> best;
    if (line.value("best_eval_loss").isDouble()) best = line.value("best_eval_loss").toDouble();
    if (line.contains("best_checkpoint"))
      runs_.mark_best_checkpoint(run_id_, line.value("best_checkpoint").toString().toStdString());
    runs_.finish(run_id_, line.value("reason").toString() == "cancelled" ? "stopped" : "finished", best);
    closed_ = true;
  } else if (event == "error") {
    close("failed");
  }
}

void TrainingRunRecorder::close(const std::string& status) {
  if (closed_) return;
  runs_.finish(run_id_, status, std::nullopt);
  closed_ = true;
}

}  // namespace medlora::store
