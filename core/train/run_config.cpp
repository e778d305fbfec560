#include "core/train/run_config.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "core/quant/quant_format.h"
#include "core/runtime/compute_options.h"
#include "core/train/train_error.h"

namespace medlora::train {

namespace {

// Reads the keys of one JSON object; each key may be read once and every key must be known.
class StrictObject {
 public:
  StrictObject(const QJsonObject& object, std::string where, std::string source)
      : object_(object), where_(std::move(where)), source_(std::move(source)) {}

  [[noreturn]] void fail(const std::string& key, const std::string& message) const {
    throw TrainingError(source_ + ": key \"" + where_ + key + "\": " + message);
  }

  bool has(const char* key) {
    known_.insert(key);
    return object_.contains(key) && !object_.value(key).isNull();
  }
  QJsonValue value(const char* key) const { return object_.value(key); }

  void string(const char* key, std::string& out) {
    if (!has(key)) return;
    if (!value(key).isString()) fail(key, "must be a string");
    out = value(key).toString().toStdString();
  }
  void path(const char* key, std::filesystem::path& out, const std::filesystem::path& base) {
    std::string text;
    string(key, text);
    if (!has(key)) return;
    if (text.empty()) fail(key, "must not be empty");
    std::filesystem::path p(text);
    out = p.is_absolute() ? p : (base / p).lexically_normal();
  }
  void integer(const char* key, int64_t& out, int64_t minimum, int64_t maximum = INT64_MAX) {
    if (!has(key)) return;
    const auto v = value(key);
    if (!v.isDouble() || std::floor(v.toDouble()) != v.toDouble()) fail(key, "must be an integer");
    const double d = v.toDouble();
    if (d < static_cast<double>(minimum) || d > static_cast<double>(maximum))
      fail(key, "must be between " + std::to_string(minimum) + " and " + std::to_string(maximum) + ", got " +
                    std::to_string(static_cast<int64_t>(d)));
    out = static_cast<int64_t>(d);
  }
  void number(const char* key, double& out, double minimum, double maximum, bool open_minimum = false) {
    if (!has(key)) return;
    const auto v = value(key);
    if (!v.isDouble() || !std::isfinite(v.toDouble())) fail(key, "must be a number");
    const double d = v.toDouble();
    if (d < minimum || d > maximum || (open_minimum && d == minimum))
      fail(key, "must be " + std::string(open_minimum ? "> " : ">= ") + QString::number(minimum).toStdString() +
                    " and <= " + QString::number(maximum).toStdString() + ", got " + QString::number(d).toStdString());
    out = d;
  }
  void boolean(const char* key, bool& out) {
    if (!has(key)) return;
    if (!value(key).isBool()) fail(key, "must be true or false");
    out = value(key).toBool();
  }
  void string_list(const char* key, std::vector<std::string>& out) {
    if (!has(key)) return;
    const auto v = value(key);
    std::vector<std::string> items;
    if (v.isString()) {
      items.push_back(v.toString().toStdString());
    } else if (v.isArray()) {
      for (const auto& item : v.toArray()) {
        if (!item.isString() || item.toString().isEmpty()) fail(key, "must be a list of non-empty strings");
        items.push_back(item.toString().toStdString());
      }
    } else {
      fail(key, "must be a list of strings");
    }
    out = std::move(items);
  }
  QJsonObject object(const char* key) {
    if (!has(key)) return {};
    if (!value(key).isObject()) fail(key, "must be an object");
    return value(key).toObject();
  }
  // Every key of the object must have been asked for.
  void reject_unknown() const {
    for (auto it = object_.begin(); it != object_.end(); ++it) {
      const auto key = it.key().toStdString();
      if (!known_.count(key)) {
        std::string known;
        for (const auto& k : known_) known += (known.empty() ? "" : ", ") + k;
        fail(key, "unknown key (known keys here: " + known + ")");
      }
    }
  }

 private:
  QJsonObject object_;
  std::string where_;
  std::string source_;
  std::set<std::string> known_;
};

void parse_training(StrictObject& t, TrainingOptions& o) {
  t.integer("epochs", o.epochs, 1, 100000);
  t.integer("max_steps", o.max_steps, 0);
  t.integer("micro_batch_size", o.micro_batch_size, 1, 65536);
  t.integer("gradient_accumulation_steps", o.gradient_accumulation_steps, 1, 65536);
  t.number("learning_rate", o.learning_rate, 0.0, 10.0, true);
  if (t.has("lr_scheduler")) {
    std::string s;
    t.string("lr_scheduler", s);
    try {
      o.lr_scheduler = parse_lr_scheduler(s);
    } catch (const std::invalid_argument& e) {
      t.fail("lr_scheduler", e.what());
    }
  }
  t.number("warmup_ratio", o.warmup_ratio, 0.0, 1.0);
  t.number("weight_decay", o.weight_decay, 0.0, 10.0);
  t.number("adam_beta1", o.adam_beta1, 0.0, 0.999999);
  t.number("adam_beta2", o.adam_beta2, 0.0, 0.999999);
  t.number("adam_epsilon", o.adam_epsilon, 0.0, 1.0, true);
  t.number("max_grad_norm", o.max_grad_norm, 0.0, 1e9);
  t.integer("max_length", o.max_length, 2, 1 << 20);
  t.integer("logging_steps", o.logging_steps, 1);
  t.integer("eval_steps", o.eval_steps, 0);
  t.integer("save_steps", o.save_steps, 0);
  t.integer("save_total_limit", o.save_total_limit, 0);
  t.integer("early_stopping_patience", o.early_stopping_patience, 0);
  t.boolean("load_best_model_at_end", o.load_best_model_at_end);
  int64_t seed = static_cast<int64_t>(o.seed);
  t.integer("seed", seed, 0, (int64_t{1} << 53));
  o.seed = static_cast<uint64_t>(seed);
  if (t.has("dtype")) {
    t.string("dtype", o.dtype);
    try {
      runtime::parse_dtype_choice(o.dtype);
    } catch (const std::invalid_argument& e) {
      t.fail("dtype", e.what());
    }
  }
  t.boolean("gradient_checkpointing", o.gradient_checkpointing);
  t.boolean("recompute_activations", o.recompute_activations);
  t.boolean("train_on_prompt", o.train_on_prompt);
  t.boolean("auto_find_batch_size", o.auto_find_batch_size);
  t.integer("max_consecutive_nonfinite", o.max_consecutive_nonfinite, 1);
  t.string("optimizer", o.optimizer);
  if (o.optimizer != "adamw" && o.optimizer != "adamw_8bit")
    t.fail("optimizer", "must be \"adamw\" or \"adamw_8bit\", got \"" + o.optimizer + "\"");
  t.reject_unknown();
}

void parse_lora(StrictObject& l, RunConfig& c) {
  auto& s = c.lora;
  if (l.has("mode")) {
    std::string mode;
    l.string("mode", mode);
    if (mode == "full") c.mode = TrainingMode::Full;
    else if (mode == "lora") c.mode = TrainingMode::Lora;
    else l.fail("mode", "must be \"lora\" or \"full\", got \"" + mode + "\"");
  }
  l.integer("r", s.r, 1, 65536);
  l.number("alpha", s.alpha, 0.0, 1e6, true);
  l.number("dropout", s.dropout, 0.0, 0.999);
  l.string_list("target_modules", s.target_modules);
  if (s.target_modules.empty()) l.fail("target_modules", "must name at least one module (or \"all-linear\")");
  l.string_list("modules_to_save", s.modules_to_save);
  l.boolean("use_rslora", s.use_rslora);
  l.reject_unknown();
}

void parse_teacher(StrictObject& t, TeacherSettings& teacher, const std::filesystem::path& base_dir) {
  t.path("model", teacher.model, base_dir);
  if (teacher.model.empty()) t.fail("model", "is required (the teacher's HF model folder)");
  t.path("adapter", teacher.adapter, base_dir);
  t.string("quantization", teacher.quantization);
  try {
    quant::parse_base_quantization(teacher.quantization);
  } catch (const std::invalid_argument& e) {
    t.fail("quantization", e.what());
  }
  if (t.has("precompute_top_k")) {
    const auto v = t.value("precompute_top_k");
    if (v.isBool()) teacher.precompute_top_k = v.toBool() ? kDefaultPrecomputeTopK : 0;
    else t.integer("precompute_top_k", teacher.precompute_top_k, 0, int64_t{1} << 24);
  }
  t.reject_unknown();
}

}  // namespace

std::string to_string(LrSchedulerKind kind) {
  switch (kind) {
    case LrSchedulerKind::Cosine: return "cosine";
    case LrSchedulerKind::Linear: return "linear";
    case LrSchedulerKind::Constant: return "constant";
  }
  return "cosine";
}

LrSchedulerKind parse_lr_scheduler(const std::string& text) {
  if (text == "cosine") return LrSchedulerKind::Cosine;
  if (text == "linear") return LrSchedulerKind::Linear;
  if (text == "constant") return LrSchedulerKind::Constant;
  throw std::invalid_argument("unknown schedule \"" + text + "\" (use cosine, linear or constant)");
}

RunConfig RunConfig::from_json(const QJsonObject& json, const std::filesystem::path& base_dir, const std::string& source) {
  RunConfig c;
  c.source = source;
  StrictObject top(json, "", source);
  top.path("base_model", c.base_model, base_dir);
  top.path("train_file", c.train_file, base_dir);
  top.path("eval_file", c.eval_file, base_dir);
  top.number("val_size", c.val_size, 0.0, 1e9);
  if (c.val_size >= 1.0 && std::floor(c.val_size) != c.val_size)
    top.fail("val_size", "must be a fraction below 1 or a whole number of records");
  top.path("output_dir", c.output_dir, base_dir);
  if (top.has("template")) {
    const auto v = top.value("template");
    if (v.isString()) {
      c.template_name = v.toString().toStdString();
      if (c.template_name.empty()) top.fail("template", "must not be empty");
    } else if (v.isObject()) {
      StrictObject t(v.toObject(), "template.", source);
      t.string("format", c.custom_template);
      if (c.custom_template.empty()) t.fail("format", "is required for a custom template and must hold {input}");
      t.reject_unknown();
    } else {
      top.fail("template", "must be a template name or {\"format\": \"...\"}");
    }
  }
  if (top.has("data_format")) {
    std::string f;
    top.string("data_format", f);
    if (f == "auto") c.data_format = DataFormat::Auto;
    else if (f == "records") c.data_format = DataFormat::Records;
    else if (f == "text") c.data_format = DataFormat::Text;
    else top.fail("data_format", "must be auto, records or text, got \"" + f + "\"");
  }
  if (top.has("mode")) {
    std::string mode;
    top.string("mode", mode);
    if (mode == "full") c.mode = TrainingMode::Full;
    else if (mode == "lora") c.mode = TrainingMode::Lora;
    else if (mode == "distill") c.distillation.emplace();  // a LoRA student
    else top.fail("mode", "must be \"lora\", \"full\" or \"distill\", got \"" + mode + "\"");
  } else if (!json.contains("lora")) {
    c.mode = TrainingMode::Full;  // no lora section: every weight is trained
  }
  if (top.has("lora")) {
    StrictObject l(top.object("lora"), "lora.", source);
    parse_lora(l, c);
  }
  if (c.distillation) {
    // The student trains with LoRA unless "student": "full" (every weight, float32).
    if (top.has("student")) {
      std::string student;
      top.string("student", student);
      if (student == "full") c.mode = TrainingMode::Full;
      else if (student != "lora") top.fail("student", "must be \"lora\" or \"full\", got \"" + student + "\"");
    }
    auto& d = *c.distillation;
    if (!top.has("teacher")) top.fail("teacher", "is required with \"mode\": \"distill\" ({\"model\": DIR, ...})");
    StrictObject t(top.object("teacher"), "teacher.", source);
    parse_teacher(t, d.teacher, base_dir);
    top.number("temperature", d.temperature, 0.0, 1000.0, true);
    top.number("alpha", d.alpha, 0.0, 1.0);
  } else {
    for (const char* key : {"teacher", "temperature", "alpha", "student"})
      if (top.has(key)) top.fail(key, "only applies to \"mode\": \"distill\"");
  }
  if (top.has("training")) {
    StrictObject t(top.object("training"), "training.", source);
    parse_training(t, c.training);
  }
  if (top.has("device")) {
    top.string("device", c.device);
    try {
      runtime::parse_device_choice(c.device);
    } catch (const std::invalid_argument& e) {
      top.fail("device", e.what());
    }
  }
  int64_t threads = 0;
  top.integer("threads", threads, 0, 4096);
  c.threads = static_cast<int>(threads);
  top.string("base_quantization", c.base_quantization);
  try {
    quant::parse_base_quantization(c.base_quantization);
  } catch (const std::invalid_argument& e) {
    top.fail("base_quantization", e.what());
  }
  top.reject_unknown();

  if (c.base_model.empty()) top.fail("base_model", "is required (an HF model folder)");
  if (c.mode == TrainingMode::Full && c.base_quantization != "none")
    top.fail("base_quantization", "a quantised base is frozen: it needs \"mode\": \"lora\"");
  if (c.train_file.empty()) top.fail("train_file", "is required (JSON, JSONL or CSV records, or a .txt corpus)");
  if (c.output_dir.empty()) top.fail("output_dir", "is required (the run folder)");
  if (!c.eval_file.empty() && c.val_size > 0) top.fail("val_size", "give either eval_file or val_size, not both");
  if (c.training.early_stopping_patience > 0 && c.eval_file.empty() && c.val_size <= 0)
    top.fail("training.early_stopping_patience", "needs evaluation data: set eval_file or val_size");
  if (c.training.load_best_model_at_end && c.eval_file.empty() && c.val_size <= 0)
    top.fail("training.load_best_model_at_end", "needs evaluation data: set eval_file or val_size");
  return c;
}

RunConfig RunConfig::from_json_file(const std::filesystem::path& path) {
  QFile file(QString::fromStdString(path.string()));
  if (!file.open(QIODevice::ReadOnly))
    throw TrainingError("cannot read the run config " + path.string() + ": " + file.errorString().toStdString());
  const QByteArray bytes = file.readAll();
  QJsonParseError error;
  const auto doc = QJsonDocument::fromJson(bytes, &error);
  if (error.error != QJsonParseError::NoError) {
    const int line = 1 + static_cast<int>(bytes.left(error.offset).count('\n'));
    throw TrainingError(path.string() + ":" + std::to_string(line) + ": invalid JSON: " + error.errorString().toStdString());
  }
  if (!doc.isObject()) throw TrainingError(path.string() + ": the run config must be a JSON object");
  auto base = std::filesystem::absolute(path).parent_path();
  return from_json(doc.object(), base, path.string());
}

QJsonObject RunConfig::to_json() const {
  QJsonObject j;
  auto str = [](const std::filesystem::path& p) { return QString::fromStdString(p.string()); };
  j["base_model"] = str(base_model);
  j["train_file"] = str(train_file);
  if (!eval_file.empty()) j["eval_file"] = str(eval_file);
  if (val_size > 0) j["val_size"] = val_size;
  j["output_dir"] = str(output_dir);
  if (!custom_template.empty()) j["template"] = QJsonObject{{"format", QString::fromStdString(custom_template)}};
  else if (!template_name.empty()) j["template"] = QString::fromStdString(template_name);
  j["data_format"] = data_format == DataFormat::Auto ? "auto" : data_format == DataFormat::Text ? "text" : "records";
  j["mode"] = distillation ? "distill" : mode == TrainingMode::Full ? "full" : "lora";
  if (distillation) {
    QJsonObject teacher{{"model", str(distillation->teacher.model)},
                        {"quantization", QString::fromStdString(distillation->teacher.quantization)}};
    if (!distillation->teacher.adapter.empty()) teacher["adapter"] = str(distillation->teacher.adapter);
    teacher["precompute_top_k"] = static_cast<qint64>(distillation->teacher.precompute_top_k);
    j["teacher"] = teacher;
    j["temperature"] = distillation->temperature;
    j["alpha"] = distillation->alpha;
    j["student"] = mode == TrainingMode::Full ? "full" : "lora";
  }
  auto list = [](const std::vector<std::string>& v) {
    QJsonArray a;
    for (const auto& s : v) a.append(QString::fromStdString(s));
    return a;
  };
  if (mode == TrainingMode::Lora) {
    j["lora"] = QJsonObject{{"r", static_cast<qint64>(lora.r)},
                            {"alpha", lora.alpha},
                            {"dropout", lora.dropout},
                            {"target_modules", list(lora.target_modules)},
                            {"modules_to_save", list(lora.modules_to_save)},
                            {"use_rslora", lora.use_rslora}};
  }
  const auto& t = training;
  j["training"] = QJsonObject{
      {"epochs", static_cast<qint64>(t.epochs)},
      {"max_steps", static_cast<qint64>(t.max_steps)},
      {"micro_batch_size", static_cast<qint64>(t.micro_batch_size)},
      {"gradient_accumulation_steps", static_cast<qint64>(t.gradient_accumulation_steps)},
      {"learning_rate", t.learning_rate},
      {"lr_scheduler", QString::fromStdString(to_string(t.lr_scheduler))},
      {"warmup_ratio", t.warmup_ratio},
      {"weight_decay", t.weight_decay},
      {"adam_beta1", t.adam_beta1},
      {"adam_beta2", t.adam_beta2},
      {"adam_epsilon", t.adam_epsilon},
      {"max_grad_norm", t.max_grad_norm},
      {"max_length", static_cast<qint64>(t.max_length)},
      {"logging_steps", static_cast<qint64>(t.logging_steps)},
      {"eval_steps", static_cast<qint64>(t.eval_steps)},
      {"save_steps", static_cast<qint64>(t.save_steps)},
      {"save_total_limit", static_cast<qint64>(t.save_total_limit)},
      {"early_stopping_patience", static_cast<qint64>(t.early_stopping_patience)},
      {"load_best_model_at_end", t.load_best_model_at_end},
      {"seed", static_cast<qint64>(t.seed)},
      {"dtype", QString::fromStdString(t.dtype)},
      {"gradient_checkpointing", t.gradient_checkpointing},
      {"recompute_activations", t.recompute_activations},
      {"train_on_prompt", t.train_on_prompt},
      {"auto_find_batch_size", t.auto_find_batch_size},
      {"max_consecutive_nonfinite", static_cast<qint64>(t.max_consecutive_nonfinite)},
      {"optimizer", QString::fromStdString(t.optimizer)}};
  j["device"] = QString::fromStdString(device);
  j["threads"] = threads;
  j["base_quantization"] = QString::fromStdString(base_quantization);
  return j;
}

}  // namespace medlora::train
