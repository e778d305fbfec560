#pragma once
// RUN.json: everything one `medlora train` run needs. Parsing is strict: unknown keys and bad
// values throw TrainingError naming the file and the key.
#include <QJsonObject>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace medlora::train {

enum class TrainingMode { Lora, Full };
enum class LrSchedulerKind { Cosine, Linear, Constant };
enum class DataFormat { Auto, Records, Text };

// The "lora" section (mirrors lora::LoraConfig; converted in run_setup).
struct LoraSettings {
  int64_t r = 16;
  double alpha = 32;
  double dropout = 0.05;
  std::vector<std::string> target_modules{"q_proj", "k_proj", "v_proj", "o_proj"};
  std::vector<std::string> modules_to_save;
  bool use_rslora = false;
};

// The "training" section, with the defaults of the issue (HF Trainer's where it has one).
struct TrainingOptions {
  int64_t epochs = 3;
  int64_t max_steps = 0;  // > 0 overrides epochs
  int64_t micro_batch_size = 4;
  int64_t gradient_accumulation_steps = 8;
  double learning_rate = 2e-4;
  LrSchedulerKind lr_scheduler = LrSchedulerKind::Cosine;
  double warmup_ratio = 0.1;
  double weight_decay = 0.01;
  double adam_beta1 = 0.9, adam_beta2 = 0.999, adam_epsilon = 1e-8;
  double max_grad_norm = 1.0;  // <= 0 disables clipping
  int64_t max_length = 512;
  int64_t logging_steps = 10;
  int64_t eval_steps = 0;   // 0: evaluate at the end of each epoch (when there is eval data)
  int64_t save_steps = 0;   // 0: save at the end of each epoch
  int64_t save_total_limit = 3;  // 0: keep all
  int64_t early_stopping_patience = 0;  // 0: off
  bool load_best_model_at_end = false;
  uint64_t seed = 42;
  std::string dtype = "auto";  // compute dtype: auto | float32 | bfloat16 | float16
  bool gradient_checkpointing = false;
  // Recompute attention's softmax, SwiGLU, RMSNorm, LoRA dropout and the loss's logits in backward
  // instead of keeping them (model/recomputed_forward.h): less memory, some time; no weight matmul is
  // repeated except lm_head's.
  bool recompute_activations = false;
  bool train_on_prompt = false;
  bool auto_find_batch_size = true;  // CUDA only: halve the micro-batch on out-of-memory
  int64_t max_consecutive_nonfinite = 5;
  // "adamw" (float32 moments) or "adamw_8bit" (moments blockwise-quantised to 8 bits).
  std::string optimizer = "adamw";
};

// "mode": "distill": the LoRA student learns from a frozen teacher's soft targets
// (core/train/distillation_loss.h). The teacher shares the student's vocabulary.
struct TeacherSettings {
  std::filesystem::path model;    // HF model folder
  std::filesystem::path adapter;  // optional PEFT adapter applied to the teacher
  std::string quantization = "none";  // "none" | "int8" | "nf4" | "nf4-dq" (CPU only, as base_quantization)
  // "teacher": {"precompute_top_k": K}: before training, run the teacher once over every
  // training example and keep its K largest logits per answer position in
  // output_dir/teacher_top_k.bin (core/train/teacher_topk_cache.h); training then reads them
  // and never loads the teacher. 0 (the default): the teacher runs online every step.
  // `true` means kDefaultPrecomputeTopK; `false` means 0. Written back as the integer.
  int64_t precompute_top_k = 0;
};
inline constexpr int64_t kDefaultPrecomputeTopK = 64;
struct DistillationConfig {
  TeacherSettings teacher;
  double temperature = 3.0;  // > 0
  double alpha = 0.7;        // weight of the KL term, in [0, 1]
};

struct RunConfig {
  std::filesystem::path source;  // the RUN.json this came from (for messages)
  std::filesystem::path base_model;
  std::filesystem::path train_file;
  std::filesystem::path eval_file;  // empty: use val_size
  double val_size = 0.0;            // fraction (< 1) or count (>= 1) of train records held out
  std::filesystem::path output_dir;
  std::string template_name;         // "" = "model" when the base model has a chat template, else "clinic"
  std::string custom_template;      // "template": {"format": "..."}
  DataFormat data_format = DataFormat::Auto;
  TrainingMode mode = TrainingMode::Lora;
  LoraSettings lora;
  TrainingOptions training;
  std::string device = "auto";
  int threads = 0;
  // How the frozen base projections are held: "none" | "int8" | "nf4" | "nf4-dq" (LoRA only).
  std::string base_quantization = "none";
  // Set by "mode": "distill"; `mode` then says how the student trains ("student": "lora", the
  // default, or "full").
  std::optional<DistillationConfig> distillation;

  // Relative paths are resolved against the folder of the config file.
  static RunConfig from_json_file(const std::filesystem::path& path);
  static RunConfig from_json(const QJsonObject& json, const std::filesystem::path& base_dir,
                             const std::string& source = "RUN.json");
  QJsonObject to_json() const;  // written into output_dir/run_config.json
};

std::string to_string(LrSchedulerKind kind);
LrSchedulerKind parse_lr_scheduler(const std::string& text);  // throws std::invalid_argument

}  // namespace medlora::train
