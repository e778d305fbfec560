#include "core/tokenizer/jinja/parser.h"

#include <cstring>

#include "core/tokenizer/jinja/template_error.h"

namespace medlora::tokenizer::jinja {
namespace {

ExprPtr make(Expr::Kind kind, int line) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->line = line;
  return e;
}

std::string describe(const Token& t) {
  switch (t.type) {
    case Token::Type::data: return "template text";
    case Token::Type::variable_begin: return "\"{{\"";
    case Token::Type::variable_end: return "\"}}\"";
    case Token::Type::block_begin: return "\"{%\"";
    case Token::Type::block_end: return "\"%}\"";
    case Token::Type::name: return "\"" + t.value + "\"";
    case Token::Type::string: return "a string";
    case Token::Type::integer:
    case Token::Type::floating: return "the number " + t.value;
    case Token::Type::op: return "\"" + t.value + "\"";
    case Token::Type::eof: return "the end of the template";
  }
  return "?";
}

}  // namespace

Parser::Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

const Token& Parser::peek(size_t ahead) const {
  return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
}
bool Parser::at_op(const char* op) const { return current().type == Token::Type::op && current().value == op; }
bool Parser::at_name(const char* name) const { return current().type == Token::Type::name && current().value == name; }
bool Parser::skip_op(const char* op) {
  if (!at_op(op)) return false;
  ++pos_;
  return true;
}
bool Parser::skip_name(const char* name) {
  if (!at_name(name)) return false;
  ++pos_;
  return true;
}
void Parser::expect_op(const char* op) {
  if (!skip_op(op)) fail(std::string("expected \"") + op + "\", found " + describe(current()));
}
std::string Parser::expect_name() {
  if (current().type != Token::Type::name) fail("expected a name, found " + describe(current()));
  return tokens_[pos_++].value;
}
void Parser::expect_block_end() {
  if (current().type != Token::Type::block_end) fail("expected the end of the tag \"%}\", found " + describe(current()));
  ++pos_;
}
void Parser::fail(const std::string& message) const { throw TemplateError(current().line, message); }
void Parser::fail_at(int line, const std::string& message) const { throw TemplateError(line, message); }

Body Parser::parse_template() { return parse_body({}, "", 0); }

Body Parser::parse_body(const std::vector<std::string>& until, const std::string& opened_by, int opened_line) {
  Body body;
  while (true) {
    const Token& t = current();
    switch (t.type) {
      case Token::Type::eof:
        if (!until.empty())
          fail_at(opened_line, "\"" + opened_by + "\" is never closed (expected \"" + until.front() + "\")");
        return body;
      case Token::Type::data: {
        auto s = std::make_unique<Stmt>();
        s->kind = Stmt::Kind::text;
        s->line = t.line;
        s->text = t.value;
        body.push_back(std::move(s));
        ++pos_;
        break;
      }
      case Token::Type::variable_begin: {
        ++pos_;
        auto s = std::make_unique<Stmt>();
        s->kind = Stmt::Kind::output;
        s->line = t.line;
        s->expr = parse_tuple();
        if (current().type != Token::Type::variable_end) fail("expected the end of the print tag \"}}\", found " + describe(current()));
        ++pos_;
        body.push_back(std::move(s));
        break;
      }
      case Token::Type::block_begin: {
        const Token& keyword = peek();
        if (keyword.type == Token::Type::name) {
          for (const auto& end : until) {
            if (keyword.value == end) {
              ++pos_;  // leave the keyword itself for the caller
              return body;
            }
          }
        }
        body.push_back(parse_statement());
        break;
      }
      default: fail("unexpected " + describe(t));
    }
  }
}

StmtPtr Parser::parse_statement() {
  ++pos_;  // {%
  const int line = current().line;
  if (current().type != Token::Type::name) fail("expected a tag name after \"{%\", found " + describe(current()));
  const std::string keyword = tokens_[pos_++].value;
  if (keyword == "if") return parse_if(line);
  if (keyword == "for") return parse_for(line);
  if (keyword == "set") return parse_set(line);
  if (keyword == "macro") return parse_macro(line);
  if (keyword == "call") return parse_call_block(line);
  if (keyword == "filter") return parse_filter_block(line);
  if (keyword == "break" || keyword == "continue") {
    auto s = std::make_unique<Stmt>();
    s->kind = keyword == "break" ? Stmt::Kind::break_ : Stmt::Kind::continue_;
    s->line = line;
    expect_block_end();
    return s;
  }
  if (keyword == "generation") {
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::generation;
    s->line = line;
    expect_block_end();
    s->body = parse_body({"endgeneration"}, "generation", line);
    ++pos_;
    expect_block_end();
    return s;
  }
  static const char* const kEnds[] = {"endif", "endfor", "endset", "endmacro", "endcall", "endfilter", "else", "elif", "endgeneration", "endraw"};
  for (const char* end : kEnds)
    if (keyword == end) fail_at(line, "unexpected \"" + keyword + "\" (no open block it could close)");
  fail_at(line, "unknown tag \"" + keyword + "\"");
}

StmtPtr Parser::parse_if(int line) {
  auto s = std::make_unique<Stmt>();
  s->kind = Stmt::Kind::if_;
  s->line = line;
  ExprPtr condition = parse_tuple();
  expect_block_end();
  while (true) {
    Body body = parse_body({"elif", "else", "endif"}, "if", line);
    s->branches.emplace_back(std::move(condition), std::move(body));
    const std::string keyword = tokens_[pos_++].value;
    if (keyword == "elif") {
      condition = parse_tuple();
      expect_block_end();
      continue;
    }
    if (keyword == "else") {
      expect_block_end();
      s->else_body = parse_body({"endif"}, "if", line);
      ++pos_;
    }
    expect_block_end();
    return s;
  }
}

StmtPtr Parser::parse_for(int line) {
  auto s = std::make_unique<Stmt>();
  s->kind = Stmt::Kind::for_;
  s->line = line;
  s->targets.push_back(expect_name());
  while (skip_op(",")) s->targets.push_back(expect_name());
  if (!skip_name("in")) fail("expected \"in\" in the for loop, found " + describe(current()));
  s->expr = parse_tuple(false);
  if (skip_name("if")) s->filter = parse_expression();
  if (skip_name("recursive")) fail_at(line, "recursive for loops are not supported");
  expect_block_end();
  s->body = parse_body({"endfor", "else"}, "for", line);
  if (tokens_[pos_++].value == "else") {
    expect_block_end();
    s->else_body = parse_body({"endfor"}, "for", line);
    ++pos_;
  }
  expect_block_end();
  return s;
}

StmtPtr Parser::parse_set(int line) {
  auto s = std::make_unique<Stmt>();
  s->line = line;
  s->targets.push_back(expect_name());
  if (skip_op(".")) {
    s->attribute = expect_name();
  } else {
    while (skip_op(",")) s->targets.push_back(expect_name());
  }
  if (skip_op("=")) {
    s->kind = Stmt::Kind::set;
    s->expr = parse_tuple();
    expect_block_end();
    return s;
  }
  if (!s->attribute.empty() || s->targets.size() != 1) fail("expected \"=\" in the set tag, found " + describe(current()));
  s->kind = Stmt::Kind::set_block;
  if (at_op("|")) {
    auto placeholder = make(Expr::Kind::name, line);
    placeholder->name = "__block__";
    s->filter = parse_filter_expr(std::move(placeholder));
  }
  expect_block_end();
  s->body = parse_body({"endset"}, "set", line);
  ++pos_;
  expect_block_end();
  return s;
}

std::vector<MacroParam> Parser::parse_params() {
  std::vector<MacroParam> params;
  expect_op("(");
  while (!at_op(")")) {
    if (!params.empty()) expect_op(",");
    if (at_op(")")) break;
    MacroParam p;
    p.name = expect_name();
    if (skip_op("=")) p.default_value = parse_expression();
    params.push_back(std::move(p));
  }
  expect_op(")");
  return params;
}

StmtPtr Parser::parse_macro(int line) {
  auto s = std::make_unique<Stmt>();
  s->kind = Stmt::Kind::macro;
  s->line = line;
  s->name = expect_name();
  s->params = parse_params();
  expect_block_end();
  s->body = parse_body({"endmacro"}, "macro", line);
  ++pos_;
  expect_block_end();
  return s;
}

StmtPtr Parser::parse_call_block(int line) {
  auto s = std::make_unique<Stmt>();
  s->kind = Stmt::Kind::call_block;
  s->line = line;
  if (at_op("(")) s->params = parse_params();
  s->expr = parse_expression();
  if (s->expr->kind != Expr::Kind::call) fail_at(line, "the call tag needs a macro call, like {% call my_macro() %}");
  expect_block_end();
  s->body = parse_body({"endcall"}, "call", line);
  ++pos_;
  expect_block_end();
  return s;
}

StmtPtr Parser::parse_filter_block(int line) {
  auto s = std::make_unique<Stmt>();
  s->kind = Stmt::Kind::filter_block;
  s->line = line;
  auto placeholder = make(Expr::Kind::name, line);
  placeholder->name = "__block__";
  // The tag reads like `filter upper|trim`: make it `__block__|upper|trim`.
  --pos_;
  tokens_[pos_] = Token{Token::Type::op, "|", line};
  s->filter = parse_filter_expr(std::move(placeholder));
  expect_block_end();
  s->body = parse_body({"endfilter"}, "filter", line);
  ++pos_;
  expect_block_end();
  return s;
}

ExprPtr Parser::parse_tuple(bool with_condexpr) {
  const int line = current().line;
  ExprPtr first = parse_expression(with_condexpr);
  if (!at_op(",")) return first;
  auto tuple = make(Expr::Kind::tuple, line);
  tuple->args.push_back(std::move(first));
  while (skip_op(",")) {
    const Token& t = current();
    if (t.type == Token::Type::variable_end || t.type == Token::Type::block_end || at_op(")") || at_name("if")) break;
    tuple->args.push_back(parse_expression(with_condexpr));
  }
  return tuple;
}

ExprPtr Parser::parse_expression(bool with_condexpr) {
  if (!with_condexpr) return parse_or();
  const int line = current().line;
  ExprPtr expr = parse_or();
  while (skip_name("if")) {
    auto cond = make(Expr::Kind::condition, line);
    cond->args.push_back(parse_or());
    cond->args.push_back(std::move(expr));
    cond->args.push_back(skip_name("else") ? parse_expression() : nullptr);
    expr = std::move(cond);
  }
  return expr;
}

ExprPtr Parser::parse_or() {
  ExprPtr left = parse_and();
  while (at_name("or")) {
    const int line = current().line;
    ++pos_;
    auto node = make(Expr::Kind::binary, line);
    node->op = BinaryOp::or_;
    node->args.push_back(std::move(left));
    node->args.push_back(parse_and());
    left = std::move(node);
  }
  return left;
}

ExprPtr Parser::parse_and() {
  ExprPtr left = parse_not();
  while (at_name("and")) {
    const int line = current().line;
    ++pos_;
    auto node = make(Expr::Kind::binary, line);
    node->op = BinaryOp::and_;
    node->args.push_back(std::move(left));
    node->args.push_back(parse_not());
    left = std::move(node);
  }
  return left;
}

ExprPtr Parser::parse_not() {
  if (at_name("not")) {
    auto node = make(Expr::Kind::not_, current().line);
    ++pos_;
    node->args.push_back(parse_not());
    return node;
  }
  return parse_compare();
}

ExprPtr Parser::parse_compare() {
  const int line = current().line;
  ExprPtr first = parse_math1();
  ExprPtr node;
  while (true) {
    CompareOp op;
    const Token& t = current();
    if (t.type == Token::Type::op && t.value == "==") op = CompareOp::eq;
    else if (t.type == Token::Type::op && t.value == "!=") op = CompareOp::ne;
    else if (t.type == Token::Type::op && t.value == "<") op = CompareOp::lt;
    else if (t.type == Token::Type::op && t.value == "<=") op = CompareOp::le;
    else if (t.type == Token::Type::op && t.value == ">") op = CompareOp::gt;
    else if (t.type == Token::Type::op && t.value == ">=") op = CompareOp::ge;
    else if (at_name("in")) op = CompareOp::in;
    else if (at_name("not") && peek().type == Token::Type::name && peek().value == "in") {
      op = CompareOp::not_in;
      ++pos_;
    } else break;
    ++pos_;
    if (!node) {
      node = make(Expr::Kind::compare, line);
      node->args.push_back(std::move(first));
    }
    node->compare_ops.push_back(op);
    node->args.push_back(parse_math1());
  }
  return node ? std::move(node) : std::move(first);
}

ExprPtr Parser::parse_math1() {
  ExprPtr left = parse_concat();
  while (at_op("+") || at_op("-")) {
    auto node = make(Expr::Kind::binary, current().line);
    node->op = at_op("+") ? BinaryOp::add : BinaryOp::sub;
    ++pos_;
    node->args.push_back(std::move(left));
    node->args.push_back(parse_concat());
    left = std::move(node);
  }
  return left;
}

ExprPtr Parser::parse_concat() {
  ExprPtr left = parse_math2();
  while (at_op("~")) {
    auto node = make(Expr::Kind::binary, current().line);
    node->op = BinaryOp::concat;
    ++pos_;
    node->args.push_back(std::move(left));
    node->args.push_back(parse_math2());
    left = std::move(node);
  }
  return left;
}

ExprPtr Parser::parse_math2() {
  ExprPtr left = parse_pow();
  while (at_op("*") || at_op("/") || at_op("//") || at_op("%")) {
    auto node = make(Expr::Kind::binary, current().line);
    node->op = at_op("*") ? BinaryOp::mul : at_op("/") ? BinaryOp::div : at_op("//") ? BinaryOp::floordiv : BinaryOp::mod;
    ++pos_;
    node->args.push_back(std::move(left));
    node->args.push_back(parse_pow());
    left = std::move(node);
  }
  return left;
}

ExprPtr Parser::parse_pow() {
  ExprPtr left = parse_unary();
  while (at_op("**")) {
    auto node = make(Expr::Kind::binary, current().line);
    node->op = BinaryOp::pow;
    ++pos_;
    node->args.push_back(std::move(left));
    node->args.push_back(parse_unary());
    left = std::move(node);
  }
  return left;
}

ExprPtr Parser::parse_unary(bool with_filter) {
  ExprPtr node;
  if (at_op("-") || at_op("+")) {
    node = make(at_op("-") ? Expr::Kind::negate : Expr::Kind::plus, current().line);
    ++pos_;
    node->args.push_back(parse_unary(false));
  } else {
    node = parse_primary();
  }
  node = parse_postfix(std::move(node));
  if (with_filter) node = parse_filter_expr(std::move(node));
  return node;
}

ExprPtr Parser::parse_primary() {
  const Token& t = current();
  const int line = t.line;
  switch (t.type) {
    case Token::Type::name: {
      auto node = make(Expr::Kind::literal, line);
      if (t.value == "true" || t.value == "True") node->value = Value::boolean(true);
      else if (t.value == "false" || t.value == "False") node->value = Value::boolean(false);
      else if (t.value == "none" || t.value == "None") node->value = Value::none();
      else {
        node->kind = Expr::Kind::name;
        node->name = t.value;
      }
      ++pos_;
      return node;
    }
    case Token::Type::string: {
      std::string s;
      while (current().type == Token::Type::string) s += tokens_[pos_++].value;
      auto node = make(Expr::Kind::literal, line);
      node->value = Value::markup(std::move(s));
      return node;
    }
    case Token::Type::integer: {
      auto node = make(Expr::Kind::literal, line);
      try {
        node->value = Value::integer(std::stoll(t.value));
      } catch (const std::exception&) {
        fail("the integer " + t.value + " is too large");
      }
      ++pos_;
      return node;
    }
    case Token::Type::floating: {
      auto node = make(Expr::Kind::literal, line);
      node->value = Value::floating(std::stod(t.value));
      ++pos_;
      return node;
    }
    case Token::Type::op: {
      if (skip_op("(")) {
        if (skip_op(")")) return make(Expr::Kind::tuple, line);
        ExprPtr inner = parse_expression();
        if (at_op(",")) {
          auto tuple = make(Expr::Kind::tuple, line);
          tuple->args.push_back(std::move(inner));
          while (skip_op(",")) {
            if (at_op(")")) break;
            tuple->args.push_back(parse_expression());
          }
          inner = std::move(tuple);
        }
        expect_op(")");
        return inner;
      }
      if (skip_op("[")) {
        auto node = make(Expr::Kind::list, line);
        while (!at_op("]")) {
          if (!node->args.empty()) expect_op(",");
          if (at_op("]")) break;
          node->args.push_back(parse_expression());
        }
        expect_op("]");
        return node;
      }
      if (skip_op("{")) {
        auto node = make(Expr::Kind::dict, line);
        while (!at_op("}")) {
          if (!node->args.empty()) expect_op(",");
          if (at_op("}")) break;
          node->args.push_back(parse_expression());
          expect_op(":");
          node->args.push_back(parse_expression());
        }
        expect_op("}");
        return node;
      }
      break;
    }
    default: break;
  }
  fail("unexpected " + describe(t) + " in an expression");
}

ExprPtr Parser::parse_postfix(ExprPtr node) {
  while (true) {
    if (at_op(".")) {
      const int line = current().line;
      ++pos_;
      if (current().type == Token::Type::name) {
        auto attr = make(Expr::Kind::attribute, line);
        attr->name = tokens_[pos_++].value;
        attr->args.push_back(std::move(node));
        node = std::move(attr);
      } else if (current().type == Token::Type::integer) {
        auto item = make(Expr::Kind::item, line);
        auto index = make(Expr::Kind::literal, line);
        index->value = Value::integer(std::stoll(tokens_[pos_++].value));
        item->args.push_back(std::move(node));
        item->args.push_back(std::move(index));
        node = std::move(item);
      } else {
        fail("expected an attribute name after \".\", found " + describe(current()));
      }
    } else if (at_op("[")) {
      node = parse_subscript(std::move(node));
    } else if (at_op("(")) {
      auto call = make(Expr::Kind::call, current().line);
      call->args.push_back(std::move(node));
      parse_call_args(*call);
      node = std::move(call);
    } else {
      return node;
    }
  }
}

ExprPtr Parser::parse_subscript(ExprPtr node) {
  const int line = current().line;
  expect_op("[");
  ExprPtr parts[3];
  bool is_slice = false;
  if (!at_op(":")) parts[0] = parse_expression();
  if (skip_op(":")) {
    is_slice = true;
    if (!at_op("]") && !at_op(":")) parts[1] = parse_expression();
    if (skip_op(":") && !at_op("]")) parts[2] = parse_expression();
  }
  expect_op("]");
  auto out = make(is_slice ? Expr::Kind::slice : Expr::Kind::item, line);
  out->args.push_back(std::move(node));
  if (is_slice) {
    for (auto& p : parts) out->args.push_back(std::move(p));
  } else {
    if (!parts[0]) fail_at(line, "empty subscript \"[]\"");
    out->args.push_back(std::move(parts[0]));
  }
  return out;
}

void Parser::parse_call_args(Expr& into) {
  expect_op("(");
  bool first = true;
  while (!at_op(")")) {
    if (!first) expect_op(",");
    first = false;
    if (at_op(")")) break;
    if (at_op("*") || at_op("**")) fail("*args and **kwargs in calls are not supported");
    if (current().type == Token::Type::name && peek().type == Token::Type::op && peek().value == "=") {
      std::string name = tokens_[pos_].value;
      pos_ += 2;
      into.kwargs.emplace_back(std::move(name), parse_expression());
    } else {
      if (!into.kwargs.empty()) fail("a positional argument follows a keyword argument");
      into.args.push_back(parse_expression());
    }
  }
  expect_op(")");
}

ExprPtr Parser::parse_filter_expr(ExprPtr node) {
  while (true) {
    if (at_op("|")) {
      ++pos_;
      auto filter = make(Expr::Kind::filter, current().line);
      filter->name = expect_name();
      while (at_op(".")) {
        ++pos_;
        filter->name += "." + expect_name();
      }
      filter->args.push_back(std::move(node));
      if (at_op("(")) parse_call_args(*filter);
      node = std::move(filter);
    } else if (at_name("is")) {
      ++pos_;
      auto test = make(Expr::Kind::test, current().line);
      test->negated = skip_name("not");
      test->name = expect_name();
      while (at_op(".")) {
        ++pos_;
        test->name += "." + expect_name();
      }
      test->args.push_back(std::move(node));
      if (at_op("(")) {
        parse_call_args(*test);
      } else {
        const Token& t = current();
        const bool starts_arg = t.type == Token::Type::name || t.type == Token::Type::string || t.type == Token::Type::integer ||
                                t.type == Token::Type::floating || at_op("[") || at_op("{");
        if (starts_arg && !at_name("else") && !at_name("or") && !at_name("and")) {
          test->args.push_back(parse_postfix(parse_primary()));
        }
      }
      node = std::move(test);
    } else if (at_op("(")) {
      auto call = make(Expr::Kind::call, current().line);
      call->args.push_back(std::move(node));
      parse_call_args(*call);
      node = std::move(call);
    } else {
      return node;
    }
  }
}

}  // namespace medlora::tokenizer::jinja
