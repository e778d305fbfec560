// The expression half of Parser: Jinja2's precedence from conditional expressions down to
// primaries, postfix access, calls, filters and tests.
#include "core/tokenizer/jinja/parser.h"
#include "core/tokenizer/jinja/template_error.h"

#include <array>
#include <iterator>

namespace medlora::tokenizer::jinja {
namespace {

// The left-associative binary operators, loosest first. `not` and the comparisons sit between
// `and` and `+`; the operand of `**` is a unary expression.
struct BinaryOperator {
  const char* text;  // nullptr ends a level's list
  BinaryOp op;
};
struct BinaryLevel {
  bool words;  // keywords (or, and) rather than operator tokens
  std::array<BinaryOperator, 4> ops;
};
constexpr BinaryLevel kBinaryLevels[] = {
    {true, {{{"or", BinaryOp::or_}}}},
    {true, {{{"and", BinaryOp::and_}}}},
    {false, {{{"+", BinaryOp::add}, {"-", BinaryOp::sub}}}},
    {false, {{{"~", BinaryOp::concat}}}},
    {false, {{{"*", BinaryOp::mul}, {"/", BinaryOp::div}, {"//", BinaryOp::floordiv}, {"%", BinaryOp::mod}}}},
    {false, {{{"**", BinaryOp::pow}}}},
};
constexpr size_t kOrLevel = 0, kAndLevel = 1, kMathLevel = 2;

}  // namespace

ExprPtr Parser::parse_tuple(bool with_condexpr) {
  const int line = current().line;
  ExprPtr first = parse_expression(with_condexpr);
  if (!at_op(",")) return first;
  auto tuple = make_expr(Expr::Kind::tuple, line);
  tuple->args.push_back(std::move(first));
  while (skip_op(",")) {
    const Token& t = current();
    if (t.type == Token::Type::variable_end || t.type == Token::Type::block_end || at_op(")") || at_name("if")) break;
    tuple->args.push_back(parse_expression(with_condexpr));
  }
  return tuple;
}

ExprPtr Parser::parse_expression(bool with_condexpr) {
  struct DepthGuard {
    int& depth;
    ~DepthGuard() { --depth; }
  } guard{++depth_};
  if (depth_ > 200) fail("the expression is nested too deeply (more than 200 levels)");
  if (!with_condexpr) return parse_binary(kOrLevel);
  const int line = current().line;
  ExprPtr expr = parse_binary(kOrLevel);
  while (skip_name("if")) {
    auto cond = make_expr(Expr::Kind::condition, line);
    cond->args.push_back(parse_binary(kOrLevel));
    cond->args.push_back(std::move(expr));
    cond->args.push_back(skip_name("else") ? parse_expression() : nullptr);
    expr = std::move(cond);
  }
  return expr;
}

ExprPtr Parser::parse_not() {
  if (at_name("not")) {
    auto node = make_expr(Expr::Kind::not_, current().line);
    ++pos_;
    node->args.push_back(parse_not());
    return node;
  }
  return parse_compare();
}

ExprPtr Parser::parse_compare() {
  const int line = current().line;
  ExprPtr first = parse_binary(kMathLevel);
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
      node = make_expr(Expr::Kind::compare, line);
      node->args.push_back(std::move(first));
    }
    node->compare_ops.push_back(op);
    node->args.push_back(parse_binary(kMathLevel));
  }
  return node ? std::move(node) : std::move(first);
}

ExprPtr Parser::parse_binary(size_t level) {
  const BinaryLevel& ops = kBinaryLevels[level];
  const auto operand = [&] {
    if (level == kAndLevel) return parse_not();
    if (level + 1 == std::size(kBinaryLevels)) return parse_unary();
    return parse_binary(level + 1);
  };
  const auto next_operator = [&]() -> const BinaryOperator* {
    for (const BinaryOperator& o : ops.ops)
      if (o.text && (ops.words ? at_name(o.text) : at_op(o.text))) return &o;
    return nullptr;
  };
  ExprPtr left = operand();
  while (const BinaryOperator* o = next_operator()) {
    auto node = make_expr(Expr::Kind::binary, current().line);
    node->op = o->op;
    ++pos_;
    node->args.push_back(std::move(left));
    node->args.push_back(operand());
    left = std::move(node);
  }
  return left;
}

ExprPtr Parser::parse_unary(bool with_filter) {
  ExprPtr node;
  if (at_op("-") || at_op("+")) {
    if (pos_ >= 2 && tokens_[pos_ - 1].type == Token::Type::op && tokens_[pos_ - 2].type == Token::Type::op && tokens_[pos_ - 1].value == tokens_[pos_].value &&
        tokens_[pos_ - 2].value == tokens_[pos_].value)
      fail("too many unary operators in a row");
    node = make_expr(at_op("-") ? Expr::Kind::negate : Expr::Kind::plus, current().line);
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
      auto node = make_expr(Expr::Kind::literal, line);
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
      auto node = make_expr(Expr::Kind::literal, line);
      node->value = Value::markup(std::move(s));
      return node;
    }
    case Token::Type::integer: {
      auto node = make_expr(Expr::Kind::literal, line);
      try {
        node->value = Value::integer(std::stoll(t.value));
      } catch (const std::exception&) {
        fail("the integer " + t.value + " is too large");
      }
      ++pos_;
      return node;
    }
    case Token::Type::floating: {
      auto node = make_expr(Expr::Kind::literal, line);
      node->value = Value::floating(std::stod(t.value));
      ++pos_;
      return node;
    }
    case Token::Type::op: {
      if (skip_op("(")) {
        if (skip_op(")")) return make_expr(Expr::Kind::tuple, line);
        ExprPtr inner = parse_expression();
        if (at_op(",")) {
          auto tuple = make_expr(Expr::Kind::tuple, line);
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
        auto node = make_expr(Expr::Kind::list, line);
        while (!at_op("]")) {
          if (!node->args.empty()) expect_op(",");
          if (at_op("]")) break;
          node->args.push_back(parse_expression());
        }
        expect_op("]");
        return node;
      }
      if (skip_op("{")) {
        auto node = make_expr(Expr::Kind::dict, line);
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
  fail("unexpected " + describe_token(t) + " in an expression");
}

ExprPtr Parser::parse_postfix(ExprPtr node) {
  while (true) {
    if (at_op(".")) {
      const int line = current().line;
      ++pos_;
      if (current().type == Token::Type::name) {
        auto attr = make_expr(Expr::Kind::attribute, line);
        attr->name = tokens_[pos_++].value;
        attr->args.push_back(std::move(node));
        node = std::move(attr);
      } else if (current().type == Token::Type::integer) {
        auto item = make_expr(Expr::Kind::item, line);
        auto index = make_expr(Expr::Kind::literal, line);
        index->value = Value::integer(std::stoll(tokens_[pos_++].value));
        item->args.push_back(std::move(node));
        item->args.push_back(std::move(index));
        node = std::move(item);
      } else {
        fail("expected an attribute name after \".\", found " + describe_token(current()));
      }
    } else if (at_op("[")) {
      node = parse_subscript(std::move(node));
    } else if (at_op("(")) {
      auto call = make_expr(Expr::Kind::call, current().line);
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
  auto out = make_expr(is_slice ? Expr::Kind::slice : Expr::Kind::item, line);
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
      auto filter = make_expr(Expr::Kind::filter, current().line);
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
      auto test = make_expr(Expr::Kind::test, current().line);
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
      auto call = make_expr(Expr::Kind::call, current().line);
      call->args.push_back(std::move(node));
      parse_call_args(*call);
      node = std::move(call);
    } else {
      return node;
    }
  }
}

}  // namespace medlora::tokenizer::jinja
