#include "core/lora/peft_adapter.h"

#include <torch/torch.h>

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

#include <map>
#include <set>

#include "core/io/atomic_file.h"
#include "core/io/checkpoint_reader.h"
#include "core/io/safetensors_error.h"
#include "core/io/safetensors_writer.h"
#include "core/io/torch_dtype.h"
#include "core/lora/lora_model.h"

namespace medlora::lora {

namespace fs = std::filesystem;

namespace {

const std::string kPrefix = "base_model.model.";

std::string shape_text(const std::vector<int64_t>& shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
  return out + "]";
}

// The tensors a config implies for this model, with their shapes, in file key names.
std::map<std::string, std::vector<int64_t>> expected_tensors(model::LlamaForCausalLM& m, const LoraConfig& c) {
  std::map<std::string, std::vector<int64_t>> out;
  for (auto& slot : m.projection_slots()) {
    if (slot.name == "lm_head" || !c.targets(slot.name, slot.layer)) continue;
    auto& layer = *slot.holder;
    out[kPrefix + slot.path + ".lora_A.weight"] = {c.r, layer->in_features()};
    out[kPrefix + slot.path + ".lora_B.weight"] = {layer->out_features(), c.r};
  }
  const auto& mc = m.config();
  for (const auto& name : c.modules_to_save) {
    if (name == "lm_head") out[kPrefix + "lm_head.weight"] = {mc.vocab_size, mc.hidden_size};
    if (name == "embed_tokens") out[kPrefix + "model.embed_tokens.weight"] = {mc.vocab_size, mc.hidden_size};
  }
  return out;
}

std::string describe_base(model::LlamaForCausalLM& m) {
  const auto& c = m.config();
  return "hidden_size " + std::to_string(c.hidden_size) + ", " + std::to_string(c.num_hidden_layers) + " layers, vocab " +
         std::to_string(c.vocab_size);
}

}  // namespace

bool same_base_model(const std::string& recorded, const std::string& base) {
  if (recorded.empty() || base.empty() || recorded == base) return true;
  std::error_code ec;
  if (fs::exists(recorded, ec) && fs::exists(base, ec) && fs::equivalent(recorded, base, ec)) return true;
  auto last = [](const std::string& p) {
    auto path = fs::path(p).lexically_normal();
    if (!path.has_filename()) path = path.parent_path();
    return path.filename().string();
  };
  return last(recorded) == last(base);
}

void save_peft_adapter(model::LlamaForCausalLM& m, const LoraConfig& config, const fs::path& dir,
                       const std::string& adapter) {
  config.validate();
  auto tensors = peft_tensors(m, adapter);
  auto expected = expected_tensors(m, config);
  if (expected.size() != tensors.size())
    throw LoraError("cannot save adapter '" + adapter + "': the config describes " + std::to_string(expected.size()) +
                    " tensors but the model holds " + std::to_string(tensors.size()) +
                    " (pass the config the adapter was made with)");
  std::vector<std::pair<std::string, at::Tensor>> out;
  for (auto& [key, tensor] : tensors) {
    auto it = expected.find(key);
    if (it == expected.end() || tensor.sizes().vec() != it->second)
      throw LoraError("cannot save adapter '" + adapter + "': " + key + " " + shape_text(tensor.sizes().vec()) +
                      " does not match its config (r " + std::to_string(config.r) + ")");
    out.emplace_back(key, tensor.detach().to(torch::kCPU, torch::kFloat).contiguous());
  }
  const QByteArray json = QJsonDocument(config.to_peft_json()).toJson(QJsonDocument::Indented);
  io::StagingDirectory staging(dir);
  io::write_file_atomically(staging.path() / kAdapterConfigName, std::string_view(json.constData(), json.size()));
  io::write_safetensors(staging.path() / io::kAdapterWeightsName, out, {{"format", "pt"}});
  staging.commit();
}

LoraConfig read_adapter_config(const fs::path& dir) {
  const fs::path file = dir / kAdapterConfigName;
  if (!fs::is_directory(dir))
    throw LoraError(dir.string() + ": no such adapter folder (expected a PEFT folder with " + kAdapterConfigName +
                    " and " + io::kAdapterWeightsName + ")");
  QFile in(QString::fromStdString(file.string()));
  if (!in.open(QIODevice::ReadOnly))
    throw LoraError(file.string() + ": cannot read (" + in.errorString().toStdString() +
                    "); is " + dir.string() + " a PEFT adapter folder?");
  QJsonParseError error;
  const auto doc = QJsonDocument::fromJson(in.readAll(), &error);
  if (error.error != QJsonParseError::NoError || !doc.isObject())
    throw LoraError(file.string() + ": not a JSON object (" + error.errorString().toStdString() + " at offset " +
                    std::to_string(error.offset) + ")");
  return LoraConfig::from_peft_json(doc.object(), file.string());
}

LoraConfig load_peft_adapter(model::LlamaForCausalLM& m, const fs::path& dir, const std::string& adapter,
                             const std::string& expected_base) {
  LoraConfig config = read_adapter_config(dir);
  const std::string where = dir.string();
  if (!same_base_model(config.base_model_name_or_path, expected_base))
    throw LoraError(where + ": the adapter was trained on '" + config.base_model_name_or_path + "', not on '" +
                    expected_base + "'; load it onto that base model");
  if (!fs::exists(dir / io::kAdapterWeightsName)) {
    const bool has_bin = fs::exists(dir / "adapter_model.bin");
    throw LoraError(where + ": " + io::kAdapterWeightsName + " is missing" +
                    (has_bin ? " (adapter_model.bin is a pickle; re-save the adapter with safe_serialization=True)" : ""));
  }
  for (int64_t layer : config.layers_to_transform)
    if (layer >= m.config().num_hidden_layers)
      throw LoraError(where + ": the adapter changes layer " + std::to_string(layer) + " but the base model has " +
                      std::to_string(m.config().num_hidden_layers) + " layers; it was made for a different base model");
  if (has_adapter(m, adapter))
    throw LoraError(where + ": an adapter named '" + adapter + "' is already loaded; unload it or choose another name");

  io::CheckpointReader reader = [&] {
    try {
      return io::CheckpointReader::open_file(dir, io::kAdapterWeightsName);
    } catch (const io::SafetensorsError& e) {
      throw LoraError(std::string("cannot read the adapter weights: ") + e.what());
    }
  }();
  const auto expected = expected_tensors(m, config);
  std::vector<std::string> unexpected;
  for (const auto& name : reader.names())
    if (!expected.count(name)) unexpected.push_back(name);
  if (!unexpected.empty())
    throw LoraError(where + ": " + io::kAdapterWeightsName + " holds " + std::to_string(unexpected.size()) +
                    " tensor(s) this base model has no place for, e.g. " + unexpected.front() +
                    " (base: " + describe_base(m) + "); the adapter was made for a different base model or config");
  for (const auto& [name, shape] : expected) {
    if (!reader.contains(name))
      throw LoraError(where + ": " + io::kAdapterWeightsName + " lacks " + name + ", which adapter_config.json implies");
    const auto& got = reader.entry(name).shape;
    if (got != shape)
      throw LoraError(where + ": " + name + " has shape " + shape_text(got) + " but this base model (" + describe_base(m) +
                      ") needs " + shape_text(shape) + "; the adapter was made for a different base model");
  }

  inject_lora(m, config, adapter);
  torch::NoGradGuard no_grad;
  // A tied embedding copy may be listed twice (embed_tokens and lm_head); the first key fills it.
  std::set<const void*> filled;
  try {
    for (auto& [key, tensor] : peft_tensors(m, adapter)) {
      if (!filled.insert(tensor.unsafeGetTensorImpl()).second) continue;
      tensor.copy_(reader.load(key).to(torch::kFloat));
    }
  } catch (const io::SafetensorsError& e) {
    remove_adapter(m, adapter);
    throw LoraError(std::string("cannot read the adapter weights: ") + e.what());
  }
  return config;
}

}  // namespace medlora::lora
