#pragma once
// What convert_hf_to_gguf.py would write for a tiny family folder (gguf_test_models.h), and the
// checks of a GGUF read back with GgufFile against it: the exact metadata key set and values,
// every tensor's name, shape, stored type and values, q/k rows permuted on the llama architecture.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/gguf/gguf_reader.h"
#include "core/io/safetensors_file.h"
#include "core/model/llama_config.h"
#include "core/tokenizer/sentencepiece_library.h"
#include "tests/core/lora/gguf_test_models.h"

namespace medlora::lora::testing {

namespace fs = std::filesystem;
using gguf::TensorType;
using gguf::Value;
using gguf::ValueType;

inline nlohmann::json read_json(const fs::path& file) {
  std::ifstream in(file);
  return nlohmann::json::parse(in);
}

inline std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline std::string arch_of(const std::string& model_type) { return is_llama_arch(model_type) ? "llama" : model_type; }

inline uint32_t expected_file_type(TensorType t) {  // llama_ftype: ALL_F32 0, MOSTLY_F16 1, MOSTLY_Q8_0 7, MOSTLY_BF16 32
  switch (t) {
    case TensorType::F32: return 0;
    case TensorType::F16: return 1;
    case TensorType::Q8_0: return 7;
    case TensorType::BF16: return 32;
  }
  return 99;
}

// tokenizer.* of a sentencepiece folder as _create_vocab_sentencepiece builds it, asked of
// sentencepiece itself (not of the export's own protobuf reader).
inline void expect_sentencepiece_vocab(std::map<std::string, Value>& m, const fs::path& dir, int64_t vocab_size) {
  const auto& spm = tokenizer::SentencepieceLibrary::instance();
  const std::string bytes = read_bytes(dir / "tokenizer.model");
  auto* p = spm.load_model(bytes.data(), bytes.size());
  ASSERT_NE(p, nullptr);
  std::vector<std::string> tokens;
  std::vector<float> scores(vocab_size, -10000.0f);
  std::vector<int64_t> types(vocab_size, 5);  // UNUSED
  for (int64_t id = 0; id < vocab_size; ++id) tokens.push_back("[PAD" + std::to_string(id) + "]");
  ASSERT_EQ(spm.vocab_size(p), kSentencepiecePieces);
  for (int id = 0; id < spm.vocab_size(p); ++id) {
    size_t length = 0;
    char* piece = spm.id_to_piece(p, id, &length);
    tokens[id] = std::string(piece, length);
    spm.free(piece);
    scores[id] = spm.score(p, id);
    types[id] = id == spm.unk_id(p) ? 2 : spm.is_byte(p, id) ? 6 : spm.is_special(p, id) ? 3 : 1;
  }
  m["tokenizer.ggml.model"] = Value::string("llama");
  m["tokenizer.ggml.pre"] = Value::string("default");
  m["tokenizer.ggml.tokens"] = Value::string_array(tokens);
  m["tokenizer.ggml.scores"] = Value::f32_array(scores);
  m["tokenizer.ggml.token_type"] = Value::integer_array(ValueType::INT32, types);
  m["tokenizer.ggml.bos_token_id"] = Value::u32(spm.bos_id(p));
  m["tokenizer.ggml.eos_token_id"] = Value::u32(spm.eos_id(p));
  m["tokenizer.ggml.unknown_token_id"] = Value::u32(spm.unk_id(p));
  spm.destroy(p);
  const auto config = read_json(dir / "tokenizer_config.json");  // LlamaTokenizer: BOS added, EOS not
  m["tokenizer.ggml.add_bos_token"] = Value::boolean(config.at("add_bos_token").get<bool>());
  m["tokenizer.ggml.add_eos_token"] = Value::boolean(config.at("add_eos_token").get<bool>());
}

// get_vocab_base + SpecialVocab for the byte-level BPE: added tokens control when special or
// "<|...|>", user-defined otherwise; "[PAD<id>]" unused up to vocab_size; BOS from config.json
// (tokenizer_config.json's is null), EOS and PAD from tokenizer_config.json.
inline void expect_bpe_vocab(std::map<std::string, Value>& m, const fs::path& dir, int64_t vocab_size) {
  const auto& b = tiny_bpe();
  std::vector<std::string> tokens = b.vocab, merges;
  std::vector<int64_t> types(b.vocab.size(), 1);
  for (const auto& a : b.added) {
    tokens.push_back(a.content);
    types.push_back(a.special || a.content.rfind("<|", 0) == 0 ? 3 : 4);
  }
  for (auto id = static_cast<int64_t>(tokens.size()); id < vocab_size; ++id) {
    tokens.push_back("[PAD" + std::to_string(id) + "]");
    types.push_back(5);
  }
  for (const auto& [l, r] : b.merges) merges.push_back(l + " " + r);
  const auto config = read_json(dir / "config.json");
  m["tokenizer.ggml.model"] = Value::string("gpt2");
  m["tokenizer.ggml.pre"] = Value::string("qwen2");
  m["tokenizer.ggml.tokens"] = Value::string_array(tokens);
  m["tokenizer.ggml.token_type"] = Value::integer_array(ValueType::INT32, types);
  m["tokenizer.ggml.merges"] = Value::string_array(merges);
  m["tokenizer.ggml.bos_token_id"] = Value::u32(config.at("bos_token_id").get<uint32_t>());
  m["tokenizer.ggml.eos_token_id"] = Value::u32(static_cast<uint32_t>(b.im_end));
  m["tokenizer.ggml.padding_token_id"] = Value::u32(static_cast<uint32_t>(b.endoftext));
  m["tokenizer.ggml.add_bos_token"] = Value::boolean(false);
  m["tokenizer.ggml.add_eos_token"] = Value::boolean(false);
}

// Every key convert_hf_to_gguf.py writes for this folder (TextModel, LlamaModel / Qwen2Model,
// SpecialVocab), from config.json and tokenizer_config.json as written, plus general.alignment,
// which this writer states (at GGUF's default, 32) where gguf-py leaves it implicit.
inline std::map<std::string, Value> expected_metadata(const fs::path& dir, const std::string& model_type, TensorType type) {
  const auto c = read_json(dir / "config.json");
  const std::string arch = arch_of(model_type);
  auto u32 = [&](const char* hf_key) { return Value::u32(c.at(hf_key).get<uint32_t>()); };
  std::map<std::string, Value> m;
  m["general.architecture"] = Value::string(arch);
  m["general.type"] = Value::string("model");
  m["general.name"] = Value::string(dir.filename().string());
  m["general.alignment"] = Value::u32(32);
  m["general.file_type"] = Value::u32(expected_file_type(type));
  m["general.quantization_version"] = Value::u32(2);
  m[arch + ".block_count"] = u32("num_hidden_layers");
  m[arch + ".context_length"] = u32("max_position_embeddings");
  m[arch + ".embedding_length"] = u32("hidden_size");
  m[arch + ".feed_forward_length"] = u32("intermediate_size");
  m[arch + ".attention.head_count"] = u32("num_attention_heads");
  m[arch + ".attention.head_count_kv"] = u32("num_key_value_heads");
  m[arch + ".attention.key_length"] = u32("head_dim");  // written because config.json has head_dim
  m[arch + ".attention.value_length"] = u32("head_dim");
  m[arch + ".rope.freq_base"] = Value::f32(c.at("rope_theta").get<float>());
  m[arch + ".attention.layer_norm_rms_epsilon"] = Value::f32(c.at("rms_norm_eps").get<float>());
  if (arch == "llama") {  // LlamaModel.set_gguf_parameters only
    m[arch + ".vocab_size"] = u32("vocab_size");
    m[arch + ".rope.dimension_count"] = u32("head_dim");
  }
  const int64_t vocab_size = c.at("vocab_size").get<int64_t>();
  if (fs::exists(dir / "tokenizer.model")) {
    expect_sentencepiece_vocab(m, dir, vocab_size);
  } else {
    expect_bpe_vocab(m, dir, vocab_size);
  }
  const auto tokenizer_config = read_json(dir / "tokenizer_config.json");
  if (tokenizer_config.contains("chat_template"))
    m["tokenizer.chat_template"] = Value::string(tokenizer_config["chat_template"].get<std::string>());
  return m;
}

inline std::string describe(const Value& v) {
  if (!v.strings.empty()) return v.strings.size() == 1 ? "\"" + v.strings[0] + "\"" : std::to_string(v.strings.size()) + " strings";
  if (!v.floats.empty()) return v.floats.size() == 1 ? std::to_string(v.floats[0]) : std::to_string(v.floats.size()) + " floats";
  if (!v.ints.empty()) return v.ints.size() == 1 ? std::to_string(v.ints[0]) : std::to_string(v.ints.size()) + " ints";
  return "empty";
}

inline void expect_metadata(const gguf::GgufFile& f, const std::map<std::string, Value>& expected) {
  std::set<std::string> written, wanted;
  for (const auto& [key, value] : f.metadata()) written.insert(key);
  for (const auto& [key, value] : expected) wanted.insert(key);
  EXPECT_EQ(written, wanted);
  for (const auto& [key, value] : expected) {
    if (!f.has(key)) continue;
    const Value& got = f.value(key);
    EXPECT_TRUE(got == value) << key << ": " << describe(got) << " (" << gguf::value_type_name(got.element_type) << "), expected "
                              << describe(value) << " (" << gguf::value_type_name(value.element_type) << ")";
  }
}

// HF name -> GGUF name of every tensor the family has (gguf-py tensor_mapping.py), written out.
inline std::map<std::string, std::string> expected_tensor_names(const model::LlamaConfig& c) {
  std::map<std::string, std::string> names = {{"model.embed_tokens.weight", "token_embd.weight"},
                                              {"model.norm.weight", "output_norm.weight"}};
  if (!c.tie_word_embeddings) names["lm_head.weight"] = "output.weight";
  for (int64_t i = 0; i < c.num_hidden_layers; ++i) {
    const std::string hf = "model.layers." + std::to_string(i) + ".", blk = "blk." + std::to_string(i) + ".";
    auto add = [&](const std::string& from, const std::string& to) { names[hf + from] = blk + to; };
    add("input_layernorm.weight", "attn_norm.weight");
    add("post_attention_layernorm.weight", "ffn_norm.weight");
    for (const char* p : {"q", "k", "v"}) add(std::string("self_attn.") + p + "_proj.weight", std::string("attn_") + p + ".weight");
    add("self_attn.o_proj.weight", "attn_output.weight");
    add("mlp.gate_proj.weight", "ffn_gate.weight");
    add("mlp.up_proj.weight", "ffn_up.weight");
    add("mlp.down_proj.weight", "ffn_down.weight");
    if (c.model_type == "qwen2" || (c.model_type == "llama" && c.attention_bias)) {
      for (const char* p : {"q", "k", "v"}) add(std::string("self_attn.") + p + "_proj.bias", std::string("attn_") + p + ".bias");
    }
    if (c.model_type == "llama" && c.attention_bias) add("self_attn.o_proj.bias", "attn_output.bias");
    if (c.model_type == "qwen3") {
      add("self_attn.q_norm.weight", "attn_q_norm.weight");
      add("self_attn.k_norm.weight", "attn_k_norm.weight");
    }
  }
  return names;
}

// convert's rule: 1-D tensors and norms float32; q8_0 needs rows of 32 (else f16).
inline TensorType expected_stored_type(const std::string& name, const std::vector<int64_t>& shape, TensorType type) {
  if (shape.size() == 1 || name.ends_with("_norm.weight")) return TensorType::F32;
  if (type == TensorType::Q8_0 && shape.back() % 32 != 0) return TensorType::F16;
  return type;
}

// The values a tensor of `type` holds for float32 `hf`: torch's own round-to-nearest-even
// casts for f16/bf16 (exact), q8_0 within half a step of its block's scale (amax / 127).
inline void expect_values(const std::vector<float>& got, const torch::Tensor& hf, TensorType type, const std::string& name,
                          float f32_tolerance = 0.0f) {
  const auto want = hf.contiguous();
  ASSERT_EQ(static_cast<int64_t>(got.size()), want.numel()) << name;
  const auto got_t = torch::tensor(got, torch::kFloat).view(want.sizes());
  if (type == TensorType::F32) {
    const bool equal = f32_tolerance > 0 ? torch::allclose(got_t, want, 0.0, f32_tolerance) : torch::equal(got_t, want);
    EXPECT_TRUE(equal) << name << " max error " << (got_t - want).abs().max().item<float>();
  } else if (type == TensorType::F16 || type == TensorType::BF16) {
    const auto cast = want.to(type == TensorType::F16 ? torch::kHalf : torch::kBFloat16).to(torch::kFloat);
    EXPECT_TRUE(torch::equal(got_t, cast)) << name << " max error " << (got_t - cast).abs().max().item<float>();
  } else {
    const auto blocks = want.reshape({-1, 32});
    const auto step = blocks.abs().amax(1, true) / 127.0f;
    const auto error = (got_t.reshape({-1, 32}) - blocks).abs();
    EXPECT_TRUE((error <= step * 0.55f + 1e-7f).all().item<bool>()) << name << " max error " << error.max().item<float>();
    EXPECT_GT(error.max().item<float>(), 0.0f) << name << " should be quantised";
  }
}


// Changes an HF tensor (by HF name) before it is compared, e.g. into a merged weight.
using Adjust = std::function<torch::Tensor(const std::string&, torch::Tensor)>;

// Every tensor of `f` against the folder's HF weights (`adjust` changes an HF tensor first, for merges).
inline void expect_tensors(const gguf::GgufFile& f, const fs::path& dir, TensorType type, const Adjust& adjust = {},
                           float f32_tolerance = 0.0f, const std::set<std::string>& generated = {}) {
  const auto config = model::LlamaConfig::from_file(dir / "config.json");
  const auto names = expected_tensor_names(config);
  const auto weights = io::SafetensorsFile::open(dir / "model.safetensors");
  const auto file_names = weights->names();
  std::set<std::string> hf_names(file_names.begin(), file_names.end()), mapped, written;
  for (const auto& [hf, name] : names) mapped.insert(hf);
  ASSERT_EQ(hf_names, mapped) << "the test's tensor map misses a tensor of the folder";
  for (const auto& t : f.tensors()) written.insert(t.name);
  std::set<std::string> wanted = generated;
  for (const auto& [hf, name] : names) wanted.insert(name);
  EXPECT_EQ(written, wanted);
  for (const auto& [hf, name] : names) {
    if (!f.has_tensor(name)) continue;
    torch::Tensor w = weights->load(hf).to(torch::kFloat);
    if (adjust) w = adjust(hf, w);
    if (is_llama_arch(config.model_type) && hf.find("q_proj") != std::string::npos) w = llama_permuted_rows(w, config.num_attention_heads);
    if (is_llama_arch(config.model_type) && hf.find("k_proj") != std::string::npos) w = llama_permuted_rows(w, config.num_key_value_heads);
    const auto& info = f.tensor(name);
    EXPECT_EQ(info.shape, w.sizes().vec()) << name;
    EXPECT_EQ(info.type, expected_stored_type(name, w.sizes().vec(), type)) << name;
    expect_values(f.tensor_values(name), w, info.type, name, f32_tolerance);
  }
}

}  // namespace medlora::lora::testing
