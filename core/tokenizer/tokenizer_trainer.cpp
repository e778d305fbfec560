#include "core/tokenizer/tokenizer_trainer.h"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <utility>

#include "core/tokenizer/sentencepiece_library.h"
#include "core/tokenizer/sentencepiece_tokenizer.h"
#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer {
namespace {

// Records longer than this many bytes are skipped by sentencepiece (its default, 4192,
// would silently drop long clinical notes).
constexpr int kMaxSentenceBytes = 1 << 20;

std::string format_number(double value) {
  std::ostringstream out;
  out.precision(10);
  out << value;
  return out.str();
}

void validate(const TokenizerTrainOptions& options) {
  if (options.input_files.empty()) {
    throw TokenizerError("tokenizer training needs at least one input text file (one record a line)");
  }
  bool any_text = false;
  for (const auto& file : options.input_files) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) {
      throw TokenizerError("tokenizer training input " + file.string() + " does not exist or is not a file");
    }
    std::ifstream probe(file, std::ios::binary);
    if (!probe) throw TokenizerError("cannot open tokenizer training input " + file.string() + ": check its permissions");
    if (std::filesystem::file_size(file, error) > 0) any_text = true;
  }
  if (!any_text) throw TokenizerError("the tokenizer training input files are all empty; give text, one record a line");
  if (options.output_dir.empty()) throw TokenizerError("tokenizer training needs an output folder");
  if (options.model_type != "bpe" && options.model_type != "unigram") {
    throw TokenizerError("unknown tokenizer model type \"" + options.model_type + "\"; use \"bpe\" or \"unigram\"");
  }
  if (options.byte_fallback && options.vocab_size < 300) {
    throw TokenizerError("tokenizer vocabulary size " + std::to_string(options.vocab_size) +
                         " is too small: byte fallback alone takes 256 pieces plus <unk>, <s>, </s>; use at least 300");
  }
  if (options.vocab_size < 8) {
    throw TokenizerError("tokenizer vocabulary size " + std::to_string(options.vocab_size) + " is too small; use at least 300");
  }
  if (!(options.character_coverage > 0.0 && options.character_coverage <= 1.0)) {
    throw TokenizerError("character coverage " + format_number(options.character_coverage) +
                         " is out of range; use a value in (0, 1], e.g. 0.9995 for Chinese and English");
  }
}

// Writes `bytes` to a temporary name in the same folder, then renames it into place.
void write_atomically(const std::filesystem::path& path, const std::string& bytes) {
  auto temporary = path;
  temporary += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw TokenizerError("cannot write " + temporary.string() + ": check that the folder is writable");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      out.close();
      std::filesystem::remove(temporary);
      throw TokenizerError("writing " + temporary.string() + " failed (disk full?)");
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary);
    throw TokenizerError("cannot move " + temporary.string() + " to " + path.string() + ": " + error.message());
  }
}

constexpr const char* kTokenizerConfig = R"({
  "add_bos_token": true,
  "add_eos_token": false,
  "bos_token": "<s>",
  "clean_up_tokenization_spaces": false,
  "eos_token": "</s>",
  "legacy": true,
  "pad_token": null,
  "sp_model_kwargs": {},
  "tokenizer_class": "LlamaTokenizer",
  "unk_token": "<unk>"
}
)";

constexpr const char* kSpecialTokensMap = R"({
  "bos_token": "<s>",
  "eos_token": "</s>",
  "unk_token": "<unk>"
}
)";

// sentencepiece prefixes its messages with the failed check, e.g.
// "Internal: ./src/trainer_interface.cc(660) [(a) == (b)] Vocabulary size too high ...";
// the user needs only the sentence after it.
std::string plain_message(const std::string& message) {
  const auto source = message.find("./src/");
  const auto check_end = message.find("] ");
  if (source != std::string::npos && check_end != std::string::npos && source < check_end) {
    return message.substr(check_end + 2);
  }
  return message;
}

}  // namespace

void train_tokenizer(const TokenizerTrainOptions& options) {
  validate(options);
  const std::vector<std::pair<std::string, std::string>> settings = {
      {"model_type", options.model_type},
      {"vocab_size", std::to_string(options.vocab_size)},
      {"character_coverage", format_number(options.character_coverage)},
      {"byte_fallback", options.byte_fallback ? "true" : "false"},
      {"unk_id", "0"},
      {"bos_id", "1"},
      {"eos_id", "2"},
      {"pad_id", "-1"},
      {"split_digits", "true"},
      {"add_dummy_prefix", "true"},
      {"normalization_rule_name", "identity"},
      {"remove_extra_whitespaces", "false"},
      {"max_sentence_length", std::to_string(kMaxSentenceBytes)},
      // Determinism: one thread, every sentence used (no sampling, so no shuffling).
      {"num_threads", "1"},
      {"input_sentence_size", "0"},
      {"shuffle_input_sentence", "false"},
      {"minloglevel", "1"},
  };
  std::vector<const char*> names, values;
  for (const auto& [name, value] : settings) {
    names.push_back(name.c_str());
    values.push_back(value.c_str());
  }
  std::vector<std::string> inputs;
  for (const auto& file : options.input_files) inputs.push_back(file.string());
  std::vector<const char*> input_pointers;
  for (const auto& input : inputs) input_pointers.push_back(input.c_str());

  const auto& library = SentencepieceLibrary::instance();
  char* model = nullptr;
  size_t model_size = 0;
  if (library.train_from_files(names.data(), values.data(), names.size(), input_pointers.data(),
                               input_pointers.size(), &model, &model_size) != 0) {
    std::string files;
    for (const auto& input : inputs) files += (files.empty() ? "" : ", ") + input;
    throw TokenizerError("training a " + options.model_type + " tokenizer (vocabulary " +
                         std::to_string(options.vocab_size) + ") from " + files + " failed: " + plain_message(library.last_error()));
  }
  std::string bytes(model, model_size);
  library.free(model);

  // Refuse to write a model that would not load back.
  SentencepieceTokenizer::from_serialized(bytes, "the newly trained tokenizer");

  std::error_code error;
  std::filesystem::create_directories(options.output_dir, error);
  if (error) {
    throw TokenizerError("cannot create the tokenizer output folder " + options.output_dir.string() + ": " +
                         error.message());
  }
  write_atomically(options.output_dir / "tokenizer.model", bytes);
  write_atomically(options.output_dir / "tokenizer_config.json", kTokenizerConfig);
  write_atomically(options.output_dir / "special_tokens_map.json", kSpecialTokensMap);
}

}  // namespace medlora::tokenizer
