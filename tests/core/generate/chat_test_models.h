#pragma once
// Fixtures for the chat-engine tests: a tiny random model written as an HF folder (with the
// tokenizer trained once per test process) and PEFT adapters with random weights for it.
// Header-only: the test globs pick up *_test.cpp files only.
#include <torch/torch.h>

#include <filesystem>
#include <string>

#include "core/generate/sampling_params.h"
#include "core/lora/lora_config.h"
#include "core/lora/lora_model.h"
#include "core/lora/peft_adapter.h"
#include "core/model/model_loader.h"
#include "tests/core/model/tiny_llama.h"
#include "tests/core/tokenizer/tokenizer_fixture.h"
#include "tests/support/temp_dir.h"

namespace medlora::generate::test {

// config.json + model.safetensors + tokenizer.model in `dir`, random weights from `seed`.
inline std::filesystem::path write_tiny_chat_model(const std::filesystem::path& dir, uint64_t seed = 31) {
  auto tok = tokenizer::test::trained_tokenizer("bpe", 500);
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(tok->origin(), dir / "tokenizer.model", std::filesystem::copy_options::overwrite_existing);
  auto config = medlora::testing::tiny_config();
  config.vocab_size = tok->vocab_size();
  config.bos_token_id = tok->bos_id();
  config.eos_token_ids = {tok->eos_id()};
  auto m = medlora::testing::make_tiny_model(config, seed);
  model::save_llama(*m, dir, torch::kFloat);
  return dir;
}

// A PEFT adapter for the model in base_dir whose weights are random (B is not zero), so that
// it changes what the model says. `target` "q_proj,v_proj" style or "all-linear".
inline std::filesystem::path write_random_adapter(const std::filesystem::path& base_dir,
                                                  const std::filesystem::path& adapter_dir, uint64_t seed,
                                                  std::vector<std::string> targets = {"q_proj", "v_proj"}) {
  auto m = model::load_llama(base_dir, runtime::ComputeOptions{});
  lora::LoraConfig config;
  config.r = 4;
  config.alpha = 8;
  config.target_modules = std::move(targets);
  config.base_model_name_or_path = base_dir.string();
  lora::inject_lora(*m, config, "default", seed);
  {
    torch::NoGradGuard no_grad;
    auto generator = at::detail::createCPUGenerator(seed);
    for (auto& [name, t] : lora::lora_trainable_parameters(*m))
      t.add_(at::normal(0.0, 0.3, t.sizes(), generator, torch::TensorOptions().dtype(torch::kFloat)));
  }
  lora::save_peft_adapter(*m, config, adapter_dir);
  return adapter_dir;
}

struct ChatModels {
  std::filesystem::path base;       // tiny model folder with tokenizer.model
  std::filesystem::path adapter_x;  // q/v adapter
  std::filesystem::path adapter_y;  // all-linear adapter
};

// One base model and two adapters, written once per test process.
inline const ChatModels& chat_models() {
  static medlora::testing::TempDir folder("medlora-chat-fixture");
  static const ChatModels models = [] {
    ChatModels m;
    m.base = write_tiny_chat_model(folder / "tiny-base");
    m.adapter_x = write_random_adapter(m.base, folder / "adapter-x", 11);
    m.adapter_y = write_random_adapter(m.base, folder / "adapter-y", 12, {"all-linear"});
    return m;
  }();
  return models;
}

inline SamplingParams greedy_params(int max_new_tokens) {
  SamplingParams p;
  p.temperature = 0;
  p.repetition_penalty = 1.3;  // keeps a random model from repeating one token
  p.max_new_tokens = max_new_tokens;
  return p;
}

inline SamplingParams sampled_params(int max_new_tokens, uint64_t seed) {
  SamplingParams p;
  p.temperature = 1.0;
  p.top_k = 0;
  p.top_p = 1.0;
  p.max_new_tokens = max_new_tokens;
  p.seed = seed;
  return p;
}

}  // namespace medlora::generate::test
