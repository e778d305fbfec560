#pragma once
// Loads libmedlora_spm.so, our C-ABI shim over sentencepiece, with
// dlopen(RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND): linked directly, sentencepiece's bundled
// protobuf clashes with libtorch's (docs/architecture.md). Internal to core/tokenizer.
//
// Search order: $MEDLORA_SPM_LIBRARY (when set, the only candidate); the folder of
// /proc/self/exe; <exe dir>/../<MEDLORA_PRIVATE_LIBDIR>; the folder of libmedlora_core.so.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/tokenizer/sentencepiece_shim/sentencepiece_shim.h"

namespace medlora::tokenizer {

class SentencepieceLibrary {
 public:
  // The process-wide instance, loaded on first use. Throws TokenizerError listing every
  // path tried when no usable shim is found; a later call tries again.
  static const SentencepieceLibrary& instance();

  // Loads a fresh handle from the candidates (testable without touching the singleton).
  static std::unique_ptr<SentencepieceLibrary> load(const std::vector<std::filesystem::path>& candidates,
                                                    const std::string& how_found);
  // The candidates in search order, reading the environment now.
  static std::vector<std::filesystem::path> candidate_paths();
  // Explains where the candidates come from (for error messages).
  static std::string search_description();

  ~SentencepieceLibrary();
  SentencepieceLibrary(const SentencepieceLibrary&) = delete;
  SentencepieceLibrary& operator=(const SentencepieceLibrary&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // The shim's thread-local message after a failed call.
  std::string last_error() const { return last_error_(); }

  // Entry points, named as in sentencepiece_shim.h without the prefix.
  decltype(&medlora_spm_abi_version) abi_version = nullptr;
  decltype(&medlora_spm_load) load_model = nullptr;
  decltype(&medlora_spm_destroy) destroy = nullptr;
  decltype(&medlora_spm_vocab_size) vocab_size = nullptr;
  decltype(&medlora_spm_bos_id) bos_id = nullptr;
  decltype(&medlora_spm_eos_id) eos_id = nullptr;
  decltype(&medlora_spm_pad_id) pad_id = nullptr;
  decltype(&medlora_spm_unk_id) unk_id = nullptr;
  decltype(&medlora_spm_model_type) model_type = nullptr;
  decltype(&medlora_spm_byte_fallback) byte_fallback = nullptr;
  decltype(&medlora_spm_is_special) is_special = nullptr;
  decltype(&medlora_spm_is_byte) is_byte = nullptr;
  decltype(&medlora_spm_id_to_piece) id_to_piece = nullptr;
  decltype(&medlora_spm_piece_to_id) piece_to_id = nullptr;
  decltype(&medlora_spm_score) score = nullptr;
  decltype(&medlora_spm_encode) encode = nullptr;
  decltype(&medlora_spm_decode) decode = nullptr;
  decltype(&medlora_spm_train_from_files) train_from_files = nullptr;
  decltype(&medlora_spm_free) free = nullptr;

 private:
  SentencepieceLibrary() = default;

  void* handle_ = nullptr;
  std::filesystem::path path_;
  decltype(&medlora_spm_last_error) last_error_ = nullptr;
};

}  // namespace medlora::tokenizer
