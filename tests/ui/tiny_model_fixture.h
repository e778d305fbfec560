#pragma once
// Makes tiny HF model folders for the UI tests: random weights (model::save_llama) and, when
// asked, a sentencepiece tokenizer trained on a few lines of clinic text.
// Include this first: torch's headers must come before Qt's `slots` macro is defined.
#include "core/model/llama_model.h"
#include "core/model/model_loader.h"
#include "core/tokenizer/tokenizer_trainer.h"

#include <QString>
#include <filesystem>
#include <fstream>

namespace medlora::testing {

inline model::LlamaConfig tiny_llama_config(int64_t vocab_size = 320) {
  model::LlamaConfig config;
  config.vocab_size = vocab_size;
  config.hidden_size = 32;
  config.intermediate_size = 64;
  config.num_hidden_layers = 2;
  config.num_attention_heads = 4;
  config.num_key_value_heads = 2;
  config.head_dim = 8;
  config.max_position_embeddings = 4096;
  return config;
}

inline void write_tiny_model(const std::filesystem::path& dir, bool with_tokenizer, uint64_t seed = 3) {
  const auto config = tiny_llama_config();
  model::LlamaForCausalLM model(config);
  model::initialize_weights(model, seed);
  model::save_llama(model, dir, c10::kFloat);
  if (!with_tokenizer) return;
  const auto corpus = dir.parent_path() / (dir.filename().string() + "-corpus.txt");
  {
    std::ofstream out(corpus);
    for (int i = 0; i < 200; ++i)
      out << "The patient has a mild fever and a cough on day " << i << ".\n"
          << "患者发热咳嗽第" << i << "天，建议多喝水并休息。\n";
  }
  tokenizer::TokenizerTrainOptions options;
  options.input_files = {corpus};
  options.output_dir = dir;
  options.vocab_size = static_cast<int>(config.vocab_size);
  tokenizer::train_tokenizer(options);
  std::filesystem::remove(corpus);
}

inline QString qpath(const std::filesystem::path& p) { return QString::fromStdString(p.string()); }

}  // namespace medlora::testing
