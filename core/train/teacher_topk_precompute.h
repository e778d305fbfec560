#pragma once
// Runs a distillation teacher once over the training examples and keeps its top-k logits
// (teacher_topk_cache.h), so training reuses them every epoch and never loads the teacher.
#include <QJsonObject>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/model/llama_model.h"
#include "core/train/example_encoder.h"
#include "core/train/teacher_topk_cache.h"

namespace medlora::train {

// How a run gets its teacher's top-k table (DistillationTeacher::precompute).
struct TeacherTopKSource {
  int64_t k = 0;                 // 0: no precompute, the teacher runs online
  std::string teacher_identity;  // teacher_identity() of the teacher's files and settings
  // Loads the frozen teacher; called only when the stored file cannot be reused.
  std::function<std::shared_ptr<model::LlamaForCausalLM>()> load_teacher;
};

// The teacher (eval mode, no-grad) over `examples`, `batch_size` examples per forward (grouped
// by length, right-padded as training batches are). `progress(done, total)` after each batch.
// `kept_probability`, when given, receives the mean over answer positions of the probability the
// teacher's softmax at `temperature` puts on its top k: how much of the teacher the file keeps.
TeacherTopKTable compute_teacher_top_k(model::LlamaForCausalLM& teacher, const std::vector<EncodedExample>& examples,
                                       int64_t pad_id, int64_t k, int64_t batch_size,
                                       const std::function<void(int64_t done, int64_t total)>& progress = {},
                                       double temperature = 1.0, double* kept_probability = nullptr);

// Opens `file` when it matches this run (a resumed run, or a fresh run over the same teacher,
// data and k); otherwise loads the teacher, computes the table, writes the file, lets the
// teacher go and opens the new file: a stale file is rebuilt, never read. Reports on `publish`:
//   {"event": "teacher_top_k", "status": "computing", "examples_done", "examples"}  (progress)
//   {"event": "teacher_top_k", "status": "reused" | "written", "path", "k", "rows",
//    "examples", "seconds"; "written" adds "kept_probability" (at `temperature`, see above) and
//    "rebuilt_because" when a file was there but did not fit}
std::shared_ptr<const TeacherTopK> prepare_teacher_top_k(const std::filesystem::path& file, const TeacherTopKSource& source,
                                                         int64_t vocab_size, const std::vector<EncodedExample>& examples,
                                                         int64_t pad_id, int64_t batch_size, double temperature,
                                                         const std::function<void(const QJsonObject&)>& publish);

}  // namespace medlora::train
