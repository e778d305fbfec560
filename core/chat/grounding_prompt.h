#pragma once
// The grounding template: with grounding on, the top-k knowledge-base passages are put in front
// of the user's question as numbered references [1]..[k] with their titles, with an instruction
// to answer from them and cite them as [n]. The chat engine sends `user_message` in place of
// the question; the answer view lists `passages` (same order as the numbers).
#include <string>
#include <vector>

#include "core/store/knowledge_base.h"

namespace medlora::chat {

struct GroundingOptions {
  std::string language = "auto";  // "zh", "en", or "auto": zh when the question contains CJK
  size_t max_passage_chars = 600;  // longer passages are cut (at a code point) and end with "…"
};

struct GroundedPrompt {
  std::string preamble;      // instruction + numbered passages, ends with the question label
  std::string user_message;  // preamble + question: what goes into the chat template
  std::string language;      // "zh" or "en"
  std::vector<store::Passage> passages;  // [0] is cited as [1], ...
};

// With no passages the user_message is the bare question and the preamble is empty.
// Throws std::invalid_argument for another language word.
GroundedPrompt build_grounded_prompt(const std::string& question,
                                     const std::vector<store::Passage>& passages,
                                     const GroundingOptions& options = {});

// The passage numbers (1-based, ascending, unique) an answer cites as [n], [n, m], [n-m],
// 【n】 or ［n］, limited to 1..passage_count.
std::vector<int> cited_passages(const std::string& answer, size_t passage_count);

// "zh" when `text` contains a CJK character, else "en".
std::string detect_language(const std::string& text);

}  // namespace medlora::chat
