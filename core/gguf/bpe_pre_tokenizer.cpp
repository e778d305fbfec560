#include "core/gguf/bpe_pre_tokenizer.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QCryptographicHash>
#include <utility>
#include <vector>

#include "core/gguf/file_bytes.h"
#include "core/gguf/gguf_value.h"

namespace medlora::gguf {

namespace {

// The hashes convert_hf_to_gguf.py (llama.cpp) lists for the pre-tokenizers exported here.
const std::vector<std::pair<std::string, std::string>>& known_hashes() {
  static const std::vector<std::pair<std::string, std::string>> hashes = {
      {"0ef9807a4087ebef797fc749390439009c3b9eda9ad1a097abbe738f486c01e5", "llama-bpe"},  // Meta-Llama-3-8B
      {"e636dc30a262dcc0d8c323492e32ae2b70728f4df7dfe9737d9f920a282b8aea", "qwen2"},      // Qwen1.5-7B
      {"d4540891389ea895b53b399da6ac824becc30f2fba0e9ddbb98f92e55ca0e97c", "qwen2"},      // Qwen3-Embedding-0.6B
      {"3ce83efda5659b07b1ad37ca97ca5797ea4285d9b9ab0dc679e4a720c9da7454", "gpt-2"},      // openai-community/gpt2
  };
  return hashes;
}

// The Split regexes of those tokenizer.json files, as llama-vocab.cpp quotes them.
constexpr const char* kLlama3Regex =
    "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
constexpr const char* kQwen2Regex =
    "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

struct PreTokenizerShape {
  std::vector<std::string> split_regexes;
  bool byte_level = false;
  bool byte_level_regex = false;  // ByteLevel's own GPT-2 split (use_regex)
  std::vector<std::string> others;  // any other pre-tokenizer type
};

void describe(const nlohmann::json& node, PreTokenizerShape& shape) {
  const std::string type = node.value("type", "");
  if (type == "Sequence") {
    for (const auto& part : node.value("pretokenizers", nlohmann::json::array())) describe(part, shape);
  } else if (type == "Split" && node.contains("pattern") && node["pattern"].contains("Regex")) {
    shape.split_regexes.push_back(node["pattern"]["Regex"].get<std::string>());
  } else if (type == "ByteLevel") {
    shape.byte_level = true;
    shape.byte_level_regex = shape.byte_level_regex || node.value("use_regex", true);
  } else {
    shape.others.push_back(type.empty() ? "(untyped)" : type);
  }
}

}  // namespace

const std::string& pre_tokenizer_check_text() {
  static const std::string text =
      "\n \n\n \n\n\n \t \t\t \t\n  \n   \n    \n     \n\xf0\x9f\x9a\x80 (normal) \xf0\x9f\x98\xb6\xe2\x80\x8d\xf0\x9f\x8c\xab\xef\xb8\x8f (multiple emojis concatenated) \xe2\x9c\x85 \xf0\x9f\xa6\x99\xf0\x9f\xa6\x99 3 33 333 3333 33333 333333 3333333 33333333 3.3 3..3 3...3 \xe1\x9e\x80\xe1\x9e\xb6\xe1\x9e\x93\xe1\x9f\x8b\xe1\x9e\x8f\xe1\x9f\x82\xe1\x9e\x96\xe1\x9e\xb7\xe1\x9e\x9f\xe1\x9f\x81\xe1\x9e\x9f\xe1\x9e\xa2\xe1\x9e\xb6\xe1\x9e\x85\xf0\x9f\x98\x81 ?\xe6\x88\x91\xe6\x83\xb3\xe5\x9c\xa8" "apple\xe5\xb7\xa5\xe4\xbd\x9c" "1314151\xe5\xa4\xa9\xef\xbd\x9e ------======= \xd0\xbd\xd0\xb5\xd1\x89\xd0\xbe \xd0\xbd\xd0\xb0 \xd0\x91\xd1\x8a\xd0\xbb\xd0\xb3\xd0\xb0\xd1\x80\xd1\x81\xd0\xba\xd0\xb8 ''''''```````\"\"\"\"......!!!!!!?????? I've been 'told he's there, 'RE you sure? 'M not sure I'll make it, 'D you like some tea? We'Ve a'lL";
  return text;
}

std::string pre_tokenizer_check_hash(const tokenizer::Tokenizer& tokenizer) {
  const auto ids = tokenizer.encode(pre_tokenizer_check_text(), true, tokenizer::SpecialTokens::recognised);
  std::string text = "[";
  for (size_t i = 0; i < ids.size(); ++i) text += (i ? ", " : "") + std::to_string(ids[i]);
  text += "]";
  return QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Sha256).toHex().toStdString();
}

std::string bpe_pre_tokenizer_name(const tokenizer::Tokenizer& tokenizer, const std::filesystem::path& tokenizer_json) {
  const std::string hash = pre_tokenizer_check_hash(tokenizer);
  for (const auto& [known, name] : known_hashes())
    if (hash == known) return name;

  nlohmann::json root;
  try {
    root = nlohmann::json::parse(read_file_bytes(tokenizer_json));
  } catch (const nlohmann::json::exception& e) {
    throw GgufError(tokenizer_json.string() + ": not valid JSON (" + e.what() + ")");
  }
  PreTokenizerShape shape;
  if (root.contains("pre_tokenizer") && !root["pre_tokenizer"].is_null()) describe(root["pre_tokenizer"], shape);
  if (shape.byte_level && shape.others.empty()) {
    if (shape.split_regexes.size() == 1 && !shape.byte_level_regex) {
      if (shape.split_regexes[0] == kLlama3Regex) return "llama-bpe";
      if (shape.split_regexes[0] == kQwen2Regex) return "qwen2";
    }
    if (shape.split_regexes.empty() && shape.byte_level_regex) return "gpt-2";
  }
  std::string what = shape.split_regexes.empty() ? "" : " with the Split regex " + shape.split_regexes[0];
  for (const auto& other : shape.others) what += " and a " + other + " pre-tokenizer";
  throw GgufError(tokenizer_json.string() + ": cannot name this tokenizer's pre-tokenizer for llama.cpp (check hash " + hash +
                  what + "); the GGUF export knows the Llama 3 (llama-bpe), Qwen2/Qwen3 (qwen2) and GPT-2 byte-level pre-tokenizers");
}

}  // namespace medlora::gguf
