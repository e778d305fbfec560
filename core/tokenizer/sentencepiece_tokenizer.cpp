#include "core/tokenizer/sentencepiece_tokenizer.h"

#include <fstream>
#include <iterator>
#include <sstream>

#include "core/tokenizer/sentencepiece_library.h"
#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer {
namespace {

constexpr const char* kModelFileName = "tokenizer.model";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) throw TokenizerError("cannot open the tokenizer file " + path.string() + ": check its permissions");
  std::string bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
  if (stream.bad()) throw TokenizerError("cannot read the tokenizer file " + path.string());
  return bytes;
}

// Owns a buffer handed out by the shim.
struct ShimBuffer {
  const SentencepieceLibrary& library;
  void* data = nullptr;
  ~ShimBuffer() {
    if (data != nullptr) library.free(data);
  }
};

}  // namespace

std::shared_ptr<SentencepieceTokenizer> SentencepieceTokenizer::load(const std::filesystem::path& file_or_model_dir) {
  std::error_code error;
  auto path = file_or_model_dir;
  if (!std::filesystem::exists(path, error)) {
    throw TokenizerError("tokenizer not found: " + path.string() +
                         " does not exist; give a tokenizer.model file or a model folder that holds one");
  }
  if (std::filesystem::is_directory(path, error)) {
    path /= kModelFileName;
    if (!std::filesystem::is_regular_file(path, error)) {
      throw TokenizerError("the folder " + file_or_model_dir.string() + " has no " + kModelFileName);
    }
  }
  return from_serialized(read_file(path), path.string());
}

std::shared_ptr<SentencepieceTokenizer> SentencepieceTokenizer::from_serialized(std::string_view model_bytes, const std::string& origin) {
  if (model_bytes.empty()) {
    throw TokenizerError(origin + " is empty; it should be a sentencepiece tokenizer.model");
  }
  const auto& library = SentencepieceLibrary::instance();
  medlora_spm_processor* processor = library.load_model(model_bytes.data(), model_bytes.size());
  if (processor == nullptr) {
    throw TokenizerError(origin + " is not a valid sentencepiece tokenizer.model (" + library.last_error() +
                         "); copy the tokenizer.model of the base model again or train a new one");
  }
  return std::make_shared<SentencepieceTokenizer>(Passkey{}, library, processor, origin);
}

SentencepieceTokenizer::SentencepieceTokenizer(Passkey, const SentencepieceLibrary& library,
                                               medlora_spm_processor* processor, std::string origin)
    : Tokenizer(std::move(origin)), library_(library), processor_(processor) {
  vocab_size_ = library_.vocab_size(processor_);
  special_ids_.bos = library_.bos_id(processor_);
  if (const int eos = library_.eos_id(processor_); eos >= 0) special_ids_.eos = {eos};
  special_ids_.pad = library_.pad_id(processor_);
  special_ids_.unk = library_.unk_id(processor_);
  model_type_ = library_.model_type(processor_);
  byte_fallback_ = library_.byte_fallback(processor_) != 0;
  if (vocab_size_ <= 0) {
    library_.destroy(processor_);
    throw TokenizerError(origin_ + " holds an empty vocabulary; it is not a usable tokenizer.model");
  }
  byte_values_.assign(static_cast<size_t>(vocab_size_), -1);
  special_.assign(static_cast<size_t>(vocab_size_), 0);
  for (int id = 0; id < vocab_size_; ++id) {
    special_[id] = library_.is_special(processor_, id) != 0 ? 1 : 0;
    if (library_.is_byte(processor_, id) != 0) {
      const std::string text = piece(id);  // "<0xE4>"
      if (text.size() == 6 && text.rfind("<0x", 0) == 0) byte_values_[id] = static_cast<int16_t>(std::stoi(text.substr(3, 2), nullptr, 16));
    }
  }
  for (int id = 0; id < vocab_size_ && sentinel_id_ < 0; ++id) {
    if (special_[id] != 0 || byte_values_[id] >= 0) continue;
    const std::string text = raw_decode({id});
    if (!text.empty()) {
      sentinel_id_ = id;
      sentinel_text_ = text;
    }
  }
}

SentencepieceTokenizer::~SentencepieceTokenizer() { library_.destroy(processor_); }

void SentencepieceTokenizer::check_id(int64_t id) const {
  if (id < 0 || id >= vocab_size_) {
    throw TokenizerError("token id " + std::to_string(id) + " is outside the vocabulary of " + origin_ + " (0.." +
                         std::to_string(vocab_size_ - 1) + "); the ids come from a different tokenizer or model");
  }
}

std::vector<int64_t> SentencepieceTokenizer::encode_plain(std::string_view text) const {
  if (text.empty()) return {};
  int* raw = nullptr;
  size_t count = 0;
  if (library_.encode(processor_, text.data(), text.size(), &raw, &count) != 0) {
    throw TokenizerError("sentencepiece could not encode a text of " + std::to_string(text.size()) + " bytes with " +
                         origin_ + ": " + library_.last_error());
  }
  ShimBuffer owned{library_, raw};
  return std::vector<int64_t>(raw, raw + count);
}

std::vector<int64_t> SentencepieceTokenizer::encode_marked(std::string_view text, const std::vector<TextRange>& markup,
                                                           bool add_special_tokens) const {
  std::vector<int64_t> ids;
  if (add_special_tokens && bos_id() >= 0) ids.push_back(bos_id());
  // Control pieces ("<s>", "</s>") count only inside markup; the plain runs between them are
  // encoded one by one.
  std::vector<std::pair<int64_t, std::string>> controls;
  for (const int64_t id : {bos_id(), eos_id()}) {
    if (id >= 0) controls.emplace_back(id, piece(id));
  }
  size_t plain_from = 0;
  for (const auto& range : markup) {
    size_t at = range.begin;
    while (at < range.end) {
      int64_t found = -1;
      size_t found_length = 0;
      for (const auto& [id, text_of_id] : controls) {
        if (text_of_id.size() > found_length && at + text_of_id.size() <= range.end &&
            text.compare(at, text_of_id.size(), text_of_id) == 0) {
          found = id;
          found_length = text_of_id.size();
        }
      }
      if (found < 0) {
        ++at;
        continue;
      }
      const auto run = encode_plain(text.substr(plain_from, at - plain_from));
      ids.insert(ids.end(), run.begin(), run.end());
      ids.push_back(found);
      at += found_length;
      plain_from = at;
    }
  }
  const auto rest = encode_plain(text.substr(plain_from));
  ids.insert(ids.end(), rest.begin(), rest.end());
  return ids;
}

std::string SentencepieceTokenizer::raw_decode(const std::vector<int>& ids) const {
  if (ids.empty()) return {};
  char* text = nullptr;
  size_t length = 0;
  if (library_.decode(processor_, ids.data(), ids.size(), &text, &length) != 0) {
    throw TokenizerError("sentencepiece could not decode " + std::to_string(ids.size()) + " ids with " + origin_ +
                         ": " + library_.last_error());
  }
  ShimBuffer owned{library_, text};
  return std::string(text, length);
}

std::string SentencepieceTokenizer::decode_continuation(const std::vector<int64_t>& ids) const {
  if (ids.empty()) return {};
  std::vector<int> narrow;
  narrow.reserve(ids.size() + 1);
  // sentencepiece drops the leading space of the first plain piece only; a plain piece in
  // front takes that role, and its own text is cut off again.
  if (sentinel_id_ >= 0) narrow.push_back(sentinel_id_);
  for (const auto id : ids) {
    check_id(id);
    narrow.push_back(static_cast<int>(id));
  }
  std::string text = raw_decode(narrow);
  if (sentinel_id_ >= 0) {
    if (text.compare(0, sentinel_text_.size(), sentinel_text_) != 0) {
      throw TokenizerError("internal: sentencepiece decoded " + origin_ + " inconsistently");
    }
    text.erase(0, sentinel_text_.size());
  }
  return text;
}

std::string SentencepieceTokenizer::decode(const std::vector<int64_t>& ids, bool skip_special) const {
  std::vector<int> plain;
  plain.reserve(ids.size());
  if (skip_special) {
    for (const auto id : ids) {
      check_id(id);
      if (special_[id] == 0) plain.push_back(static_cast<int>(id));
    }
    return raw_decode(plain);
  }
  // Special ids become their piece text; the runs of plain ids between them decode as
  // one continuous text.
  std::string out;
  bool started = false;
  std::vector<int64_t> run;
  auto flush = [&]() {
    if (run.empty()) return;
    if (started) {
      out += decode_continuation(run);
    } else {
      out += raw_decode(std::vector<int>(run.begin(), run.end()));
    }
    started = true;
    run.clear();
  };
  for (const auto id : ids) {
    check_id(id);
    if (special_[id] == 0) {
      run.push_back(id);
      continue;
    }
    flush();
    out += piece(id);
  }
  flush();
  return out;
}

std::string SentencepieceTokenizer::piece(int64_t id) const {
  check_id(id);
  size_t length = 0;
  char* text = library_.id_to_piece(processor_, static_cast<int>(id), &length);
  if (text == nullptr) throw TokenizerError("no piece for id " + std::to_string(id) + ": " + library_.last_error());
  ShimBuffer owned{library_, text};
  return std::string(text, length);
}

int64_t SentencepieceTokenizer::piece_to_id(std::string_view text) const {
  const int64_t id = library_.piece_to_id(processor_, text.data(), text.size());
  // sentencepiece answers unk for pieces it lacks.
  if (id == unk_id() && unk_id() >= 0 && piece(id) != text) return -1;
  return id;
}

std::string SentencepieceTokenizer::model_type() const {
  switch (model_type_) {
    case 1: return "bpe";
    case 2: return "unigram";
    case 3: return "word";
    case 4: return "char";
  }
  return "unknown";
}

bool SentencepieceTokenizer::is_special(int64_t id) const {
  check_id(id);
  return special_[id] != 0;
}

int SentencepieceTokenizer::byte_value(int64_t id) const {
  check_id(id);
  return byte_values_[id];
}

}  // namespace medlora::tokenizer
