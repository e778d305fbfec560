#!/usr/bin/env bash
# `medlora make-base-model`: a small base model made end to end (tokenizer, init, a few
# pretraining steps), loadable by `info` and `generate`, deterministic for a seed, and
# refusing bad options with one line on stderr.
# usage: base_model_cli_test.sh BUILD_BIN_DIR
set -u
BIN="${1:?usage: $0 BUILD_BIN_DIR}"
MEDLORA="$BIN/medlora"
export MEDLORA_THREADS=2
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

SMALL=(--vocab-size 2600 --hidden-size 64 --intermediate-size 128 --layers 2 --heads 4 --kv-heads 2 --seq-len 64 --batch-size 4)

"$MEDLORA" make-base-model --help >"$WORK/out" 2>&1 || fail "make-base-model --help exits non-zero"
grep -q -- "--steps" "$WORK/out" || fail "--help does not list --steps"
if "$MEDLORA" make-base-model --out "$WORK/bad" --heads 5 --hidden-size 64 --steps 0 2>"$WORK/err"; then
  fail "hidden 64 with 5 heads was accepted"
fi
[ "$(wc -l <"$WORK/err")" -eq 1 ] && grep -q "^medlora make-base-model: " "$WORK/err" || fail "bad option error: $(cat "$WORK/err")"
[ ! -e "$WORK/bad" ] || fail "a failed build left $WORK/bad behind"
if "$MEDLORA" make-base-model --out "$WORK/bad" --steps abc 2>"$WORK/err"; then fail "--steps abc accepted"; fi

for run in a b; do
  "$MEDLORA" make-base-model --out "$WORK/$run" --seed 7 --steps 6 "${SMALL[@]}" --json >"$WORK/$run.log" 2>&1 \
    || { cat "$WORK/$run.log"; fail "make-base-model run $run failed"; }
done
for f in config.json model.safetensors tokenizer.model tokenizer_config.json special_tokens_map.json generation_config.json; do
  [ -f "$WORK/a/$f" ] || fail "base model folder lacks $f"
done
grep -q '"stage":"pretrain"' "$WORK/a.log" || fail "no pretraining progress lines: $(head -5 "$WORK/a.log")"
cmp -s "$WORK/a/model.safetensors" "$WORK/b/model.safetensors" || fail "same seed gave different weights"
cmp -s "$WORK/a/tokenizer.model" "$WORK/b/tokenizer.model" || fail "same seed gave a different tokenizer"

"$MEDLORA" info --model "$WORK/a" --json >"$WORK/info.json" || fail "info on the base model failed"
python3 -c "import json,sys; o=json.load(open(sys.argv[1])); assert 'parameters' in json.dumps(o) or o" "$WORK/info.json" \
  || fail "info --json is not JSON"
"$MEDLORA" generate --model "$WORK/a" --prompt "高血压患者日常需要注意什么?" --max-new-tokens 8 --temperature 0 --json \
  >"$WORK/gen.json" || fail "generate on the base model failed"
python3 -c "import json,sys; o=json.load(open(sys.argv[1])); assert o['tokens'] == 8 and o['text']" "$WORK/gen.json" \
  || fail "generate produced no tokens: $(cat "$WORK/gen.json")"

echo "$((failures == 0 ? 1 : 0)) passed, $failures failed"
[ "$failures" -eq 0 ]
