#pragma once
// A parsed Jinja2 template (HF's dialect: trim_blocks, lstrip_blocks, loopcontrols, no
// autoescape), rendered with provenance: the result says which bytes are the template's own
// markup. Parse once, render many times; render() is const and thread-safe.
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/tokenizer/jinja/ast.h"
#include "core/tokenizer/jinja/text.h"
#include "core/tokenizer/jinja/value.h"

namespace medlora::tokenizer::jinja {

using Variables = std::vector<std::pair<std::string, Value>>;

class Template {
 public:
  // Throws TemplateError (with the line) for syntax errors and unknown filters, tests or tags.
  explicit Template(std::string_view source);

  // Renders with `variables` on top of the built-in globals (range, namespace, dict,
  // raise_exception, strftime_now). Throws TemplateError for failures while rendering.
  Text render(const Variables& variables) const;

 private:
  std::shared_ptr<const Body> body_;
};

}  // namespace medlora::tokenizer::jinja
