#!/usr/bin/env bash
# Contract of `medlora generate | score | info`: error paths (one line "medlora <cmd>: ..." on
# stderr, non-zero exit) and, on a tiny model folder made for the test, the happy paths.
# usage: generate_cli_test.sh BUILD_BIN_DIR
set -u
BIN="${1:?usage: $0 BUILD_BIN_DIR}"
MEDLORA="$BIN/medlora"
export MEDLORA_THREADS=1
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect_error CMD_NAME ARGS...: non-zero exit, exactly one stderr line starting "medlora CMD_NAME: ".
expect_error() {
  local name="$1"; shift
  "$MEDLORA" "$@" >"$WORK/out" 2>"$WORK/err"
  local rc=$?
  if [ "$rc" -eq 0 ]; then fail "medlora $* succeeded"; return; fi
  if [ "$(wc -l <"$WORK/err")" -ne 1 ] || ! grep -q "^medlora $name: " "$WORK/err"; then
    fail "medlora $*: expected one line 'medlora $name: ...', got: $(cat "$WORK/err")"
  fi
}

json_field() {  # json_field FILE EXPR  (EXPR over the parsed object `o`)
  python3 -c "import json,sys; o=json.load(open(sys.argv[1])); print($2)" "$1"
}

for cmd in generate score info; do
  "$MEDLORA" "$cmd" --help >"$WORK/out" 2>&1 || fail "medlora $cmd --help exits non-zero"
  grep -q -- "--model" "$WORK/out" || fail "medlora $cmd --help does not list --model"
  expect_error "$cmd" "$cmd" --no-such-flag
done
expect_error generate generate --model "$WORK/missing" --prompt hi
expect_error score score --model "$WORK/missing" --text hi
expect_error info info --model "$WORK/missing"
grep -q "missing" "$WORK/err" || fail "the bad-path error does not name the path: $(cat "$WORK/err")"
expect_error generate generate --prompt hi
expect_error generate generate --model "$WORK" --prompt hi --prompt-file "$WORK/x"
expect_error score score --model "$WORK/missing"

# The happy paths need a model folder: written by the test_core_generate fixture.
MODEL="$WORK/model"
if ! MEDLORA_CLI_FIXTURE_DIR="$MODEL" "$BIN/test_core_generate" --gtest_filter='CliFixture.*' >"$WORK/fixture.log" 2>&1 \
   || [ ! -f "$MODEL/tokenizer.model" ]; then
  cat "$WORK/fixture.log"
  fail "could not make the tiny model folder"
  echo "$failures failure(s)"; exit 1
fi

for args in "--temperature abc" "--top-p 2" "--max-new-tokens -3" "--template nope" "--dtype int4" "--seed x"; do
  # shellcheck disable=SC2086
  expect_error generate generate --model "$MODEL" --prompt hi $args
done
expect_error generate generate --model "$MODEL" --prompt-file "$WORK/missing.txt"
expect_error generate generate --model "$MODEL" --adapter "$WORK/missing-adapter" --prompt hi
expect_error score score --model "$MODEL" --text ""
expect_error info info --model "$WORK"

# info
"$MEDLORA" info --model "$MODEL" --json >"$WORK/info.json" 2>"$WORK/err" || fail "info --json: $(cat "$WORK/err")"
[ "$(json_field "$WORK/info.json" "o['layers'], o['heads'], o['kv_heads'], o['hidden'], o['tied_embeddings']")" = "2 4 2 64 False" ] \
  || fail "info --json: unexpected shape $(cat "$WORK/info.json")"
[ "$(json_field "$WORK/info.json" "o['vocab'] == o['tokenizer_vocab'] and o['parameters'] > 0")" = "True" ] \
  || fail "info --json: vocab/tokenizer/parameters wrong: $(cat "$WORK/info.json")"
"$MEDLORA" info --model "$MODEL" | grep -q "^architecture *llama" || fail "info: no architecture line"

# generate --json, greedy: deterministic and matching the streamed text
GEN=(generate --model "$MODEL" --prompt "患者发热三天" --temperature 0 --max-new-tokens 12 --threads 1)
"$MEDLORA" "${GEN[@]}" --json >"$WORK/gen.json" 2>"$WORK/err" || fail "generate --json: $(cat "$WORK/err")"
[ "$(json_field "$WORK/gen.json" "sorted(o)")" = "['finish_reason', 'prompt_tokens', 'seconds', 'text', 'token_ids', 'tokens', 'tokens_per_second']" ] \
  || fail "generate --json keys: $(cat "$WORK/gen.json")"
[ "$(json_field "$WORK/gen.json" "len(o['token_ids']) == o['tokens']")" = "True" ] \
  || fail "generate --json token_ids does not list the generated tokens: $(cat "$WORK/gen.json")"
[ "$(json_field "$WORK/gen.json" "o['finish_reason'] in ('eos', 'max_new_tokens') and 0 < o['tokens'] <= 12 and o['prompt_tokens'] > 3")" = "True" ] \
  || fail "generate --json values: $(cat "$WORK/gen.json")"
"$MEDLORA" "${GEN[@]}" >"$WORK/gen.txt" 2>"$WORK/err" || fail "generate (streaming): $(cat "$WORK/err")"
python3 - "$WORK/gen.json" "$WORK/gen.txt" <<'PY' || fail "streamed text differs from --json text"
import json, sys
expected = json.load(open(sys.argv[1]))["text"]
streamed = open(sys.argv[2], encoding="utf-8").read()
sys.exit(0 if streamed == expected + "\n" else 1)
PY
"$MEDLORA" generate --model "$MODEL" --prompt "" --temperature 0 --max-new-tokens 3 --json >"$WORK/empty.json" 2>"$WORK/err" \
  || fail "generate --prompt '': $(cat "$WORK/err")"
[ "$(json_field "$WORK/empty.json" "o['prompt_tokens']")" = "1" ] || fail "--prompt '' is not BOS alone: $(cat "$WORK/empty.json")"
# seeded sampling is reproducible
S=(generate --model "$MODEL" --prompt "头痛" --seed 7 --temperature 1.0 --max-new-tokens 10 --json)
a="$("$MEDLORA" "${S[@]}" 2>/dev/null)"; b="$("$MEDLORA" "${S[@]}" 2>/dev/null)"
[ -n "$a" ] && [ "$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['text'] == json.loads(sys.argv[2])['text'])" "$a" "$b")" = "True" ] \
  || fail "seeded generation differs: $a / $b"

# score
"$MEDLORA" score --model "$MODEL" --text "The patient has a fever." --json >"$WORK/score.json" 2>"$WORK/err" \
  || fail "score: $(cat "$WORK/err")"
python3 - "$WORK/score.json" <<'PY' || fail "score output: $(cat "$WORK/score.json")"
import json, sys
o = json.load(open(sys.argv[1]))
assert o["tokens"][0] == 1, "BOS first"
assert len(o["logprobs"]) == len(o["tokens"]) - 1
assert all(lp < 0 for lp in o["logprobs"])
assert abs(o["mean_nll"] + sum(o["logprobs"]) / len(o["logprobs"])) < 1e-9
PY
"$MEDLORA" score --model "$MODEL" --text "fever" --template clinic --json >"$WORK/score2.json" 2>"$WORK/err" \
  || fail "score --template clinic: $(cat "$WORK/err")"
[ "$(json_field "$WORK/score2.json" "len(o['tokens']) > 5")" = "True" ] || fail "score --template clinic did not render the template"

# --quantize: the base's projections stored quantised as they load. Greedy generation still
# answers; the scores of the same tokens move, by less for int8 than for 4 bits.
expect_error generate generate --model "$MODEL" --prompt hi --quantize int3
expect_error score score --model "$MODEL" --text hi --quantize int3
grep -q "none, int8, nf4 or nf4-dq" "$WORK/err" || fail "a bad --quantize does not name the formats: $(cat "$WORK/err")"
for q in none int8 nf4 nf4-dq; do
  "$MEDLORA" generate --model "$MODEL" --prompt "患者发热三天" --temperature 0 --max-new-tokens 6 --quantize "$q" --json \
    >"$WORK/gen-$q.json" 2>"$WORK/err" || fail "generate --quantize $q: $(cat "$WORK/err")"
  [ "$(json_field "$WORK/gen-$q.json" "0 < o['tokens'] <= 6")" = "True" ] || fail "generate --quantize $q: $(cat "$WORK/gen-$q.json")"
  "$MEDLORA" score --model "$MODEL" --text "The patient has a fever." --quantize "$q" --json >"$WORK/score-$q.json" \
    2>"$WORK/err" || fail "score --quantize $q: $(cat "$WORK/err")"
done
cmp -s "$WORK/score-none.json" "$WORK/score.json" || fail "score --quantize none differs from score without it"
python3 - "$WORK" <<'PY' || fail "quantised scores: $(cat "$WORK"/score-*.json)"
import json, sys
score = {q: json.load(open(f"{sys.argv[1]}/score-{q}.json")) for q in ("none", "int8", "nf4", "nf4-dq")}
def delta(q):  # mean |logprob difference| against the float base, token by token
    assert score[q]["tokens"] == score["none"]["tokens"], q
    pairs = list(zip(score[q]["logprobs"], score["none"]["logprobs"]))
    return sum(abs(a - b) for a, b in pairs) / len(pairs)
d = {q: delta(q) for q in ("int8", "nf4", "nf4-dq")}
print("mean |delta logprob| vs float:", d)
assert all(v > 0 for v in d.values()), "a quantised base scored exactly like the float one"
assert d["int8"] < d["nf4"] and d["int8"] < d["nf4-dq"], d
assert d["int8"] < 0.1 and d["nf4"] < 1.0 and d["nf4-dq"] < 1.0, d  # 0.03 and 0.48 on this model
PY

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all generate/score/info CLI checks passed"
