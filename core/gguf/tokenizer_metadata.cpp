#include "core/gguf/tokenizer_metadata.h"

#include <nlohmann/json.hpp>

#include "core/gguf/bpe_pre_tokenizer.h"
#include "core/gguf/bpe_vocab.h"
#include "core/gguf/file_bytes.h"
#include "core/gguf/gguf_keys.h"
#include "core/gguf/sentencepiece_vocab.h"
#include "core/tokenizer/chat_template.h"
#include "core/tokenizer/hf/hf_tokenizer.h"
#include "core/tokenizer/sentencepiece_tokenizer.h"

namespace medlora::gguf {

namespace fs = std::filesystem;

namespace {

std::optional<nlohmann::json> read_json(const fs::path& file) {
  if (!fs::exists(file)) return std::nullopt;
  try {
    return nlohmann::json::parse(read_file_bytes(file));
  } catch (const nlohmann::json::exception& e) {
    throw GgufError(file.string() + ": not valid JSON (" + e.what() + ")");
  }
}

// _create_vocab_sentencepiece: the model's pieces (user-defined ones typed normal), then
// added_tokens.json and tokenizer_config.json's added_tokens_decoder over them.
void add_sentencepiece_vocab(GgufWriter& w, const fs::path& dir, int64_t vocab_size) {
  const auto pieces = read_sentencepiece_model(dir / "tokenizer.model");
  if (static_cast<int64_t>(pieces.size()) > vocab_size)
    throw GgufError((dir / "tokenizer.model").string() + ": " + std::to_string(pieces.size()) +
                    " pieces do not fit config.json's vocab_size " + std::to_string(vocab_size));
  std::vector<std::string> tokens(vocab_size);
  std::vector<float> scores(vocab_size, -10000.0f);
  std::vector<int64_t> types(vocab_size, keys::kUnused);
  for (int64_t id = 0; id < vocab_size; ++id) tokens[id] = "[PAD" + std::to_string(id) + "]";
  for (size_t id = 0; id < pieces.size(); ++id) {
    tokens[id] = pieces[id].piece;
    scores[id] = pieces[id].score;
    const int32_t t = pieces[id].type;
    types[id] = (t == keys::kUnknown || t == keys::kControl || t == keys::kUnused || t == keys::kByte) ? t : keys::kNormal;
  }
  auto override_token = [&](int64_t id, const std::string& text, int64_t type) {
    if (id < 0 || id >= vocab_size) return;  // convert_hf_to_gguf.py ignores ids out of range too
    tokens[id] = text;
    scores[id] = -1000.0f;
    types[id] = type;
  };
  if (const auto added = read_json(dir / "added_tokens.json"))
    for (const auto& [text, id] : added->items()) override_token(id.get<int64_t>(), text, keys::kUserDefined);
  if (const auto config = read_json(dir / "tokenizer_config.json"); config && config->contains("added_tokens_decoder")) {
    for (const auto& [id, data] : (*config)["added_tokens_decoder"].items()) {
      const std::string text = data.at("content").get<std::string>();
      const bool special = data.value("special", false) || token_looks_special(text);
      override_token(std::stoll(id), special ? text : user_defined_spelling(text), special ? keys::kControl : keys::kUserDefined);
    }
  }
  w.set(keys::kTokenizerModel, Value::string("llama"));
  w.set(keys::kTokenizerPre, Value::string("default"));
  w.set(keys::kTokens, Value::string_array(std::move(tokens)));
  w.set(keys::kScores, Value::f32_array(scores));
  w.set(keys::kTokenType, Value::integer_array(ValueType::INT32, std::move(types)));
}

void add_special_ids(GgufWriter& w, const tokenizer::Tokenizer& tok) {
  auto put = [&](const char* key, int64_t id) {
    if (id >= 0) w.set(key, Value::u32(static_cast<uint32_t>(id)));
  };
  put(keys::kBosId, tok.bos_id());
  put(keys::kEosId, tok.eos_id());
  put(keys::kUnknownId, tok.unk_id());
  put(keys::kPaddingId, tok.pad_id());
  // What encode(text, add_special_tokens=true) adds around a text is what llama.cpp must add.
  const auto plain = tok.encode("a", false);
  const auto with = tok.encode("a", true);
  const bool add_bos = with.size() > plain.size() && tok.bos_id() >= 0 && with.front() == tok.bos_id();
  const bool add_eos = with.size() > plain.size() && tok.eos_id() >= 0 && with.back() == tok.eos_id();
  w.set(keys::kAddBos, Value::boolean(add_bos));
  w.set(keys::kAddEos, Value::boolean(add_eos));
}

}  // namespace

TokenizerMetadataReport add_tokenizer_metadata(GgufWriter& w, const fs::path& dir, int64_t vocab_size) {
  TokenizerMetadataReport report;
  std::shared_ptr<tokenizer::Tokenizer> tok;
  if (fs::exists(dir / "tokenizer.model")) {
    tok = tokenizer::SentencepieceTokenizer::load(dir / "tokenizer.model");
    add_sentencepiece_vocab(w, dir, vocab_size);
    report.model = "llama";
    report.pre = "default";
  } else if (fs::exists(dir / "tokenizer.json")) {
    tok = tokenizer::HfTokenizer::load(dir / "tokenizer.json");
    if (tok->byte_fallback())
      throw GgufError((dir / "tokenizer.json").string() + ": a sentencepiece-style BPE (byte_fallback) without its tokenizer.model "
                      "cannot be exported as a llama.cpp vocabulary; put the model's tokenizer.model beside it");
    report.pre = bpe_pre_tokenizer_name(*tok, dir / "tokenizer.json");
    auto vocab = read_bpe_vocab(dir / "tokenizer.json", vocab_size);
    w.set(keys::kTokenizerModel, Value::string("gpt2"));
    w.set(keys::kTokenizerPre, Value::string(report.pre));
    w.set(keys::kTokens, Value::string_array(std::move(vocab.tokens)));
    w.set(keys::kTokenType, Value::integer_array(ValueType::INT32, std::move(vocab.token_types)));
    w.set(keys::kMerges, Value::string_array(std::move(vocab.merges)));
    report.model = "gpt2";
  } else {
    throw GgufError(dir.string() + ": no tokenizer.model or tokenizer.json; a GGUF model needs its tokenizer");
  }
  report.tokens = vocab_size;
  add_special_ids(w, *tok);
  if (const auto chat = tokenizer::ChatTemplate::from_model_dir(dir)) {
    for (const auto& name : chat->names()) {
      const std::string key = name == "default" ? keys::kChatTemplate : std::string(keys::kChatTemplate) + "." + name;
      w.set(key, Value::string(chat->with_name(name).source()));
    }
    report.chat_template = true;
  }
  return report;
}

}  // namespace medlora::gguf
