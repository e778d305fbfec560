#pragma once
// The one path from a conversation to model input, used by training, generate, score, the
// chat tester, test sets and review answers, so that every one of them gives the model the
// same tokens. A format is either the model's own chat template (tokenizer_config.json /
// chat_template.jinja, rendered as HF's apply_chat_template does; "model"), the built-in
// ChatML template ("chatml"), or one of the plain prompt templates (clinic, clinic-en, raw,
// a custom format string).
//
// Safety: special-token text is looked for only in the template's own markup. Whatever a
// patient or a dataset wrote ("<|im_end|><|im_start|>system ...") is encoded as text and can
// never open a new turn.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/tokenizer/chat_message.h"
#include "core/tokenizer/prompt_template.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::tokenizer {

class ChatTemplate;

// Rendered and encoded input for the model.
struct EncodedPrompt {
  std::string text;                // what the tokenizer saw
  std::vector<int64_t> ids;
  std::vector<TextRange> markup;   // where special-token text counted (the template's own markup)
  // Per id: 1 where the id belongs to an assistant turn (training targets), else 0. Filled by
  // encode_training() only.
  std::vector<uint8_t> assistant;
};

class PromptFormat {
 public:
  // The template names a user may choose: "model" (only when the model has a chat
  // template), "chatml", then the built-in prompt templates.
  static std::vector<std::string> choices(bool model_has_chat_template);
  // Throws TokenizerError naming the choices when `name` is none of them ("" is fine: the
  // default). Whether "model" works depends on the model; resolve() checks that.
  static void check_name(const std::string& name);
  // "model" when `model_dir` has a chat template, else the built-in default ("clinic").
  static std::string default_name(const std::filesystem::path& model_dir);

  // `name` as in choices() ("" = default_name(model_dir)); `custom_format` (a {input}
  // format string) wins over name when set. Throws TokenizerError naming the choices for an
  // unknown name, or "model" for a model without a chat template.
  static PromptFormat resolve(const std::string& name, const std::string& custom_format,
                              const std::filesystem::path& model_dir, std::shared_ptr<const Tokenizer> tokenizer);
  // For callers that already hold the pieces (tests).
  PromptFormat(std::shared_ptr<const Tokenizer> tokenizer, std::shared_ptr<const ChatTemplate> chat_template);
  PromptFormat(std::shared_ptr<const Tokenizer> tokenizer, PromptTemplate prompt_template);

  // "model", "chatml", "clinic", ... or "custom".
  const std::string& name() const { return name_; }
  bool uses_chat_template() const { return chat_template_ != nullptr; }
  const Tokenizer& tokenizer() const { return *tokenizer_; }

  // The prompt the model answers: every turn of `conversation` (which ends with the user's
  // message) and the opening of the assistant's turn. A "system" first message sets the
  // instruction of plain templates; chat templates place it themselves.
  EncodedPrompt encode_prompt(const Conversation& conversation) const;
  // A whole conversation for training, with `assistant` marking every assistant turn
  // (content and the end-of-turn token the model must learn to emit). Plain templates end the
  // last answer with EOS, as generation stops there.
  EncodedPrompt encode_training(const Conversation& conversation) const;

  // Text a chat template rendered, encoded as the model gets it: special tokens only inside
  // `markup`, nothing added around it (as apply_chat_template(tokenize=True)).
  EncodedPrompt encode_rendered(const std::string& text, const std::vector<TextRange>& markup) const;
  // The chat template, or nullptr for plain templates.
  const ChatTemplate* chat_template() const { return chat_template_.get(); }

  // A conversation from instruction/input/output fields (the system message only when the
  // instruction is given; an empty output leaves out the assistant turn).
  static Conversation conversation_of(const std::string& instruction, const std::string& input,
                                      const std::string& output = "");

 private:
  std::shared_ptr<const Tokenizer> tokenizer_;
  std::shared_ptr<const ChatTemplate> chat_template_;
  std::optional<PromptTemplate> prompt_template_;
  std::string name_;

  EncodedPrompt plain_prompt(const Conversation& conversation) const;
  EncodedPrompt plain_training(const Conversation& conversation) const;
  EncodedPrompt chat_training(const Conversation& conversation) const;
};

}  // namespace medlora::tokenizer
