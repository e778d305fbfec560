#include "core/model/model_loader.h"

#include <QFile>
#include <QJsonDocument>
#include <torch/torch.h>

#include <sys/mman.h>
#include <unistd.h>

#include <map>
#include <set>

#include "core/io/atomic_file.h"
#include "core/io/checkpoint_reader.h"
#include "core/io/sharded_writer.h"
#include "core/io/torch_dtype.h"
#include "core/model/weight_placeholder.h"
#include "core/quant/quantize_layers.h"
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

// The mapped bytes of a tensor, viewed without a copy.
std::pair<at::Tensor, const io::SafetensorsFile*> mapped_tensor(const io::CheckpointReader& reader, const std::string& name) {
  for (const auto& file : reader.files()) {
    if (!file->contains(name)) continue;
    const auto& entry = file->entry(name);
    auto* bytes = const_cast<std::byte*>(file->data(entry));
    return {torch::from_blob(bytes, entry.shape, torch::TensorOptions().dtype(io::to_scalar_type(entry.dtype))), file.get()};
  }
  throw ModelError(reader.source().string() + ": tensor \"" + name + "\" is missing from the checkpoint");
}

// Drops a tensor's file pages from this process once it has been read: they would otherwise
// stay resident (and count in its RSS) until the whole checkpoint is closed.
void release_pages(const io::SafetensorsFile& file, const std::string& name) {
  const auto& entry = file.entry(name);
  static const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto begin = reinterpret_cast<uintptr_t>(file.data(entry));
  const uintptr_t first = (begin + page - 1) / page * page, last = (begin + entry.byte_size()) / page * page;
  if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
}

}  // namespace

bool looks_like_model_dir(const std::filesystem::path& dir) {
  return std::filesystem::is_regular_file(dir / "config.json") &&
         (std::filesystem::is_regular_file(dir / "model.safetensors") ||
          std::filesystem::is_regular_file(dir / "model.safetensors.index.json"));
}

std::shared_ptr<LlamaForCausalLM> load_llama(const std::filesystem::path& model_dir,
                                             const runtime::ComputeOptions& compute,
                                             const quant::BaseQuantization& quantization) {
  if (!std::filesystem::is_directory(model_dir))
    throw ModelError(model_dir.string() + ": not a folder (expected an HF model folder with config.json)");
  const auto config = LlamaConfig::from_file(model_dir / "config.json");
  auto reader = io::CheckpointReader::open(model_dir);
  std::shared_ptr<LlamaForCausalLM> model;
  {
    DeferredWeightsGuard deferred;  // every weight is replaced below
    model = std::make_shared<LlamaForCausalLM>(config);
  }
  model->eval();

  if (quantization.enabled() && !compute.device.is_cpu())
    throw ModelError(model_dir.string() + ": a quantised base (" + quant::base_quantization_name(quantization) +
                     ") runs on the CPU only; use device cpu or no quantization");
  torch::NoGradGuard no_grad;
  std::map<std::string, std::shared_ptr<DenseLinear>> projections;
  for (const auto& slot : model->projection_slots()) projections[slot.path + ".weight"] = (*slot.holder)->dense();
  std::set<std::string> expected;
  for (auto& [name, param] : model->base_state_dict()) {
    expected.insert(name);
    if (!reader.contains(name))
      throw ModelError(model_dir.string() + ": tensor \"" + name + "\" is missing from the checkpoint");
    auto [mapped, file] = mapped_tensor(reader, name);
    if (mapped.sizes() != param.sizes())
      throw ModelError(model_dir.string() + ": tensor \"" + name + "\" has shape " + shape_string(mapped.sizes()) +
                       " but config.json implies " + shape_string(param.sizes()));
    if (quantization.enabled() && quant::is_quantized_projection(name)) {
      param.set_data(torch::empty({0}, param.options().dtype(compute.dtype)));
      quant::quantize_into(*projections.at(name), mapped, quantization);
    } else {
      param.set_data(mapped.to(compute.device, compute.dtype, /*non_blocking=*/false, /*copy=*/true).contiguous());
    }
    release_pages(*file, name);
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
