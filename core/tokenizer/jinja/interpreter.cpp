#include "core/tokenizer/jinja/interpreter.h"

#include "core/tokenizer/jinja/builtin_filters.h"
#include "core/tokenizer/jinja/builtin_tests.h"
#include "core/tokenizer/jinja/operators.h"
#include "core/tokenizer/jinja/template_error.h"
#include "core/tokenizer/jinja/value_access.h"

namespace medlora::tokenizer::jinja {

const Value* Frame::find(const std::string& name) const {
  for (const Frame* f = this; f; f = f->parent.get())
    for (const auto& [k, v] : f->variables)
      if (k == name) return &v;
  return nullptr;
}

void Frame::set(const std::string& name, Value value) {
  for (auto& [k, v] : variables) {
    if (k == name) {
      v = std::move(value);
      return;
    }
  }
  variables.emplace_back(name, std::move(value));
}

namespace {

struct FrameGuard {
  std::shared_ptr<Frame>& slot;
  std::shared_ptr<Frame> saved;
  FrameGuard(std::shared_ptr<Frame>& s, std::shared_ptr<Frame> next) : slot(s), saved(std::move(s)) { slot = std::move(next); }
  ~FrameGuard() { slot = std::move(saved); }
};

std::shared_ptr<Frame> child_of(const std::shared_ptr<Frame>& parent) {
  auto f = std::make_shared<Frame>();
  f->parent = parent;
  return f;
}

}  // namespace

Interpreter::Interpreter(std::shared_ptr<Frame> globals) : frame_(std::move(globals)) {}

Text Interpreter::run(const Body& body) {
  Text out;
  if (exec(body, out) != Flow::normal) throw TemplateError(0, "\"break\" or \"continue\" outside a for loop");
  return out;
}

Interpreter::Flow Interpreter::exec(const Body& body, Text& out) {
  for (const auto& s : body) {
    const Flow flow = exec_statement(*s, out);
    if (flow != Flow::normal) return flow;
  }
  return Flow::normal;
}

Text Interpreter::capture(const Body& body, const std::shared_ptr<Frame>& frame) {
  Text out;
  FrameGuard guard(frame_, frame);
  if (exec(body, out) != Flow::normal) throw TemplateError(0, "\"break\" or \"continue\" outside a for loop");
  return out;
}

Interpreter::Flow Interpreter::exec_statement(const Stmt& s, Text& out) {
  switch (s.kind) {
    case Stmt::Kind::text: out.append_markup(s.text); return Flow::normal;
    case Stmt::Kind::output: {
      const Value v = eval(*s.expr);
      if (v.is_string()) out.append(v.text());
      else out.append(v.to_text());
      return Flow::normal;
    }
    case Stmt::Kind::if_:
      for (const auto& [condition, body] : s.branches)
        if (eval(*condition).truthy()) return exec(body, out);
      return exec(s.else_body, out);
    case Stmt::Kind::for_: exec_for(s, out); return Flow::normal;
    case Stmt::Kind::set: exec_set(s); return Flow::normal;
    case Stmt::Kind::set_block: {
      Text captured;
      if (exec(s.body, captured) != Flow::normal) throw TemplateError(s.line, "\"break\" or \"continue\" inside a set block");
      Value value = Value::string(std::move(captured));
      if (s.filter) {
        auto scratch = child_of(frame_);
        scratch->set("__block__", value);
        FrameGuard guard(frame_, scratch);
        value = eval(*s.filter);
      }
      frame_->set(s.targets[0], std::move(value));
      return Flow::normal;
    }
    case Stmt::Kind::macro:
      frame_->set(s.name, make_macro(s.name, s.params, s.body, s.line));
      return Flow::normal;
    case Stmt::Kind::call_block: {
      const Value caller = make_macro("caller", s.params, s.body, s.line);
      const Value v = eval_call(*s.expr, &caller);
      out.append(v.to_text());
      return Flow::normal;
    }
    case Stmt::Kind::filter_block: {
      Text captured;
      if (exec(s.body, captured) != Flow::normal) throw TemplateError(s.line, "\"break\" or \"continue\" inside a filter block");
      auto scratch = child_of(frame_);
      scratch->set("__block__", Value::string(std::move(captured)));
      FrameGuard guard(frame_, scratch);
      out.append(eval(*s.filter).to_text());
      return Flow::normal;
    }
    case Stmt::Kind::break_: return Flow::break_loop;
    case Stmt::Kind::continue_: return Flow::continue_loop;
    case Stmt::Kind::generation: return exec(s.body, out);
  }
  return Flow::normal;
}

void Interpreter::assign(const std::vector<std::string>& targets, const Value& value, int line) {
  if (targets.size() == 1) {
    frame_->set(targets[0], value);
    return;
  }
  List items = value.is_list() ? value.items() : iterate(value, line);
  if (items.size() != targets.size())
    throw TemplateError(line, "cannot unpack " + std::to_string(items.size()) + " values into " + std::to_string(targets.size()) + " names");
  for (size_t i = 0; i < targets.size(); ++i) frame_->set(targets[i], items[i]);
}

void Interpreter::exec_for(const Stmt& s, Text& out) {
  const Value iterable = eval(*s.expr);
  if (iterable.is_none()) throw TemplateError(s.line, "the for loop's value is None, which cannot be iterated over");
  List items = iterate(iterable, s.line);
  if (s.filter) {
    List kept;
    for (auto& item : items) {
      auto scratch = child_of(frame_);
      FrameGuard guard(frame_, scratch);
      assign(s.targets, item, s.line);
      if (eval(*s.filter).truthy()) kept.push_back(std::move(item));
    }
    items = std::move(kept);
  }
  if (items.empty()) {
    exec(s.else_body, out);
    return;
  }
  const Value* outer_loop = frame_->find("loop");
  const int depth = (outer_loop && outer_loop->kind() == Value::Kind::loop) ? outer_loop->loop_state().depth + 1 : 1;
  for (size_t i = 0; i < items.size(); ++i) {
    auto scope = child_of(frame_);
    FrameGuard guard(frame_, scope);
    auto state = std::make_shared<LoopState>();
    state->items = &items;
    state->index0 = i;
    state->depth = depth;
    scope->variables.reserve(s.targets.size() + 1);
    scope->variables.emplace_back("loop", Value::loop(std::move(state)));
    assign(s.targets, items[i], s.line);
    if (exec(s.body, out) == Flow::break_loop) break;
  }
}

void Interpreter::exec_set(const Stmt& s) {
  Value value = eval(*s.expr);
  if (s.attribute.empty()) {
    assign(s.targets, value, s.line);
    return;
  }
  const Value* target = frame_->find(s.targets[0]);
  if (!target || target->kind() != Value::Kind::namespace_object)
    throw TemplateError(s.line, "cannot set \"" + s.targets[0] + "." + s.attribute + "\": \"" + s.targets[0] +
                                    "\" is not a namespace() object");
  target->mutable_entries().set(Value::markup(s.attribute), std::move(value));
}

Value Interpreter::make_macro(const std::string& name, const std::vector<MacroParam>& params, const Body& body, int line) {
  // A weak reference: the macro is stored in the frame it was defined in, and a strong one
  // would make a cycle that outlives the render. Should that frame be gone (a macro carried
  // out of its loop iteration), the macro resolves names where it is called.
  std::weak_ptr<Frame> defined_in = frame_;
  return Value::callable(name, [this, &params, &body, defined_in, name, line](const CallArgs& args) {
    if (args.positional.size() > params.size())
      throw TemplateError(args.line, "macro \"" + name + "\" takes at most " + std::to_string(params.size()) + " arguments, " +
                                         std::to_string(args.positional.size()) + " given");
    if (++macro_depth_ > 200) {
      macro_depth_ = 0;
      throw TemplateError(line, "macro \"" + name + "\" calls itself too deeply");
    }
    std::shared_ptr<Frame> parent = defined_in.lock();
    auto scope = child_of(parent ? parent : frame_);
    {
      FrameGuard guard(frame_, scope);
      for (size_t i = 0; i < params.size(); ++i) {
        const Value* given = i < args.positional.size() ? &args.positional[i] : args.kw(params[i].name);
        if (given) scope->set(params[i].name, *given);
        else if (params[i].default_value) scope->set(params[i].name, eval(*params[i].default_value));
        else scope->set(params[i].name, Value::undefined("the macro \"" + name + "\" got no value for \"" + params[i].name + "\""));
      }
      for (const auto& [k, v] : args.keyword) {
        bool known = k == "caller";
        for (const auto& p : params) known = known || p.name == k;
        if (!known) throw TemplateError(args.line, "macro \"" + name + "\" has no parameter \"" + k + "\"");
        if (k == "caller") scope->set("caller", v);
      }
    }
    Text out = capture(body, scope);
    --macro_depth_;
    return Value::string(std::move(out));
  });
}

CallArgs Interpreter::eval_args(const Expr& e, size_t first) {
  CallArgs args;
  args.line = e.line;
  args.positional.reserve(e.args.size() - first);
  for (size_t i = first; i < e.args.size(); ++i) args.positional.push_back(eval(*e.args[i]));
  for (const auto& [k, v] : e.kwargs) args.keyword.emplace_back(k, eval(*v));
  return args;
}

Value Interpreter::eval_call(const Expr& e, const Value* caller) {
  const Value callee = eval(*e.args[0]);
  CallArgs args = eval_args(e, 1);
  if (caller) args.keyword.emplace_back("caller", *caller);
  if (callee.is_callable()) return callee.function().call(args);
  if (callee.is_undefined()) fail_undefined(callee, e.line);
  throw TemplateError(e.line, "'" + callee.type_name() + "' object is not callable");
}

Value Interpreter::eval(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::literal: return e.value;
    case Expr::Kind::name: {
      if (const Value* v = frame_->find(e.name)) return *v;
      return Value::undefined("'" + e.name + "' is undefined");
    }
    case Expr::Kind::list:
    case Expr::Kind::tuple: {
      List items;
      items.reserve(e.args.size());
      for (const auto& a : e.args) items.push_back(eval(*a));
      return Value::list(std::move(items), e.kind == Expr::Kind::tuple);
    }
    case Expr::Kind::dict: {
      Dict d;
      for (size_t i = 0; i + 1 < e.args.size(); i += 2) {
        Value key = eval(*e.args[i]);
        if (!key.is_string()) throw TemplateError(e.line, "dict literal keys must be strings here, not '" + key.type_name() + "'");
        d.set(std::move(key), eval(*e.args[i + 1]));
      }
      return Value::dict(std::move(d));
    }
    case Expr::Kind::attribute: return get_attribute(eval(*e.args[0]), e.name, e.line);
    case Expr::Kind::item: return get_item(eval(*e.args[0]), eval(*e.args[1]), e.line);
    case Expr::Kind::slice: {
      const Value object = eval(*e.args[0]);
      std::optional<int64_t> parts[3];
      for (int i = 0; i < 3; ++i) {
        if (!e.args[static_cast<size_t>(i) + 1]) continue;
        const Value p = eval(*e.args[static_cast<size_t>(i) + 1]);
        if (p.is_none()) continue;
        if (p.kind() != Value::Kind::integer && p.kind() != Value::Kind::boolean)
          throw TemplateError(e.line, "slice indices must be integers, not '" + p.type_name() + "'");
        parts[i] = p.as_int();
      }
      return get_slice(object, parts[0], parts[1], parts[2], e.line);
    }
    case Expr::Kind::call: return eval_call(e, nullptr);
    case Expr::Kind::filter: {
      const Value input = eval(*e.args[0]);
      return apply_filter(e.name, input, eval_args(e, 1));
    }
    case Expr::Kind::test: {
      const Value subject = eval(*e.args[0]);
      CallArgs args = eval_args(e, 1);
      const bool result = apply_test(e.name, subject, args.positional, e.line);
      return Value::boolean(e.negated ? !result : result);
    }
    case Expr::Kind::negate:
    case Expr::Kind::plus: {
      const Value v = eval(*e.args[0]);
      if (v.is_undefined()) fail_undefined(v, e.line);
      if (!v.is_number()) throw TemplateError(e.line, "bad operand type for unary " + std::string(e.kind == Expr::Kind::negate ? "-" : "+") + ": '" + v.type_name() + "'");
      if (e.kind == Expr::Kind::plus) return v.kind() == Value::Kind::boolean ? Value::integer(v.as_int(), !v.is_markup()) : v;
      if (v.kind() == Value::Kind::floating) return Value::floating(-v.as_double(), !v.is_markup());
      return Value::integer(-v.as_int(), !v.is_markup());
    }
    case Expr::Kind::not_: return Value::boolean(!eval(*e.args[0]).truthy());
    case Expr::Kind::binary: {
      if (e.op == BinaryOp::and_) {
        Value left = eval(*e.args[0]);
        return left.truthy() ? eval(*e.args[1]) : left;
      }
      if (e.op == BinaryOp::or_) {
        Value left = eval(*e.args[0]);
        return left.truthy() ? left : eval(*e.args[1]);
      }
      const Value left = eval(*e.args[0]);
      return binary_operation(e.op, left, eval(*e.args[1]), e.line);
    }
    case Expr::Kind::compare: {
      Value left = eval(*e.args[0]);
      for (size_t i = 0; i < e.compare_ops.size(); ++i) {
        Value right = eval(*e.args[i + 1]);
        if (!compare_values(e.compare_ops[i], left, right, e.line)) return Value::boolean(false);
        left = std::move(right);
      }
      return Value::boolean(true);
    }
    case Expr::Kind::condition:
      if (eval(*e.args[0]).truthy()) return eval(*e.args[1]);
      if (e.args[2]) return eval(*e.args[2]);
      return Value::undefined("the conditional expression has no else branch");
  }
  return {};
}

}  // namespace medlora::tokenizer::jinja
