#include "core/tokenizer/jinja/parser.h"

#include <cstring>

#include "core/tokenizer/jinja/template_error.h"

namespace medlora::tokenizer::jinja {
ExprPtr make_expr(Expr::Kind kind, int line) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->line = line;
  return e;
}

std::string describe_token(const Token& t) {
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
  if (!skip_op(op)) fail(std::string("expected \"") + op + "\", found " + describe_token(current()));
}
std::string Parser::expect_name() {
  if (current().type != Token::Type::name) fail("expected a name, found " + describe_token(current()));
  return tokens_[pos_++].value;
}
void Parser::expect_block_end() {
  if (current().type != Token::Type::block_end) fail("expected the end of the tag \"%}\", found " + describe_token(current()));
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
          fail_at(opened_line, "\"" + opened_by + "\" is never closed (expected \"end" + opened_by + "\")");
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
        if (current().type != Token::Type::variable_end) fail("expected the end of the print tag \"}}\", found " + describe_token(current()));
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
      default: fail("unexpected " + describe_token(t));
    }
  }
}

StmtPtr Parser::parse_statement() {
  struct DepthGuard {
    int& depth;
    ~DepthGuard() { --depth; }
  } guard{++depth_};
  if (depth_ > 200) fail("blocks are nested too deeply (more than 200 levels)");
  ++pos_;  // {%
  const int line = current().line;
  if (current().type != Token::Type::name) fail("expected a tag name after \"{%\", found " + describe_token(current()));
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
  if (!skip_name("in")) fail("expected \"in\" in the for loop, found " + describe_token(current()));
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
  if (!s->attribute.empty() || s->targets.size() != 1) fail("expected \"=\" in the set tag, found " + describe_token(current()));
  s->kind = Stmt::Kind::set_block;
  if (at_op("|")) {
    auto placeholder = make_expr(Expr::Kind::name, line);
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
  auto placeholder = make_expr(Expr::Kind::name, line);
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

}  // namespace medlora::tokenizer::jinja
