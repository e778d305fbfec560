#!/usr/bin/env bash
# The commands on a model with a tokenizer.json and a chat template (a Qwen2-shaped folder made
# by the test_core_generate fixture): info reports the tokenizer and its EOS ids, score --template
# raw tokenizes as tokenize --add-special-tokens, generate and chat answer through the model's
# template and never show its markup, train picks the template by default and learns the
# assistant turns of conversation records.
# usage: chat_model_cli_test.sh BUILD_BIN_DIR
set -u
BIN="${1:?usage: $0 BUILD_BIN_DIR}"
MEDLORA="$BIN/medlora"
export MEDLORA_THREADS=1
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
field() { /usr/bin/python3 -c "import json,sys; o=json.loads(sys.argv[1]); print($2)" "$1"; }

MODEL="$WORK/qwen2-tiny"
if ! MEDLORA_CHAT_CLI_FIXTURE_DIR="$MODEL" "$BIN/test_core_generate" --gtest_filter='CliFixture.WriteTinyChatModelFolder' \
     >"$WORK/fixture.log" 2>&1 || [ ! -f "$MODEL/tokenizer.json" ]; then
  cat "$WORK/fixture.log"; echo "FAIL: could not make the tiny chat model folder"; exit 1
fi

info="$("$MEDLORA" info --model "$MODEL" --json 2>"$WORK/err")" || fail "info: $(cat "$WORK/err")"
[ "$(field "$info" "o['architecture'], o['tokenizer_file'], o['eos_ids'], o['chat_template']")" = \
  "qwen2 tokenizer.json [263, 261] True" ] || fail "info: $info"

text='<|im_start|>user hi'
score="$("$MEDLORA" score --model "$MODEL" --text "$text" --template raw --json 2>"$WORK/err")" || fail "score: $(cat "$WORK/err")"
ids="$("$MEDLORA" tokenize --model "$MODEL" --text "$text" --add-special-tokens --json 2>"$WORK/err")" || fail "tokenize: $(cat "$WORK/err")"
[ "$(field "$score" "o['tokens']")" = "$(field "$ids" "o['ids'][0]")" ] || fail "score tokens $score differ from tokenize $ids"
[ "$(field "$ids" "o['ids'][0][0]")" = "262" ] || fail "tokenize did not recognise <|im_start|>: $ids"

gen="$("$MEDLORA" generate --model "$MODEL" --prompt "头痛怎么办" --temperature 0 --max-new-tokens 12 --json 2>"$WORK/err")" \
  || fail "generate: $(cat "$WORK/err")"
case "$(field "$gen" "o['text']")" in *"<|im_"*) fail "generate shows template markup: $gen" ;; esac
[ "$(field "$gen" "o['prompt_tokens'] > 20")" = "True" ] || fail "generate did not use the chat template: $gen"

chat="$(printf '头痛怎么办\n/quit\n' | "$MEDLORA" chat --model "$MODEL" --temperature 0 --max-new-tokens 8 2>"$WORK/err")" \
  || fail "chat: $(cat "$WORK/err")"
case "$chat" in *"<|im_"*) fail "chat shows template markup: $chat" ;; esac

# Training: conversation records through the model's own template (the default).
for i in 1 2 3 4 5 6; do
  echo '{"messages": [{"role": "user", "content": "发烧'"$i"'"}, {"role": "assistant", "content": "多喝水"}]}'
done > "$WORK/train.jsonl"
cat > "$WORK/RUN.json" <<JSON
{"base_model": "$MODEL", "train_file": "train.jsonl", "output_dir": "out", "lora": {"r": 4},
 "training": {"epochs": 1, "micro_batch_size": 2, "gradient_accumulation_steps": 1, "max_length": 256, "dtype": "float32"}}
JSON
"$MEDLORA" train --config "$WORK/RUN.json" >"$WORK/train.out" 2>"$WORK/err" || fail "train: $(cat "$WORK/err")"
grep -q '"template":"model"' "$WORK/train.out" || fail "train did not pick the model's chat template: $(head -3 "$WORK/train.out")"
[ -f "$WORK/out/adapter/adapter_model.safetensors" ] || fail "train wrote no adapter"
gen="$("$MEDLORA" generate --model "$MODEL" --adapter "$WORK/out/adapter" --prompt "发烧" --max-new-tokens 4 --json 2>"$WORK/err")" \
  || fail "generate with the adapter: $(cat "$WORK/err")"

echo "$failures failure(s)"
[ "$failures" -eq 0 ] && echo "all chat-model CLI checks passed"
exit $((failures > 0))
