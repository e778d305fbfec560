#pragma once
// The training loop shared by LoRA fine-tuning and full-parameter pretraining: AdamW over the
// trainable tensors, warmup + schedule, gradient accumulation with the loss normalised by the
// target tokens of the whole accumulated batch, clipping, non-finite guard, float16 loss
// scaling, evaluation, early stopping, checkpoints with exact resume, metrics lines.
#include <QJsonObject>

#include <ATen/core/Tensor.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/model/llama_model.h"
#include "core/train/distillation_loss.h"
#include "core/train/example_encoder.h"
#include "core/train/run_config.h"
#include "core/train/teacher_topk_precompute.h"

namespace medlora::train {

// What is trained and how the result is written.
struct TrainableModel {
  std::shared_ptr<model::LlamaForCausalLM> model;
  // Float32 tensors with requires_grad, named stably (PEFT keys for LoRA, HF names for full).
  std::vector<std::pair<std::string, at::Tensor>> parameters;
  // Writes the deliverable folder (PEFT adapter or HF model) at `dir`, atomically.
  std::function<void(const std::filesystem::path& dir)> save;
  std::string save_name = "adapter";  // "adapter" (LoRA) or "model" (full)
};

// Distillation: the loss becomes distillation_loss against this frozen teacher's logits on the
// same batch (run under no-grad, in eval mode); the metrics lines gain kl_loss, ce_loss and
// teacher_agreement. Evaluation stays the student's cross-entropy.
// With precompute.k > 0 there is no `model`: run() first opens (or computes and writes)
// output_dir/teacher_top_k.safetensors and the loss reads the teacher's top-k from it
// (distillation_loss_sum_top_k); progress goes to the metrics lines as "teacher_top_k" events.
struct DistillationTeacher {
  std::shared_ptr<model::LlamaForCausalLM> model;  // same vocabulary and device as the student
  DistillationSettings settings;
  TeacherTopKSource precompute;
};

struct TrainerSetup {
  TrainableModel trainable;
  std::vector<EncodedExample> train;
  std::vector<EncodedExample> eval;  // empty: no evaluation
  EncodingStats train_stats, eval_stats;
  int64_t pad_id = 0;
  TrainingOptions options;
  std::filesystem::path output_dir;
  QJsonObject run_config;             // written as output_dir/run_config.json when not empty
  std::filesystem::path resume_from;  // a run folder or a checkpoint folder; empty: fresh run
  QJsonObject started_extra;          // extra keys for the "started" event (mode, model, ...)
  std::optional<DistillationTeacher> distillation;  // empty: plain cross-entropy
};

struct TrainerCallbacks {
  // Every metrics and event line (the CLI prints them on stdout).
  std::function<void(const QJsonObject&)> on_line;
  // Sees the (already normalised) loss of each micro-batch before backward and may replace it;
  // for diagnostics and fault-injection tests.
  std::function<void(int64_t step, at::Tensor& loss)> before_backward;
  // Set to stop at the end of the current step (a checkpoint is written, then "finished").
  const std::atomic<bool>* cancel = nullptr;
};

struct TrainResult {
  int64_t steps = 0;
  std::string stop_reason;  // completed | max_steps | early_stopping | cancelled
  double last_loss = 0;     // loss of the last optimiser step
  bool has_eval = false;
  double best_eval_loss = 0;
  std::string best_checkpoint;
  int64_t skipped_steps = 0;
  std::filesystem::path final_dir;  // output_dir/adapter or output_dir/model
  std::vector<double> step_losses;  // loss of each optimiser step run in this call
};

class Trainer {
 public:
  Trainer(TrainerSetup setup, TrainerCallbacks callbacks = {});
  ~Trainer();
  Trainer(const Trainer&) = delete;
  Trainer& operator=(const Trainer&) = delete;

  // Trains to the end (or resumes and trains to the end). Errors emit an "error" line first.
  TrainResult run();
  // Mean loss per target token over the eval set (no gradients, dropout off).
  double evaluate();

  int64_t steps_per_epoch() const;
  int64_t total_steps() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace medlora::train
