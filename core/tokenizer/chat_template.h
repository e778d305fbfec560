#pragma once
// A model's chat template, rendered exactly as HF's tokenizer.apply_chat_template(...,
// tokenize=False) renders it (Jinja2 with trim_blocks and lstrip_blocks, HF's tojson,
// raise_exception and strftime_now), plus which bytes of the result are the template's own
// markup. Only markup may turn into special tokens: text a user typed ("<|im_end|>") stays text.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <QJsonArray>
#include <QJsonObject>

#include "core/tokenizer/chat_message.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::tokenizer {

namespace jinja {
class Template;
}

// The special-token strings a template sees as bos_token, eos_token, unk_token, pad_token
// (HF passes the ones a tokenizer has; a missing one is undefined in the template).
struct SpecialTokenStrings {
  std::optional<std::string> bos;
  std::optional<std::string> eos;
  std::optional<std::string> unk;
  std::optional<std::string> pad;
};

struct RenderedChat {
  std::string text;
  std::vector<TextRange> markup;  // sorted, merged, non-overlapping byte ranges of `text`
};

class ChatTemplate {
 public:
  // The chat template of an HF model folder: chat_template.jinja when present (it wins, as in
  // transformers), else tokenizer_config.json's "chat_template" (a string, or a list of
  // {"name", "template"}). std::nullopt when the model has none. Throws TemplateError
  // (a TokenizerError) for unreadable files and templates this interpreter cannot parse.
  static std::optional<ChatTemplate> from_model_dir(const std::filesystem::path& dir);
  // `origin` names where the source came from, for error messages.
  static ChatTemplate from_source(std::string source, SpecialTokenStrings tokens = {}, std::string origin = "chat template");
  // Built-in templates by name: "chatml" (<|im_start|>role\ncontent<|im_end|>\n, generation
  // prompt <|im_start|>assistant\n). Throws TemplateError for unknown names.
  static ChatTemplate builtin(std::string_view name);
  static std::vector<std::string> builtin_names();
  // The special-token strings of a tokenizer_config.json object (string or {"content": ...}).
  static SpecialTokenStrings special_tokens_from_config(const QJsonObject& tokenizer_config);

  // The template names: {"default"} for a single template; for a list, "default" first.
  std::vector<std::string> names() const;
  // This template with `name` selected (HF's chat_template= argument). Throws TemplateError
  // naming the available names when there is no such template.
  ChatTemplate with_name(const std::string& name) const;
  // The template that renders when tools are not given / are given (HF's rule: an explicit
  // name, else "tool_use" when tools are given and it exists, else "default").
  const std::string& source() const;
  const std::string& origin() const { return origin_; }
  const SpecialTokenStrings& special_tokens() const { return tokens_; }

  // Renders {role, content} turns. extra_variables become template variables (for example
  // {"enable_thinking": false}); "tools" and "documents" in it are HF's tools=/documents=.
  RenderedChat render(const Conversation& messages, bool add_generation_prompt, const QJsonObject& extra_variables = {}) const;
  // Messages with any fields (tool_calls, reasoning_content, list content). QJsonObject
  // sorts object keys: where key order matters (tojson of tool schemas), use render_json_text.
  RenderedChat render_json(const QJsonArray& messages, bool add_generation_prompt, const QJsonObject& extra_variables = {}) const;
  // As render_json, from JSON text (a messages array, and an object of extra variables, or
  // empty): keys keep their order and 1.0 stays a float, as in Python.
  RenderedChat render_json_text(std::string_view messages_json, bool add_generation_prompt, std::string_view extra_variables_json = {}) const;

 private:
  struct Named {
    std::string name;
    std::string source;
    std::shared_ptr<const jinja::Template> parsed;
  };
  ChatTemplate() = default;
  const Named& pick(bool has_tools) const;

  std::vector<Named> templates_;
  std::optional<size_t> selected_;
  SpecialTokenStrings tokens_;
  std::string origin_;
};

}  // namespace medlora::tokenizer
