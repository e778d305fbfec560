#include "core/tokenizer/jinja/template.h"

#include "core/tokenizer/jinja/builtin_filters.h"
#include "core/tokenizer/jinja/builtin_globals.h"
#include "core/tokenizer/jinja/builtin_tests.h"
#include "core/tokenizer/jinja/interpreter.h"
#include "core/tokenizer/jinja/lexer.h"
#include "core/tokenizer/jinja/parser.h"
#include "core/tokenizer/jinja/template_error.h"

namespace medlora::tokenizer::jinja {
namespace {

// Jinja2 rejects unknown filters and tests, and loop controls outside loops, when it
// compiles a template: so do we, before the first render.
void check_expr(const Expr* e) {
  if (!e) return;
  if (e->kind == Expr::Kind::filter && !has_filter(e->name)) throw TemplateError(e->line, "unknown filter \"" + e->name + "\"");
  if (e->kind == Expr::Kind::test && !has_test(e->name)) throw TemplateError(e->line, "unknown test \"" + e->name + "\"");
  for (const auto& a : e->args) check_expr(a.get());
  for (const auto& [k, v] : e->kwargs) check_expr(v.get());
}

void check_body(const Body& body, bool in_loop) {
  for (const auto& s : body) {
    if ((s->kind == Stmt::Kind::break_ || s->kind == Stmt::Kind::continue_) && !in_loop)
      throw TemplateError(s->line, std::string("\"") + (s->kind == Stmt::Kind::break_ ? "break" : "continue") + "\" outside a for loop");
    check_expr(s->expr.get());
    check_expr(s->filter.get());
    for (const auto& [condition, branch] : s->branches) {
      check_expr(condition.get());
      check_body(branch, in_loop);
    }
    for (const auto& p : s->params) check_expr(p.default_value.get());
    const bool is_loop = s->kind == Stmt::Kind::for_;
    const bool is_scope = s->kind == Stmt::Kind::macro || s->kind == Stmt::Kind::call_block;
    check_body(s->body, is_loop || (!is_scope && in_loop));
    check_body(s->else_body, in_loop);
  }
}

}  // namespace

Template::Template(std::string_view source) {
  auto body = std::make_shared<Body>(Parser(Lexer(source).tokenize()).parse_template());
  check_body(*body, false);
  body_ = std::move(body);
}

Text Template::render(const Variables& variables) const {
  static const Variables globals = builtin_globals();
  auto root = std::make_shared<Frame>();
  root->variables.reserve(globals.size() + variables.size());
  root->variables = globals;
  for (const auto& [name, value] : variables) root->set(name, value);
  auto top = std::make_shared<Frame>();
  top->parent = root;
  Interpreter interpreter(top);
  return interpreter.run(*body_);
}

}  // namespace medlora::tokenizer::jinja
