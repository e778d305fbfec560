#pragma once
// Makes the bundled base model: trains a sentencepiece tokenizer on the medical text the
// project ships, initialises a small LLaMA (seeded, deterministic) and pretrains it with the
// trainer in full-parameter mode, then writes an HF folder any HF-compatible tool can read.
#include <QJsonObject>

#include <filesystem>
#include <functional>
#include <vector>

namespace medlora::pipeline {

struct BaseModelOptions {
  std::filesystem::path output_dir;
  std::vector<std::filesystem::path> corpus_files;  // empty: the bundled sample corpus
  uint64_t seed = 42;
  int64_t vocab_size = 4000;
  int64_t hidden_size = 256;
  int64_t intermediate_size = 704;
  int64_t num_layers = 4;
  int64_t num_heads = 4;
  int64_t num_kv_heads = 2;
  int64_t max_position_embeddings = 1024;
  // Pretraining (float32, full parameters): ~a few minutes on 2 cores; 0 = initialised only.
  int64_t pretrain_steps = 400;
  int64_t sequence_length = 128;
  int64_t batch_size = 8;
  double learning_rate = 2e-3;
  int threads = 0;
};

// One progress event: {"stage": "tokenizer"|"init"|"pretrain"|"save"|"done", ...}; pretraining
// forwards the trainer's metric lines.
using BuildProgress = std::function<void(const QJsonObject& event)>;

// Builds into a staging folder beside output_dir and renames it into place at the end, so an
// interrupted build never leaves a half-written model. Throws on bad options or inputs.
void build_base_model(const BaseModelOptions& options, const BuildProgress& progress = {});

// The default location: <models folder>/medlora-base, where the models folder is
// $MEDLORA_MODELS_DIR or $XDG_DATA_HOME/MedLoRA/models (~/.local/share/MedLoRA/models).
std::filesystem::path default_models_dir();
std::filesystem::path default_base_model_dir();

}  // namespace medlora::pipeline
