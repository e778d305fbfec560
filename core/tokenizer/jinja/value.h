#pragma once
// The values a chat template computes with, with Python's semantics where Jinja2 relies on
// them: truthiness, equality, str() and repr() of numbers, lists and dicts. Strings carry
// provenance (Text); other scalars carry one flag saying whether they came from data.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/tokenizer/jinja/text.h"

namespace medlora::tokenizer::jinja {

class Value;
using List = std::vector<Value>;

// An insertion-ordered string-keyed dict (Python dicts keep insertion order).
struct Dict {
  std::vector<std::pair<Value, Value>> entries;
  const Value* find(std::string_view key) const;
  Value* find(std::string_view key);
  void set(Value key, Value value);
};

struct CallArgs {
  std::vector<Value> positional;
  std::vector<std::pair<std::string, Value>> keyword;
  int line = 0;
  // The keyword argument `name`, or nullptr.
  const Value* kw(std::string_view name) const;
  // Positional i, else keyword `name`, else nullptr.
  const Value* arg(size_t i, std::string_view name) const;
};

struct Callable {
  std::string name;
  std::function<Value(const CallArgs&)> call;
};

// The state behind `loop` in a for body.
struct LoopState {
  const List* items = nullptr;
  size_t index0 = 0;
  int depth = 1;
};

class Value {
 public:
  enum class Kind { undefined, none, boolean, integer, floating, string, list, dict, namespace_object, callable, loop };

  Value() = default;  // undefined
  static Value undefined(std::string name);
  static Value none(bool data = false);
  static Value boolean(bool b, bool data = false);
  static Value integer(int64_t i, bool data = false);
  static Value floating(double f, bool data = false);
  static Value string(Text t);
  static Value markup(std::string s) { return string(Text::from_markup(std::move(s))); }
  static Value data(std::string s) { return string(Text::from_data(std::move(s))); }
  static Value list(List items, bool tuple = false);
  static Value dict(Dict d);
  static Value namespace_object(Dict d);
  static Value callable(std::string name, std::function<Value(const CallArgs&)> fn);
  static Value loop(std::shared_ptr<LoopState> state);

  Kind kind() const { return kind_; }
  bool is_undefined() const { return kind_ == Kind::undefined; }
  bool is_none() const { return kind_ == Kind::none; }
  bool is_string() const { return kind_ == Kind::string; }
  bool is_number() const { return kind_ == Kind::integer || kind_ == Kind::floating || kind_ == Kind::boolean; }
  bool is_list() const { return kind_ == Kind::list; }
  bool is_tuple() const { return kind_ == Kind::list && tuple_; }
  bool is_mapping() const { return kind_ == Kind::dict || kind_ == Kind::namespace_object; }
  bool is_callable() const { return kind_ == Kind::callable; }

  bool as_bool() const { return b_; }
  int64_t as_int() const { return kind_ == Kind::boolean ? (b_ ? 1 : 0) : i_; }
  double as_double() const;
  const Text& text() const { return *text_; }
  const std::string& str() const { return text_->str; }
  const List& items() const { return *list_; }
  const Dict& entries() const { return *dict_; }
  Dict& mutable_entries() const { return *dict_; }
  const Callable& function() const { return *fn_; }
  const LoopState& loop_state() const { return *loop_; }
  // For undefined values: the expression that produced them ("message.foo").
  const std::string& undefined_name() const;

  // Python truthiness (undefined is false).
  bool truthy() const;
  // Whether every byte this value prints as came from the template's markup.
  bool is_markup() const;
  // str(value) as Jinja2 prints it, with provenance (undefined prints as "").
  Text to_text() const;
  // repr(value) as Python writes it (strings in quotes), as used inside lists and dicts.
  std::string repr() const;
  // Python's type name, for error messages ("str", "list", "dict", "NoneType").
  std::string type_name() const;

  // Python ==.
  bool equals(const Value& other) const;

 private:
  Kind kind_ = Kind::undefined;
  bool data_ = false;
  bool tuple_ = false;
  bool b_ = false;
  int64_t i_ = 0;
  double f_ = 0;
  std::shared_ptr<const Text> text_;
  std::shared_ptr<List> list_;
  std::shared_ptr<Dict> dict_;
  std::shared_ptr<const Callable> fn_;
  std::shared_ptr<LoopState> loop_;
};

// Python's repr() of a float ("1.0", "1e-05", "inf").
std::string python_float_repr(double f);
// Python's repr() of a str ('it''s' rules: single quotes unless the text has ' and no ").
std::string python_string_repr(const std::string& s);

}  // namespace medlora::tokenizer::jinja
