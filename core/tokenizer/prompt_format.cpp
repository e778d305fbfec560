#include "core/tokenizer/prompt_format.h"

#include <algorithm>

#include "core/tokenizer/chat_template.h"
#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer {
namespace {

constexpr const char* kModelTemplate = "model";
constexpr const char* kChatMl = "chatml";

std::shared_ptr<const ChatTemplate> model_chat_template(const std::filesystem::path& model_dir) {
  if (model_dir.empty()) return nullptr;
  auto found = ChatTemplate::from_model_dir(model_dir);
  if (!found) return nullptr;
  return std::make_shared<const ChatTemplate>(std::move(*found));
}

// The markup ranges inside [begin, end), shifted to start at 0.
std::vector<TextRange> ranges_within(const std::vector<TextRange>& markup, size_t begin, size_t end) {
  std::vector<TextRange> out;
  for (const auto& range : markup) {
    const size_t b = std::max(range.begin, begin), e = std::min(range.end, end);
    if (b < e) out.push_back({b - begin, e - begin});
  }
  return out;
}

void append(EncodedPrompt& out, const std::vector<int64_t>& ids, bool assistant) {
  out.ids.insert(out.ids.end(), ids.begin(), ids.end());
  out.assistant.insert(out.assistant.end(), ids.size(), assistant ? 1 : 0);
}

// Splits off a leading system message: its content and the remaining turns.
std::pair<std::string, Conversation> split_system(const Conversation& conversation) {
  if (!conversation.empty() && conversation.front().role == "system") {
    return {conversation.front().content, Conversation(conversation.begin() + 1, conversation.end())};
  }
  return {"", conversation};
}

}  // namespace

std::vector<std::string> PromptFormat::choices(bool model_has_chat_template) {
  std::vector<std::string> names;
  if (model_has_chat_template) names.emplace_back(kModelTemplate);
  names.emplace_back(kChatMl);
  for (const auto& name : template_names()) names.push_back(name);
  return names;
}

void PromptFormat::check_name(const std::string& name) {
  if (name.empty() || name == kModelTemplate || name == kChatMl) return;
  const auto names = template_names();
  if (std::find(names.begin(), names.end(), name) != names.end()) return;
  std::string list;
  for (const auto& n : choices(true)) list += (list.empty() ? "" : ", ") + n;
  throw TokenizerError("unknown template \"" + name + "\"; choose one of: " + list + " (or a custom format)");
}

std::string PromptFormat::default_name(const std::filesystem::path& model_dir) {
  return model_chat_template(model_dir) ? kModelTemplate : default_template_name();
}

PromptFormat PromptFormat::resolve(const std::string& name, const std::string& custom_format,
                                   const std::filesystem::path& model_dir, std::shared_ptr<const Tokenizer> tokenizer) {
  if (!custom_format.empty()) {
    PromptFormat format(std::move(tokenizer), make_custom_template(custom_format));
    format.name_ = "custom";
    return format;
  }
  const std::string chosen = name.empty() ? default_name(model_dir) : name;
  if (chosen == kModelTemplate) {
    auto chat = model_chat_template(model_dir);
    if (!chat) {
      throw TokenizerError("template \"model\": " + model_dir.string() +
                           " has no chat template (no chat_template in tokenizer_config.json, no chat_template.jinja); "
                           "choose one of: chatml, " + [] {
                             std::string list;
                             for (const auto& n : template_names()) list += (list.empty() ? "" : ", ") + n;
                             return list;
                           }());
    }
    return PromptFormat(std::move(tokenizer), std::move(chat));
  }
  if (chosen == kChatMl) {
    PromptFormat format(std::move(tokenizer), std::make_shared<const ChatTemplate>(ChatTemplate::builtin(kChatMl)));
    format.name_ = kChatMl;
    return format;
  }
  return PromptFormat(std::move(tokenizer), find_template(chosen));
}

PromptFormat::PromptFormat(std::shared_ptr<const Tokenizer> tokenizer, std::shared_ptr<const ChatTemplate> chat_template)
    : tokenizer_(std::move(tokenizer)), chat_template_(std::move(chat_template)), name_(kModelTemplate) {
  if (!tokenizer_) throw TokenizerError("a prompt format needs a tokenizer");
  if (!chat_template_) throw TokenizerError("a prompt format needs a chat template");
}

PromptFormat::PromptFormat(std::shared_ptr<const Tokenizer> tokenizer, PromptTemplate prompt_template)
    : tokenizer_(std::move(tokenizer)), prompt_template_(std::move(prompt_template)) {
  if (!tokenizer_) throw TokenizerError("a prompt format needs a tokenizer");
  name_ = prompt_template_->name;
}

Conversation PromptFormat::conversation_of(const std::string& instruction, const std::string& input,
                                           const std::string& output) {
  Conversation conversation;
  if (!instruction.empty()) conversation.push_back({"system", instruction});
  conversation.push_back({"user", input});
  if (!output.empty()) conversation.push_back({"assistant", output});
  return conversation;
}

EncodedPrompt PromptFormat::encode_rendered(const std::string& text, const std::vector<TextRange>& markup) const {
  EncodedPrompt out;
  out.text = text;
  out.markup = markup;
  // As apply_chat_template(tokenize=True): the template writes BOS itself where the model wants it.
  out.ids = tokenizer_->encode_marked(text, markup, /*add_special_tokens=*/false);
  return out;
}

EncodedPrompt PromptFormat::encode_prompt(const Conversation& conversation) const {
  if (conversation.empty() || conversation.back().role != "user") {
    throw TokenizerError("a prompt needs a conversation that ends with the user's message");
  }
  if (!chat_template_) return plain_prompt(conversation);
  const auto rendered = chat_template_->render(conversation, /*add_generation_prompt=*/true);
  return encode_rendered(rendered.text, rendered.markup);
}

EncodedPrompt PromptFormat::plain_prompt(const Conversation& conversation) const {
  const auto [instruction, turns] = split_system(conversation);
  std::vector<std::pair<std::string, std::string>> earlier;
  for (size_t i = 0; i + 1 < turns.size(); i += 2) {
    if (turns[i].role != "user" || turns[i + 1].role != "assistant") {
      throw TokenizerError("the " + name_ + " template needs turns that alternate user, assistant (turn " +
                           std::to_string(i + 1) + " is " + turns[i].role + ")");
    }
    earlier.emplace_back(turns[i].content, turns[i + 1].content);
  }
  EncodedPrompt out;
  out.text = render_conversation(*prompt_template_, earlier, turns.back().content, instruction);
  out.ids = tokenizer_->encode(out.text, /*add_special_tokens=*/true, SpecialTokens::as_text);
  return out;
}

EncodedPrompt PromptFormat::encode_training(const Conversation& conversation) const {
  if (std::none_of(conversation.begin(), conversation.end(), [](const auto& m) { return m.role == "assistant"; })) {
    throw TokenizerError("a training conversation needs at least one assistant turn");
  }
  return chat_template_ ? chat_training(conversation) : plain_training(conversation);
}

// Prompt k, then answer k, for every turn: the prompt of the first turn with the
// tokenizer's BOS, the answers encoded on their own, EOS after the last answer. For one
// turn these are exactly the ids generation sees for the prompt, followed by the answer.
EncodedPrompt PromptFormat::plain_training(const Conversation& conversation) const {
  const auto [instruction, turns] = split_system(conversation);
  EncodedPrompt out;
  for (size_t i = 0; i < turns.size(); i += 2) {
    if (turns[i].role != "user" || i + 1 >= turns.size() || turns[i + 1].role != "assistant") {
      throw TokenizerError("the " + name_ + " template needs turns that alternate user, assistant and end with an answer");
    }
    const std::string prompt = (i == 0 ? "" : "\n\n") + prompt_template_->render_prompt(turns[i].content, instruction);
    append(out, tokenizer_->encode(prompt, /*add_special_tokens=*/i == 0, SpecialTokens::as_text), false);
    append(out, tokenizer_->encode(turns[i + 1].content, false, SpecialTokens::as_text), true);
    out.text += prompt + turns[i + 1].content;
  }
  if (tokenizer_->eos_id() < 0) throw TokenizerError(tokenizer_->origin() + " defines no end-of-sequence token");
  append(out, {tokenizer_->eos_id()}, true);
  return out;
}

// The whole conversation rendered once. Assistant turn i spans from the end of the prompt
// the template writes for turns [0, i) (with the generation prompt) to the end of turns
// [0, i] rendered alone; where a template renders a turn differently in context, the
// assistant's content itself is the span.
EncodedPrompt PromptFormat::chat_training(const Conversation& conversation) const {
  const auto full = chat_template_->render(conversation, /*add_generation_prompt=*/false);
  std::vector<TextRange> spans;
  size_t cursor = 0;
  for (size_t i = 0; i < conversation.size(); ++i) {
    if (conversation[i].role != "assistant") continue;
    const Conversation before(conversation.begin(), conversation.begin() + static_cast<std::ptrdiff_t>(i));
    const Conversation through(conversation.begin(), conversation.begin() + static_cast<std::ptrdiff_t>(i + 1));
    const std::string prompt = chat_template_->render(before, true).text;
    const std::string upto = chat_template_->render(through, false).text;
    if (prompt.size() >= cursor && upto.size() > prompt.size() && full.text.compare(0, upto.size(), upto) == 0 &&
        upto.compare(0, prompt.size(), prompt) == 0) {
      spans.push_back({prompt.size(), upto.size()});
      cursor = upto.size();
      continue;
    }
    const size_t at = full.text.find(conversation[i].content, cursor);
    if (at == std::string::npos || conversation[i].content.empty()) {
      throw TokenizerError("the chat template does not show assistant turn " + std::to_string(i + 1) +
                           " in the rendered conversation, so its tokens cannot be trained");
    }
    spans.push_back({at, at + conversation[i].content.size()});
    cursor = at + conversation[i].content.size();
  }
  EncodedPrompt out;
  out.text = full.text;
  out.markup = full.markup;
  size_t from = 0;
  auto encode_piece = [&](size_t begin, size_t end, bool assistant) {
    if (begin >= end) return;
    append(out,
           tokenizer_->encode_marked(std::string_view(full.text).substr(begin, end - begin),
                                     ranges_within(full.markup, begin, end), false),
           assistant);
  };
  for (const auto& span : spans) {
    encode_piece(from, span.begin, false);
    encode_piece(span.begin, span.end, true);
    from = span.end;
  }
  encode_piece(from, full.text.size(), false);
  return out;
}

}  // namespace medlora::tokenizer
