#include "core/train/distillation_loss.h"

#include <torch/torch.h>

#include <stdexcept>
#include <string>

#include "core/train/example_encoder.h"

namespace medlora::train {

namespace F = torch::nn::functional;

DistillationTerms distillation_loss_sum(const at::Tensor& student_logits, const at::Tensor& teacher_logits,
                                        const at::Tensor& labels, const DistillationSettings& settings) {
  if (student_logits.dim() != 2 || !student_logits.sizes().equals(teacher_logits.sizes()) ||
      labels.dim() != 1 || labels.size(0) != student_logits.size(0))
    throw std::invalid_argument("distillation loss: student logits " + std::to_string(student_logits.dim()) +
                                "-d, teacher logits and labels must be [N, V], [N, V] and [N] (vocabularies must match)");
  if (!(settings.temperature > 0)) throw std::invalid_argument("distillation loss: temperature must be > 0");
  if (settings.alpha < 0 || settings.alpha > 1) throw std::invalid_argument("distillation loss: alpha must be in [0, 1]");

  const auto positions = labels.ne(kIgnoreIndex).nonzero().squeeze(1);
  const auto student = student_logits.index_select(0, positions).to(torch::kFloat);
  const auto teacher = teacher_logits.detach().index_select(0, positions).to(torch::kFloat);
  const auto targets = labels.index_select(0, positions);
  const double t = settings.temperature;

  DistillationTerms out;
  out.tokens = positions.size(0);
  // KL(p_teacher || p_student) = sum_v p_t (log p_t - log p_s); kl_div takes log p_s as input.
  const auto kl_sum = F::kl_div(F::log_softmax(student / t, F::LogSoftmaxFuncOptions(-1)),
                                F::log_softmax(teacher / t, F::LogSoftmaxFuncOptions(-1)),
                                F::KLDivFuncOptions().reduction(torch::kSum).log_target(true));
  const auto ce_sum = F::cross_entropy(student, targets, F::CrossEntropyFuncOptions().reduction(torch::kSum));
  out.loss = settings.alpha * t * t * kl_sum + (1.0 - settings.alpha) * ce_sum;
  out.kl = kl_sum.item<double>();
  out.ce = ce_sum.item<double>();
  if (out.tokens > 0) out.agreeing = student.argmax(-1).eq(teacher.argmax(-1)).sum().item<int64_t>();
  return out;
}

DistillationLoss distillation_loss(const at::Tensor& student_logits, const at::Tensor& teacher_logits,
                                   const at::Tensor& labels, const DistillationSettings& settings) {
  const auto terms = distillation_loss_sum(student_logits, teacher_logits, labels, settings);
  const double n = static_cast<double>(std::max<int64_t>(1, terms.tokens));
  return {terms.loss / n, terms.kl / n, terms.ce / n, terms.tokens > 0 ? static_cast<double>(terms.agreeing) / n : 0.0};
}

}  // namespace medlora::train
