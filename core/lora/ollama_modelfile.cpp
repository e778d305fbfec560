#include "core/lora/ollama_modelfile.h"

#include <sstream>

#include "core/generate/sampling_params.h"
#include "core/io/atomic_file.h"
#include "core/lora/lora_config.h"
#include "core/tokenizer/chat_template.h"
#include "core/tokenizer/prompt_template.h"

namespace medlora::lora {

namespace fs = std::filesystem;

namespace {

// Ollama's own templates for the two chat formats, in its legacy System/Prompt/Response form
// (which it applies turn by turn).
constexpr const char* kChatMlTemplate =
    "{{ if .System }}<|im_start|>system\n{{ .System }}<|im_end|>\n{{ end }}"
    "{{ if .Prompt }}<|im_start|>user\n{{ .Prompt }}<|im_end|>\n{{ end }}"
    "<|im_start|>assistant\n{{ .Response }}<|im_end|>\n";
constexpr const char* kLlama3Template =
    "{{ if .System }}<|start_header_id|>system<|end_header_id|>\n\n{{ .System }}<|eot_id|>{{ end }}"
    "{{ if .Prompt }}<|start_header_id|>user<|end_header_id|>\n\n{{ .Prompt }}<|eot_id|>{{ end }}"
    "<|start_header_id|>assistant<|end_header_id|>\n\n{{ .Response }}<|eot_id|>";

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// The plain prompt template as a Go template: {instruction} is Ollama's system prompt (SYSTEM
// sets the template's default instruction), {input} the user's message.
std::string clinic_go_template(const tokenizer::PromptTemplate& prompt) {
  if (prompt.prompt_format.find("{{") != std::string::npos || prompt.prompt_format.find("}}") != std::string::npos)
    throw LoraError("the prompt template '" + prompt.name + "' holds '{{' or '}}', which a Modelfile TEMPLATE cannot carry");
  std::string text = prompt.prompt_format;
  replace_all(text, "{instruction}", "{{ .System }}");
  replace_all(text, "{input}", "{{ .Prompt }}");
  return text + "{{ .Response }}";
}

// A Modelfile value in triple quotes, which cannot hold triple quotes itself.
std::string quoted_block(const std::string& value, const char* what) {
  if (value.find("\"\"\"") != std::string::npos)
    throw LoraError(std::string("the ") + what + " holds \"\"\", which a Modelfile cannot quote");
  return "\"\"\"" + value + "\"\"\"";
}

std::string quoted_line(const std::string& value, const char* what) {
  if (value.find_first_of("\"\n") != std::string::npos)
    throw LoraError(std::string("the ") + what + " '" + value + "' holds a quote or a line break, which a Modelfile line cannot carry");
  return "\"" + value + "\"";
}

// A path as the Modelfile names it: relative to its folder when the file lies inside it (Ollama
// resolves FROM/ADAPTER against the Modelfile's folder), absolute otherwise.
std::string path_from(const fs::path& file, const fs::path& folder) {
  const fs::path absolute = fs::absolute(file).lexically_normal();
  const fs::path relative = absolute.lexically_relative(fs::absolute(folder).lexically_normal());
  if (!relative.empty() && *relative.begin() != "..") return "./" + relative.generic_string();
  return absolute.string();
}

}  // namespace

ModelfilePrompt modelfile_prompt(const fs::path& model_dir) {
  const auto chat = tokenizer::ChatTemplate::from_model_dir(model_dir);
  if (!chat) return ModelfilePrompt::Clinic;
  const std::string& source = chat->source();
  if (source.find("<|start_header_id|>") != std::string::npos) return ModelfilePrompt::Llama3;
  if (source.find("<|im_start|>") != std::string::npos) return ModelfilePrompt::ChatMl;
  return ModelfilePrompt::FromGguf;
}

std::string render_ollama_modelfile(const ModelfileSpec& spec) {
  std::ostringstream out;
  out << "# Ollama Modelfile written by medlora export. Build it with: ollama create NAME -f Modelfile\n";
  out << "FROM " << spec.from << "\n";
  if (spec.adapter) out << "ADAPTER " << *spec.adapter << "\n";

  const generate::SamplingParams defaults;  // the sampling of `medlora generate`
  std::string stop;
  switch (modelfile_prompt(spec.model_dir)) {
    case ModelfilePrompt::ChatMl:
      out << "TEMPLATE " << quoted_block(kChatMlTemplate, "template") << "\n";
      stop = "<|im_end|>";
      break;
    case ModelfilePrompt::Llama3:
      out << "TEMPLATE " << quoted_block(kLlama3Template, "template") << "\n";
      stop = "<|eot_id|>";
      break;
    case ModelfilePrompt::Clinic: {
      const auto& prompt = tokenizer::find_template(tokenizer::default_template_name());
      out << "TEMPLATE " << quoted_block(clinic_go_template(prompt), "template") << "\n";
      out << "SYSTEM " << quoted_block(prompt.default_instruction, "instruction") << "\n";
      break;
    }
    case ModelfilePrompt::FromGguf:
      out << "# No TEMPLATE: Ollama takes the chat template from the GGUF's tokenizer.chat_template.\n";
      break;
  }
  out << "PARAMETER temperature " << defaults.temperature << "\n";
  out << "PARAMETER top_k " << defaults.top_k << "\n";
  out << "PARAMETER top_p " << defaults.top_p << "\n";
  out << "PARAMETER repeat_penalty " << defaults.repetition_penalty << "\n";
  out << "PARAMETER num_predict " << defaults.max_new_tokens << "\n";
  if (!stop.empty()) out << "PARAMETER stop " << quoted_line(stop, "stop token") << "\n";
  return out.str();
}

fs::path write_ollama_modelfile(const fs::path& folder, const ModelfileSpec& spec) {
  const std::string text = render_ollama_modelfile(spec);
  const fs::path target = folder / "Modelfile";
  io::AtomicFileWriter writer(target);
  writer.write(text);
  writer.commit();
  return target;
}

fs::path write_modelfile_for_model(const fs::path& model_gguf, const fs::path& model_dir) {
  const fs::path folder = fs::absolute(model_gguf).parent_path();
  return write_ollama_modelfile(folder, {path_from(model_gguf, folder), std::nullopt, model_dir});
}

fs::path write_modelfile_for_adapter(const fs::path& lora_gguf, const std::string& base, const fs::path& model_dir) {
  const fs::path folder = fs::absolute(lora_gguf).parent_path();
  const bool is_file = base.find('/') != std::string::npos || fs::path(base).extension() == ".gguf";
  return write_ollama_modelfile(folder, {is_file ? path_from(base, folder) : base, path_from(lora_gguf, folder), model_dir});
}

}  // namespace medlora::lora
