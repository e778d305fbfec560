#include "tests/support/tiny_chat_tokenizer.h"

#include <nlohmann/json.hpp>

#include <fstream>

#include "core/tokenizer/hf/byte_level.h"

namespace medlora::testing {
namespace {

void write_json(const std::filesystem::path& file, const nlohmann::json& json) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << json.dump(2);
}

}  // namespace

const std::string& tiny_chat_template() {
  static const std::string source =
      "{%- if messages[0]['role'] == 'system' %}"
      "{{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}"
      "{%- else %}"
      "{{- '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}"
      "{%- endif %}"
      "{%- for message in messages %}"
      "{%- if not (message.role == 'system' and loop.first) %}"
      "{{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>' + '\\n' }}"
      "{%- endif %}"
      "{%- endfor %}"
      "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}";
  return source;
}

void write_tiny_chat_tokenizer(const std::filesystem::path& dir) {
  const auto& alphabet = tokenizer::hf::ByteLevelAlphabet::instance();
  nlohmann::json vocab = nlohmann::json::object();
  for (int b = 0; b < 256; ++b) vocab[std::string(alphabet.encode_byte(static_cast<unsigned char>(b)))] = b;
  // A few merges, so that BPE really runs: "Ġt" "he" "Ġthe" "in" "er".
  const std::vector<std::pair<std::string, std::string>> merges = {
      {"Ġ", "t"}, {"h", "e"}, {"Ġt", "he"}, {"i", "n"}, {"e", "r"}};
  nlohmann::json merge_list = nlohmann::json::array();
  int64_t next = 256;
  for (const auto& [a, b] : merges) {
    vocab[a + b] = next++;
    merge_list.push_back(a + " " + b);
  }
  nlohmann::json added = nlohmann::json::array();
  int64_t id = kTinyChatEndOfText;
  for (const char* content : {"<|endoftext|>", "<|im_start|>", "<|im_end|>"}) {
    added.push_back({{"id", id++}, {"content", content}, {"single_word", false}, {"lstrip", false},
                     {"rstrip", false}, {"normalized", false}, {"special", true}});
  }
  const nlohmann::json tokenizer = {
      {"version", "1.0"},
      {"truncation", nullptr},
      {"padding", nullptr},
      {"added_tokens", added},
      {"normalizer", {{"type", "NFC"}}},
      {"pre_tokenizer", {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", false}, {"use_regex", true}}},
      {"post_processor", {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", false}, {"use_regex", false}}},
      {"decoder", {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", false}, {"use_regex", false}}},
      {"model",
       {{"type", "BPE"}, {"dropout", nullptr}, {"unk_token", nullptr}, {"continuing_subword_prefix", ""},
        {"end_of_word_suffix", ""}, {"fuse_unk", false}, {"byte_fallback", false}, {"ignore_merges", false},
        {"vocab", vocab}, {"merges", merge_list}}}};
  write_json(dir / "tokenizer.json", tokenizer);
  write_json(dir / "tokenizer_config.json", {{"bos_token", nullptr},
                                             {"eos_token", "<|im_end|>"},
                                             {"pad_token", "<|endoftext|>"},
                                             {"unk_token", nullptr},
                                             {"model_max_length", 4096},
                                             {"chat_template", tiny_chat_template()}});
  write_json(dir / "generation_config.json", {{"eos_token_id", {kTinyChatImEnd, kTinyChatEndOfText}},
                                              {"pad_token_id", kTinyChatEndOfText}});
}

}  // namespace medlora::testing
