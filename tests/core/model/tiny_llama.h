#pragma once
// Test fixtures: a tiny random LLaMA (hidden 64, 2 layers, 4 heads) and an HF folder for it,
// written with a minimal safetensors writer so that the reference check does not depend on
// the project's own writer. Header-only: the test globs pick up *_test.cpp files only.
#include <torch/torch.h>

#include <QJsonDocument>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/model/llama_config.h"
#include "core/model/llama_model.h"

namespace medlora::testing {

inline model::LlamaConfig tiny_config(int64_t kv_heads = 2, bool tied = false) {
  model::LlamaConfig c;
  c.vocab_size = 100;
  c.hidden_size = 64;
  c.intermediate_size = 128;
  c.num_hidden_layers = 2;
  c.num_attention_heads = 4;
  c.num_key_value_heads = kv_heads;
  c.head_dim = 16;
  c.max_position_embeddings = 256;
  c.rms_norm_eps = 1e-5;
  c.tie_word_embeddings = tied;
  c.bos_token_id = 1;
  c.eos_token_ids = {2};
  c.validate("tiny test config");
  return c;
}

// Random weights; norms are randomised too (HF initialises them to 1, which would hide a
// norm applied in the wrong place).
inline std::shared_ptr<model::LlamaForCausalLM> make_tiny_model(const model::LlamaConfig& config, uint64_t seed = 7,
                                                                 double std = 0.2) {
  auto m = std::make_shared<model::LlamaForCausalLM>(config);
  torch::NoGradGuard no_grad;
  auto gen = at::detail::createCPUGenerator(seed);
  for (auto& [name, tensor] : m->base_state_dict()) {
    if (name.find("norm.weight") != std::string::npos)
      tensor.copy_(1.0 + 0.1 * at::randn(tensor.sizes(), gen, torch::kFloat));
    else
      tensor.copy_(std * at::randn(tensor.sizes(), gen, torch::kFloat));
  }
  m->eval();
  return m;
}

inline std::vector<int64_t> random_ids(int64_t count, int64_t vocab, uint64_t seed) {
  auto gen = at::detail::createCPUGenerator(seed);
  auto t = at::randint(3, vocab, {count}, gen, torch::kLong);
  return std::vector<int64_t>(t.data_ptr<int64_t>(), t.data_ptr<int64_t>() + count);
}

// A float32 safetensors file: 8-byte little-endian header length, JSON header, raw data.
inline void write_f32_safetensors(const std::filesystem::path& file,
                                  const std::vector<std::pair<std::string, torch::Tensor>>& tensors) {
  std::string header = "{\"__metadata__\":{\"format\":\"pt\"}";
  std::string data;
  for (const auto& [name, tensor] : tensors) {
    auto t = tensor.detach().to(torch::kCPU, torch::kFloat).contiguous();
    std::string shape;
    for (auto s : t.sizes()) shape += (shape.empty() ? "" : ",") + std::to_string(s);
    const size_t begin = data.size();
    data.append(static_cast<const char*>(t.data_ptr()), t.numel() * sizeof(float));
    header += ",\"" + name + "\":{\"dtype\":\"F32\",\"shape\":[" + shape + "],\"data_offsets\":[" +
              std::to_string(begin) + "," + std::to_string(data.size()) + "]}";
  }
  header += "}";
  while (header.size() % 8 != 0) header += ' ';
  std::ofstream out(file, std::ios::binary);
  uint64_t length = header.size();
  unsigned char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>((length >> (8 * i)) & 0xff);
  out.write(reinterpret_cast<const char*>(bytes), 8);
  out << header << data;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

// config.json + model.safetensors, as an HF LlamaForCausalLM folder.
inline void write_tiny_model_folder(model::LlamaForCausalLM& m, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "config.json") << QJsonDocument(m.config().to_json()).toJson().toStdString();
  write_f32_safetensors(dir / "model.safetensors", m.base_state_dict());
}

}  // namespace medlora::testing
