#pragma once
// Builds the syntax tree of a template from its tokens, with Jinja2's grammar and operator
// precedence (filters bind tighter than arithmetic, `~` tighter than `+`).
#include <string>
#include <vector>

#include "core/tokenizer/jinja/ast.h"
#include "core/tokenizer/jinja/lexer.h"

namespace medlora::tokenizer::jinja {

// Shared by the two halves of the parser.
ExprPtr make_expr(Expr::Kind kind, int line);
std::string describe_token(const Token& t);

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens);
  Body parse_template();

 private:
  // Statements up to one of the block names in `until` (left unconsumed); eof only when
  // `until` is empty.
  Body parse_body(const std::vector<std::string>& until, const std::string& opened_by, int opened_line);
  StmtPtr parse_statement();
  StmtPtr parse_if(int line);
  StmtPtr parse_for(int line);
  StmtPtr parse_set(int line);
  StmtPtr parse_macro(int line);
  StmtPtr parse_call_block(int line);
  StmtPtr parse_filter_block(int line);
  std::vector<MacroParam> parse_params();

  ExprPtr parse_tuple(bool with_condexpr = true);
  ExprPtr parse_expression(bool with_condexpr = true);
  // The left-associative binary operators of one precedence level and those that bind tighter
  // (the table in parser_expressions.cpp): `or` at level 0, `+ -` at level 2.
  ExprPtr parse_binary(size_t level);
  ExprPtr parse_not();
  ExprPtr parse_compare();
  ExprPtr parse_unary(bool with_filter = true);
  ExprPtr parse_primary();
  ExprPtr parse_postfix(ExprPtr node);
  ExprPtr parse_filter_expr(ExprPtr node);
  ExprPtr parse_subscript(ExprPtr node);
  void parse_call_args(Expr& into);

  const Token& current() const { return tokens_[pos_]; }
  const Token& peek(size_t ahead = 1) const;
  bool at_op(const char* op) const;
  bool at_name(const char* name) const;
  bool skip_op(const char* op);
  bool skip_name(const char* name);
  void expect_op(const char* op);
  std::string expect_name();
  void expect_block_end();
  [[noreturn]] void fail(const std::string& message) const;
  [[noreturn]] void fail_at(int line, const std::string& message) const;

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;  // nesting of expressions and blocks, bounded so that no template can overflow the stack
};

}  // namespace medlora::tokenizer::jinja
