#pragma once
// The syntax tree of a parsed chat template: expressions and statements, each with the
// template line it came from (for error messages).
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/tokenizer/jinja/value.h"

namespace medlora::tokenizer::jinja {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class BinaryOp { add, sub, mul, div, floordiv, mod, pow, concat, and_, or_ };
enum class CompareOp { eq, ne, lt, le, gt, ge, in, not_in };

struct Expr {
  enum class Kind {
    literal,   // value
    name,      // name
    list,      // args
    tuple,     // args
    dict,      // args: key, value, key, value...
    attribute, // args[0].name
    item,      // args[0][args[1]]
    slice,     // args[0][args[1]:args[2]:args[3]] (null parts absent)
    call,      // args[0](args[1..], kwargs)
    filter,    // args[0]|name(args[1..], kwargs)
    test,      // args[0] is [not] name(args[1..], kwargs)
    negate,    // -args[0]
    plus,      // +args[0]
    not_,      // not args[0]
    binary,    // args[0] op args[1]
    compare,   // args[0] ops[0] args[1] ops[1] args[2]...
    condition, // args[1] if args[0] else args[2] (args[2] may be null)
  };
  Kind kind = Kind::literal;
  int line = 0;
  Value value;
  std::string name;
  std::vector<ExprPtr> args;
  std::vector<std::pair<std::string, ExprPtr>> kwargs;
  BinaryOp op = BinaryOp::add;
  std::vector<CompareOp> compare_ops;
  bool negated = false;
};

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

struct MacroParam {
  std::string name;
  ExprPtr default_value;  // null: required
};

struct Stmt {
  enum class Kind {
    text,          // text (template literal text)
    output,        // {{ expr }}
    if_,           // branches (cond, body)..., else_body
    for_,          // targets in expr [if filter]: body else else_body
    set,           // targets (or namespace_name.attribute) = expr
    set_block,     // {% set targets[0] %}body{% endset %}
    macro,         // name(params): body
    call_block,    // {% call(params) expr %}body{% endcall %}
    filter_block,  // {% filter expr %}body{% endfilter %}, expr a filter chain on a placeholder
    break_,
    continue_,
    generation,    // HF's {% generation %}body{% endgeneration %}: rendered as is
  };
  Kind kind = Kind::text;
  int line = 0;
  std::string text;
  ExprPtr expr;
  ExprPtr filter;
  std::vector<std::string> targets;
  std::string attribute;  // set ns.attribute
  std::vector<std::pair<ExprPtr, Body>> branches;
  Body body;
  Body else_body;
  std::string name;
  std::vector<MacroParam> params;
};

}  // namespace medlora::tokenizer::jinja
