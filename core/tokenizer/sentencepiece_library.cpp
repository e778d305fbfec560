#include "core/tokenizer/sentencepiece_library.h"

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>
#include <sstream>

#include "core/tokenizer/tokenizer_error.h"

#ifndef MEDLORA_SPM_SHIM_FILE
#define MEDLORA_SPM_SHIM_FILE "libmedlora_spm.so"
#endif
#ifndef MEDLORA_PRIVATE_LIBDIR
#define MEDLORA_PRIVATE_LIBDIR "lib/medlora"
#endif

namespace medlora::tokenizer {
namespace {

constexpr const char* kEnvironmentVariable = "MEDLORA_SPM_LIBRARY";

// Any function of ours: dladdr on it names the library that holds this code.
void locate_this_library() {}

std::filesystem::path executable_dir() {
  std::error_code error;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : exe.parent_path();
}

std::filesystem::path this_library_dir() {
  Dl_info info{};
  if (::dladdr(reinterpret_cast<void*>(&locate_this_library), &info) == 0 || info.dli_fname == nullptr) return {};
  std::error_code error;
  const auto path = std::filesystem::canonical(info.dli_fname, error);
  return error ? std::filesystem::path() : path.parent_path();
}

std::string dl_error_text() {
  const char* message = ::dlerror();
  return message != nullptr ? message : "unknown dlopen error";
}

template <typename Function>
bool bind(void* handle, const char* name, Function& target, std::string& missing) {
  target = reinterpret_cast<Function>(::dlsym(handle, name));
  if (target == nullptr) {
    if (!missing.empty()) missing += ", ";
    missing += name;
  }
  return target != nullptr;
}

}  // namespace

std::vector<std::filesystem::path> SentencepieceLibrary::candidate_paths() {
  if (const char* forced = std::getenv(kEnvironmentVariable); forced != nullptr && *forced != '\0') {
    return {std::filesystem::path(forced)};
  }
  std::vector<std::filesystem::path> paths;
  auto add = [&](const std::filesystem::path& path) {
    const auto normal = path.lexically_normal();
    for (const auto& known : paths) {
      if (known == normal) return;
    }
    paths.push_back(normal);
  };
  if (const auto exe = executable_dir(); !exe.empty()) {
    add(exe / MEDLORA_SPM_SHIM_FILE);
    add(exe / ".." / MEDLORA_PRIVATE_LIBDIR / MEDLORA_SPM_SHIM_FILE);
  }
  if (const auto core = this_library_dir(); !core.empty()) add(core / MEDLORA_SPM_SHIM_FILE);
  return paths;
}

std::string SentencepieceLibrary::search_description() {
  std::string text;
  if (const char* forced = std::getenv(kEnvironmentVariable); forced != nullptr && *forced != '\0') {
    text += "the path in $";
    text += kEnvironmentVariable;
    text += " (unset it to search the default places)";
    return text;
  }
  text += "the executable's folder, <exe>/../";
  text += MEDLORA_PRIVATE_LIBDIR;
  text += " and the folder of libmedlora_core";
  return text;
}

std::unique_ptr<SentencepieceLibrary> SentencepieceLibrary::load(const std::vector<std::filesystem::path>& candidates,
                                                                 const std::string& how_found) {
  std::ostringstream tried;
  for (const auto& candidate : candidates) {
    void* handle = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (handle == nullptr) {
      tried << "\n  " << candidate.string() << ": " << dl_error_text();
      continue;
    }
    std::unique_ptr<SentencepieceLibrary> library(new SentencepieceLibrary());
    library->handle_ = handle;  // the destructor closes it on every failure below
    library->path_ = candidate;
    std::string missing;
    auto& l = *library;
    bind(handle, "medlora_spm_abi_version", l.abi_version, missing);
    bind(handle, "medlora_spm_last_error", l.last_error_, missing);
    bind(handle, "medlora_spm_load", l.load_model, missing);
    bind(handle, "medlora_spm_destroy", l.destroy, missing);
    bind(handle, "medlora_spm_vocab_size", l.vocab_size, missing);
    bind(handle, "medlora_spm_bos_id", l.bos_id, missing);
    bind(handle, "medlora_spm_eos_id", l.eos_id, missing);
    bind(handle, "medlora_spm_pad_id", l.pad_id, missing);
    bind(handle, "medlora_spm_unk_id", l.unk_id, missing);
    bind(handle, "medlora_spm_model_type", l.model_type, missing);
    bind(handle, "medlora_spm_byte_fallback", l.byte_fallback, missing);
    bind(handle, "medlora_spm_is_special", l.is_special, missing);
    bind(handle, "medlora_spm_is_byte", l.is_byte, missing);
    bind(handle, "medlora_spm_id_to_piece", l.id_to_piece, missing);
    bind(handle, "medlora_spm_piece_to_id", l.piece_to_id, missing);
    bind(handle, "medlora_spm_score", l.score, missing);
    bind(handle, "medlora_spm_encode", l.encode, missing);
    bind(handle, "medlora_spm_decode", l.decode, missing);
    bind(handle, "medlora_spm_train_from_files", l.train_from_files, missing);
    bind(handle, "medlora_spm_free", l.free, missing);
    if (l.abi_version == nullptr) {
      tried << "\n  " << candidate.string() << ": not a MedLoRA sentencepiece shim (no medlora_spm_abi_version)";
      continue;
    }
    if (const int version = l.abi_version(); version != MEDLORA_SPM_ABI_VERSION) {
      tried << "\n  " << candidate.string() << ": ABI version " << version << ", this program needs "
            << MEDLORA_SPM_ABI_VERSION << " (a stale build or install)";
      continue;
    }
    if (!missing.empty()) {
      tried << "\n  " << candidate.string() << ": missing symbols " << missing;
      continue;
    }
    return library;
  }
  if (candidates.empty()) tried << "\n  (no candidate paths)";
  throw TokenizerError("could not load the sentencepiece shim " + std::string(MEDLORA_SPM_SHIM_FILE) +
                       " (searched " + how_found + "). Tried:" + tried.str() +
                       "\nReinstall MedLoRA or rebuild the medlora_spm target, or set $" + kEnvironmentVariable +
                       " to the full path of " + MEDLORA_SPM_SHIM_FILE + ".");
}

const SentencepieceLibrary& SentencepieceLibrary::instance() {
  static std::mutex mutex;
  // Never unloaded: tokenizers held by static objects may outlive any static destructor.
  static SentencepieceLibrary* loaded = nullptr;
  std::lock_guard lock(mutex);
  if (loaded == nullptr) loaded = load(candidate_paths(), search_description()).release();
  return *loaded;
}

SentencepieceLibrary::~SentencepieceLibrary() {
  if (handle_ != nullptr) ::dlclose(handle_);
}

}  // namespace medlora::tokenizer
