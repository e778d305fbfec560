#pragma once
// The error a chat template raises: a construct this interpreter does not know, a syntax
// error, an undefined value used where Jinja2 would fail, or the template's own
// raise_exception(). The message names the line of the template it happened on.
#include <string>

#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer::jinja {

class TemplateError : public TokenizerError {
 public:
  // line 0 means "no line known" (for example an error before the template was read).
  // `origin` (a file, or a name like "built-in chatml") is appended when given.
  TemplateError(int line, const std::string& message, const std::string& origin = {})
      : TokenizerError((line > 0 ? "chat template line " + std::to_string(line) + ": " + message : "chat template: " + message) +
                       (origin.empty() ? std::string() : " (in " + origin + ")")),
        line_(line), detail_(message) {}
  TemplateError with_origin(const std::string& origin) const { return TemplateError(line_, detail_, origin); }
  int line() const { return line_; }
  // The message without the "chat template line N: " prefix.
  const std::string& detail() const { return detail_; }

 private:
  int line_;
  std::string detail_;
};

}  // namespace medlora::tokenizer::jinja
