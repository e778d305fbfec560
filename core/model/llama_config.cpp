#include "core/model/llama_config.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace medlora::model {

namespace {

const char* const kSupportedTypes[] = {"llama", "mistral"};

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
  const std::string type =
      scaling.value("rope_type").toString(scaling.value("type").toString("default")).toStdString();
  if (type != "default" && type != "linear" && type != "llama3")
    throw ModelError(source + ": rope type \"" + type + "\" is not supported (default, linear, llama3)");
  config.rope_scaling.type = type;
  config.rope_scaling.factor = get_double(scaling, "factor", 1.0, source);
  config.rope_scaling.low_freq_factor = get_double(scaling, "low_freq_factor", 1.0, source);
  config.rope_scaling.high_freq_factor = get_double(scaling, "high_freq_factor", 4.0, source);
  config.rope_scaling.original_max_position_embeddings =
      get_int(scaling, "original_max_position_embeddings", 8192, source);
}

}  // namespace

LlamaConfig LlamaConfig::from_json(const QJsonObject& json, const std::string& source) {
  LlamaConfig c;
  c.model_type = json.value("model_type").toString().toStdString();
  if (c.model_type.empty() && json.value("architectures").isArray()) {
    const auto arch = json.value("architectures").toArray().at(0).toString();
    if (arch == "LlamaForCausalLM") c.model_type = "llama";
    if (arch == "MistralForCausalLM") c.model_type = "mistral";
  }
  bool known = false;
  for (const char* t : kSupportedTypes) known = known || c.model_type == t;
  if (!known)
    throw ModelError(source + ": architecture \"" + c.model_type +
                     "\" is not supported; this program runs LLaMA-family models (model_type llama or mistral)");
  const auto act = json.value("hidden_act").toString("silu");
  if (act != "silu")
    throw ModelError(source + ": hidden_act \"" + act.toStdString() + "\" is not supported (LLaMA uses silu)");

  c.vocab_size = get_int(json, "vocab_size", c.vocab_size, source);
  c.hidden_size = get_int(json, "hidden_size", c.hidden_size, source);
  c.intermediate_size = get_int(json, "intermediate_size", c.intermediate_size, source);
  c.num_hidden_layers = get_int(json, "num_hidden_layers", c.num_hidden_layers, source);
  c.num_attention_heads = get_int(json, "num_attention_heads", c.num_attention_heads, source);
  c.num_key_value_heads = get_int(json, "num_key_value_heads", c.num_attention_heads, source);
  c.head_dim = get_int(json, "head_dim", c.hidden_size / std::max<int64_t>(1, c.num_attention_heads), source);
  c.rms_norm_eps = get_double(json, "rms_norm_eps", c.rms_norm_eps, source);
  c.rope_theta = get_double(json, "rope_theta", c.rope_theta, source);
  read_rope(json, c, source);
  c.max_position_embeddings = get_int(json, "max_position_embeddings", c.max_position_embeddings, source);
  c.tie_word_embeddings = get_bool(json, "tie_word_embeddings", false, source);
  c.attention_bias = get_bool(json, "attention_bias", false, source);
  c.mlp_bias = get_bool(json, "mlp_bias", false, source);
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
}

QJsonObject LlamaConfig::to_json() const {
  QJsonObject json;
  json["architectures"] = QJsonArray{model_type == "mistral" ? "MistralForCausalLM" : "LlamaForCausalLM"};
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
    scaling["low_freq_factor"] = rope_scaling.low_freq_factor;
    scaling["high_freq_factor"] = rope_scaling.high_freq_factor;
    scaling["original_max_position_embeddings"] = static_cast<qint64>(rope_scaling.original_max_position_embeddings);
    json["rope_scaling"] = scaling;
  } else {
    json["rope_scaling"] = QJsonValue::Null;
  }
  json["max_position_embeddings"] = static_cast<qint64>(max_position_embeddings);
  json["tie_word_embeddings"] = tie_word_embeddings;
  json["attention_bias"] = attention_bias;
  json["attention_dropout"] = 0.0;
  json["mlp_bias"] = mlp_bias;
  json["initializer_range"] = 0.02;
  json["pretraining_tp"] = 1;
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
  if (attention_bias) attention += q + 2 * kv + d;
  int64_t mlp = 3 * d * intermediate_size;
  if (mlp_bias) mlp += 2 * intermediate_size + d;
  const int64_t layer = attention + mlp + 2 * d;
  const int64_t embeddings = vocab_size * d;
  return embeddings + num_hidden_layers * layer + d + (tie_word_embeddings ? 0 : embeddings);
}

}  // namespace medlora::model
