#include "core/chat/grounding_prompt.h"

#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "core/chat/text_offsets.h"
#include "core/data/utf8_text.h"

namespace medlora::chat {
namespace {

struct Template {
  const char* instruction;
  const char* references_label;
  const char* question_label;
};

// The instruction asks for citations by number, so that the answer view can show which
// passages an answer relied on (cited_passages), and for honesty when they do not help.
const Template kChinese = {
    "请根据下面的参考资料回答问题。回答时在所依据的内容后用 [编号] 标注出处，例如 [1]。"
    "如果参考资料不足以回答，请明确说明，再根据一般医学知识谨慎回答。",
    "参考资料：", "问题："};
const Template kEnglish = {
    "Answer the question using the reference passages below. After each statement, cite the "
    "passage it relies on by its number, for example [1]. If the passages do not contain the "
    "answer, say so, then answer cautiously from general medical knowledge.",
    "References:", "Question: "};

std::string cut(const std::string& text, size_t max_chars) {
  if (max_chars == 0) return text;
  size_t pos = 0;
  size_t chars = 0;
  while (pos < text.size() && chars < max_chars) {
    data::utf8::decode(text, pos);
    ++chars;
  }
  if (pos >= text.size()) return text;
  return text.substr(0, pos) + "…";
}

}  // namespace

std::string detect_language(const std::string& text) { return contains_cjk(text) ? "zh" : "en"; }

GroundedPrompt build_grounded_prompt(const std::string& question, const std::vector<store::Passage>& passages,
                                     const GroundingOptions& options) {
  GroundedPrompt prompt;
  if (options.language == "auto") {
    prompt.language = detect_language(question);
  } else if (options.language == "zh" || options.language == "en") {
    prompt.language = options.language;
  } else {
    throw std::invalid_argument("grounding language must be zh, en or auto, not '" + options.language + "'");
  }
  prompt.passages = passages;
  if (passages.empty()) {
    prompt.user_message = question;
    return prompt;
  }
  const Template& t = prompt.language == "zh" ? kChinese : kEnglish;
  std::string& out = prompt.preamble;
  out += t.instruction;
  out += "\n\n";
  out += t.references_label;
  out += "\n";
  for (size_t i = 0; i < passages.size(); ++i) {
    const store::Passage& passage = passages[i];
    out += "[" + std::to_string(i + 1) + "] ";
    const std::string title = passage.title.empty() ? passage.document_title : passage.title;
    if (!title.empty()) out += prompt.language == "zh" ? "《" + title + "》" : title;
    out += "\n" + cut(passage.text, options.max_passage_chars) + "\n\n";
  }
  out += t.question_label;
  prompt.user_message = prompt.preamble + question;
  return prompt;
}

std::vector<int> cited_passages(const std::string& answer, size_t passage_count) {
  // [1], [1, 3], [1-3], [1][2], full-width ［1］ and 【1】; ranges are expanded.
  static const QRegularExpression citation(R"([\[［【]\s*(\d+(?:\s*[-–~,，、]\s*\d+)*)\s*[\]］】])");
  static const QRegularExpression part(R"((\d+)(?:\s*[-–~]\s*(\d+))?)");
  std::set<int> numbers;
  auto it = citation.globalMatch(QString::fromStdString(answer));
  while (it.hasNext()) {
    const QString list = it.next().captured(1);
    auto parts = part.globalMatch(list);
    while (parts.hasNext()) {
      const QRegularExpressionMatch p = parts.next();
      const int from = p.captured(1).toInt();
      const int to = p.captured(2).isEmpty() ? from : p.captured(2).toInt();
      for (int n = std::max(from, 1); n <= to && n <= static_cast<int>(passage_count); ++n) numbers.insert(n);
    }
  }
  return {numbers.begin(), numbers.end()};
}

}  // namespace medlora::chat
