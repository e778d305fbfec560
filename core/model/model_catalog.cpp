#include "core/model/model_catalog.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <system_error>

#include "core/model/model_loader.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::model {

namespace fs = std::filesystem;

namespace {

fs::path normalized(const fs::path& dir) {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(dir), ec);
  if (ec) absolute = fs::absolute(dir).lexically_normal();
  std::string text = absolute.string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

uint64_t safetensors_bytes(const fs::path& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".safetensors") continue;
    std::error_code size_ec;
    const auto size = it->file_size(size_ec);
    if (!size_ec) total += size;
  }
  return total;
}

}  // namespace

ModelCatalog::ModelCatalog(fs::path models_dir) : models_dir_(std::move(models_dir)) {}

fs::path ModelCatalog::default_models_dir() {
  if (const char* env = std::getenv("MEDLORA_MODELS_DIR"); env && *env) return fs::path(env);
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "MedLoRA" / "models";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : ".") / ".local" / "share" / "MedLoRA" / "models";
}

void ModelCatalog::add_folder(const fs::path& dir) {
  const fs::path path = normalized(dir);
  if (!fs::is_directory(path))
    throw ModelError(path.string() + ": no such folder (choose a folder that holds config.json and model.safetensors)");
  if (!looks_like_model_dir(path))
    throw ModelError(path.string() +
                     ": not an HF model folder (it needs config.json and model.safetensors or "
                     "model.safetensors.index.json)");
  if (normalized(path.parent_path()) == normalized(models_dir_)) return;  // found by scan() anyway
  if (std::find(added_.begin(), added_.end(), path) == added_.end()) added_.push_back(path);
}

bool ModelCatalog::remove_folder(const fs::path& dir) {
  const auto it = std::find(added_.begin(), added_.end(), normalized(dir));
  if (it == added_.end()) return false;
  added_.erase(it);
  return true;
}

std::vector<CatalogEntry> ModelCatalog::scan() const {
  std::vector<CatalogEntry> entries;
  std::vector<fs::path> found;
  std::error_code ec;
  if (fs::is_directory(models_dir_, ec)) {
    for (fs::directory_iterator it(models_dir_, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code dir_ec;
      if (it->is_directory(dir_ec) && looks_like_model_dir(it->path())) found.push_back(normalized(it->path()));
    }
  }
  std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
    const bool a_base = a.filename() == kBaseModelName, b_base = b.filename() == kBaseModelName;
    if (a_base != b_base) return a_base;
    return a.filename().string() < b.filename().string();
  });
  for (const auto& dir : found) entries.push_back(describe(dir, false));
  for (const auto& dir : added_) {
    if (std::find(found.begin(), found.end(), dir) != found.end()) continue;
    entries.push_back(describe(dir, true));
  }
  return entries;
}

CatalogEntry ModelCatalog::describe(const fs::path& dir, bool user_added) {
  CatalogEntry entry;
  entry.path = normalized(dir);
  entry.name = entry.path.filename().string();
  entry.user_added = user_added;
  if (!fs::is_directory(entry.path)) {
    entry.config_error = entry.path.string() + ": the folder no longer exists (remove it from the list or restore it)";
    return entry;
  }
  entry.has_tokenizer = tokenizer::Tokenizer::folder_has_tokenizer(entry.path);
  entry.weights_bytes = safetensors_bytes(entry.path);
  try {
    entry.config = LlamaConfig::from_file(entry.path / "config.json");
    entry.parameter_count = entry.config->parameter_count();
    entry.torch_dtype = entry.config->torch_dtype;
  } catch (const std::exception& e) {
    entry.config.reset();
    entry.config_error = e.what();
  }
  return entry;
}

TokenizerSummary ModelCatalog::describe_tokenizer(const fs::path& dir) {
  if (!tokenizer::Tokenizer::folder_has_tokenizer(dir))
    throw ModelError(dir.string() + ": no tokenizer.json or tokenizer.model (copy the model's tokenizer files into the folder)");
  const auto tokenizer = tokenizer::Tokenizer::load(dir);
  TokenizerSummary summary;
  summary.kind = tokenizer->kind();
  summary.model_type = tokenizer->model_type();
  summary.eos_ids = tokenizer->eos_ids();
  summary.vocab_size = tokenizer->vocab_size();
  summary.bos_id = tokenizer->bos_id();
  summary.eos_id = tokenizer->eos_id();
  summary.pad_id = tokenizer->pad_id();
  summary.unk_id = tokenizer->unk_id();
  return summary;
}

std::string format_count(int64_t count) {
  char buffer[32];
  const double value = static_cast<double>(count);
  if (count >= 1'000'000'000) std::snprintf(buffer, sizeof buffer, "%.2f B", value / 1e9);
  else if (count >= 1'000'000) std::snprintf(buffer, sizeof buffer, "%.1f M", value / 1e6);
  else if (count >= 1'000) std::snprintf(buffer, sizeof buffer, "%.1f K", value / 1e3);
  else std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(count));
  return buffer;
}

std::string format_bytes(uint64_t bytes) {
  static const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1024.0 && unit < 4) {
    value /= 1024.0;
    ++unit;
  }
  char buffer[32];
  if (unit == 0) std::snprintf(buffer, sizeof buffer, "%llu B", static_cast<unsigned long long>(bytes));
  else std::snprintf(buffer, sizeof buffer, "%.1f %s", value, units[unit]);
  return buffer;
}

}  // namespace medlora::model
