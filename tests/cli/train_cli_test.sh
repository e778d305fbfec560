#!/usr/bin/env bash
# `medlora train` argument and config contract: errors name the key, exit code 2, and an
# "error" event line on stdout. (The kill -9 / --resume run is test_core_train_slow.)
set -u
BIN="${1:?usage: train_cli_test.sh BUILD_BIN_DIR}"
MEDLORA="$BIN/medlora"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
check() {  # check NAME CONDITION...
  local name="$1"; shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; failures=$((failures + 1)); fi
}

"$MEDLORA" train --help > "$WORK/help.txt" 2>&1
check "help mentions --resume" grep -q -- "--resume" "$WORK/help.txt"

"$MEDLORA" train > "$WORK/out.txt" 2> "$WORK/err.txt"
check "missing --config exits 2" test $? -eq 2
check "missing --config is explained" grep -q -- "--config" "$WORK/err.txt"

cat > "$WORK/RUN.json" <<'JSON'
{"base_model": "base", "train_file": "train.jsonl", "output_dir": "out",
 "lora": {"r": 8}, "training": {"learning_rate": 0.001, "warmup_steps": 10}}
JSON
"$MEDLORA" train --config "$WORK/RUN.json" > "$WORK/out.txt" 2> "$WORK/err.txt"
check "unknown key exits 2" test $? -eq 2
check "unknown key is named" grep -q 'training.warmup_steps' "$WORK/err.txt"
check "error event on stdout" grep -q '"event":"error"' "$WORK/out.txt"

cat > "$WORK/RUN.json" <<'JSON'
{"base_model": "base", "train_file": "train.jsonl", "output_dir": "out", "lora": {"r": 8},
 "training": {"lr_scheduler": "exponential"}}
JSON
"$MEDLORA" train --config "$WORK/RUN.json" > "$WORK/out.txt" 2> "$WORK/err.txt"
check "bad value exits 2" test $? -eq 2
check "bad value names the key" grep -q 'training.lr_scheduler' "$WORK/err.txt"

cat > "$WORK/RUN.json" <<'JSON'
{"base_model": "no-such-model", "train_file": "train.jsonl", "output_dir": "out", "lora": {"r": 8},
 "training": {"dtype": "float32"}}
JSON
"$MEDLORA" train --config "$WORK/RUN.json" > "$WORK/out.txt" 2> "$WORK/err.txt"
check "missing base model exits non-zero" test $? -ne 0
check "missing base model names base_model" grep -q 'base_model' "$WORK/err.txt"

"$MEDLORA" train --resume "$WORK/nowhere" > "$WORK/out.txt" 2> "$WORK/err.txt"
check "resume without a run folder fails" test $? -ne 0

"$MEDLORA" train --config "$WORK/RUN.json" --max-steps zero > "$WORK/out.txt" 2> "$WORK/err.txt"
check "bad --max-steps exits 2" test $? -eq 2

exit $((failures > 0))
