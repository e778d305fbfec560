#include "core/model/llama_config.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace medlora::model {

namespace {

// What each type's HF config class assumes for a key config.json leaves out.
struct TypeDefaults {
  const char* model_type;
  const char* architecture;
  int64_t vocab_size, hidden_size, intermediate_size, layers, heads;
  int64_t kv_heads;  // 0: as many as attention heads
  int64_t head_dim;  // 0: hidden_size / heads
  int64_t max_position_embeddings;
  std::optional<int64_t> sliding_window;
};

const TypeDefaults kTypes[] = {
    {"llama", "LlamaForCausalLM", 32000, 4096, 11008, 32, 32, 0, 0, 2048, std::nullopt},
    {"mistral", "MistralForCausalLM", 32000, 4096, 14336, 32, 32, 8, 0, 4096 * 32, 4096},
    {"qwen2", "Qwen2ForCausalLM", 151936, 4096, 22016, 32, 32, 32, 0, 32768, 4096},
    {"qwen3", "Qwen3ForCausalLM", 151936, 4096, 22016, 32, 32, 32, 128, 32768, 4096},
};

const TypeDefaults* find_type(const std::string& model_type) {
  for (const auto& t : kTypes)
    if (model_type == t.model_type) return &t;
  return nullptr;
}

std::string supported_list() {
  std::string list;
  for (const auto& t : kTypes) list += (list.empty() ? "" : ", ") + std::string(t.model_type);
  return list;
}

int64_t get_int(const QJsonObject& json, const char* key, int64_t fallback, const std::string& source) {
  const auto value = json.value(key);
  if (value.isUndefined() || value.isNull()) return fallback;
  if (!value.isDouble())
    throw ModelError(source + ": \"" + key + "\" must be a number");
  const double d = value.toDouble();
  if (d != static_cast<double>(static_cast<int64_t>(d)))
    throw ModelError(source + ": \"" + key + "\" must be an integer");
  return static_cast<int64_t>(d);
}

double get_double(const QJsonObject& json, const char* key, double fallback, const std::string& source) {
  const auto value = json.value(key);
  if (value.isUndefined() || value.isNull()) return fallback;
  if (!value.isDouble()) throw ModelError(source + ": \"" + key + "\" must be a number");
  return value.toDouble();
}

bool get_bool(const QJsonObject& json, const char* key, bool fallback, const std::string& source) {
  const auto value = json.value(key);
  if (value.isUndefined() || value.isNull()) return fallback;
  if (!value.isBool()) throw ModelError(source + ": \"" + key + "\" must be true or false");
  return value.toBool();
}

void read_rope(const QJsonObject& json, LlamaConfig& config, const std::string& source) {
  // Newer HF configs keep theta and scaling together in "rope_parameters".
  QJsonObject scaling;
  if (json.value("rope_parameters").isObject()) {
    scaling = json.value("rope_parameters").toObject();
    config.rope_theta = get_double(scaling, "rope_theta", config.rope_theta, source + " rope_parameters");
  } else if (json.value("rope_scaling").isObject()) {
    scaling = json.value("rope_scaling").toObject();
  }
  if (scaling.isEmpty()) return;
  // HF reads "rope_type" and, from older configs, "type".
  const std::string type =
      scaling.value("rope_type").toString(scaling.value("type").toString("default")).toStdString();
  if (type != "default" && type != "linear" && type != "llama3")
    throw ModelError(source + ": rope_scaling type \"" + type +
                     "\" is not supported by this program (supported: default, linear, llama3); "
                     "use a checkpoint whose config.json has one of those");
  const std::string where = source + " rope_scaling";
  auto required = [&](const char* key) {
    if (!scaling.value(key).isDouble())
      throw ModelError(where + ": rope type \"" + type + "\" needs a numeric \"" + key + "\"");
  };
  config.rope_scaling.type = type;
  if (type == "default") return;
  required("factor");
  config.rope_scaling.factor = get_double(scaling, "factor", 1.0, where);
  if (config.rope_scaling.factor <= 0) throw ModelError(where + ": \"factor\" must be positive");
  if (type != "llama3") return;
  for (const char* key : {"low_freq_factor", "high_freq_factor", "original_max_position_embeddings"}) required(key);
  config.rope_scaling.low_freq_factor = get_double(scaling, "low_freq_factor", 1.0, where);
  config.rope_scaling.high_freq_factor = get_double(scaling, "high_freq_factor", 4.0, where);
  config.rope_scaling.original_max_position_embeddings =
      get_int(scaling, "original_max_position_embeddings", 8192, where);
  if (config.rope_scaling.high_freq_factor <= config.rope_scaling.low_freq_factor)
    throw ModelError(where + ": \"high_freq_factor\" must be greater than \"low_freq_factor\"");
  if (config.rope_scaling.original_max_position_embeddings <= 0)
    throw ModelError(where + ": \"original_max_position_embeddings\" must be positive");
}

void read_sliding_window(const QJsonObject& json, LlamaConfig& c, const TypeDefaults& type, const std::string& source) {
  if (c.model_type == "llama") return;
  const auto window = json.value("sliding_window");
  if (window.isUndefined())
    c.sliding_window = type.sliding_window;
  else if (window.isNull())
    c.sliding_window.reset();
  else
    c.sliding_window = get_int(json, "sliding_window", 0, source);
  if (c.model_type == "mistral") return;
  c.use_sliding_window = get_bool(json, "use_sliding_window", false, source);
  c.max_window_layers = get_int(json, "max_window_layers", 28, source);
  if (json.value("layer_types").isArray()) {
    for (const auto& v : json.value("layer_types").toArray()) c.layer_types.push_back(v.toString().toStdString());
  }
}

}  // namespace

LlamaConfig LlamaConfig::from_json(const QJsonObject& json, const std::string& source) {
  LlamaConfig c;
  c.model_type = json.value("model_type").toString().toStdString();
  if (c.model_type.empty() && json.value("architectures").isArray()) {
    const auto arch = json.value("architectures").toArray().at(0).toString().toStdString();
    for (const auto& t : kTypes)
      if (arch == t.architecture) c.model_type = t.model_type;
  }
  const TypeDefaults* type = find_type(c.model_type);
  if (!type)
    throw ModelError(source + ": architecture \"" +
                     (c.model_type.empty() ? std::string("(no model_type)") : c.model_type) +
                     "\" is not supported; this program runs model_type " + supported_list() +
                     " (LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM, Qwen3ForCausalLM)");
  const auto act = json.value("hidden_act").toString("silu");
  if (act != "silu")
    throw ModelError(source + ": hidden_act \"" + act.toStdString() + "\" is not supported (the models this program runs use silu)");

  c.vocab_size = get_int(json, "vocab_size", type->vocab_size, source);
  c.hidden_size = get_int(json, "hidden_size", type->hidden_size, source);
  c.intermediate_size = get_int(json, "intermediate_size", type->intermediate_size, source);
  c.num_hidden_layers = get_int(json, "num_hidden_layers", type->layers, source);
  c.num_attention_heads = get_int(json, "num_attention_heads", type->heads, source);
  c.num_key_value_heads =
      get_int(json, "num_key_value_heads", type->kv_heads ? type->kv_heads : c.num_attention_heads, source);
  const int64_t derived_head_dim = c.hidden_size / std::max<int64_t>(1, c.num_attention_heads);
  c.head_dim = get_int(json, "head_dim", type->head_dim ? type->head_dim : derived_head_dim, source);
  c.rms_norm_eps = get_double(json, "rms_norm_eps", c.rms_norm_eps, source);
  c.rope_theta = get_double(json, "rope_theta", c.rope_theta, source);
  read_rope(json, c, source);
  c.max_position_embeddings = get_int(json, "max_position_embeddings", type->max_position_embeddings, source);
  c.tie_word_embeddings = get_bool(json, "tie_word_embeddings", false, source);
  // Keys a type's HF modules do not read are ignored as HF ignores them.
  if (c.model_type == "llama" || c.model_type == "qwen3")
    c.attention_bias = get_bool(json, "attention_bias", false, source);
  if (c.model_type == "llama") c.mlp_bias = get_bool(json, "mlp_bias", false, source);
  read_sliding_window(json, c, *type, source);
  c.bos_token_id = get_int(json, "bos_token_id", c.bos_token_id, source);
  const auto eos = json.value("eos_token_id");
  if (eos.isArray()) {
    c.eos_token_ids.clear();
    for (const auto& e : eos.toArray()) c.eos_token_ids.push_back(static_cast<int64_t>(e.toDouble()));
  } else if (eos.isDouble()) {
    c.eos_token_ids = {static_cast<int64_t>(eos.toDouble())};
  }
  if (json.value("pad_token_id").isDouble()) c.pad_token_id = get_int(json, "pad_token_id", 0, source);
  c.torch_dtype = json.value("torch_dtype").toString(json.value("dtype").toString("float32")).toStdString();
  c.validate(source);
  return c;
}

LlamaConfig LlamaConfig::from_file(const std::filesystem::path& config_json) {
  QFile file(QString::fromStdString(config_json.string()));
  if (!file.open(QIODevice::ReadOnly))
    throw ModelError(config_json.string() + ": cannot be read (is this an HF model folder with a config.json?)");
  QJsonParseError error;
  const auto doc = QJsonDocument::fromJson(file.readAll(), &error);
  if (error.error != QJsonParseError::NoError || !doc.isObject())
    throw ModelError(config_json.string() + ": invalid JSON at offset " + std::to_string(error.offset) + ": " +
                     error.errorString().toStdString());
  return from_json(doc.object(), config_json.string());
}

void LlamaConfig::validate(const std::string& source) const {
  auto positive = [&](int64_t v, const char* key) {
    if (v <= 0) throw ModelError(source + ": \"" + key + "\" must be positive, got " + std::to_string(v));
  };
  positive(vocab_size, "vocab_size");
  positive(hidden_size, "hidden_size");
  positive(intermediate_size, "intermediate_size");
  positive(num_hidden_layers, "num_hidden_layers");
  positive(num_attention_heads, "num_attention_heads");
  positive(num_key_value_heads, "num_key_value_heads");
  positive(head_dim, "head_dim");
  positive(max_position_embeddings, "max_position_embeddings");
  if (num_attention_heads % num_key_value_heads != 0)
    throw ModelError(source + ": num_attention_heads (" + std::to_string(num_attention_heads) +
                     ") must be a multiple of num_key_value_heads (" + std::to_string(num_key_value_heads) + ")");
  if (head_dim % 2 != 0) throw ModelError(source + ": head_dim must be even for rotary embeddings");
  if (rms_norm_eps <= 0) throw ModelError(source + ": rms_norm_eps must be positive");
  if (rope_theta <= 0) throw ModelError(source + ": rope_theta must be positive");
  const auto& rope = rope_scaling.type;
  if (rope != "default" && rope != "linear" && rope != "llama3")
    throw ModelError(source + ": rope_scaling type \"" + rope + "\" is not supported (default, linear, llama3)");
  if (rope != "default" && rope_scaling.factor <= 0) throw ModelError(source + ": rope_scaling factor must be positive");
  if (!find_type(model_type))
    throw ModelError(source + ": model_type \"" + model_type + "\" is not supported (" + supported_list() + ")");
  if (sliding_window && *sliding_window <= 0)
    throw ModelError(source + ": \"sliding_window\" must be positive or null, got " + std::to_string(*sliding_window));
  if (max_window_layers < 0) throw ModelError(source + ": \"max_window_layers\" must not be negative");
  if (!layer_types.empty()) {
    if (static_cast<int64_t>(layer_types.size()) != num_hidden_layers)
      throw ModelError(source + ": \"layer_types\" lists " + std::to_string(layer_types.size()) +
                       " layers but num_hidden_layers is " + std::to_string(num_hidden_layers));
    for (const auto& t : layer_types)
      if (t != "full_attention" && t != "sliding_attention")
        throw ModelError(source + ": \"layer_types\" entry \"" + t +
                         "\" is not supported (full_attention, sliding_attention)");
  }
}

bool LlamaConfig::qkv_bias() const {
  if (model_type == "qwen2") return true;
  if (model_type == "mistral") return false;
  return attention_bias;
}

bool LlamaConfig::o_proj_bias() const {
  if (model_type == "qwen2" || model_type == "mistral") return false;
  return attention_bias;
}

bool LlamaConfig::mlp_has_bias() const { return model_type == "llama" && mlp_bias; }

bool LlamaConfig::qk_norm() const { return model_type == "qwen3"; }

std::optional<int64_t> LlamaConfig::attention_window(int64_t layer) const {
  if (model_type == "mistral") return sliding_window;
  if (model_type != "qwen2" && model_type != "qwen3") return std::nullopt;
  // HF: sliding_window counts only with use_sliding_window; then layer_types (derived as
  // "sliding from max_window_layers on" when absent) picks the layers.
  if (!use_sliding_window || !sliding_window) return std::nullopt;
  const bool sliding = layer_types.empty() ? layer >= max_window_layers
                                           : layer_types.at(static_cast<size_t>(layer)) == "sliding_attention";
  return sliding ? sliding_window : std::nullopt;
}

const std::vector<std::string>& supported_model_types() {
  static const std::vector<std::string> types = [] {
    std::vector<std::string> out;
    for (const auto& t : kTypes) out.emplace_back(t.model_type);
    return out;
  }();
  return types;
}

std::string architecture_name(const std::string& model_type) {
  const auto* type = find_type(model_type);
  if (!type) throw ModelError("model_type \"" + model_type + "\" is not supported (" + supported_list() + ")");
  return type->architecture;
}

QJsonObject LlamaConfig::to_json() const {
  QJsonObject json;
  json["architectures"] = QJsonArray{QString::fromStdString(architecture_name(model_type))};
  json["model_type"] = QString::fromStdString(model_type);
  json["vocab_size"] = static_cast<qint64>(vocab_size);
  json["hidden_size"] = static_cast<qint64>(hidden_size);
  json["intermediate_size"] = static_cast<qint64>(intermediate_size);
  json["num_hidden_layers"] = static_cast<qint64>(num_hidden_layers);
  json["num_attention_heads"] = static_cast<qint64>(num_attention_heads);
  json["num_key_value_heads"] = static_cast<qint64>(num_key_value_heads);
  json["head_dim"] = static_cast<qint64>(head_dim);
  json["hidden_act"] = "silu";
  json["rms_norm_eps"] = rms_norm_eps;
  json["rope_theta"] = rope_theta;
  if (rope_scaling.type != "default") {
    QJsonObject scaling;
    scaling["rope_type"] = QString::fromStdString(rope_scaling.type);
    scaling["factor"] = rope_scaling.factor;
    if (rope_scaling.type == "llama3") {
      scaling["low_freq_factor"] = rope_scaling.low_freq_factor;
      scaling["high_freq_factor"] = rope_scaling.high_freq_factor;
      scaling["original_max_position_embeddings"] =
          static_cast<qint64>(rope_scaling.original_max_position_embeddings);
    }
    json["rope_scaling"] = scaling;
  } else {
    json["rope_scaling"] = QJsonValue::Null;
  }
  json["max_position_embeddings"] = static_cast<qint64>(max_position_embeddings);
  json["tie_word_embeddings"] = tie_word_embeddings;
  json["attention_dropout"] = 0.0;
  json["initializer_range"] = 0.02;
  if (model_type == "llama" || model_type == "qwen3") json["attention_bias"] = attention_bias;
  if (model_type == "llama") {
    json["mlp_bias"] = mlp_bias;
    json["pretraining_tp"] = 1;
  }
  if (model_type != "llama")
    json["sliding_window"] = sliding_window ? QJsonValue(static_cast<qint64>(*sliding_window)) : QJsonValue::Null;
  if (model_type == "qwen2" || model_type == "qwen3") {
    json["use_sliding_window"] = use_sliding_window;
    json["max_window_layers"] = static_cast<qint64>(max_window_layers);
    if (!layer_types.empty()) {
      QJsonArray types;
      for (const auto& t : layer_types) types.append(QString::fromStdString(t));
      json["layer_types"] = types;
    }
  }
  json["use_cache"] = true;
  json["bos_token_id"] = static_cast<qint64>(bos_token_id);
  if (eos_token_ids.size() == 1) {
    json["eos_token_id"] = static_cast<qint64>(eos_token_ids.front());
  } else {
    QJsonArray eos;
    for (auto id : eos_token_ids) eos.append(static_cast<qint64>(id));
    json["eos_token_id"] = eos;
  }
  if (pad_token_id) json["pad_token_id"] = static_cast<qint64>(*pad_token_id);
  json["torch_dtype"] = QString::fromStdString(torch_dtype);
  return json;
}

int64_t LlamaConfig::parameter_count() const {
  const int64_t d = hidden_size;
  const int64_t q = num_attention_heads * head_dim;
  const int64_t kv = num_key_value_heads * head_dim;
  int64_t attention = d * q + 2 * d * kv + q * d;
  if (qkv_bias()) attention += q + 2 * kv;
  if (o_proj_bias()) attention += d;
  if (qk_norm()) attention += 2 * head_dim;
  int64_t mlp = 3 * d * intermediate_size;
  if (mlp_has_bias()) mlp += 2 * intermediate_size + d;
  const int64_t layer = attention + mlp + 2 * d;
  const int64_t embeddings = vocab_size * d;
  return embeddings + num_hidden_layers * layer + d + (tie_word_embeddings ? 0 : embeddings);
}

}  // namespace medlora::model
