#pragma once
// From a RunConfig to a ready Trainer: compute options, base model, tokenizer, data (encoded
// with the inference core's prompt template), LoRA injection (or every weight trainable in
// full mode) and the functions that write the adapter or model folder. Also pretrain(), the
// full-parameter entry point for `medlora make-base-model`.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/runtime/compute_options.h"
#include "core/train/run_config.h"
#include "core/train/trainer.h"

namespace medlora::tokenizer {
class Tokenizer;
}

namespace medlora::train {

struct RunOverrides {
  std::filesystem::path resume_from;  // --resume RUN_DIR
  int64_t max_steps = 0;              // --max-steps N (> 0 overrides training.max_steps)
};

struct PreparedRun {
  TrainerSetup setup;
  std::shared_ptr<tokenizer::Tokenizer> tokenizer;
  runtime::ComputeOptions compute;
};

// Loads everything the config names; errors name the config key or file at fault.
PreparedRun prepare_run(const RunConfig& config, const RunOverrides& overrides = {});

// prepare_run + Trainer::run.
TrainResult run_training(const RunConfig& config, const RunOverrides& overrides, TrainerCallbacks callbacks);

// Full-parameter pretraining of a model held in memory (e.g. freshly initialised) on a plain
// text corpus: documents packed into max_length chunks, loss on every token, float32 weights.
// The result is written to output_dir/model/ (HF folder: config.json, model.safetensors and
// the tokenizer files copied from tokenizer_dir).
struct PretrainOptions {
  std::shared_ptr<model::LlamaForCausalLM> model;  // float32
  std::filesystem::path tokenizer_dir;             // holds tokenizer.model (+ optional json files)
  std::vector<std::string> documents;              // the corpus (see load_text_corpus)
  std::vector<std::string> eval_documents;         // optional held-out text
  std::filesystem::path output_dir;
  TrainingOptions training;                        // lr, steps, batch; dtype must be float32
};
TrainResult pretrain(const PretrainOptions& options, TrainerCallbacks callbacks = {});

// Writes an HF model folder atomically: save_llama + the tokenizer files of `tokenizer_dir`.
void save_model_folder(model::LlamaForCausalLM& model, const std::filesystem::path& tokenizer_dir,
                       const std::filesystem::path& dir);

}  // namespace medlora::train
