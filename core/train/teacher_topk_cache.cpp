#include "core/train/teacher_topk_cache.h"

#include <torch/torch.h>

#include <cstring>
#include <map>

#include "core/io/safetensors_error.h"
#include "core/io/safetensors_file.h"
#include "core/io/safetensors_writer.h"

namespace medlora::train {

namespace fs = std::filesystem;

void write_teacher_top_k(const fs::path& file, const TeacherTopKTable& table) {
  const auto& v = table.values;
  const auto& ids = table.ids;
  const auto& off = table.offsets;
  if (!v.defined() || !ids.defined() || !off.defined() || v.dim() != 2 || !v.sizes().equals(ids.sizes()) ||
      v.scalar_type() != torch::kFloat || ids.scalar_type() != torch::kInt || off.dim() != 1 ||
      off.scalar_type() != torch::kLong || off.size(0) < 1 || off[0].item<int64_t>() != 0 ||
      off[-1].item<int64_t>() != v.size(0))
    throw std::invalid_argument("teacher top-k table: values float32 [rows, k], ids int32 [rows, k] and offsets int64 "
                                "[examples + 1] from 0 to rows are required");
  const std::map<std::string, std::string> metadata{{"format", kTeacherTopKFormat},
                                                    {"version", std::to_string(kTeacherTopKVersion)},
                                                    {"k", std::to_string(v.size(1))},
                                                    {"vocab_size", std::to_string(table.vocab_size)},
                                                    {"fingerprint", table.fingerprint}};
  io::write_safetensors(file, {{"values", v}, {"ids", ids}, {"offsets", off}}, metadata);
}

namespace {

std::string meta(const io::SafetensorsFile& f, const std::string& key) {
  const auto it = f.metadata().find(key);
  return it == f.metadata().end() ? std::string() : it->second;
}

}  // namespace

std::shared_ptr<const TeacherTopK> TeacherTopK::open(const fs::path& file, const TeacherTopKExpectation& expected) {
  const std::string where = file.string() + ": ";
  if (!fs::exists(file)) throw TeacherTopKUnusable(where + "not there yet");
  std::shared_ptr<io::SafetensorsFile> f;
  try {
    f = io::SafetensorsFile::open(file);
  } catch (const io::SafetensorsError& e) {
    throw TeacherTopKUnusable(where + "unreadable (" + e.what() + ")");
  }
  if (meta(*f, "format") != kTeacherTopKFormat) throw TeacherTopKUnusable(where + "not a teacher top-k file");
  if (meta(*f, "version") != std::to_string(kTeacherTopKVersion))
    throw TeacherTopKUnusable(where + "format version " + meta(*f, "version") + ", this program writes " +
                              std::to_string(kTeacherTopKVersion));
  if (meta(*f, "k") != std::to_string(expected.k))
    throw TeacherTopKUnusable(where + "holds the top " + meta(*f, "k") + " logits, the run asks for " + std::to_string(expected.k));
  if (meta(*f, "vocab_size") != std::to_string(expected.vocab_size))
    throw TeacherTopKUnusable(where + "made for vocab_size " + meta(*f, "vocab_size") + ", the student has " +
                              std::to_string(expected.vocab_size));
  if (meta(*f, "fingerprint") != expected.fingerprint)
    throw TeacherTopKUnusable(where + "made from another teacher or other training data (fingerprint " +
                              meta(*f, "fingerprint").substr(0, 12) + "…, this run " + expected.fingerprint.substr(0, 12) + "…)");
  for (const char* name : {"values", "ids", "offsets"})
    if (!f->contains(name)) throw TeacherTopKUnusable(where + "has no tensor \"" + name + "\"");
  const auto& values = f->entry("values");
  const auto& ids = f->entry("ids");
  const auto& offsets = f->entry("offsets");
  if (values.dtype != io::DType::F32 || ids.dtype != io::DType::I32 || offsets.dtype != io::DType::I64 ||
      values.shape.size() != 2 || values.shape != ids.shape || values.shape[1] != expected.k || offsets.shape.size() != 1 ||
      offsets.shape[0] != expected.examples + 1)
    throw TeacherTopKUnusable(where + "tensor shapes do not fit " + std::to_string(expected.examples) + " examples and k " +
                              std::to_string(expected.k));

  std::shared_ptr<TeacherTopK> out(new TeacherTopK());
  out->offsets_.resize(static_cast<size_t>(offsets.shape[0]));
  std::memcpy(out->offsets_.data(), f->data(offsets), offsets.byte_size());
  for (size_t i = 0; i + 1 < out->offsets_.size(); ++i)
    if (out->offsets_[i + 1] < out->offsets_[i]) throw TeacherTopKUnusable(where + "offsets go backwards");
  if (out->offsets_.front() != 0 || out->offsets_.back() != values.shape[0])
    throw TeacherTopKUnusable(where + "offsets do not cover the " + std::to_string(values.shape[0]) + " rows");
  out->values_ = f->data(values);
  out->ids_ = f->data(ids);
  out->k_ = expected.k;
  out->vocab_size_ = expected.vocab_size;
  out->fingerprint_ = expected.fingerprint;
  out->file_ = std::move(f);
  return out;
}

int64_t TeacherTopK::rows_of(int64_t example) const {
  if (example < 0 || example >= examples())
    throw std::out_of_range("teacher top-k: example " + std::to_string(example) + " of " + std::to_string(examples()));
  return offsets_[static_cast<size_t>(example) + 1] - offsets_[static_cast<size_t>(example)];
}

TeacherTopKRows TeacherTopK::rows_for(const std::vector<int64_t>& examples, const c10::Device& device) const {
  int64_t n = 0;
  for (const auto e : examples) n += rows_of(e);
  auto values = torch::empty({n, k_}, torch::kFloat);
  auto ids = torch::empty({n, k_}, torch::kInt);
  const size_t row_values = static_cast<size_t>(k_) * sizeof(float);
  const size_t row_ids = static_cast<size_t>(k_) * sizeof(int32_t);
  auto* v_out = static_cast<std::byte*>(values.data_ptr());
  auto* i_out = static_cast<std::byte*>(ids.data_ptr());
  for (const auto e : examples) {
    // The mapping is not aligned for float/int32, so the rows are copied bytewise.
    const auto first = static_cast<size_t>(offsets_[static_cast<size_t>(e)]);
    const auto count = static_cast<size_t>(rows_of(e));
    std::memcpy(v_out, values_ + first * row_values, count * row_values);
    std::memcpy(i_out, ids_ + first * row_ids, count * row_ids);
    v_out += count * row_values;
    i_out += count * row_ids;
  }
  return {values.to(device), ids.to(torch::kLong).to(device)};
}

}  // namespace medlora::train
