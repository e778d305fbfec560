#pragma once
// Reading into values as Jinja2's sandbox does: `x.name` tries the attribute first and the
// item second, `x[key]` the other way round; a missing one is undefined (reading anything
// from an undefined value is an error). Slices and iteration follow Python.
#include <optional>
#include <string_view>

#include "core/tokenizer/jinja/value.h"

namespace medlora::tokenizer::jinja {

Value get_attribute(const Value& object, std::string_view name, int line);
Value get_item(const Value& object, const Value& key, int line);
// object[start:stop:step]; empty optionals are omitted parts.
Value get_slice(const Value& object, std::optional<int64_t> start, std::optional<int64_t> stop, std::optional<int64_t> step, int line);
// The items a for loop visits: list items, dict keys, string characters; undefined gives none.
List iterate(const Value& iterable, int line);
// "'dict object'", "'str object'": Jinja2's way of naming a value's type in messages.
std::string object_type_repr(const Value& v);

// Python's methods on str, dict and list (strip, split, startswith, items, get, ...) bound to
// `self`; undefined where the type has no such method.
Value bound_method(const Value& self, std::string_view name);

}  // namespace medlora::tokenizer::jinja
