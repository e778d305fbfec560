#!/usr/bin/env bash
# `medlora export --gguf / --gguf-lora / --modelfile`: the usage errors (one line, no file left
# behind), the tensor types (q8_0 < f16 < f32 in size), the Ollama Modelfile for a model without
# and with a chat template, and the adapter's Modelfile with FROM and ADAPTER. What llama.cpp
# makes of the files is gguf_llama_cpp_cli_test.sh's job; every key and tensor is checked by
# tests/core/lora's GGUF tests.
# usage: gguf_export_cli_test.sh BUILD/bin
set -u
BIN="${1:?usage: $0 BUILD/bin}"
HERE="$(cd "$(dirname "$0")" && pwd)"
MEDLORA="$BIN/medlora"
export MEDLORA_THREADS=2
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi; }

"$MEDLORA" make-base-model --out "$WORK/base" --seed 7 --steps 2 --vocab-size 2600 --hidden-size 64 \
  --intermediate-size 128 --layers 2 --heads 4 --kv-heads 2 --seq-len 64 --batch-size 4 >"$WORK/make.log" 2>&1 \
  || { cat "$WORK/make.log"; echo "FAIL: make-base-model"; exit 1; }
python3 "$HERE/tiny_peft_adapter.py" "$WORK/base" "$WORK/adapter" || { echo "FAIL: adapter"; exit 1; }

out=$("$MEDLORA" export --help 2>&1); rc=$?
check "--help names --gguf, --gguf-lora, --type and --modelfile" \
  '[ $rc -eq 0 ] && grep -q -- "--gguf <FILE>" <<<"$out" && grep -q -- "--gguf-lora" <<<"$out" && grep -q -- "q8_0" <<<"$out" && grep -q -- "--modelfile" <<<"$out"'

usage_error() {  # NAME EXPECTED_TEXT ARGS...
  local name="$1" expected="$2"
  shift 2
  out=$("$MEDLORA" export "$@" 2>&1); rc=$?
  check "$name" '[ $rc -ne 0 ] && [ "$(wc -l <<<"$out")" -eq 1 ] && grep -qF -- "$expected" <<<"$out" && grep -q "^medlora export: " <<<"$out"'
}
usage_error "two outputs are refused" "give exactly one of" --base "$WORK/base" --gguf "$WORK/a.gguf" --merged-out "$WORK/m"
usage_error "--gguf-lora needs --adapter" "--gguf-lora needs --adapter" --base "$WORK/base" --gguf-lora "$WORK/l.gguf"
usage_error "an unknown --type is refused" "is not one of f32, f16, bf16, q8_0" --base "$WORK/base" --gguf "$WORK/a.gguf" --type q4_k
usage_error "--dtype is for --merged-out" "--dtype goes with --merged-out" --base "$WORK/base" --gguf "$WORK/a.gguf" --dtype bfloat16
usage_error "--type is for GGUF" "--type and --modelfile go with --gguf" --base "$WORK/base" --adapter "$WORK/adapter" --merged-out "$WORK/m" --type f16
usage_error "an adapter Modelfile needs --base-gguf" "needs --base-gguf FILE" --base "$WORK/base" --adapter "$WORK/adapter" --gguf-lora "$WORK/l.gguf" --modelfile
usage_error "a folder as output is refused" "must be a file name, not a folder" --base "$WORK/base" --gguf "$WORK"
usage_error "a missing output folder is refused" "its folder does not exist" --base "$WORK/base" --gguf "$WORK/none/a.gguf"
usage_error "a missing base is refused" "not an HF model folder" --base "$WORK/none" --gguf "$WORK/a.gguf"
check "no GGUF file was left behind by the refusals" '[ -z "$(ls "$WORK"/*.gguf 2>/dev/null)" ]'

for type in f32 f16 q8_0; do
  out=$("$MEDLORA" export --base "$WORK/base" --gguf "$WORK/$type.gguf" --type $type 2>"$WORK/err"); rc=$?
  check "--type $type writes a GGUF and says so" '[ $rc -eq 0 ] && grep -q "wrote .*$type.gguf: llama, 21 tensors ($type)" <<<"$out" && [ "$(head -c 4 "$WORK/$type.gguf")" = GGUF ]'
done
check "q8_0 < f16 < f32 in bytes" '[ $(stat -c %s "$WORK/q8_0.gguf") -lt $(stat -c %s "$WORK/f16.gguf") ] && [ $(stat -c %s "$WORK/f16.gguf") -lt $(stat -c %s "$WORK/f32.gguf") ]'
check "progress goes to stderr" 'grep -q "exporting tensors: 100% (21/21)" "$WORK/err"'

mkdir "$WORK/ollama"
out=$("$MEDLORA" export --base "$WORK/base" --adapter "$WORK/adapter" --gguf "$WORK/ollama/clinic.gguf" --modelfile 2>&1); rc=$?
mf="$WORK/ollama/Modelfile"
check "--gguf --modelfile writes Modelfile beside the GGUF" '[ $rc -eq 0 ] && [ -f "$mf" ] && grep -q "8 LoRA projections" <<<"$out"'
check "its FROM is the GGUF, relative to the Modelfile" 'grep -qx "FROM ./clinic.gguf" "$mf"'
check "a model without a chat template gets the clinic prompt as TEMPLATE and SYSTEM" \
  'grep -q "^TEMPLATE \"\"\"{{ .System }}" "$mf" && grep -q "患者描述:{{ .Prompt }}" "$mf" && grep -q "医生建议:{{ .Response }}\"\"\"" "$mf" && grep -q "^SYSTEM \"\"\"你是一位经验丰富的临床医生" "$mf"'
check "the sampling defaults of medlora generate are its PARAMETERs" \
  'grep -qx "PARAMETER temperature 0.7" "$mf" && grep -qx "PARAMETER top_k 50" "$mf" && grep -qx "PARAMETER top_p 0.9" "$mf" && grep -qx "PARAMETER repeat_penalty 1.2" "$mf" && grep -qx "PARAMETER num_predict 200" "$mf"'
check "no ADAPTER line for a merged model" '! grep -q "^ADAPTER" "$mf"'

out=$("$MEDLORA" export --base "$WORK/base" --adapter "$WORK/adapter" --gguf-lora "$WORK/ollama/lora.gguf" \
  --modelfile --base-gguf "$WORK/f16.gguf" 2>&1); rc=$?
check "--gguf-lora --modelfile: FROM the base GGUF (absolute: outside the folder), ADAPTER the LoRA" \
  '[ $rc -eq 0 ] && grep -qx "FROM $WORK/f16.gguf" "$mf" && grep -qx "ADAPTER ./lora.gguf" "$mf"'
out=$("$MEDLORA" export --base "$WORK/base" --adapter "$WORK/adapter" --gguf-lora "$WORK/ollama/lora.gguf" \
  --modelfile --base-gguf clinic-base 2>&1); rc=$?
check "--base-gguf may name an Ollama model" '[ $rc -eq 0 ] && grep -qx "FROM clinic-base" "$mf"'

# A ChatML chat template: Ollama's ChatML template and its stop token.
cp -r "$WORK/base" "$WORK/chatml"
python3 - "$WORK/chatml/tokenizer_config.json" <<'PY'
import json, sys
path = sys.argv[1]
config = json.load(open(path))
config["chat_template"] = ("{% for m in messages %}{{ '<|im_start|>' + m['role'] + '\n' + m['content'] + '<|im_end|>\n' }}"
                           "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}")
json.dump(config, open(path, "w"))
PY
out=$("$MEDLORA" export --base "$WORK/chatml" --gguf "$WORK/ollama/chatml.gguf" --type f16 --modelfile 2>&1); rc=$?
check "a ChatML model gets Ollama's ChatML TEMPLATE and stop <|im_end|>, no SYSTEM" \
  '[ $rc -eq 0 ] && grep -q "^TEMPLATE \"\"\"{{ if .System }}<|im_start|>system" "$mf" && grep -qx "PARAMETER stop \"<|im_end|>\"" "$mf" && ! grep -q "^SYSTEM" "$mf"'

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all GGUF export CLI checks passed"
