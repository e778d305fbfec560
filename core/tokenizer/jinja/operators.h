#pragma once
// Jinja2's operators with Python's semantics: arithmetic (floor division and modulo round
// toward negative infinity, `/` always gives a float), `~` and `+` on strings (which keep
// per-range provenance), comparisons and `in`.
#include "core/tokenizer/jinja/ast.h"
#include "core/tokenizer/jinja/value.h"

namespace medlora::tokenizer::jinja {

// Throws TemplateError at `line` for undefined operands and type mismatches.
Value binary_operation(BinaryOp op, const Value& left, const Value& right, int line);
bool compare_values(CompareOp op, const Value& left, const Value& right, int line);
// Python's `<` for sort() and comparisons (numbers, strings, lists).
bool python_less(const Value& left, const Value& right, int line);
// Raises the error an undefined value gives when it is used.
[[noreturn]] void fail_undefined(const Value& undefined, int line);

}  // namespace medlora::tokenizer::jinja
