#include "core/model/model_loader.h"

#include <QFile>
#include <QJsonDocument>
#include <torch/torch.h>

#include <set>

#include "core/io/atomic_file.h"
#include "core/io/checkpoint_reader.h"
#include "core/io/sharded_writer.h"
#include "core/runtime/compute_options.h"

namespace medlora::model {

namespace {

std::string shape_string(c10::IntArrayRef shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

bool is_ignorable_extra(const std::string& name) {
  return name.find("rotary_emb.inv_freq") != std::string::npos;
}

}  // namespace

bool looks_like_model_dir(const std::filesystem::path& dir) {
  return std::filesystem::is_regular_file(dir / "config.json") &&
         (std::filesystem::is_regular_file(dir / "model.safetensors") ||
          std::filesystem::is_regular_file(dir / "model.safetensors.index.json"));
}

std::shared_ptr<LlamaForCausalLM> load_llama(const std::filesystem::path& model_dir,
                                             const runtime::ComputeOptions& compute) {
  if (!std::filesystem::is_directory(model_dir))
    throw ModelError(model_dir.string() + ": not a folder (expected an HF model folder with config.json)");
  const auto config = LlamaConfig::from_file(model_dir / "config.json");
  auto reader = io::CheckpointReader::open(model_dir);
  auto model = std::make_shared<LlamaForCausalLM>(config);
  model->eval();

  torch::NoGradGuard no_grad;
  std::set<std::string> expected;
  for (auto& [name, param] : model->base_state_dict()) {
    expected.insert(name);
    if (!reader.contains(name))
      throw ModelError(model_dir.string() + ": tensor \"" + name + "\" is missing from the checkpoint");
    auto tensor = reader.load(name);
    if (tensor.sizes() != param.sizes())
      throw ModelError(model_dir.string() + ": tensor \"" + name + "\" has shape " + shape_string(tensor.sizes()) +
                       " but config.json implies " + shape_string(param.sizes()));
    param.set_data(tensor.to(compute.device, compute.dtype).contiguous());
  }
  for (const auto& name : reader.names()) {
    if (expected.count(name) || is_ignorable_extra(name)) continue;
    if (name == "lm_head.weight" && config.tie_word_embeddings) continue;
    throw ModelError(model_dir.string() + ": unexpected tensor \"" + name +
                     "\" (is this a LLaMA-family checkpoint matching its config.json?)");
  }
  for (auto& p : model->parameters()) p.set_requires_grad(false);
  return model;
}

void save_llama(LlamaForCausalLM& model, const std::filesystem::path& model_dir, c10::ScalarType save_dtype,
                uint64_t max_shard_bytes) {
  std::filesystem::create_directories(model_dir);
  auto config = model.config();
  config.torch_dtype = runtime::dtype_name(save_dtype);
  const auto json = QJsonDocument(config.to_json()).toJson(QJsonDocument::Indented);
  io::write_file_atomically(model_dir / "config.json", std::string_view(json.constData(), json.size()));

  std::vector<std::pair<std::string, torch::Tensor>> tensors;
  torch::NoGradGuard no_grad;
  for (auto& [name, tensor] : model.base_state_dict())
    tensors.emplace_back(name, tensor.detach().to(torch::kCPU, save_dtype).contiguous());
  io::write_sharded_safetensors(model_dir, tensors, max_shard_bytes, {{"format", "pt"}});
}

}  // namespace medlora::model
