#!/usr/bin/python3
"""Reference renderer for chat templates: renders as HF transformers' apply_chat_template
(tokenize=False) does, with Debian's python3-jinja2, for byte-for-byte comparison in tests.

Run with /usr/bin/python3 (Debian's, which has jinja2). Reads one JSON object (from the file
named as the first argument, or stdin):
  {"template": "<jinja source>" | "template_file": "path",
   "special_tokens": {"bos_token": "<s>", ...},           # only the tokens the model has
   "cases": [{"messages": [...], "add_generation_prompt": true,
              "tools": [...] (optional), "documents": [...] (optional),
              "kwargs": {...} (optional, e.g. enable_thinking)}]}
Writes a JSON list, one entry per case: {"text": "..."} or {"error": "..."}.

  render_chat_template.py --random-constructs SEED COUNT
writes COUNT random small templates (expressions, filters, tests, methods, loops, macros and
whitespace control over fixed variables) with their reference output, for a differential
test of the C++ interpreter: [{"template", "variables", "text" | "error"}].
"""
import copy
import datetime
import json
import random
import sys

import jinja2
import jinja2.ext
from jinja2.sandbox import ImmutableSandboxedEnvironment


def make_environment():
    def raise_exception(message):
        raise jinja2.exceptions.TemplateError(message)

    def tojson(value, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        # HF replaces Jinja's tojson (which HTML-escapes) with plain json.dumps.
        return json.dumps(value, ensure_ascii=ensure_ascii, indent=indent,
                          separators=separators, sort_keys=sort_keys)

    def strftime_now(format_string):
        return datetime.datetime.now().strftime(format_string)

    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                        extensions=[jinja2.ext.loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


def render_case(template, special_tokens, case):
    # "tools" and "documents" among the kwargs are apply_chat_template's own tools=/documents=.
    kwargs = dict(case.get("kwargs", {}))
    tools = case.get("tools", kwargs.pop("tools", None))
    documents = case.get("documents", kwargs.pop("documents", None))
    variables = dict(special_tokens)
    variables.update(kwargs)
    return template.render(messages=case["messages"], tools=tools, documents=documents,
                           add_generation_prompt=case.get("add_generation_prompt", False),
                           **variables)


RANDOM_VARIABLES = {
    "x": 3, "y": -2, "f": 2.5, "s": "  Hello, World <think>a</think>\n", "c": "高血压 头痛", "e": "", "n": None,
    "t": True, "xs": [3, 1, 2], "ss": ["b", "A", "c"], "d": {"role": "user", "content": "hi", "n": 1},
    "ms": [{"role": "system", "content": "S"}, {"role": "user", "content": "U1"},
           {"role": "assistant", "content": "A1", "tool_calls": [{"function": {"name": "f", "arguments": {"a": 1}}}]},
           {"role": "user", "content": "U2"}]}
ATOMS = ["x", "y", "f", "s", "c", "e", "n", "t", "xs", "ss", "d", "ms", "missing", "1", "0", "-1", "2.0", "0.5", "'ab'",
         "'A b'", "''", "'高'", "none", "true", "false", "[1, 2]", "['a', 'b']", "{'k': 'v'}", "(1, 'a')", "d.role",
         "d['content']", "ms[0]", "ms[-1].content", "xs[1:]", "s[::-1]", "c[1:3]", "ms|length", "d.missing"]
FILTERS = ["trim", "upper", "lower", "title", "capitalize", "length", "first", "last", "list", "string", "int", "float",
           "abs", "tojson", "reverse|list", "sort", "join(', ')", "join", "default('D')", "default('D', true)",
           "replace('l', 'L')", "items|list", "wordcount", "selectattr('role', 'equalto', 'user')|list",
           "map(attribute='role')|list", "map('upper')|list", "select|list", "reject('none')|list", "round(1)",
           "tojson(indent=2)", "tojson(sort_keys=true)", "batch(2)|list", "e", "sum", "min", "max", "count"]
METHODS = ["strip()", "strip('H')", "lstrip()", "rstrip('\\n')", "split()", "split(',')", "split(' ', 1)",
           "startswith('  H')", "endswith('\\n')", "upper()", "lower()", "replace('o', '0')", "find('o')", "count('l')",
           "title()", "capitalize()", "items()|list", "keys()|list", "values()|list", "get('role')", "get('zz', 5)",
           "splitlines()"]
TESTS = ["defined", "undefined", "none", "string", "mapping", "iterable", "sequence", "number", "integer", "float",
         "boolean", "true", "false", "equalto 3", "eq 'ab'", "odd", "even", "divisibleby 2", "in [1, 2, 3]", "callable",
         "lower", "upper", "gt 1", "ne none"]
OPERATORS = ["+", "-", "*", "/", "//", "~", "==", "!=", "<", ">=", "in", "not in", "and", "or", "**"]


def random_constructs(seed, count):
    rng = random.Random(seed)

    def expr(depth):
        r = rng.random()
        if depth <= 0 or r < 0.25:
            return rng.choice(ATOMS)
        if r < 0.45:
            return "%s|%s" % (expr(depth - 1), rng.choice(FILTERS))
        if r < 0.55:
            return "%s.%s" % (rng.choice(["s", "c", "e", "d", "xs", "'a,b'", "d.content"]), rng.choice(METHODS))
        if r < 0.65:
            return "(%s is %s%s)" % (expr(depth - 1), rng.choice(["", "not "]), rng.choice(TESTS))
        if r < 0.85:
            return "(%s %s %s)" % (expr(depth - 1), rng.choice(OPERATORS), expr(depth - 1))
        if r < 0.92:
            return "(%s if %s else %s)" % (expr(depth - 1), expr(depth - 1), expr(depth - 1))
        return "(not %s)" % expr(depth - 1)

    def statement(depth):
        r = rng.random()
        if depth <= 0 or r < 0.35:
            return "{{ %s }}" % expr(2)
        if r < 0.5:
            iterable = rng.choice(["xs", "ms", "ss", "d", "c", "range(3)", "missing", "d.items()", "xs|reverse"])
            return ("{%% for it in %s %%}[{{ loop.index }}{{ it }}{{ loop.last }}]%s{%% else %%}E{%% endfor %%}"
                    % (iterable, statement(depth - 1)))
        if r < 0.65:
            return ("{%% if %s %%}%s{%% elif %s %%}B{%% else %%}%s{%% endif %%}"
                    % (expr(2), statement(depth - 1), expr(1), statement(depth - 1)))
        if r < 0.75:
            return "{%% set v = %s %%}{{ v }}" % expr(2)
        if r < 0.85:
            return (rng.choice(["\n", "  \n", " x ", "\n  ", "\t"])
                    + "{%%- if true %%}\n  %s\n{%% endif -%%}" % statement(depth - 1))
        return "{%% macro mm(a, b='B') %%}<{{ a }}|{{ b }}>{%% endmacro %%}{{ mm(%s) }}" % expr(1)

    env = make_environment()
    cases = []
    for _ in range(count):
        source = "".join(statement(2) for _ in range(rng.randint(1, 3)))
        case = {"template": source, "variables": RANDOM_VARIABLES}
        try:
            case["text"] = env.from_string(source).render(**copy.deepcopy(RANDOM_VARIABLES))
        except Exception as error:
            case["error"] = "%s: %s" % (type(error).__name__, error)
        cases.append(case)
    return cases


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--random-constructs":
        json.dump(random_constructs(int(sys.argv[2]), int(sys.argv[3])), sys.stdout, ensure_ascii=False)
        return
    raw = open(sys.argv[1], encoding="utf-8").read() if len(sys.argv) > 1 else sys.stdin.read()
    request = json.loads(raw)
    if "template_file" in request:
        source = open(request["template_file"], encoding="utf-8").read()
    else:
        source = request["template"]
    results = []
    try:
        template = make_environment().from_string(source)
    except jinja2.exceptions.TemplateError as error:
        results = [{"error": "%s: %s" % (type(error).__name__, error)} for _ in request["cases"]]
        template = None
    if template is not None:
        for case in request["cases"]:
            try:
                results.append({"text": render_case(template, request.get("special_tokens", {}), case)})
            except Exception as error:  # the C++ side compares that both fail
                results.append({"error": "%s: %s" % (type(error).__name__, error)})
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
