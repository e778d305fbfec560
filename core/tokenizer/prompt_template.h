#pragma once
// Prompt templates that turn (instruction, input[, output]) into model text. The training
// side and the generation side both render through here so that they always agree.
#include <string>
#include <utility>
#include <vector>

namespace medlora::tokenizer {

struct PromptTemplate {
  std::string name;
  std::string default_instruction;
  // Holds {input} and optionally {instruction}; other braces are literal text.
  std::string prompt_format;

  // The prompt the model continues; an empty instruction means default_instruction.
  std::string render_prompt(const std::string& input, const std::string& instruction = "") const;
  // render_prompt(...) + output: one training example.
  std::string render_full(const std::string& input, const std::string& output,
                          const std::string& instruction = "") const;
};

// "clinic" (the default), "clinic-en", "raw"; unknown names throw listing the known ones.
const PromptTemplate& find_template(const std::string& name);
std::vector<std::string> template_names();
// The name of the template used when none is chosen ("clinic").
const std::string& default_template_name();
// A template from a user's format string. It must contain {input} once, may contain
// {instruction} (there is no default instruction: pass one) and may end with {output}
// (dropped: the output always follows the prompt). Any other {word} is an error.
PromptTemplate make_custom_template(const std::string& format);

// Earlier turns as full examples (prompt + output) joined by "\n\n", then the prompt for
// `next_input`. Every turn uses the same instruction.
std::string render_conversation(const PromptTemplate& prompt_template,
                                const std::vector<std::pair<std::string, std::string>>& turns,
                                const std::string& next_input, const std::string& instruction = "");

}  // namespace medlora::tokenizer
