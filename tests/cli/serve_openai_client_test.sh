#!/usr/bin/env bash
# medlora serve driven by the official OpenAI client (openai-node, from the npm oracles): a tiny
# base made with `medlora make-base-model`, a LoRA adapter trained on it with `medlora train`,
# keys made with `medlora serve key create` (one limited to 1 request a minute), the server on a
# free loopback port with routing rules, then tests/reference/openai_client_checks.mjs, then
# SIGTERM drains and exits 0.
# usage: serve_openai_client_test.sh BUILD_BIN_DIR [NPM_ORACLES_DIR]
set -u
BIN="${1:?usage: $0 BUILD_BIN_DIR [NPM_ORACLES_DIR]}"
ORACLES="${2:-$(dirname "$BIN")/npm-oracles}"
MEDLORA="$BIN/medlora"
HERE="$(cd "$(dirname "$0")" && pwd)"
CHECKS="$HERE/../reference/openai_client_checks.mjs"
export MEDLORA_THREADS=1
WORK="$(mktemp -d)"
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
field() { /usr/bin/python3 -c "import json,sys; o=json.loads(sys.argv[1]); print($2)" "$1"; }

[ -f "$ORACLES/node_modules/openai/package.json" ] ||
  { echo "FAIL: the OpenAI client is not in $ORACLES (tests/reference/install_npm_oracles.sh installs it)"; exit 1; }
command -v node >/dev/null || { echo "FAIL: node is not installed"; exit 1; }

MODEL="$WORK/tiny"
"$MEDLORA" make-base-model --out "$MODEL" --seed 7 --steps 6 --vocab-size 2600 --hidden-size 64 \
  --intermediate-size 128 --layers 2 --heads 4 --kv-heads 2 --seq-len 64 --batch-size 4 >"$WORK/make.log" 2>&1 ||
  { cat "$WORK/make.log"; echo "FAIL: make-base-model"; exit 1; }

# The adapter: a few LoRA steps on chest-pain answers, so the router has a real adapter to pick.
for i in 1 2 3 4 5 6; do
  echo '{"messages": [{"role": "user", "content": "胸痛'"$i"'"}, {"role": "assistant", "content": "请立即拨打120"}]}'
done >"$WORK/train.jsonl"
cat >"$WORK/RUN.json" <<JSON
{"base_model": "$MODEL", "train_file": "train.jsonl", "output_dir": "run", "lora": {"r": 4},
 "training": {"epochs": 1, "micro_batch_size": 2, "gradient_accumulation_steps": 1, "max_length": 64, "dtype": "float32"}}
JSON
"$MEDLORA" train --config "$WORK/RUN.json" >"$WORK/train.out" 2>"$WORK/err" ||
  { cat "$WORK/err"; echo "FAIL: train"; exit 1; }
ADAPTER="$WORK/run/adapter"
[ -f "$ADAPTER/adapter_model.safetensors" ] || { echo "FAIL: train wrote no adapter"; exit 1; }

W="$WORK/w.mlw"
key="$("$MEDLORA" serve key create --workspace "$W" --name app 2>"$WORK/err")" || fail "key create: $(cat "$WORK/err")"
limited="$("$MEDLORA" serve key create --workspace "$W" --name limited --rpm 1 2>"$WORK/err")" || fail "key create: $(cat "$WORK/err")"
echo '{"version": 1, "default": "", "rules": [{"adapter": "chest", "keywords": ["胸痛"]}]}' >"$WORK/rules.json"

"$MEDLORA" serve --model "$MODEL" --adapter "chest=$ADAPTER" --route "$WORK/rules.json" --workspace "$W" \
  --port 0 >"$WORK/out" 2>"$WORK/server.err" &
SERVER=$!
for _ in $(seq 1 300); do grep -q listening "$WORK/out" && break; sleep 0.1; done
URL="$(field "$(head -1 "$WORK/out")" "o['url']")" || { cat "$WORK/server.err"; echo "FAIL: server did not start"; exit 1; }

node "$CHECKS" --oracles "$ORACLES" --url "$URL" --key "$(field "$key" "o['key']")" \
  --limited-key "$(field "$limited" "o['key']")" --model tiny --adapter chest --model-dir "$MODEL" ||
  fail "OpenAI client checks"

kill -TERM "$SERVER"
wait "$SERVER"; rc=$?
SERVER=""
[ "$rc" -eq 0 ] || fail "SIGTERM: exit status $rc ($(cat "$WORK/server.err"))"

echo "$failures failure(s)"
[ "$failures" -eq 0 ] && echo "all OpenAI client checks of medlora serve passed"
exit $((failures > 0))
