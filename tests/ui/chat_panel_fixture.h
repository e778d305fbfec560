#pragma once
// Models for the Chat panel test: a small model that never says EOS (so an answer always runs
// to its token limit or to Stop) and is big enough that 150 tokens take a second or more (8 layers of width 384), its
// tokenizer from tiny_model_fixture.h, and a random PEFT adapter for it.
// Include first: torch's headers must come before Qt's `slots` macro is defined.
#include <torch/torch.h>

#include "core/lora/lora_config.h"
#include "core/lora/lora_model.h"
#include "core/lora/peft_adapter.h"
#include "tests/ui/tiny_model_fixture.h"

namespace medlora::testing {

inline model::LlamaConfig chat_test_config() {
  auto config = tiny_llama_config();  // same vocabulary as the fixture's tokenizer
  config.hidden_size = 384;
  config.intermediate_size = 1024;
  config.num_hidden_layers = 8;
  config.num_attention_heads = 6;
  config.num_key_value_heads = 2;
  config.head_dim = 64;
  return config;
}

// A model folder with `tokenizer_from`'s tokenizer.model. The rows of the special tokens
// (unk, bos, eos, pad: ids 0-3) in lm_head are zero, so greedy decoding never picks them: a
// random model's other logits always include a positive one.
inline void write_chat_test_model(const std::filesystem::path& dir, const std::filesystem::path& tokenizer_from,
                                  uint64_t seed = 5) {
  model::LlamaForCausalLM m(chat_test_config());
  model::initialize_weights(m, seed);
  {
    torch::NoGradGuard no_grad;
    bool found = false;
    for (auto& p : m.named_parameters())
      if (p.key() == "lm_head.weight") {
        p.value().narrow(0, 0, 4).zero_();
        found = true;
      }
    if (!found) throw std::logic_error("chat test model: no lm_head.weight parameter");
  }
  model::save_llama(m, dir, c10::kFloat);
  std::filesystem::copy_file(tokenizer_from / "tokenizer.model", dir / "tokenizer.model",
                             std::filesystem::copy_options::overwrite_existing);
}

// A q/v LoRA adapter for the model in base_dir with random (non-zero) A and B, so that it
// changes what the model says.
inline void write_random_adapter(const std::filesystem::path& base_dir, const std::filesystem::path& adapter_dir,
                                 uint64_t seed = 11) {
  auto m = model::load_llama(base_dir, runtime::ComputeOptions{});
  lora::LoraConfig config;
  config.r = 4;
  config.alpha = 8;
  config.target_modules = {"q_proj", "v_proj"};
  config.base_model_name_or_path = base_dir.string();
  lora::inject_lora(*m, config, "default", seed);
  {
    torch::NoGradGuard no_grad;
    auto generator = at::detail::createCPUGenerator(seed);
    for (auto& [name, t] : lora::lora_trainable_parameters(*m))
      t.add_(at::normal(0.0, 0.5, t.sizes(), generator, torch::TensorOptions().dtype(torch::kFloat)));
  }
  lora::save_peft_adapter(*m, config, adapter_dir);
}

}  // namespace medlora::testing
