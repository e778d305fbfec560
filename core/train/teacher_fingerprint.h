#pragma once
// What a precomputed teacher top-k file (teacher_topk_cache.h) depends on, as SHA-256 hex
// strings, so that a file made for another teacher or other data is never read as this run's.
#include <cstdint>
#include <string>
#include <vector>

#include "core/train/example_encoder.h"
#include "core/train/run_config.h"

namespace medlora::train {

// The teacher: its config.json, then for every *.safetensors / *.json file of the model folder
// (and of the adapter folder, when given) the name, size and contents. Weight files above 6 MiB
// are sampled (the first, middle and last 2 MiB) rather than read whole, so fingerprinting a
// multi-gigabyte teacher stays cheap; any retraining changes those bytes too. Also the
// quantisation and the compute dtype, which change the logits. Throws TrainingError when the
// model folder cannot be read.
std::string teacher_identity(const TeacherSettings& teacher, const std::string& compute_dtype);

// The file's fingerprint: the teacher identity, k, and every training example's ids and labels
// in order (the order the file's rows follow).
std::string teacher_top_k_fingerprint(const std::string& teacher_identity, const std::vector<EncodedExample>& examples,
                                      int64_t k);

}  // namespace medlora::train
