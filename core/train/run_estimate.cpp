#include "core/train/run_estimate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/lora/lora_config.h"
#include "core/runtime/bfloat16_speed.h"
#include "core/runtime/compute_options.h"

namespace medlora::train {
namespace {

struct Projection {
  const char* name;
  int64_t in, out;
};

// The seven linear projections of one decoder layer, as (in, out) features.
std::vector<Projection> layer_projections(const model::LlamaConfig& m) {
  const int64_t q = m.num_attention_heads * m.head_dim;
  const int64_t kv = m.num_key_value_heads * m.head_dim;
  return {{"q_proj", m.hidden_size, q},
          {"k_proj", m.hidden_size, kv},
          {"v_proj", m.hidden_size, kv},
          {"o_proj", q, m.hidden_size},
          {"gate_proj", m.hidden_size, m.intermediate_size},
          {"up_proj", m.hidden_size, m.intermediate_size},
          {"down_proj", m.intermediate_size, m.hidden_size}};
}

bool targets(const LoraSettings& lora, const std::string& name) {
  for (const auto& t : lora.target_modules)
    if (t == name || t == "all-linear") return true;
  return false;
}

std::string format_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

std::string format_gib(uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f GiB", static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0));
  return text;
}

}  // namespace

int dtype_bytes(const std::string& dtype) {
  if (dtype == "bfloat16" || dtype == "bf16" || dtype == "float16" || dtype == "fp16") return 2;
  return 4;
}

int64_t lora_parameter_count(const LoraSettings& lora, const model::LlamaConfig& m) {
  int64_t per_layer = 0;
  for (const auto& p : layer_projections(m))
    if (targets(lora, p.name)) per_layer += lora.r * (p.in + p.out);
  int64_t count = per_layer * m.num_hidden_layers;
  for (const auto& module : lora.modules_to_save) {
    if (module == "lm_head" || module == "embed_tokens") count += m.vocab_size * m.hidden_size;
  }
  return count;
}

int64_t planned_steps(const TrainingOptions& o, int64_t records) {
  if (o.max_steps > 0) return o.max_steps;
  const int64_t micro_batches = (std::max<int64_t>(records, 0) + o.micro_batch_size - 1) / o.micro_batch_size;
  const int64_t per_epoch = (micro_batches + o.gradient_accumulation_steps - 1) / o.gradient_accumulation_steps;
  return per_epoch * o.epochs;
}

uint64_t frozen_weight_bytes(const model::LlamaConfig& m, int bytes, const std::string& quantization) {
  const auto total = static_cast<uint64_t>(m.parameter_count()) * static_cast<uint64_t>(bytes);
  if (quantization == "none") return total;
  // As quant::QuantizedWeight: int8 codes + a float32 scale per output row; NF4 two codes a
  // byte + a float32 absmax per block of 64, or with double quantisation one byte per block
  // plus a float32 scale per 256 blocks.
  constexpr uint64_t kNf4Block = 64, kNf4ScaleBlock = 256;
  uint64_t quantised = 0, replaced = 0;
  for (const auto& p : layer_projections(m)) {
    const auto n = static_cast<uint64_t>(p.in) * static_cast<uint64_t>(p.out);
    const uint64_t blocks = (n + kNf4Block - 1) / kNf4Block;
    replaced += n * static_cast<uint64_t>(bytes);
    if (quantization == "int8") quantised += n + 4u * static_cast<uint64_t>(p.out);
    else if (quantization == "nf4-dq") quantised += (n + 1) / 2 + blocks + 4u * ((blocks + kNf4ScaleBlock - 1) / kNf4ScaleBlock);
    else quantised += (n + 1) / 2 + 4u * blocks;
  }
  const auto layers = static_cast<uint64_t>(m.num_hidden_layers);
  return total - replaced * layers + quantised * layers;
}

RunEstimate estimate_run(const RunConfig& config, const model::LlamaConfig& m, double flops_per_second,
                         const model::LlamaConfig* teacher) {
  RunEstimate e;
  const auto& t = config.training;
  const bool lora = config.mode == TrainingMode::Lora;
  const int bytes = dtype_bytes(t.dtype);
  e.base_parameters = m.parameter_count();
  e.trainable_parameters = lora ? lora_parameter_count(config.lora, m) : e.base_parameters;
  e.tokens_per_step = t.micro_batch_size * t.gradient_accumulation_steps * t.max_length;

  // LoRA keeps the frozen base in the compute dtype; full training keeps float32 masters and
  // a compute copy only when that dtype is narrower.
  e.weight_bytes = lora ? frozen_weight_bytes(m, bytes, config.base_quantization)
                        : static_cast<uint64_t>(e.base_parameters) * static_cast<uint64_t>(bytes < 4 ? bytes : 0);
  // float32 weight and gradient, then the two moments: float32 each, or with adamw_8bit one
  // byte each plus a float32 absmax per block of 2048 (core/train/adamw_8bit.h).
  const auto trainable = static_cast<uint64_t>(e.trainable_parameters);
  e.optimizer_bytes = t.optimizer == "adamw_8bit" ? trainable * 10u + 2u * 4u * ((trainable + 2047) / 2048)
                                                   : trainable * 16u;

  // Activations of one micro-batch: per layer the saved inputs of the norms, projections,
  // SwiGLU and the attention probabilities; gradient checkpointing keeps only each layer's
  // input plus one layer's worth during its recomputation. Logits and their gradient are
  // float32 over the vocabulary.
  const double tokens = static_cast<double>(t.micro_batch_size * t.max_length);
  const double per_layer = tokens * (8.0 * m.hidden_size + 4.0 * m.intermediate_size) * bytes +
                           static_cast<double>(t.micro_batch_size) * m.num_attention_heads *
                               static_cast<double>(t.max_length) * t.max_length * bytes * 2.0;
  const double layers = t.gradient_checkpointing
                            ? tokens * m.hidden_size * bytes * m.num_hidden_layers + per_layer
                            : per_layer * m.num_hidden_layers;
  const double logits = tokens * m.vocab_size * 4.0 * 2.0;
  e.activation_bytes = static_cast<uint64_t>(layers + logits);

  // The online teacher: frozen weights, a no-grad forward that keeps one layer's working set
  // (and its float32 attention probabilities) at a time, and its float32 logits for the loss.
  const bool online_teacher = config.distillation && config.distillation->teacher.precompute_top_k == 0;
  if (online_teacher && !teacher) e.teacher_unknown = true;
  if (online_teacher && teacher) {
    const auto& tm = *teacher;
    e.teacher_weight_bytes = frozen_weight_bytes(tm, bytes, config.distillation->teacher.quantization);
    const double layer = tokens * (4.0 * tm.hidden_size + 3.0 * tm.intermediate_size) * bytes +
                         static_cast<double>(t.micro_batch_size) * tm.num_attention_heads * static_cast<double>(t.max_length) *
                             t.max_length * 4.0;
    e.teacher_activation_bytes = static_cast<uint64_t>(layer + tokens * tm.vocab_size * 4.0);
    const double step_tokens = static_cast<double>(e.tokens_per_step);
    e.teacher_flops_per_step = step_tokens * (2.0 * static_cast<double>(tm.parameter_count()) +
                                              4.0 * tm.num_hidden_layers * t.max_length * tm.num_attention_heads * tm.head_dim / 2.0);
  }
  e.total_bytes = e.weight_bytes + e.optimizer_bytes + e.activation_bytes + e.teacher_weight_bytes + e.teacher_activation_bytes;

  // Forward 2·N per token; backward 2·N for input gradients, plus 2·N weight gradients when
  // every weight trains; attention scores and values 4·L·d per layer and token, ×3 with
  // backward; checkpointing repeats the forward.
  const double n = static_cast<double>(e.base_parameters);
  const double step_tokens = static_cast<double>(e.tokens_per_step);
  const double matmul = step_tokens * (lora ? 4.0 * n + 6.0 * e.trainable_parameters : 6.0 * n);
  const double attention = step_tokens * 12.0 * m.num_hidden_layers * t.max_length * m.num_attention_heads * m.head_dim / 2.0;
  e.flops_per_step = (matmul + attention) * (t.gradient_checkpointing ? 4.0 / 3.0 : 1.0) + e.teacher_flops_per_step;
  e.seconds_per_step = flops_per_second > 0 ? e.flops_per_step / flops_per_second : 0.0;
  return e;
}

std::vector<ConfigWarning> check_run_config(const RunConfig& config, const WarningContext& context) {
  std::vector<ConfigWarning> warnings;
  const auto& t = config.training;
  auto warn = [&](const std::string& key, const std::string& message) { warnings.push_back({key, message}); };

  const int64_t effective = t.micro_batch_size * t.gradient_accumulation_steps;
  if (context.desired_effective_batch > 0 && context.desired_effective_batch != effective)
    warn("training.gradient_accumulation_steps",
         "the effective batch is micro-batch " + std::to_string(t.micro_batch_size) + " × accumulation " +
             std::to_string(t.gradient_accumulation_steps) + " = " + std::to_string(effective) + ", not the " +
             std::to_string(context.desired_effective_batch) + " asked for; change one of them");

  if (config.mode == TrainingMode::Lora && context.model) {
    const int64_t suggested = lora::suggested_rank(context.model->hidden_size);
    if (config.lora.r > 4 * suggested || 4 * config.lora.r < suggested)
      warn("lora.r", "rank " + std::to_string(config.lora.r) + " is far from about √hidden / 2 = " +
                         std::to_string(suggested) + " for hidden size " + std::to_string(context.model->hidden_size) +
                         "; a much larger rank mostly adds memory, a much smaller one may underfit");
    if (config.lora.alpha < config.lora.r / 4.0)
      warn("lora.alpha", "alpha " + format_number(config.lora.alpha) + " is small for rank " + std::to_string(config.lora.r) +
                             " (scaling alpha / r = " + format_number(config.lora.alpha / config.lora.r) +
                             "); the adapter will learn slowly — alpha = 2 × r is the usual choice");
  }

  if (config.eval_file.empty() && config.val_size <= 0)
    warn("eval_file", "no evaluation data (no eval file and validation size 0): the eval loss curve will stay empty "
                      "and the best checkpoint cannot be chosen");

  const double lr = t.learning_rate;
  if (config.mode == TrainingMode::Lora && (lr > 1e-3 || lr < 1e-6))
    warn("training.learning_rate", "learning rate " + format_number(lr) + " is outside the usual LoRA range 1e-5 … 1e-3");
  if (config.mode == TrainingMode::Full && lr > 1e-3)
    warn("training.learning_rate", "learning rate " + format_number(lr) + " is high for training every weight; "
                                   "the loss may diverge (try 1e-5 … 3e-4)");

  if (context.model && t.max_length > context.model->max_position_embeddings)
    warn("training.max_length", "max_length " + std::to_string(t.max_length) + " exceeds the model's " +
                                    std::to_string(context.model->max_position_embeddings) + " positions");

  if (context.train_records) {
    const int64_t steps = planned_steps(t, *context.train_records);
    if (*context.train_records > 0 && *context.train_records < t.micro_batch_size * t.gradient_accumulation_steps)
      warn("training.micro_batch_size", "the training data has " + std::to_string(*context.train_records) +
                                            " examples, fewer than one effective batch of " + std::to_string(effective));
    if (steps > 0 && t.logging_steps > steps)
      warn("training.logging_steps", "logging every " + std::to_string(t.logging_steps) + " steps but the run has " +
                                         std::to_string(steps) + ": the loss curve will have a single point");
    if (steps > 0 && t.save_steps > steps)
      warn("training.save_steps", "saving every " + std::to_string(t.save_steps) + " steps but the run has " +
                                      std::to_string(steps) + ": only the final checkpoint will exist");
    if (steps > 0 && t.eval_steps > steps)
      warn("training.eval_steps", "evaluating every " + std::to_string(t.eval_steps) + " steps but the run has " +
                                      std::to_string(steps) + ": evaluation runs only at the end");
  }

  if (t.load_best_model_at_end && t.save_steps > 0 && t.eval_steps > 0 && t.save_steps % t.eval_steps != 0)
    warn("training.save_steps", "load_best_model_at_end picks among saved checkpoints: make save_steps a multiple "
                                "of eval_steps, or the best evaluation may have no checkpoint");

  if (context.bfloat16_slow && runtime::parse_dtype_choice(t.dtype) == runtime::DTypeChoice::BFloat16)
    warn("training.dtype", "bfloat16: " + runtime::slow_bfloat16_warning());

  if (context.model && context.memory_available) {
    const auto estimate =
        estimate_run(config, *context.model, context.flops_per_second, context.teacher ? &*context.teacher : nullptr);
    if (estimate.total_bytes > *context.memory_available)
      warn("training.micro_batch_size", "the estimate needs about " + format_gib(estimate.total_bytes) + " but " +
                                            format_gib(*context.memory_available) +
                                            " is available: lower the micro-batch or max_length, or turn on "
                                            "gradient checkpointing");
  }
  return warnings;
}

}  // namespace medlora::train
