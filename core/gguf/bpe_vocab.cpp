#include "core/gguf/bpe_vocab.h"

#include <nlohmann/json.hpp>

#include "core/gguf/gguf_keys.h"
#include "core/gguf/file_bytes.h"
#include "core/gguf/gguf_value.h"

namespace medlora::gguf {

bool token_looks_special(const std::string& t) {
  auto wrapped = [&](std::string_view open, std::string_view close) {
    return t.size() >= open.size() + close.size() && t.compare(0, open.size(), open) == 0 &&
           t.compare(t.size() - close.size(), close.size(), close) == 0;
  };
  return t == "<pad>" || t == "<mask>" || t == "<2mass>" || t == "[@BOS@]" || wrapped("<|", "|>") ||
         wrapped("<｜", "｜>") || wrapped("<unused", ">");
}

std::string user_defined_spelling(std::string token) {
  for (size_t at = token.find("\xe2\x96\x81"); at != std::string::npos; at = token.find("\xe2\x96\x81", at + 1))
    token.replace(at, 3, " ");
  return token;
}

BpeVocab parse_bpe_vocab(std::string_view text, const std::string& origin, int64_t vocab_size) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw GgufError(origin + ": not valid JSON (" + e.what() + ")");
  }
  const auto model = root.find("model");
  if (model == root.end() || !model->is_object() || model->value("type", "") != "BPE")
    throw GgufError(origin + ": the GGUF export handles BPE tokenizer.json models only (model.type is not \"BPE\")");
  BpeVocab out;
  out.tokens.resize(static_cast<size_t>(vocab_size));
  out.token_types.assign(static_cast<size_t>(vocab_size), keys::kUnused);
  std::vector<bool> filled(static_cast<size_t>(vocab_size), false);
  auto place = [&](const std::string& token, int64_t id, int64_t type) {
    if (id < 0 || id >= vocab_size)
      throw GgufError(origin + ": token '" + token + "' has id " + std::to_string(id) + ", outside config.json's vocab_size " +
                      std::to_string(vocab_size));
    out.tokens[id] = token;
    out.token_types[id] = type;
    filled[id] = true;
  };
  for (const auto& [token, id] : model->at("vocab").items()) {
    if (!id.is_number_integer()) throw GgufError(origin + ": model.vocab['" + token + "'] is not an integer id");
    place(token, id.get<int64_t>(), keys::kNormal);
  }
  if (const auto added = root.find("added_tokens"); added != root.end() && added->is_array()) {
    for (const auto& t : *added) {
      const std::string content = t.at("content").get<std::string>();
      const bool special = t.value("special", false) || token_looks_special(content);
      place(special ? content : user_defined_spelling(content), t.at("id").get<int64_t>(),
            special ? keys::kControl : keys::kUserDefined);
    }
  }
  for (int64_t id = 0; id < vocab_size; ++id)
    if (!filled[id]) out.tokens[id] = "[PAD" + std::to_string(id) + "]";
  if (const auto merges = model->find("merges"); merges != model->end() && merges->is_array()) {
    for (const auto& m : *merges) {
      if (m.is_string()) out.merges.push_back(m.get<std::string>());
      else if (m.is_array() && m.size() == 2) out.merges.push_back(m[0].get<std::string>() + " " + m[1].get<std::string>());
      else throw GgufError(origin + ": a merge is neither \"a b\" nor [\"a\", \"b\"]");
    }
  }
  return out;
}

BpeVocab read_bpe_vocab(const std::filesystem::path& tokenizer_json, int64_t vocab_size) {
  return parse_bpe_vocab(read_file_bytes(tokenizer_json), tokenizer_json.string(), vocab_size);
}

}  // namespace medlora::gguf
