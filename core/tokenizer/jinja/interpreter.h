#pragma once
// Walks a template's syntax tree: statements write Text (with provenance) and expressions
// give Values. One Interpreter is one render; Template::render makes it.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/tokenizer/jinja/ast.h"
#include "core/tokenizer/jinja/text.h"
#include "core/tokenizer/jinja/value.h"

namespace medlora::tokenizer::jinja {

// A scope: for bodies and macro calls open one; `if` does not (as in Jinja2).
struct Frame {
  std::shared_ptr<Frame> parent;
  std::vector<std::pair<std::string, Value>> variables;
  const Value* find(const std::string& name) const;
  void set(const std::string& name, Value value);
};

class Interpreter {
 public:
  explicit Interpreter(std::shared_ptr<Frame> globals);
  Text run(const Body& body);

 private:
  enum class Flow { normal, break_loop, continue_loop };
  Flow exec(const Body& body, Text& out);
  Flow exec_statement(const Stmt& s, Text& out);
  void exec_for(const Stmt& s, Text& out);
  void exec_set(const Stmt& s);
  void assign(const std::vector<std::string>& targets, const Value& value, int line);
  Value make_macro(const std::string& name, const std::vector<MacroParam>& params, const Body& body, int line);
  Text capture(const Body& body, const std::shared_ptr<Frame>& frame);

  Value eval(const Expr& e);
  Value eval_call(const Expr& e, const Value* caller);
  CallArgs eval_args(const Expr& e, size_t first);

  std::shared_ptr<Frame> frame_;
  int macro_depth_ = 0;
};

}  // namespace medlora::tokenizer::jinja
