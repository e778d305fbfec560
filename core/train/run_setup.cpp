#include "core/train/run_setup.h"

#include <torch/torch.h>

#include <algorithm>
#include <optional>
#include <random>

#include "core/generate/loaded_model.h"
#include "core/io/atomic_file.h"
#include "core/lora/lora_model.h"
#include "core/lora/peft_adapter.h"
#include "core/model/model_loader.h"
#include "core/quant/quant_format.h"
#include "core/runtime/bfloat16_speed.h"
#include "core/tokenizer/prompt_format.h"
#include "core/tokenizer/tokenizer.h"
#include "core/train/dataset_loader.h"
#include "core/train/teacher_fingerprint.h"
#include "core/train/train_error.h"

namespace medlora::train {

namespace fs = std::filesystem;

namespace {

const char* kTokenizerFiles[] = {"tokenizer.model", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
                                 "chat_template.jinja", "generation_config.json"};

bool is_text_corpus(const RunConfig& c) {
  if (c.data_format != DataFormat::Auto) return c.data_format == DataFormat::Text;
  auto ext = c.train_file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return ext == ".txt";
}

// Deterministic held-out split of encoded chunks (text corpora).
std::pair<std::vector<EncodedExample>, std::vector<EncodedExample>> split_examples(std::vector<EncodedExample> all,
                                                                                   double val_size, uint64_t seed) {
  std::vector<TrainingRecord> proxies(all.size());
  for (size_t i = 0; i < all.size(); ++i) proxies[i].line = static_cast<int64_t>(i);
  auto [train_idx, eval_idx] = split_records(std::move(proxies), val_size, seed);
  std::vector<EncodedExample> train, eval;
  for (const auto& r : train_idx) train.push_back(std::move(all[static_cast<size_t>(r.line)]));
  for (const auto& r : eval_idx) eval.push_back(std::move(all[static_cast<size_t>(r.line)]));
  return {std::move(train), std::move(eval)};
}

EncodeFunction encoder_of(const std::shared_ptr<tokenizer::Tokenizer>& tok) {
  return [tok](const std::string& text, bool add_bos) { return tok->encode(text, add_bos); };
}

int64_t pad_of(const tokenizer::Tokenizer& tok) {
  if (tok.pad_id() >= 0) return tok.pad_id();
  return tok.eos_id() >= 0 ? tok.eos_id() : 0;
}

TrainableModel full_parameters(std::shared_ptr<model::LlamaForCausalLM> m, const fs::path& tokenizer_dir) {
  TrainableModel t;
  t.model = m;
  for (auto& p : m->parameters()) p.set_requires_grad(false);
  for (auto& [name, tensor] : m->base_state_dict()) {
    tensor.set_requires_grad(true);
    t.parameters.emplace_back(name, tensor);
  }
  t.save_name = "model";
  t.save = [m, tokenizer_dir](const fs::path& dir) { save_model_folder(*m, tokenizer_dir, dir); };
  return t;
}

// The frozen teacher of a distillation run, on the student's device and compute dtype,
// optionally quantised as it loads and with its adapter applied (the path `generate` takes).
void check_teacher_folder(const RunConfig& c) {
  const auto& d = *c.distillation;
  if (!model::looks_like_model_dir(d.teacher.model))
    throw TrainingError(c.source.string() + ": key \"teacher.model\": " + d.teacher.model.string() +
                        " is not an HF model folder (config.json + *.safetensors)");
}

DistillationTeacher load_teacher(const RunConfig& c, const runtime::ComputeOptions& compute,
                                 const model::LlamaConfig& student) {
  const auto& d = *c.distillation;
  DistillationTeacher teacher;
  teacher.settings = {d.temperature, d.alpha};
  check_teacher_folder(c);
  try {
    teacher.model =
        generate::load_model_for_generation(d.teacher.model, d.teacher.adapter, compute,
                                            quant::parse_base_quantization(d.teacher.quantization))
            .model;
  } catch (const TrainingError&) {
    throw;
  } catch (const std::exception& e) {
    throw TrainingError(c.source.string() + ": key \"teacher\": " + e.what());
  }
  if (teacher.model->config().vocab_size != student.vocab_size)
    throw TrainingError(c.source.string() + ": key \"teacher.model\": the teacher " + d.teacher.model.string() +
                        " has vocab_size " + std::to_string(teacher.model->config().vocab_size) + " but the student " +
                        c.base_model.string() + " has " + std::to_string(student.vocab_size) +
                        "; distillation needs one shared tokenizer vocabulary");
  return teacher;
}

}  // namespace

void save_model_folder(model::LlamaForCausalLM& m, const fs::path& tokenizer_dir, const fs::path& dir) {
  io::StagingDirectory staging(dir);
  model::save_llama(m, staging.path(), torch::kFloat);
  for (const char* name : kTokenizerFiles) {
    const auto from = tokenizer_dir / name;
    if (fs::exists(from)) fs::copy_file(from, staging.path() / name, fs::copy_options::overwrite_existing);
  }
  staging.commit();
}

PreparedRun prepare_run(const RunConfig& c, const RunOverrides& overrides) {
  PreparedRun run;
  auto& s = run.setup;
  s.options = c.training;
  if (overrides.max_steps > 0) s.options.max_steps = overrides.max_steps;
  s.output_dir = c.output_dir;
  s.resume_from = overrides.resume_from;
  s.run_config = c.to_json();
  if (overrides.max_steps > 0) {
    auto training = s.run_config["training"].toObject();
    training["max_steps"] = static_cast<qint64>(overrides.max_steps);
    s.run_config["training"] = training;
  }

  const bool full = c.mode == TrainingMode::Full;
  std::string dtype = c.training.dtype;
  if (full && dtype == "auto") dtype = "float32";  // pretraining / full fine-tuning computes in float32
  try {
    run.compute = runtime::resolve_compute(c.device, dtype, c.threads);
  } catch (const std::invalid_argument& e) {
    throw TrainingError(c.source.string() + ": key \"training.dtype\" / \"device\": " + e.what());
  }
  if (full && run.compute.dtype != torch::kFloat)
    throw TrainingError(c.source.string() + ": key \"training.dtype\": full-parameter training keeps every weight in float32; "
                        "use \"float32\" (or \"auto\")");
  if (!model::looks_like_model_dir(c.base_model))
    throw TrainingError(c.source.string() + ": key \"base_model\": " + c.base_model.string() +
                        " is not an HF model folder (config.json + *.safetensors)");
  // A quantised base is quantised as the shards are read (LoRA only; checked by RunConfig).
  auto m = model::load_llama(c.base_model, run.compute, quant::parse_base_quantization(c.base_quantization));
  run.tokenizer = tokenizer::Tokenizer::load(c.base_model);
  s.pad_id = pad_of(*run.tokenizer);
  if (c.distillation && c.distillation->teacher.precompute_top_k > 0) {
    // The teacher is loaded only if its top-k file has to be (re)computed, inside Trainer::run.
    check_teacher_folder(c);
    DistillationTeacher teacher;
    teacher.settings = {c.distillation->temperature, c.distillation->alpha};
    teacher.precompute.k = c.distillation->teacher.precompute_top_k;
    try {
      teacher.precompute.teacher_identity = teacher_identity(c.distillation->teacher, runtime::dtype_name(run.compute.dtype));
    } catch (const TrainingError& e) {
      throw TrainingError(c.source.string() + ": key \"teacher\": " + e.what());
    }
    teacher.precompute.load_teacher = [c, compute = run.compute, student = m->config()] {
      return load_teacher(c, compute, student).model;
    };
    s.distillation = std::move(teacher);
  } else if (c.distillation) {
    s.distillation = load_teacher(c, run.compute, m->config());
  }

  // Data.
  const auto encode = encoder_of(run.tokenizer);
  std::string template_used;
  if (is_text_corpus(c)) {
    auto chunks = pack_text_corpus(load_text_corpus(c.train_file), encode, run.tokenizer->eos_id(), s.options.max_length,
                                   &s.train_stats);
    if (!c.eval_file.empty()) {
      s.eval = pack_text_corpus(load_text_corpus(c.eval_file), encode, run.tokenizer->eos_id(), s.options.max_length, &s.eval_stats);
      s.train = std::move(chunks);
    } else {
      std::tie(s.train, s.eval) = split_examples(std::move(chunks), c.val_size, s.options.seed);
    }
  } else {
    std::optional<tokenizer::PromptFormat> format;
    try {
      format = tokenizer::PromptFormat::resolve(c.template_name, c.custom_template, c.base_model, run.tokenizer);
    } catch (const std::exception& e) {
      throw TrainingError(c.source.string() + ": key \"template\": " + e.what());
    }
    template_used = format->name();
    ExampleEncoder encoder([format](const tokenizer::Conversation& conversation) { return format->encode_training(conversation); },
                           s.options.max_length, s.options.train_on_prompt);
    auto records = load_training_records(c.train_file);
    std::vector<TrainingRecord> eval_records;
    if (!c.eval_file.empty()) eval_records = load_training_records(c.eval_file);
    else std::tie(records, eval_records) = split_records(std::move(records), c.val_size, s.options.seed);
    s.train = encoder.encode(records, &s.train_stats);
    if (!eval_records.empty()) s.eval = encoder.encode(eval_records, &s.eval_stats);
  }

  // What is trained.
  if (full) {
    s.trainable = full_parameters(m, c.base_model);
  } else {
    for (auto& p : m->parameters()) p.set_requires_grad(false);
    lora::LoraConfig lc;
    lc.r = c.lora.r;
    lc.alpha = c.lora.alpha;
    lc.dropout = c.lora.dropout;
    lc.target_modules = c.lora.target_modules;
    lc.modules_to_save = c.lora.modules_to_save;
    lc.use_rslora = c.lora.use_rslora;
    lc.base_model_name_or_path = c.base_model.string();
    try {
      lc.validate();
    } catch (const std::exception& e) {
      throw TrainingError(c.source.string() + ": key \"lora\": " + e.what());
    }
    lora::inject_lora(*m, lc, "default", c.training.seed);
    s.trainable.model = m;
    s.trainable.parameters = lora::lora_trainable_parameters(*m);
    s.trainable.save_name = "adapter";
    s.trainable.save = [m, lc](const fs::path& dir) { lora::save_peft_adapter(*m, lc, dir); };
  }
  s.started_extra = QJsonObject{{"mode", c.distillation ? "distill" : full ? "full" : "lora"},
                                {"base_model", QString::fromStdString(c.base_model.string())},
                                {"threads", run.compute.threads}};
  if (!template_used.empty()) s.started_extra["template"] = QString::fromStdString(template_used);
  if (c.base_quantization != "none") s.started_extra["base_quantization"] = QString::fromStdString(c.base_quantization);
  if (c.distillation) {
    s.started_extra["teacher"] = QString::fromStdString(c.distillation->teacher.model.string());
    if (!c.distillation->teacher.adapter.empty())
      s.started_extra["teacher_adapter"] = QString::fromStdString(c.distillation->teacher.adapter.string());
    if (c.distillation->teacher.quantization != "none")
      s.started_extra["teacher_quantization"] = QString::fromStdString(c.distillation->teacher.quantization);
    s.started_extra["student"] = full ? "full" : "lora";
    if (c.distillation->teacher.precompute_top_k > 0)
      s.started_extra["teacher_precompute_top_k"] = static_cast<qint64>(c.distillation->teacher.precompute_top_k);
    s.started_extra["temperature"] = c.distillation->temperature;
    s.started_extra["alpha"] = c.distillation->alpha;
  }
  if (c.training.optimizer != "adamw") s.started_extra["optimizer"] = QString::fromStdString(c.training.optimizer);
  // Asked for explicitly (auto never picks it there): the run goes ahead, and says why it is slow.
  if (run.compute.dtype == torch::kBFloat16 && runtime::bfloat16_is_slow_on(run.compute.device))
    s.started_extra["warning"] = QString::fromStdString(runtime::slow_bfloat16_warning());
  return run;
}

TrainResult run_training(const RunConfig& config, const RunOverrides& overrides, TrainerCallbacks callbacks) {
  auto run = prepare_run(config, overrides);
  Trainer trainer(std::move(run.setup), std::move(callbacks));
  return trainer.run();
}

TrainResult pretrain(const PretrainOptions& o, TrainerCallbacks callbacks) {
  if (!o.model) throw TrainingError("pretrain: no model given");
  if (o.model->dtype() != torch::kFloat) throw TrainingError("pretrain: the model must be float32");
  auto tok = tokenizer::Tokenizer::load(o.tokenizer_dir);
  TrainerSetup s;
  s.options = o.training;
  s.output_dir = o.output_dir;
  s.pad_id = pad_of(*tok);
  s.train = pack_text_corpus(o.documents, encoder_of(tok), tok->eos_id(), o.training.max_length, &s.train_stats);
  if (!o.eval_documents.empty())
    s.eval = pack_text_corpus(o.eval_documents, encoder_of(tok), tok->eos_id(), o.training.max_length, &s.eval_stats);
  s.trainable = full_parameters(o.model, o.tokenizer_dir);
  s.started_extra = QJsonObject{{"mode", "full"}};
  Trainer trainer(std::move(s), std::move(callbacks));
  return trainer.run();
}

}  // namespace medlora::train
