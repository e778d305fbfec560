#include "core/lora/gguf_export.h"

#include <torch/torch.h>

#include "core/gguf/gguf_keys.h"
#include "core/gguf/gguf_writer.h"
#include "core/gguf/tokenizer_metadata.h"
#include "core/lora/gguf_model_layout.h"
#include "core/lora/lora_model.h"
#include "core/lora/merged_export.h"
#include "core/lora/peft_adapter.h"
#include "core/model/model_loader.h"
#include "core/runtime/compute_options.h"

namespace medlora::lora {

namespace fs = std::filesystem;
namespace keys = gguf::keys;

namespace {

void check_paths(const fs::path& base_dir, const fs::path& out_file) {
  if (!model::looks_like_model_dir(base_dir))
    throw LoraError(base_dir.string() + ": not an HF model folder (needs config.json and model.safetensors); pass the base model with --base");
  if (out_file.filename().empty() || fs::is_directory(out_file))
    throw LoraError(out_file.string() + ": the GGUF output must be a file name, not a folder");
  std::error_code ec;
  if (!fs::exists(fs::absolute(out_file).parent_path(), ec))
    throw LoraError(out_file.string() + ": its folder does not exist");
}

std::shared_ptr<model::LlamaForCausalLM> load_base(const fs::path& base_dir) {
  runtime::ComputeOptions compute;  // CPU, float32: export converts from full precision
  auto m = model::load_llama(base_dir, compute);
  m->eval();
  return m;
}

// "models/tiny/" names the folder "tiny", as "models/tiny" does (general.name).
std::string folder_name(const fs::path& dir) {
  auto path = fs::absolute(dir).lexically_normal();
  if (!path.has_filename()) path = path.parent_path();
  return path.filename().string();
}

void report_progress(const GgufExportOptions& options, int64_t done, int64_t total) {
  if (options.progress) options.progress(done, total);
}

}  // namespace

gguf::TensorType parse_gguf_type(const std::string& name) {
  if (const auto type = gguf::parse_tensor_type(name)) return *type;
  throw LoraError("GGUF type '" + name + "' is not one of f32, f16, bf16, q8_0");
}

GgufExportReport export_gguf_model(const fs::path& base_dir, const std::optional<fs::path>& adapter_dir, const fs::path& out_file,
                                   const GgufExportOptions& options) {
  check_paths(base_dir, out_file);
  if (adapter_dir) read_adapter_config(*adapter_dir);  // a bad adapter fails before the base is read
  auto m = load_base(base_dir);
  const auto& config = m->config();
  GgufExportReport report;
  report.type = gguf::tensor_type_name(options.type);
  report.architecture = gguf_architecture(config);
  const auto rope_factors = llama3_rope_factors(config);  // refuses llama3 scaling off the llama architecture before merging

  gguf::GgufWriter w;
  report.warnings = add_architecture_metadata(w, config, folder_name(base_dir));
  w.set(keys::kFileType, gguf::Value::u32(llama_file_type(options.type)));
  w.set(keys::kQuantizationVersion, gguf::Value::u32(2));  // GGML_QNT_VERSION
  const auto tokenizer = gguf::add_tokenizer_metadata(w, base_dir, config.vocab_size);
  report.tokenizer_model = tokenizer.model;
  report.tokenizer_pre = tokenizer.pre;

  if (adapter_dir) {
    const std::string adapter = "export";
    load_peft_adapter(*m, *adapter_dir, adapter, fs::absolute(base_dir).string());
    for (auto& [path, layer] : lora_layers(*m)) report.merged_layers += layer->has_adapter(adapter) ? 1 : 0;
    if (!options.allow_identity && !merge_changes_weights(*m, adapter, torch::kFloat))
      throw LoraError(adapter_dir->string() + ": merging this adapter leaves every weight of the base unchanged (all lora_B are "
                      "zero: an untrained adapter?). Export the base alone without --adapter, or pass --allow-identity");
    merge_and_unload(*m);
  }

  torch::NoGradGuard no_grad;
  auto weights = m->base_state_dict();
  const int64_t total = static_cast<int64_t>(weights.size()) + (rope_factors ? 1 : 0);
  int64_t done = 0;
  if (rope_factors) {
    add_float_tensor(w, "rope_freqs.weight", *rope_factors, gguf::TensorType::F32);
    report_progress(options, ++done, total);
  }
  for (auto& [hf_name, tensor] : weights) {
    const auto name = gguf_tensor_name(hf_name);
    if (!name) throw LoraError("GGUF export: no llama.cpp tensor for " + hf_name);
    torch::Tensor values = tensor.to(torch::kFloat);
    if (const auto heads = rope_permutation_heads(config, hf_name)) values = permute_rows_for_llama_rope(values, *heads);
    add_float_tensor(w, *name, values, stored_tensor_type(*name, values.sizes().vec(), options.type));
    report_progress(options, ++done, total);
  }
  report.tensors = static_cast<int64_t>(w.tensor_count());
  report.bytes = w.write(out_file);
  return report;
}

GgufExportReport export_gguf_lora(const fs::path& base_dir, const fs::path& adapter_dir, const fs::path& out_file,
                                  const GgufExportOptions& options) {
  check_paths(base_dir, out_file);
  const LoraConfig peft = read_adapter_config(adapter_dir);
  if (!peft.modules_to_save.empty())
    throw LoraError(adapter_dir.string() + ": modules_to_save (full copies of " + peft.modules_to_save.front() +
                    ") cannot be expressed as a GGUF LoRA adapter; export the merged model with --gguf instead");
  auto m = load_base(base_dir);
  const auto& config = m->config();
  const std::string adapter = "export";
  load_peft_adapter(*m, adapter_dir, adapter, fs::absolute(base_dir).string());

  GgufExportReport report;
  report.architecture = gguf_architecture(config);
  report.type = gguf::tensor_type_name(options.type);
  gguf::GgufWriter w;
  w.set(keys::kArchitecture, gguf::Value::string(report.architecture));
  w.set(keys::kType, gguf::Value::string("adapter"));
  w.set(keys::kName, gguf::Value::string(folder_name(adapter_dir)));
  w.set(keys::kAlignment, gguf::Value::u32(gguf::kGgufAlignment));
  w.set(keys::kAdapterType, gguf::Value::string("lora"));
  // llama.cpp scales B A by alpha / r (r = lora_a's rows): this alpha gives PEFT's scaling,
  // alpha / r, or alpha / sqrt(r) with rsLoRA.
  w.set(keys::kAdapterLoraAlpha, gguf::Value::f32(static_cast<float>(peft.scaling() * static_cast<double>(peft.r))));
  w.set(keys::kFileType, gguf::Value::u32(llama_file_type(options.type)));
  w.set(keys::kQuantizationVersion, gguf::Value::u32(2));

  torch::NoGradGuard no_grad;
  auto layers = lora_layers(*m);
  const int64_t total = static_cast<int64_t>(layers.size());
  int64_t done = 0;
  for (auto& [path, layer] : layers) {
    report_progress(options, ++done, total);
    if (!layer->has_adapter(adapter)) continue;
    if (path == "lm_head" && config.tie_word_embeddings)
      throw LoraError(adapter_dir.string() + ": a LoRA on lm_head of a model with tied embeddings has no GGUF tensor to apply to");
    const auto name = gguf_tensor_name(path + ".weight");
    if (!name) throw LoraError("GGUF export: no llama.cpp tensor for " + path);
    const auto& weights = layer->adapter(adapter);
    torch::Tensor b = weights.B.to(torch::kFloat);
    if (const auto heads = rope_permutation_heads(config, path)) b = permute_rows_for_llama_rope(b, *heads);
    const auto a = weights.A.to(torch::kFloat);
    add_float_tensor(w, *name + ".lora_a", a, stored_tensor_type(*name + ".lora_a", a.sizes().vec(), options.type));
    add_float_tensor(w, *name + ".lora_b", b, stored_tensor_type(*name + ".lora_b", b.sizes().vec(), options.type));
    ++report.merged_layers;
  }
  if (report.merged_layers == 0) throw LoraError(adapter_dir.string() + ": the adapter holds no LoRA projection to export");
  report.tensors = static_cast<int64_t>(w.tensor_count());
  report.bytes = w.write(out_file);
  return report;
}

}  // namespace medlora::lora
