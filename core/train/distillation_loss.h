#pragma once
// Knowledge distillation loss (Hinton et al. 2015, as in the usual HF/PyTorch recipe):
//   loss = alpha * T^2 * KL(softmax(teacher / T) || softmax(student / T)) + (1 - alpha) * CE(labels)
// over the answer positions only (label != kIgnoreIndex). The KL is summed over the vocabulary
// and averaged over answer tokens: PyTorch's
//   F.kl_div(F.log_softmax(s / T, -1), F.softmax(t / T, -1), reduction="batchmean") * T^2
// with s, t of shape [N, V] (N answer tokens), which is "batchmean" per token, not per sequence.
// The CE is the plain (temperature 1) mean cross-entropy over the same tokens.
#include <ATen/core/Tensor.h>

#include <cstdint>

namespace medlora::train {

struct DistillationSettings {
  double temperature = 3.0;  // > 0
  double alpha = 0.7;        // weight of the KL term, in [0, 1]
};

// Sums over the answer tokens; divide by a token count to get means. Only `loss` carries a
// gradient, and only towards the student: the teacher logits are detached.
struct DistillationTerms {
  at::Tensor loss;           // alpha * T^2 * kl + (1 - alpha) * ce, summed over tokens
  double kl = 0;             // sum over tokens of KL(teacher_T || student_T) (without T^2)
  double ce = 0;             // sum over tokens of -log p_student(label)
  int64_t agreeing = 0;      // answer tokens where argmax student == argmax teacher
  int64_t tokens = 0;        // answer tokens counted
};

// student_logits and teacher_logits: [N, V] (any float dtype; computed in float32); labels: [N]
// with kIgnoreIndex where no loss is taken. Throws std::invalid_argument on mismatched shapes.
DistillationTerms distillation_loss_sum(const at::Tensor& student_logits, const at::Tensor& teacher_logits,
                                        const at::Tensor& labels, const DistillationSettings& settings);

// The same terms against a precomputed teacher that kept only its k largest logits per answer
// position (teacher_topk_cache.h). What is done with the tail the file does not hold:
//   p_t = softmax(teacher_values / T) over the k kept logits, i.e. the teacher's distribution at
//         temperature T renormalised over its top-k (the tail gets probability 0);
//   log q_s = log_softmax(student / T) over the FULL vocabulary, read at the k teacher ids;
//   KL = sum over the k ids of p_t (log p_t - log q_s).
// The student's own mass outside the top-k is not renormalised away, so the term is still >= 0
// and is 0 only when the student puts exactly p_t on the top-k and nothing elsewhere. With
// k = vocabulary size this is the full KL above. Agreement compares the student's argmax with
// the teacher's top-1 id (the first column; rows are sorted in descending order).
// teacher_values: [N, k] logits at temperature 1; teacher_ids: [N, k] integer ids < V.
DistillationTerms distillation_loss_sum_top_k(const at::Tensor& student_logits, const at::Tensor& teacher_values,
                                              const at::Tensor& teacher_ids, const at::Tensor& labels,
                                              const DistillationSettings& settings);

// The means per answer token (the formula above); for one batch on its own.
struct DistillationLoss {
  at::Tensor loss;
  double kl = 0;                 // mean KL per token (without T^2)
  double ce = 0;                 // mean cross-entropy per token
  double teacher_agreement = 0;  // fraction of answer tokens whose top-1 matches the teacher's
};
DistillationLoss distillation_loss(const at::Tensor& student_logits, const at::Tensor& teacher_logits,
                                   const at::Tensor& labels, const DistillationSettings& settings);

}  // namespace medlora::train
