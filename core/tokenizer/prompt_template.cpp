#include "core/tokenizer/prompt_template.h"

#include <array>

#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer {
namespace {

const std::array<PromptTemplate, 3>& builtin_templates() {
  static const std::array<PromptTemplate, 3> templates = {
      PromptTemplate{"clinic", "你是一位经验丰富的临床医生,请根据患者描述提供专业建议",
                     "{instruction}\n\n患者描述:{input}\n\n医生建议:"},
      PromptTemplate{"clinic-en",
                     "You are an experienced clinician. Give professional advice based on the patient's description.",
                     "{instruction}\n\nPatient description: {input}\n\nDoctor's advice:"},
      PromptTemplate{"raw", "", "{input}"},
  };
  return templates;
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Calls on_text(literal) and on_placeholder(name) for the parts of `format`, where a
// placeholder is "{" + word + "}".
template <typename Text, typename Placeholder>
void scan(const std::string& format, Text on_text, Placeholder on_placeholder) {
  size_t literal_start = 0;
  size_t at = 0;
  while ((at = format.find('{', at)) != std::string::npos) {
    size_t end = at + 1;
    while (end < format.size() && is_word_char(format[end])) ++end;
    if (end < format.size() && format[end] == '}' && end > at + 1) {
      on_text(format.substr(literal_start, at - literal_start));
      on_placeholder(format.substr(at + 1, end - at - 1));
      literal_start = at = end + 1;
    } else {
      ++at;
    }
  }
  on_text(format.substr(literal_start));
}

}  // namespace

std::string PromptTemplate::render_prompt(const std::string& input, const std::string& instruction) const {
  const std::string& chosen = instruction.empty() ? default_instruction : instruction;
  std::string out;
  bool has_instruction = false;
  scan(
      prompt_format, [&](const std::string& text) { out += text; },
      [&](const std::string& name) {
        if (name == "input") {
          out += input;
        } else if (name == "instruction") {
          out += chosen;
          has_instruction = true;
        } else {
          out += "{" + name + "}";  // literal in built-ins; custom formats reject it up front
        }
      });
  if (!has_instruction && !instruction.empty()) {
    throw TokenizerError("the prompt template \"" + name + "\" has no {instruction} slot, but an instruction was given; " +
                         "leave the instruction empty or choose a template with an instruction, such as \"clinic\"");
  }
  return out;
}

std::string PromptTemplate::render_full(const std::string& input, const std::string& output,
                                        const std::string& instruction) const {
  return render_prompt(input, instruction) + output;
}

std::vector<std::string> template_names() {
  std::vector<std::string> names;
  for (const auto& t : builtin_templates()) names.push_back(t.name);
  return names;
}

const std::string& default_template_name() {
  static const std::string name = "clinic";
  return name;
}

const PromptTemplate& find_template(const std::string& name) {
  for (const auto& t : builtin_templates()) {
    if (t.name == name) return t;
  }
  std::string known;
  for (const auto& t : builtin_templates()) known += (known.empty() ? "" : ", ") + t.name;
  throw TokenizerError("unknown prompt template \"" + name + "\"; the templates are: " + known +
                       " (or give a custom format containing {input})");
}

PromptTemplate make_custom_template(const std::string& format) {
  int inputs = 0;
  int instructions = 0;
  std::vector<std::string> placeholders;
  scan(
      format, [](const std::string&) {}, [&](const std::string& name) { placeholders.push_back(name); });
  std::string prompt = format;
  for (size_t i = 0; i < placeholders.size(); ++i) {
    const auto& name = placeholders[i];
    if (name == "input") {
      ++inputs;
    } else if (name == "instruction") {
      ++instructions;
    } else if (name == "output") {
      const std::string marker = "{output}";
      if (i + 1 != placeholders.size() || format.size() < marker.size() ||
          format.compare(format.size() - marker.size(), marker.size(), marker) != 0) {
        throw TokenizerError("in the prompt format \"" + format +
                             "\", {output} may only stand at the very end: the answer always follows the prompt");
      }
      prompt.erase(prompt.size() - marker.size());
    } else {
      throw TokenizerError("the prompt format \"" + format + "\" has an unknown placeholder {" + name +
                           "}; use {instruction}, {input} and optionally a final {output}");
    }
  }
  if (inputs != 1) {
    throw TokenizerError("the prompt format \"" + format + "\" must contain {input} exactly once (found " +
                         std::to_string(inputs) + "), e.g. \"Question: {input}\\nAnswer:\"");
  }
  if (instructions > 1) {
    throw TokenizerError("the prompt format \"" + format + "\" contains {instruction} more than once");
  }
  return PromptTemplate{"custom", "", prompt};
}

std::string render_conversation(const PromptTemplate& prompt_template,
                                const std::vector<std::pair<std::string, std::string>>& turns,
                                const std::string& next_input, const std::string& instruction) {
  std::string out;
  for (const auto& [input, output] : turns) {
    out += prompt_template.render_full(input, output, instruction);
    out += "\n\n";
  }
  return out + prompt_template.render_prompt(next_input, instruction);
}

}  // namespace medlora::tokenizer
