#!/usr/bin/env bash
# `medlora export --gguf` / `--gguf-lora` against a real llama.cpp (node-llama-cpp's prebuilt
# CPU build, installed by the llama_cpp test fixture): llama.cpp tokenizes like `medlora
# tokenize` with the exported vocabulary, and greedy-decodes the same tokens as `medlora
# generate` from the base GGUF, the merged GGUF, and the base GGUF with the GGUF LoRA applied.
# The adapter touches q/k (llama.cpp's row permutation) and the MLP, and changes the output.
# usage: gguf_llama_cpp_cli_test.sh BUILD/bin [LLAMA_CPP_DIR]
set -u
BIN="${1:?usage: $0 BUILD/bin [LLAMA_CPP_DIR]}"
LLAMA_CPP="${2:-$BIN/../llama_cpp_oracle}"  # the llama_cpp test fixture installs it there
HERE="$(cd "$(dirname "$0")" && pwd)"
MEDLORA="$BIN/medlora"
export MEDLORA_THREADS=2
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ids_of() { python3 -c 'import json,sys; print(",".join(map(str, json.load(sys.stdin)[sys.argv[1]])))' "$1"; }

"$MEDLORA" make-base-model --out "$WORK/base" --seed 7 --steps 20 --vocab-size 2600 --hidden-size 64 \
  --intermediate-size 128 --layers 2 --heads 4 --kv-heads 2 --seq-len 64 --batch-size 4 >"$WORK/make.log" 2>&1 \
  || { cat "$WORK/make.log"; echo "FAIL: make-base-model"; exit 1; }
python3 "$HERE/tiny_peft_adapter.py" "$WORK/base" "$WORK/adapter" --r 4 --alpha 8 --std 0.6 \
  --targets q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj || { echo "FAIL: adapter"; exit 1; }

for spec in "base.gguf|" "merged.gguf|--adapter $WORK/adapter"; do
  # shellcheck disable=SC2086
  "$MEDLORA" export --base "$WORK/base" ${spec#*|} --gguf "$WORK/${spec%%|*}" --type f32 >"$WORK/export.log" 2>&1 \
    || fail "export ${spec%%|*}: $(cat "$WORK/export.log")"
done
"$MEDLORA" export --base "$WORK/base" --adapter "$WORK/adapter" --gguf-lora "$WORK/lora.gguf" >"$WORK/export.log" 2>&1 \
  || fail "export --gguf-lora: $(cat "$WORK/export.log")"

greedy_llama_cpp() {  # MODEL_GGUF LORA_GGUF|"" PROMPT_IDS TEXT
  local lora=()
  [ -n "$2" ] && lora=(--lora "$2")
  node "$HERE/../reference/llama_cpp_greedy.mjs" --install "$LLAMA_CPP" --model "$1" "${lora[@]}" \
    --prompt-ids "$3" --new-tokens 24 --text "$4"
}
# float32 on both sides: the same arithmetic up to summation order (bfloat16 would round
# differently in each program and can flip near-ties).
greedy_medlora() {  # PROMPT [--adapter DIR]
  "$MEDLORA" generate --model "$WORK/base" "${@:2}" --prompt "$1" --template raw --dtype float32 --temperature 0 \
    --repetition-penalty 1 --top-k 0 --top-p 1 --max-new-tokens 24 --json
}

for prompt in "头痛怎么办" "孩子发烧 39 度, 需要去医院吗?" "What should I do about a headache?"; do
  prompt_ids=$("$MEDLORA" tokenize --model "$WORK/base" --text "$prompt" --add-special-tokens --json \
    | python3 -c 'import json,sys; print(",".join(map(str, json.load(sys.stdin)["ids"][0])))')
  plain_ids=$("$MEDLORA" tokenize --model "$WORK/base" --text "$prompt" --json \
    | python3 -c 'import json,sys; print(",".join(map(str, json.load(sys.stdin)["ids"][0])))')
  ours_base=$(greedy_medlora "$prompt" | ids_of token_ids)
  ours_adapter=$(greedy_medlora "$prompt" --adapter "$WORK/adapter" | ids_of token_ids)
  [ -n "$ours_adapter" ] && [ "$ours_base" != "$ours_adapter" ] || fail "'$prompt': the adapter does not change the greedy tokens"
  for case in "base|$WORK/base.gguf||$ours_base" "merged|$WORK/merged.gguf||$ours_adapter" \
              "base+lora|$WORK/base.gguf|$WORK/lora.gguf|$ours_adapter"; do
    IFS='|' read -r name model lora expected <<<"$case"
    out=$(greedy_llama_cpp "$model" "$lora" "$prompt_ids" "$prompt") || { fail "llama.cpp on $name: $out"; continue; }
    theirs=$(ids_of token_ids <<<"$out")
    tokenized=$(ids_of tokenized <<<"$out")
    [ "$tokenized" = "$plain_ids" ] || fail "'$prompt' ($name): llama.cpp tokenizes [$tokenized], medlora [$plain_ids]"
    if [ "$theirs" = "$expected" ]; then
      echo "ok: '$prompt' $name: llama.cpp's greedy tokens equal medlora generate's ($expected)"
    else
      fail "'$prompt' $name: llama.cpp [$theirs], medlora [$expected]"
    fi
  done
done

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all GGUF llama.cpp checks passed"
