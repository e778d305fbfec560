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
"""
import datetime
import json
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
    variables = dict(special_tokens)
    variables.update(case.get("kwargs", {}))
    return template.render(messages=case["messages"], tools=case.get("tools"),
                           documents=case.get("documents"),
                           add_generation_prompt=case.get("add_generation_prompt", False),
                           **variables)


def main():
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
