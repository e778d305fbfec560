// The pre-launch estimate and the "legal but probably wrong" warnings of a run config.
#include "core/train/run_estimate.h"

#include "core/runtime/bfloat16_speed.h"
#include "core/runtime/compute_options.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace medlora;
using train::RunConfig;

namespace {

model::LlamaConfig llama_7b_shape() {
  model::LlamaConfig m;  // the defaults are LLaMA-7B's shape
  return m;
}

RunConfig lora_config() {
  RunConfig c;
  c.base_model = "base";
  c.train_file = "train.jsonl";
  c.output_dir = "out";
  c.val_size = 0.1;
  c.training.micro_batch_size = 4;
  c.training.gradient_accumulation_steps = 8;
  return c;
}

RunConfig lora_config_bf16() {
  auto c = lora_config();
  c.training.dtype = "bfloat16";
  return c;
}

bool has_warning(const std::vector<train::ConfigWarning>& warnings, const std::string& key) {
  return std::any_of(warnings.begin(), warnings.end(), [&](const auto& w) { return w.key == key; });
}

}  // namespace

TEST(RunEstimate, CountsLoraParametersLikePeft) {
  // PEFT reports 4,194,304 trainable parameters for r 8 on q/v of LLaMA-7B.
  train::LoraSettings lora;
  lora.r = 8;
  lora.target_modules = {"q_proj", "v_proj"};
  EXPECT_EQ(train::lora_parameter_count(lora, llama_7b_shape()), 4194304);
  lora.target_modules = {"all-linear"};
  // 32 layers × 8 × (4 × (4096 + 4096) + 3 × (4096 + 11008)) = 19,988,480.
  EXPECT_EQ(train::lora_parameter_count(lora, llama_7b_shape()), 19988480);
}

TEST(RunEstimate, MemoryAndTimeScaleWithTheBatch) {
  auto config = lora_config();
  config.training.dtype = "bfloat16";
  const auto model = llama_7b_shape();
  const auto small = train::estimate_run(config, model, 1e12);
  EXPECT_EQ(small.weight_bytes, static_cast<uint64_t>(model.parameter_count()) * 2u);
  EXPECT_EQ(small.optimizer_bytes, static_cast<uint64_t>(small.trainable_parameters) * 16u);
  EXPECT_EQ(small.tokens_per_step, 4 * 8 * 512);
  EXPECT_GT(small.seconds_per_step, 0.0);
  config.training.micro_batch_size = 8;
  const auto large = train::estimate_run(config, model, 1e12);
  EXPECT_GT(large.activation_bytes, small.activation_bytes * 19 / 10);
  EXPECT_NEAR(large.seconds_per_step / small.seconds_per_step, 2.0, 1e-9);
  config.training.gradient_checkpointing = true;
  const auto checkpointed = train::estimate_run(config, model, 1e12);
  EXPECT_LT(checkpointed.activation_bytes, large.activation_bytes / 2);
  EXPECT_GT(checkpointed.seconds_per_step, large.seconds_per_step);
}

TEST(RunEstimate, FullTrainingNeedsOptimizerStateForEveryWeight) {
  auto config = lora_config();
  config.mode = train::TrainingMode::Full;
  const auto model = llama_7b_shape();
  const auto e = train::estimate_run(config, model, 0);
  EXPECT_EQ(e.trainable_parameters, model.parameter_count());
  EXPECT_EQ(e.seconds_per_step, 0.0);  // no device speed given
  EXPECT_GT(e.total_bytes, static_cast<uint64_t>(model.parameter_count()) * 16u);
}

TEST(RunEstimate, PlannedStepsFollowTheTrainer) {
  train::TrainingOptions o;
  o.micro_batch_size = 4;
  o.gradient_accumulation_steps = 2;
  o.epochs = 3;
  EXPECT_EQ(train::planned_steps(o, 17), 3 * 3);  // 5 micro-batches -> 3 steps an epoch
  o.max_steps = 7;
  EXPECT_EQ(train::planned_steps(o, 17), 7);
}

TEST(RunConfigWarnings, EffectiveBatchMismatchIsNamed) {
  auto config = lora_config();
  train::WarningContext context;
  context.desired_effective_batch = 32;
  EXPECT_FALSE(has_warning(train::check_run_config(config, context), "training.gradient_accumulation_steps"));
  context.desired_effective_batch = 64;
  const auto warnings = train::check_run_config(config, context);
  ASSERT_TRUE(has_warning(warnings, "training.gradient_accumulation_steps"));
  EXPECT_NE(warnings.front().message.find("= 32"), std::string::npos);
}

TEST(RunConfigWarnings, RankFarFromTheSuggestion) {
  auto config = lora_config();
  train::WarningContext context;
  context.model = llama_7b_shape();  // suggested rank 32
  config.lora.r = 16;
  config.lora.alpha = 32;
  EXPECT_FALSE(has_warning(train::check_run_config(config, context), "lora.r"));
  config.lora.r = 256;
  config.lora.alpha = 512;
  EXPECT_TRUE(has_warning(train::check_run_config(config, context), "lora.r"));
  config.lora.r = 4;
  config.lora.alpha = 8;
  EXPECT_TRUE(has_warning(train::check_run_config(config, context), "lora.r"));
}

TEST(RunConfigWarnings, NoEvaluationDataMeansNoEvalCurve) {
  auto config = lora_config();
  train::WarningContext context;
  EXPECT_FALSE(has_warning(train::check_run_config(config, context), "eval_file"));
  config.val_size = 0;
  EXPECT_TRUE(has_warning(train::check_run_config(config, context), "eval_file"));
}

TEST(RunConfigWarnings, StepsAndIntervalsAndMemory) {
  auto config = lora_config();
  config.training.epochs = 1;
  config.training.logging_steps = 50;
  config.training.save_steps = 100;
  train::WarningContext context;
  context.train_records = 320;  // 10 steps
  auto warnings = train::check_run_config(config, context);
  EXPECT_TRUE(has_warning(warnings, "training.logging_steps"));
  EXPECT_TRUE(has_warning(warnings, "training.save_steps"));
  context.train_records = 10;
  EXPECT_TRUE(has_warning(train::check_run_config(config, context), "training.micro_batch_size"));

  context = {};
  context.model = llama_7b_shape();
  context.memory_available = uint64_t{8} << 30;  // 8 GiB cannot hold 7B float32 weights
  warnings = train::check_run_config(config, context);
  ASSERT_TRUE(has_warning(warnings, "training.micro_batch_size"));
  context.memory_available = uint64_t{1} << 50;
  EXPECT_FALSE(has_warning(train::check_run_config(config, context), "training.micro_batch_size"));
}

TEST(RunConfigWarnings, LearningRateOutsideTheUsualRange) {
  auto config = lora_config();
  train::WarningContext context;
  EXPECT_FALSE(has_warning(train::check_run_config(config, context), "training.learning_rate"));
  config.training.learning_rate = 0.05;
  EXPECT_TRUE(has_warning(train::check_run_config(config, context), "training.learning_rate"));
}

TEST(RunConfigWarnings, BFloat16WhereItIsSlowIsNamed) {
  auto config = lora_config_bf16();
  train::WarningContext context;
  EXPECT_FALSE(has_warning(train::check_run_config(config, context), "training.dtype"));
  context.bfloat16_slow = true;
  EXPECT_TRUE(has_warning(train::check_run_config(config, context), "training.dtype"));
  config.training.dtype = "bf16";  // the alias RunConfig accepts
  EXPECT_TRUE(has_warning(train::check_run_config(config, context), "training.dtype"));
  for (const char* fine : {"auto", "float32"}) {
    config.training.dtype = fine;
    EXPECT_FALSE(has_warning(train::check_run_config(config, context), "training.dtype")) << fine;
  }
}

TEST(ComputeOptions, BFloat16IsSlowOnlyOnACpuWithoutAvx512Bf16) {
  EXPECT_TRUE(runtime::bfloat16_is_slow_on(c10::Device(c10::kCPU), false));
  EXPECT_FALSE(runtime::bfloat16_is_slow_on(c10::Device(c10::kCPU), true));
  EXPECT_FALSE(runtime::bfloat16_is_slow_on(c10::Device(c10::kCUDA, 0), false));
  // auto follows the same rule on the CPU: bfloat16 exactly where it is not slow.
  const c10::Device cpu(c10::kCPU);
  EXPECT_EQ(runtime::resolve_dtype(runtime::DTypeChoice::Auto, cpu) == c10::kBFloat16, !runtime::bfloat16_is_slow_on(cpu));
}

namespace {

RunConfig distill_config(int64_t precompute_top_k, const std::string& quantization = "none") {
  auto c = lora_config();
  c.training.dtype = "bfloat16";
  c.distillation.emplace();
  c.distillation->teacher.model = "teacher";
  c.distillation->teacher.quantization = quantization;
  c.distillation->teacher.precompute_top_k = precompute_top_k;
  return c;
}

// A 1.1B-parameter teacher in TinyLlama's shape.
model::LlamaConfig tinyllama_shape() {
  model::LlamaConfig m;
  m.vocab_size = 32000;
  m.hidden_size = 2048;
  m.intermediate_size = 5632;
  m.num_hidden_layers = 22;
  m.num_attention_heads = 32;
  m.num_key_value_heads = 4;
  m.head_dim = 64;
  return m;
}

}  // namespace

TEST(RunEstimate, AnOnlineTeacherAddsItsWeightsActivationsAndForward) {
  model::LlamaConfig student = tinyllama_shape();
  student.num_hidden_layers = 4;  // a small student of the same vocabulary
  const auto teacher = tinyllama_shape();
  const auto plain = train::estimate_run(lora_config_bf16(), student, 1e12);
  const auto online = train::estimate_run(distill_config(0), student, 1e12, &teacher);
  EXPECT_FALSE(online.teacher_unknown);
  EXPECT_EQ(online.teacher_weight_bytes, static_cast<uint64_t>(teacher.parameter_count()) * 2u);
  EXPECT_GT(online.teacher_activation_bytes, 4u * 512 * 32000 * 4) << "at least its float32 logits for the micro-batch";
  EXPECT_EQ(online.total_bytes, plain.total_bytes + online.teacher_weight_bytes + online.teacher_activation_bytes);
  // Forward only: 2 × N_teacher per token, plus its attention.
  EXPECT_GE(online.teacher_flops_per_step, 2.0 * static_cast<double>(teacher.parameter_count()) * online.tokens_per_step);
  EXPECT_NEAR(online.flops_per_step, plain.flops_per_step + online.teacher_flops_per_step, 1e-6 * online.flops_per_step);
  EXPECT_GT(online.seconds_per_step, plain.seconds_per_step * 2) << "a teacher 4× the student's depth dominates the step";

  // Precomputed: none of the teacher is in the run's memory or steps.
  const auto pre = train::estimate_run(distill_config(64), student, 1e12, &teacher);
  EXPECT_EQ(pre.teacher_weight_bytes, 0u);
  EXPECT_EQ(pre.teacher_activation_bytes, 0u);
  EXPECT_EQ(pre.teacher_flops_per_step, 0.0);
  EXPECT_EQ(pre.total_bytes, plain.total_bytes);
  EXPECT_DOUBLE_EQ(pre.seconds_per_step, plain.seconds_per_step);
  EXPECT_FALSE(pre.teacher_unknown);

  const auto unknown = train::estimate_run(distill_config(0), student, 1e12);
  EXPECT_TRUE(unknown.teacher_unknown);
  EXPECT_EQ(unknown.total_bytes, plain.total_bytes);
}

TEST(RunEstimate, AQuantisedTeacherIsCountedAsItIsStored) {
  const auto teacher = tinyllama_shape();
  const auto student = tinyllama_shape();
  const auto none = train::estimate_run(distill_config(0), student, 0, &teacher).teacher_weight_bytes;
  const auto int8 = train::estimate_run(distill_config(0, "int8"), student, 0, &teacher).teacher_weight_bytes;
  const auto nf4 = train::estimate_run(distill_config(0, "nf4"), student, 0, &teacher).teacher_weight_bytes;
  const auto nf4_dq = train::estimate_run(distill_config(0, "nf4-dq"), student, 0, &teacher).teacher_weight_bytes;
  // Projections: 22 × (2048·2048·2 + 2048·256·2 + 3·2048·5632) = 968,884,224 weights; the rest
  // (embeddings, lm_head, norms) 131,164,160 stays bf16.
  const uint64_t projections = 968884224, rest = static_cast<uint64_t>(teacher.parameter_count()) - projections;
  EXPECT_EQ(none, (projections + rest) * 2);
  uint64_t rows = 22 * (2048 + 256 + 256 + 2048 + 5632 + 5632 + 2048);
  EXPECT_EQ(int8, rest * 2 + projections + 4 * rows);
  EXPECT_EQ(nf4, rest * 2 + projections / 2 + 4 * (projections / 64));
  EXPECT_LT(nf4_dq, nf4);
  EXPECT_GT(nf4_dq, rest * 2 + projections / 2 + projections / 64);
  EXPECT_EQ(train::frozen_weight_bytes(teacher, 2, "nf4"), nf4);
}

TEST(RunEstimate, AQuantisedBaseAndTheEightBitOptimiserAreCountedAsStored) {
  auto config = lora_config_bf16();
  config.lora.modules_to_save = {"lm_head", "embed_tokens"};
  const auto model = llama_7b_shape();
  const auto plain = train::estimate_run(config, model, 1e12);
  config.base_quantization = "nf4";
  config.training.optimizer = "adamw_8bit";
  const auto small = train::estimate_run(config, model, 1e12);
  EXPECT_EQ(small.weight_bytes, train::frozen_weight_bytes(model, 2, "nf4"));
  EXPECT_LT(small.weight_bytes, plain.weight_bytes * 35 / 100);  // 4.5 bits a weight, embeddings in bf16
  // 4 + 4 bytes (float32 weight and gradient) + two 1-byte moments, plus an absmax per 2048.
  const auto trainable = static_cast<uint64_t>(small.trainable_parameters);
  EXPECT_EQ(small.optimizer_bytes, trainable * 10u + 8u * ((trainable + 2047) / 2048));
  EXPECT_EQ(plain.optimizer_bytes, trainable * 16u);
  EXPECT_EQ(small.activation_bytes, plain.activation_bytes);
  EXPECT_LT(small.total_bytes, plain.total_bytes);
}

TEST(RunConfigWarnings, TheMemoryCheckCountsAnOnlineTeacher) {
  auto config = lora_config_bf16();
  config.distillation = train::DistillationConfig{};
  config.distillation->teacher.model = "teacher";
  const auto student = llama_7b_shape();
  const uint64_t student_only = train::estimate_run(config, student, 1e12).total_bytes;
  train::WarningContext context;
  context.model = student;
  context.flops_per_second = 1e12;
  context.memory_available = student_only + student_only / 10;  // fits without the teacher
  EXPECT_FALSE(has_warning(train::check_run_config(config, context), "training.micro_batch_size"));
  context.teacher = student;  // a teacher as large as the student does not fit beside it
  EXPECT_TRUE(has_warning(train::check_run_config(config, context), "training.micro_batch_size"));
}
