#pragma once
// Tiny HF model folders of each family the GGUF export supports, made at test time: config.json
// and model.safetensors through model::save_llama (every weight random, norms and biases
// included), and the tokenizer that family ships: a trained sentencepiece tokenizer.model for
// llama/mistral, a small byte-level BPE tokenizer.json + tokenizer_config.json for qwen2/qwen3.
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/lora/lora_model.h"
#include "core/lora/peft_adapter.h"
#include "core/model/model_loader.h"
#include "core/runtime/compute_options.h"
#include "core/tokenizer/hf/byte_level.h"
#include "core/tokenizer/tokenizer_trainer.h"
#include "tests/core/lora/lora_test_models.h"
#include "tests/core/tokenizer/tokenizer_fixture.h"
#include "tests/support/temp_dir.h"

namespace medlora::lora::testing {

inline constexpr int64_t kSentencepiecePieces = 500;  // trained; config.json pads to 512

// The byte-level BPE of the qwen folders: the 256 byte symbols (ids 0..255), merged tokens,
// then added tokens after the model vocabulary, as Qwen's tokenizer.json has them.
struct TinyBpe {
  struct Added {
    int64_t id;
    std::string content;
    bool special;
  };
  std::vector<std::string> vocab;  // model.vocab, by id
  std::vector<std::pair<std::string, std::string>> merges;
  std::vector<Added> added;
  int64_t endoftext = 0, im_start = 0, im_end = 0;
};

inline std::string byte_level(std::string_view raw) {
  std::string out;
  tokenizer::hf::ByteLevelAlphabet::instance().encode(raw, out);
  return out;
}

inline const TinyBpe& tiny_bpe() {
  static const TinyBpe bpe = [] {
    TinyBpe b;
    for (int c = 0; c < 256; ++c) b.vocab.push_back(byte_level(std::string(1, static_cast<char>(c))));
    for (const auto& [l, r] : std::vector<std::pair<std::string, std::string>>{
             {" ", "t"}, {"h", "e"}, {" t", "he"}, {"i", "n"}, {" ", "p"}, {"a", "t"}, {" p", "at"}, {"e", "r"}, {"o", "n"}}) {
      b.merges.emplace_back(byte_level(l), byte_level(r));
      b.vocab.push_back(byte_level(l + r));
    }
    auto add = [&](const std::string& content, bool special) {
      b.added.push_back({static_cast<int64_t>(b.vocab.size() + b.added.size()), content, special});
      return b.added.back().id;
    };
    b.endoftext = add("<|endoftext|>", true);
    b.im_start = add("<|im_start|>", true);
    b.im_end = add("<|im_end|>", true);
    add("<think>", false);      // user-defined (Qwen3's <think> is not special)
    add("<|fim_pad|>", false);  // not special, but looks it: a control token for llama.cpp
    return b;
  }();
  return bpe;
}

inline const char* kQwen2SplitRegex =
    "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
inline const char* kChatMlTemplate =
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
inline const char* kInstTemplate =
    "{{ bos_token }}{% for message in messages %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + "
    "' [/INST]' }}{% else %}{{ message['content'] + eos_token }}{% endif %}{% endfor %}";

inline void write_text(const std::filesystem::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

// Qwen2's tokenizer.json shape: NFC, the qwen2 Split regex then ByteLevel without its own regex.
inline void write_tiny_bpe_tokenizer(const std::filesystem::path& dir) {
  using nlohmann::json;
  const auto& b = tiny_bpe();
  json vocab = json::object(), merges = json::array(), added = json::array(), decoder = json::object();
  for (size_t id = 0; id < b.vocab.size(); ++id) vocab[b.vocab[id]] = id;
  for (const auto& [l, r] : b.merges) merges.push_back(l + " " + r);
  for (const auto& a : b.added) {
    added.push_back({{"id", a.id}, {"content", a.content}, {"single_word", false}, {"lstrip", false}, {"rstrip", false},
                     {"normalized", false}, {"special", a.special}});
    decoder[std::to_string(a.id)] = {{"content", a.content}, {"single_word", false}, {"lstrip", false}, {"rstrip", false},
                                     {"normalized", false}, {"special", a.special}};
  }
  const json byte_level_step = {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", false}, {"use_regex", false}};
  const json root = {
      {"version", "1.0"}, {"truncation", nullptr}, {"padding", nullptr}, {"added_tokens", added},
      {"normalizer", {{"type", "NFC"}}},
      {"pre_tokenizer", {{"type", "Sequence"}, {"pretokenizers", json::array({
          {{"type", "Split"}, {"pattern", {{"Regex", kQwen2SplitRegex}}}, {"behavior", "Isolated"}, {"invert", false}},
          byte_level_step})}}},
      {"post_processor", byte_level_step}, {"decoder", byte_level_step},
      {"model", {{"type", "BPE"}, {"dropout", nullptr}, {"unk_token", nullptr}, {"continuing_subword_prefix", ""},
                 {"end_of_word_suffix", ""}, {"fuse_unk", false}, {"byte_fallback", false}, {"ignore_merges", false},
                 {"vocab", vocab}, {"merges", merges}}}};
  write_text(dir / "tokenizer.json", root.dump(2));
  const json config = {{"add_prefix_space", false}, {"added_tokens_decoder", decoder}, {"bos_token", nullptr},
                       {"chat_template", kChatMlTemplate}, {"clean_up_tokenization_spaces", false},
                       {"eos_token", "<|im_end|>"}, {"errors", "replace"}, {"model_max_length", 128},
                       {"pad_token", "<|endoftext|>"}, {"split_special_tokens", false},
                       {"tokenizer_class", "Qwen2Tokenizer"}, {"unk_token", nullptr}};
  write_text(dir / "tokenizer_config.json", config.dump(2));
}

// As `medlora make-base-model` does: sentencepiece trained on the medical corpus (<unk> 0, <s> 1, </s> 2).
inline void write_sentencepiece_tokenizer(const std::filesystem::path& dir, const std::string& chat_template) {
  const auto corpus = dir / "corpus.txt";
  tokenizer::test::write_lines(corpus, tokenizer::test::medical_corpus());
  tokenizer::TokenizerTrainOptions options;
  options.input_files = {corpus};
  options.output_dir = dir;
  options.vocab_size = static_cast<int>(kSentencepiecePieces);
  tokenizer::train_tokenizer(options);
  std::filesystem::remove(corpus);
  if (chat_template.empty()) return;
  std::ifstream in(dir / "tokenizer_config.json");
  auto config = nlohmann::json::parse(in);
  config["chat_template"] = chat_template;
  write_text(dir / "tokenizer_config.json", config.dump(2));
}

// The tiny config of a family: q8_0-friendly rows (hidden 32) except ffn_down's (48).
inline model::LlamaConfig family_config(const std::string& model_type) {
  model::LlamaConfig c = tiny_config(false);
  c.model_type = model_type;
  c.max_position_embeddings = 128;
  if (model_type == "llama" || model_type == "mistral") {
    c.vocab_size = 512;
    c.attention_bias = model_type == "llama";  // llama.cpp's llama loads bq/bk/bv/bo: the q/k biases are permuted too
    c.rms_norm_eps = 1e-5;
    if (model_type == "mistral") c.sliding_window = 32;
    c.rope_theta = model_type == "mistral" ? 1e6 : 10000.0;
  } else {
    const auto& b = tiny_bpe();
    c.vocab_size = 288;  // above the tokenizer's 271 ids, as Qwen pads its embeddings
    c.rope_theta = 1e6;
    c.bos_token_id = b.endoftext;
    c.eos_token_ids = {b.im_end};
    c.tie_word_embeddings = model_type == "qwen2";
    if (model_type == "qwen3") c.head_dim = 16;  // Qwen3's head_dim is not hidden / heads
  }
  return c;
}

// A model folder `dir` of `model_type` with random weights (seeded); returns its config.
inline model::LlamaConfig write_family_model(const std::filesystem::path& dir, const std::string& model_type, uint64_t seed = 11) {
  const auto config = family_config(model_type);
  model::LlamaForCausalLM m(config);
  model::initialize_weights(m, seed);
  {
    torch::NoGradGuard no_grad;
    auto generator = at::detail::createCPUGenerator(seed);
    for (auto& p : m.parameters()) p.add_(at::normal(0.0, 0.1, p.sizes(), generator, torch::TensorOptions().dtype(torch::kFloat)));
  }
  model::save_llama(m, dir, torch::kFloat);
  if (config.model_type == "llama" || config.model_type == "mistral") {
    write_sentencepiece_tokenizer(dir, config.model_type == "mistral" ? kInstTemplate : "");
  } else {
    write_tiny_bpe_tokenizer(dir);
  }
  return config;
}

// The folder of a family, written once per test process under a shared temporary folder.
inline const std::filesystem::path& family_dir(const std::string& model_type) {
  static medlora::testing::TempDir root("medlora-gguf-export");
  static std::map<std::string, std::filesystem::path> dirs;
  if (const auto it = dirs.find(model_type); it != dirs.end()) return it->second;
  const auto dir = root / ("tiny-" + model_type);
  write_family_model(dir, model_type);
  return dirs[model_type] = dir;
}

// LlamaModel.permute written as an index map: llama.cpp's row h*d + 2i + j is HF's row
// h*d + j*d/2 + i (the reshape(heads, 2, d/2, in).swapaxes(1, 2) of convert_hf_to_gguf.py).
inline torch::Tensor llama_permuted_rows(const torch::Tensor& rows, int64_t heads) {
  const int64_t d = rows.size(0) / heads;
  std::vector<int64_t> source;
  for (int64_t h = 0; h < heads; ++h)
    for (int64_t i = 0; i < d / 2; ++i)
      for (int64_t j = 0; j < 2; ++j) source.push_back(h * d + j * (d / 2) + i);
  return rows.index_select(0, torch::tensor(source, torch::kLong));
}

inline bool is_llama_arch(const std::string& model_type) { return model_type == "llama" || model_type == "mistral"; }

// A PEFT adapter for the folder `base` in `out` (A and B random unless !trained: B stays zero).
inline LoraConfig write_family_adapter(const std::filesystem::path& base, const std::filesystem::path& out, LoraConfig config,
                                       bool trained = true, uint64_t seed = 5) {
  config.base_model_name_or_path = base.filename().string();
  auto m = model::load_llama(base, runtime::ComputeOptions{});
  inject_lora(*m, config);
  if (trained) randomize(lora_trainable_parameters(*m), seed);
  save_peft_adapter(*m, config, out);
  return config;
}

inline LoraConfig qkvo_lora(int64_t r = 4, double alpha = 8, bool rslora = false) {
  LoraConfig c;
  c.r = r;
  c.alpha = alpha;
  c.use_rslora = rslora;
  c.target_modules = {"q_proj", "k_proj", "v_proj", "o_proj"};
  return c;
}

// PEFT's key of a module's LoRA tensor ("lora_A" / "lora_B").
inline std::string peft_key(const std::string& module, const char* which) {
  return "base_model.model." + module + "." + which + ".weight";
}

inline const std::vector<std::string>& gguf_families() {
  static const std::vector<std::string> families = {"llama", "mistral", "qwen2", "qwen3"};
  return families;
}

}  // namespace medlora::lora::testing
