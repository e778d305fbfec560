#pragma once
// Trainer checkpoints: output_dir/checkpoint-<step>/ holding
//   adapter/ (or model/)        the deliverable, as the run's save function writes it
//   trainable.safetensors       the trained tensors by name, float32 (exact restore)
//   optimizer.safetensors       AdamW moments and step per tensor
//   trainer_state.json          step, data position, scheduler, best metric, counters, RNG, metrics
// Each is built in a staging folder and renamed into place, so a kill -9 at any moment leaves
// either the previous set of checkpoints or the new one.
#include <QJsonArray>
#include <QJsonObject>

#include <ATen/core/Tensor.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace medlora::train {

class AdamWOptimizer;

struct TrainerState {
  int64_t step = 0;            // optimiser steps done
  int64_t data_epoch = 0;      // epoch of the next micro-batch
  int64_t data_position = 0;   // index of the next micro-batch in that epoch's plan
  double best_eval_loss = 0;
  bool has_best = false;
  std::string best_checkpoint;  // folder name, "" if none
  int64_t evals_without_improvement = 0;
  int64_t consecutive_nonfinite = 0;
  int64_t total_nonfinite = 0;
  double loss_scale = 1.0;      // float16 dynamic loss scale
  int64_t scaler_good_steps = 0;
  int64_t micro_split = 1;      // micro-batches split this many ways after out-of-memory
  // The logging window not yet reported.
  double window_loss_sum = 0;
  int64_t window_steps = 0;
  double window_grad_norm_sum = 0;
  QJsonObject scheduler;        // kind, peak, warmup and total steps (for a consistency check)
  std::string rng_state;        // base64 of the CPU generator state
  QJsonArray log_history;       // every metrics/event line so far

  QJsonObject to_json() const;
  static TrainerState from_json(const QJsonObject& json, const std::string& source);
};

// Base64 of torch's default CPU generator state, and back.
std::string capture_rng_state();
void restore_rng_state(const std::string& base64, const std::string& source);

using SaveFolderFunction = std::function<void(const std::filesystem::path& dir)>;

struct CheckpointContents {
  const TrainerState* state = nullptr;
  const AdamWOptimizer* optimizer = nullptr;
  std::vector<std::pair<std::string, at::Tensor>> trainable;
  SaveFolderFunction save_deliverable;  // writes the folder at the given path
  std::string deliverable_name = "adapter";
};

std::string checkpoint_name(int64_t step);  // "checkpoint-<step>"
std::filesystem::path write_checkpoint(const std::filesystem::path& output_dir, const CheckpointContents& contents);

// Checkpoints in output_dir sorted by step (complete ones only: trainer_state.json present).
std::vector<std::pair<int64_t, std::filesystem::path>> list_checkpoints(const std::filesystem::path& output_dir);
// A run folder (its latest checkpoint) or a checkpoint folder; throws naming what is missing.
std::filesystem::path resolve_resume_checkpoint(const std::filesystem::path& run_or_checkpoint);

// Keeps the newest `limit` checkpoints (0: keep all) and never removes `keep` (the best one).
void rotate_checkpoints(const std::filesystem::path& output_dir, int64_t limit, const std::string& keep);

TrainerState read_trainer_state(const std::filesystem::path& checkpoint_dir);
std::vector<std::pair<std::string, at::Tensor>> read_tensors(const std::filesystem::path& safetensors_file);
// Copies trainable.safetensors of a checkpoint into the given tensors (by name).
void load_trainable(const std::filesystem::path& checkpoint_dir, const std::vector<std::pair<std::string, at::Tensor>>& trainable);

}  // namespace medlora::train
