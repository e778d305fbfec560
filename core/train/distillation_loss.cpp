#include "core/train/distillation_loss.h"

#include <torch/torch.h>

#include <stdexcept>
#include <string>

#include "core/train/example_encoder.h"

namespace medlora::train {

namespace F = torch::nn::functional;

namespace {

void check_settings(const DistillationSettings& settings) {
  if (!(settings.temperature > 0)) throw std::invalid_argument("distillation loss: temperature must be > 0");
  if (settings.alpha < 0 || settings.alpha > 1) throw std::invalid_argument("distillation loss: alpha must be in [0, 1]");
}

// The answer positions (label != kIgnoreIndex) of an [N] label vector.
at::Tensor answer_positions(const at::Tensor& labels) { return labels.ne(kIgnoreIndex).nonzero().squeeze(1); }

// alpha * T^2 * KL + (1 - alpha) * CE, with the CE of the student at temperature 1.
DistillationTerms combine(const at::Tensor& kl_sum, const at::Tensor& student, const at::Tensor& targets,
                          const DistillationSettings& settings) {
  const double t = settings.temperature;
  const auto ce_sum = F::cross_entropy(student, targets, F::CrossEntropyFuncOptions().reduction(torch::kSum));
  DistillationTerms out;
  out.tokens = targets.size(0);
  out.loss = settings.alpha * t * t * kl_sum + (1.0 - settings.alpha) * ce_sum;
  out.kl = kl_sum.item<double>();
  out.ce = ce_sum.item<double>();
  return out;
}

}  // namespace

DistillationTerms distillation_loss_sum(const at::Tensor& student_logits, const at::Tensor& teacher_logits,
                                        const at::Tensor& labels, const DistillationSettings& settings) {
  if (student_logits.dim() != 2 || !student_logits.sizes().equals(teacher_logits.sizes()) ||
      labels.dim() != 1 || labels.size(0) != student_logits.size(0))
    throw std::invalid_argument("distillation loss: student logits " + std::to_string(student_logits.dim()) +
                                "-d, teacher logits and labels must be [N, V], [N, V] and [N] (vocabularies must match)");
  check_settings(settings);

  const auto positions = answer_positions(labels);
  const auto student = student_logits.index_select(0, positions).to(torch::kFloat);
  const auto teacher = teacher_logits.detach().index_select(0, positions).to(torch::kFloat);
  const double t = settings.temperature;
  // KL(p_teacher || p_student) = sum_v p_t (log p_t - log p_s); kl_div takes log p_s as input.
  const auto kl_sum = F::kl_div(F::log_softmax(student / t, F::LogSoftmaxFuncOptions(-1)),
                                F::log_softmax(teacher / t, F::LogSoftmaxFuncOptions(-1)),
                                F::KLDivFuncOptions().reduction(torch::kSum).log_target(true));
  auto out = combine(kl_sum, student, labels.index_select(0, positions), settings);
  if (out.tokens > 0) out.agreeing = student.argmax(-1).eq(teacher.argmax(-1)).sum().item<int64_t>();
  return out;
}

DistillationTerms distillation_loss_sum_top_k(const at::Tensor& student_logits, const at::Tensor& teacher_values,
                                              const at::Tensor& teacher_ids, const at::Tensor& labels,
                                              const DistillationSettings& settings) {
  if (student_logits.dim() != 2 || teacher_values.dim() != 2 || !teacher_values.sizes().equals(teacher_ids.sizes()) ||
      teacher_values.size(0) != student_logits.size(0) || labels.dim() != 1 || labels.size(0) != student_logits.size(0) ||
      teacher_values.size(1) < 1 || teacher_values.size(1) > student_logits.size(1))
    throw std::invalid_argument("distillation loss (top-k teacher): student logits, teacher values, teacher ids and labels "
                                "must be [N, V], [N, k], [N, k] and [N] with 1 <= k <= V");
  check_settings(settings);

  const auto positions = answer_positions(labels);
  const auto student = student_logits.index_select(0, positions).to(torch::kFloat);
  const auto values = teacher_values.detach().index_select(0, positions).to(torch::kFloat);
  const auto ids = teacher_ids.index_select(0, positions).to(torch::kLong);
  const double t = settings.temperature;
  // The teacher renormalised over its top-k at T; the student over the whole vocabulary, read
  // at the teacher's ids (see the header for why the student's tail is left as it is).
  const auto log_p_teacher = F::log_softmax(values / t, F::LogSoftmaxFuncOptions(-1));
  const auto log_q_student = F::log_softmax(student / t, F::LogSoftmaxFuncOptions(-1)).gather(1, ids);
  const auto kl_sum = (log_p_teacher.exp() * (log_p_teacher - log_q_student)).sum();
  auto out = combine(kl_sum, student, labels.index_select(0, positions), settings);
  if (out.tokens > 0) out.agreeing = student.argmax(-1).eq(ids.select(1, 0)).sum().item<int64_t>();
  return out;
}

DistillationLoss distillation_loss(const at::Tensor& student_logits, const at::Tensor& teacher_logits,
                                   const at::Tensor& labels, const DistillationSettings& settings) {
  const auto terms = distillation_loss_sum(student_logits, teacher_logits, labels, settings);
  const double n = static_cast<double>(std::max<int64_t>(1, terms.tokens));
  return {terms.loss / n, terms.kl / n, terms.ce / n, terms.tokens > 0 ? static_cast<double>(terms.agreeing) / n : 0.0};
}

}  // namespace medlora::train
