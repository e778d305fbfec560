#include "core/lora/lora_config.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <set>

namespace medlora::lora {

namespace {

const char* kAllLinear = "all-linear";

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

QJsonValue string_list_or_null(const std::vector<std::string>& items) {
  if (items.empty()) return QJsonValue::Null;
  QJsonArray array;
  for (const auto& item : items) array.append(QString::fromStdString(item));
  return array;
}

[[noreturn]] void bad(const std::string& source, const std::string& key, const std::string& problem) {
  throw LoraError(source + ": \"" + key + "\" " + problem);
}

std::vector<std::string> string_list(const QJsonObject& json, const char* key, const std::string& source) {
  const QJsonValue value = json.value(key);
  std::vector<std::string> out;
  if (value.isNull() || value.isUndefined()) return out;
  if (value.isString()) return {value.toString().toStdString()};
  if (!value.isArray()) bad(source, key, "must be a list of module names");
  for (const auto& item : value.toArray()) {
    if (!item.isString()) bad(source, key, "must be a list of module names");
    out.push_back(item.toString().toStdString());
  }
  return out;
}

}  // namespace

const std::vector<std::string>& lora_target_names() {
  static const std::vector<std::string> names{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"};
  return names;
}

double LoraConfig::scaling() const {
  return use_rslora ? alpha / std::sqrt(static_cast<double>(r)) : alpha / static_cast<double>(r);
}

void LoraConfig::validate() const {
  const std::string where = "LoRA config";
  if (r < 1 || r > 4096) bad(where, "r", "must be between 1 and 4096 (got " + std::to_string(r) + ")");
  if (!(alpha > 0) || !std::isfinite(alpha)) bad(where, "lora_alpha", "must be a positive number");
  if (!(dropout >= 0.0 && dropout < 1.0)) bad(where, "lora_dropout", "must be in [0, 1)");
  if (target_modules.empty()) bad(where, "target_modules", "is empty: name at least one of " + join(lora_target_names()) + " or all-linear");
  for (const auto& name : target_modules) {
    if (name == kAllLinear) {
      if (target_modules.size() != 1) bad(where, "target_modules", "all-linear cannot be combined with other names");
      continue;
    }
    const auto& known = lora_target_names();
    if (std::find(known.begin(), known.end(), name) == known.end())
      bad(where, "target_modules", "has unknown module '" + name + "' (accepted: " + join(known) + ", all-linear)");
  }
  for (const auto& name : modules_to_save)
    if (name != "lm_head" && name != "embed_tokens")
      bad(where, "modules_to_save", "has unknown module '" + name + "' (accepted: lm_head, embed_tokens)");
  for (int64_t layer : layers_to_transform)
    if (layer < 0) bad(where, "layers_to_transform", "has a negative layer index");
}

std::vector<std::string> LoraConfig::resolved_targets() const {
  if (target_modules.size() == 1 && target_modules[0] == kAllLinear) return lora_target_names();
  // Model order, duplicates dropped, so that saved configs compare equal.
  std::vector<std::string> out;
  for (const auto& name : lora_target_names())
    if (std::find(target_modules.begin(), target_modules.end(), name) != target_modules.end()) out.push_back(name);
  return out;
}

bool LoraConfig::targets(const std::string& name, int64_t layer) const {
  const auto names = resolved_targets();
  if (std::find(names.begin(), names.end(), name) == names.end()) return false;
  return layers_to_transform.empty() ||
         std::find(layers_to_transform.begin(), layers_to_transform.end(), layer) != layers_to_transform.end();
}

QJsonObject LoraConfig::to_peft_json() const {
  QJsonObject json;
  json["peft_type"] = "LORA";
  json["task_type"] = "CAUSAL_LM";
  json["r"] = static_cast<qint64>(r);
  json["lora_alpha"] = alpha;
  json["lora_dropout"] = dropout;
  json["target_modules"] = string_list_or_null(resolved_targets());
  json["modules_to_save"] = string_list_or_null(modules_to_save);
  json["use_rslora"] = use_rslora;
  json["bias"] = "none";
  json["base_model_name_or_path"] = QString::fromStdString(base_model_name_or_path);
  json["fan_in_fan_out"] = false;
  json["inference_mode"] = true;
  json["init_lora_weights"] = true;
  json["use_dora"] = false;
  json["layers_pattern"] = QJsonValue::Null;
  json["rank_pattern"] = QJsonObject();
  json["alpha_pattern"] = QJsonObject();
  json["revision"] = QJsonValue::Null;
  if (layers_to_transform.empty()) {
    json["layers_to_transform"] = QJsonValue::Null;
  } else {
    QJsonArray layers;
    for (int64_t layer : layers_to_transform) layers.append(static_cast<qint64>(layer));
    json["layers_to_transform"] = layers;
  }
  return json;
}

LoraConfig LoraConfig::from_peft_json(const QJsonObject& json, const std::string& source) {
  LoraConfig c;
  const QString peft_type = json.value("peft_type").toString();
  if (peft_type != "LORA") bad(source, "peft_type", "is '" + peft_type.toStdString() + "': only LORA adapters can be loaded");
  if (json.contains("task_type") && !json.value("task_type").isNull() && json.value("task_type").toString() != "CAUSAL_LM")
    bad(source, "task_type", "is '" + json.value("task_type").toString().toStdString() + "': only CAUSAL_LM adapters apply to a LLaMA model");
  const QJsonValue r = json.value("r");
  if (!r.isDouble() || r.toDouble() != std::floor(r.toDouble())) bad(source, "r", "must be a whole number");
  c.r = static_cast<int64_t>(r.toDouble());
  if (!json.value("lora_alpha").isDouble()) bad(source, "lora_alpha", "must be a number");
  c.alpha = json.value("lora_alpha").toDouble();
  c.dropout = json.value("lora_dropout").toDouble(0.0);
  const QJsonValue targets = json.value("target_modules");
  if (targets.isString() && targets.toString() != kAllLinear &&
      std::find(lora_target_names().begin(), lora_target_names().end(), targets.toString().toStdString()) ==
          lora_target_names().end())
    bad(source, "target_modules", "is a pattern ('" + targets.toString().toStdString() +
                                      "'); only a list of module names or all-linear is supported");
  c.target_modules = string_list(json, "target_modules", source);
  c.modules_to_save = string_list(json, "modules_to_save", source);
  c.use_rslora = json.value("use_rslora").toBool(false);
  const QString bias = json.value("bias").toString("none");
  if (bias != "none") bad(source, "bias", "is '" + bias.toStdString() + "': only bias \"none\" is supported");
  if (json.value("fan_in_fan_out").toBool(false)) bad(source, "fan_in_fan_out", "is true: LLaMA projections are not Conv1D");
  if (json.value("use_dora").toBool(false)) bad(source, "use_dora", "is true: DoRA adapters are not supported");
  for (const char* key : {"rank_pattern", "alpha_pattern"})
    if (json.value(key).isObject() && !json.value(key).toObject().isEmpty())
      bad(source, key, "is set: per-module ranks or alphas are not supported");
  const QJsonValue layers = json.value("layers_to_transform");
  if (layers.isDouble()) {
    c.layers_to_transform.push_back(static_cast<int64_t>(layers.toDouble()));
  } else if (layers.isArray()) {
    for (const auto& item : layers.toArray()) {
      if (!item.isDouble()) bad(source, "layers_to_transform", "must be a list of layer indices");
      c.layers_to_transform.push_back(static_cast<int64_t>(item.toDouble()));
    }
  } else if (!layers.isNull() && !layers.isUndefined()) {
    bad(source, "layers_to_transform", "must be a list of layer indices or null");
  }
  c.base_model_name_or_path = json.value("base_model_name_or_path").toString().toStdString();
  try {
    c.validate();
  } catch (const LoraError& e) {
    throw LoraError(source + ": " + e.what());
  }
  return c;
}

LoraConfig preset(const std::string& name) {
  LoraConfig c;
  if (name == "clinic-qa") {
    c.r = 16;
    c.alpha = 32;
    c.dropout = 0.05;
    c.target_modules = {"q_proj", "k_proj", "v_proj", "o_proj"};
    return c;
  }
  if (name == "medical-record") {
    c.r = 64;
    c.alpha = 128;
    c.dropout = 0.05;
    c.target_modules = {"q_proj", "k_proj", "v_proj", "o_proj"};
    return c;
  }
  if (name == "attention-mlp") {
    c.r = 16;
    c.alpha = 32;
    c.dropout = 0.05;
    c.target_modules = {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"};
    return c;
  }
  throw LoraError("unknown LoRA preset '" + name + "' (presets: " + join(preset_names()) + ")");
}

std::vector<std::string> preset_names() { return {"clinic-qa", "medical-record", "attention-mlp"}; }

std::string describe(const LoraConfig& c) {
  char numbers[96];
  std::snprintf(numbers, sizeof numbers, "r %lld, alpha %g, dropout %g, ", static_cast<long long>(c.r), c.alpha, c.dropout);
  std::string text = numbers + join(c.target_modules);
  if (c.use_rslora) text += ", rsLoRA";
  if (!c.modules_to_save.empty()) text += ", full copies of " + join(c.modules_to_save);
  return text;
}

int64_t suggested_rank(int64_t hidden_size) {
  if (hidden_size <= 0) return 4;
  const double target = std::sqrt(static_cast<double>(hidden_size)) / 2.0;
  // Nearest power of two in log space.
  const int64_t rank = int64_t{1} << static_cast<int>(std::lround(std::log2(std::max(target, 1.0))));
  return std::max<int64_t>(rank, 4);
}

}  // namespace medlora::lora
