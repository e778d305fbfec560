#pragma once
// The precomputed teacher of a distillation run ("teacher": {"precompute_top_k": K}): for every
// training example, at each answer position (the positions target_logits keeps, in order), the
// teacher's K largest logits at temperature 1, sorted in descending order, and their ids.
//
// On disk it is a safetensors file, output_dir/teacher_top_k.safetensors:
//   "values"  float32 [rows, K]
//   "ids"     int32   [rows, K]
//   "offsets" int64   [examples + 1]   rows of example i: offsets[i] .. offsets[i + 1]
// with metadata format = "medlora-teacher-top-k", version = "1", k, vocab_size and fingerprint
// (teacher_fingerprint.h: the teacher's files and settings, the encoded training examples and K).
// A file whose metadata or shapes differ from what the run expects is refused with
// TeacherTopKUnusable, which says why; the run then rebuilds it (teacher_topk_precompute.h).
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/train/train_error.h"

namespace medlora::io {
class SafetensorsFile;
}

namespace medlora::train {

inline constexpr const char* kTeacherTopKFileName = "teacher_top_k.safetensors";
inline constexpr const char* kTeacherTopKFormat = "medlora-teacher-top-k";
inline constexpr int kTeacherTopKVersion = 1;

// The whole table in memory, as computed (or to be written).
struct TeacherTopKTable {
  at::Tensor values;   // float32 [rows, k]
  at::Tensor ids;      // int32 [rows, k]
  at::Tensor offsets;  // int64 [examples + 1], offsets[0] = 0, offsets[examples] = rows
  int64_t vocab_size = 0;
  std::string fingerprint;
};

// Writes atomically (temporary file, then rename). Throws std::invalid_argument on a table whose
// shapes do not agree.
void write_teacher_top_k(const std::filesystem::path& file, const TeacherTopKTable& table);

// A stored table that does not fit this run (missing, another version, K, vocabulary,
// fingerprint or number of examples, or broken); what() says which.
class TeacherTopKUnusable : public TrainingError {
 public:
  using TrainingError::TrainingError;
};

struct TeacherTopKExpectation {
  int64_t k = 0;
  int64_t vocab_size = 0;
  int64_t examples = 0;
  std::string fingerprint;
};

// The teacher's rows for one micro-batch.
struct TeacherTopKRows {
  at::Tensor values;  // float32 [N, k]
  at::Tensor ids;     // int64 [N, k]
};

// Reads a stored table through a read-only memory map: only the rows a batch needs are copied,
// so a large table costs page cache, not resident memory.
class TeacherTopK {
 public:
  // Throws TeacherTopKUnusable when the file is absent or does not match `expected`.
  static std::shared_ptr<const TeacherTopK> open(const std::filesystem::path& file, const TeacherTopKExpectation& expected);

  int64_t k() const { return k_; }
  int64_t vocab_size() const { return vocab_size_; }
  int64_t examples() const { return static_cast<int64_t>(offsets_.size()) - 1; }
  int64_t rows() const { return offsets_.back(); }
  int64_t rows_of(int64_t example) const;
  const std::string& fingerprint() const { return fingerprint_; }

  // The rows of the given examples, one after the other in the order given: the order
  // target_logits keeps for a batch collated from the same indices.
  TeacherTopKRows rows_for(const std::vector<int64_t>& examples, const c10::Device& device) const;

 private:
  TeacherTopK() = default;
  std::shared_ptr<io::SafetensorsFile> file_;
  const std::byte* values_ = nullptr;
  const std::byte* ids_ = nullptr;
  std::vector<int64_t> offsets_;
  int64_t k_ = 0, vocab_size_ = 0;
  std::string fingerprint_;
};

}  // namespace medlora::train
