#pragma once
// The Ollama Modelfile written next to a GGUF export (`medlora export --modelfile`), so that
// `ollama create NAME -f Modelfile` builds a model that prompts it the way this program does:
// FROM the GGUF, ADAPTER for a GGUF LoRA, the prompt TEMPLATE (Go template syntax), SYSTEM, and
// PARAMETER lines with the clinic sampling defaults of `medlora generate`.
#include <filesystem>
#include <optional>
#include <string>

namespace medlora::lora {

struct ModelfileSpec {
  std::string from;                    // FROM: a GGUF path (relative to the Modelfile) or an Ollama model name
  std::optional<std::string> adapter;  // ADAPTER: a GGUF LoRA path, when exporting an adapter alone
  std::filesystem::path model_dir;     // the HF model folder whose prompt format the Modelfile repeats
};

// Which prompt the Modelfile's TEMPLATE writes: the model's ChatML or Llama 3 chat template
// (the two Ollama renders with its own Go templates), the built-in clinic prompt of a model
// without a chat template, or none (another chat template: Ollama then reads
// tokenizer.chat_template from the GGUF itself).
enum class ModelfilePrompt { ChatMl, Llama3, Clinic, FromGguf };
ModelfilePrompt modelfile_prompt(const std::filesystem::path& model_dir);

// The Modelfile's text. Throws LoraError when a value cannot be quoted in a Modelfile.
std::string render_ollama_modelfile(const ModelfileSpec& spec);

// Writes "Modelfile" in `folder` (atomically, replacing an older one) and returns its path.
std::filesystem::path write_ollama_modelfile(const std::filesystem::path& folder, const ModelfileSpec& spec);

// The Modelfile beside a model GGUF (`--gguf`): FROM that file. Returns the Modelfile's path.
std::filesystem::path write_modelfile_for_model(const std::filesystem::path& model_gguf, const std::filesystem::path& model_dir);
// The Modelfile beside a GGUF LoRA (`--gguf-lora`): FROM `base` (the base's GGUF, or an Ollama
// model name: no '/' and no .gguf suffix), ADAPTER the LoRA. Returns the Modelfile's path.
std::filesystem::path write_modelfile_for_adapter(const std::filesystem::path& lora_gguf, const std::string& base,
                                                  const std::filesystem::path& model_dir);

}  // namespace medlora::lora
