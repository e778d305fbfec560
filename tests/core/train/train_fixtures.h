#pragma once
// Fixtures for the trainer tests: a byte-level toy encoder (no sentencepiece needed), a tiny
// LLaMA and a tiny QA data set, all made at test time.
#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/model/llama_model.h"
#include "core/train/example_encoder.h"
#include "core/train/trainer.h"

namespace medlora::train::testing {

inline constexpr int64_t kToyBos = 1;
inline constexpr int64_t kToyEos = 2;
inline constexpr int64_t kToyPad = 0;
inline constexpr int64_t kToyVocab = 64;

// One token per byte, folded into the toy vocabulary (ids 3..63).
inline std::vector<int64_t> toy_encode(const std::string& text, bool add_bos) {
  std::vector<int64_t> ids;
  if (add_bos) ids.push_back(kToyBos);
  for (unsigned char c : text) ids.push_back(3 + (c % (kToyVocab - 3)));
  return ids;
}

inline std::string toy_render_prompt(const std::string& instruction, const std::string& input) {
  return (instruction.empty() ? std::string("Q") : instruction) + ":" + input + "\nA:";
}

// Prompt (with BOS), answer, EOS: what a plain template gives a single-turn record.
inline tokenizer::EncodedPrompt toy_encode_conversation(const tokenizer::Conversation& conversation) {
  std::string instruction, input, output;
  for (const auto& m : conversation) {
    if (m.role == "system") instruction = m.content;
    if (m.role == "user") input = m.content;
    if (m.role == "assistant") output = m.content;
  }
  tokenizer::EncodedPrompt out;
  out.ids = toy_encode(toy_render_prompt(instruction, input), true);
  out.assistant.assign(out.ids.size(), 0);
  auto answer = toy_encode(output, false);
  answer.push_back(kToyEos);
  out.ids.insert(out.ids.end(), answer.begin(), answer.end());
  out.assistant.insert(out.assistant.end(), answer.size(), 1);
  return out;
}

inline ExampleEncoder toy_encoder(int64_t max_length = 128, bool train_on_prompt = false) {
  return ExampleEncoder(toy_encode_conversation, max_length, train_on_prompt);
}

inline model::LlamaConfig tiny_config() {
  model::LlamaConfig c;
  c.vocab_size = kToyVocab;
  c.hidden_size = 32;
  c.intermediate_size = 64;
  c.num_hidden_layers = 2;
  c.num_attention_heads = 4;
  c.num_key_value_heads = 2;
  c.head_dim = 8;
  c.max_position_embeddings = 256;
  c.bos_token_id = kToyBos;
  c.eos_token_ids = {kToyEos};
  return c;
}

inline std::shared_ptr<model::LlamaForCausalLM> tiny_model(uint64_t seed = 7) {
  auto m = std::make_shared<model::LlamaForCausalLM>(tiny_config());
  model::initialize_weights(*m, seed);
  return m;
}

inline std::vector<TrainingRecord> tiny_records(int count = 24) {
  const char* questions[] = {"fever", "cough", "rash", "headache", "nausea", "pain"};
  const char* answers[] = {"rest and fluids", "see a doctor", "keep it dry", "drink water", "eat light", "take a break"};
  std::vector<TrainingRecord> out;
  for (int i = 0; i < count; ++i) {
    TrainingRecord r;
    r.input = std::string(questions[i % 6]) + (i >= 6 ? " " + std::to_string(i / 6) : "");
    r.output = answers[i % 6];
    r.line = i + 1;
    out.push_back(r);
  }
  return out;
}

// Every base weight trainable (full-parameter mode) with a no-op deliverable.
inline TrainableModel full_trainable(std::shared_ptr<model::LlamaForCausalLM> m) {
  TrainableModel t;
  t.model = m;
  for (auto& [name, tensor] : m->base_state_dict()) {
    tensor.set_requires_grad(true);
    t.parameters.emplace_back(name, tensor);
  }
  t.save_name = "model";
  t.save = [](const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "saved.txt") << "ok";
  };
  return t;
}

inline TrainingOptions fast_options() {
  TrainingOptions o;
  o.epochs = 1;
  o.micro_batch_size = 4;
  o.gradient_accumulation_steps = 2;
  o.learning_rate = 3e-3;
  o.warmup_ratio = 0.0;
  o.logging_steps = 1;
  o.save_total_limit = 0;
  o.seed = 11;
  return o;
}

inline TrainerSetup tiny_setup(const std::filesystem::path& out, TrainingOptions options = fast_options(), bool with_eval = false) {
  TrainerSetup s;
  s.trainable = full_trainable(tiny_model());
  auto encoder = toy_encoder(options.max_length, options.train_on_prompt);
  s.train = encoder.encode(tiny_records(), &s.train_stats);
  if (with_eval) s.eval = encoder.encode(tiny_records(6), &s.eval_stats);
  s.pad_id = kToyPad;
  s.options = options;
  s.output_dir = out;
  return s;
}

}  // namespace medlora::train::testing
