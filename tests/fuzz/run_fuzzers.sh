#!/usr/bin/env bash
# Runs every libFuzzer target in BUILD_DIR/bin for SECONDS each, starting from a copy of its seed
# corpus (tests/fuzz/corpus/<first word of the fuzzer name>/). Exits non-zero on any crash; the
# crashing input is kept in BUILD_DIR/fuzz-artifacts/.
#   tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS
set -euo pipefail

BUILD_DIR="${1:?usage: run_fuzzers.sh BUILD_DIR SECONDS}"
SECONDS_EACH="${2:-60}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ARTIFACTS="$BUILD_DIR/fuzz-artifacts"
mkdir -p "$ARTIFACTS"

shopt -s nullglob
fuzzers=("$BUILD_DIR"/bin/*_fuzzer)
if [ ${#fuzzers[@]} -eq 0 ]; then
  echo "run_fuzzers: no *_fuzzer executables in $BUILD_DIR/bin (build the fuzz_targets target first)" >&2
  exit 2
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/medlora-fuzz.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

failed=()
for fuzzer in "${fuzzers[@]}"; do
  name="$(basename "$fuzzer")"
  seeds="$HERE/corpus/${name%%_*}"
  corpus="$WORK/$name"
  mkdir -p "$corpus"
  if [ -d "$seeds" ]; then cp -r "$seeds"/. "$corpus"/; fi
  echo "[fuzz] $name for ${SECONDS_EACH}s (seeds: $(ls "$corpus" | wc -l))" >&2
  if ! "$fuzzer" "$corpus" -max_total_time="$SECONDS_EACH" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$ARTIFACTS/$name-" -print_final_stats=1 >"$WORK/$name.log" 2>&1; then
    tail -n 60 "$WORK/$name.log" >&2
    failed+=("$name")
  else
    grep -E "stat::number_of_executed_units|cov:" "$WORK/$name.log" | tail -n 2 >&2 || true
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "[fuzz] FAILED: ${failed[*]} (inputs in $ARTIFACTS)" >&2
  exit 1
fi
echo "[fuzz] all ${#fuzzers[@]} fuzzers ran ${SECONDS_EACH}s without a crash" >&2
