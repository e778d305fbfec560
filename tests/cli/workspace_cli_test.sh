#!/usr/bin/env bash
# medlora workspace init --sample: the sample dataset approved, a fake `medlora demo` run recorded
# with its metrics, a fake bundled base model registered, the study pending until a lead exists
# and then created for them; every run after the first changes nothing.
set -u
BIN="${1:?usage: workspace_cli_test.sh BUILD/bin}"
MEDLORA="$BIN/medlora"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
W="$WORK/ws.medlora"
export MEDLORA_MODELS_DIR="$WORK/data/models"  # the demo writes its runs to $MEDLORA_MODELS_DIR/../runs
failures=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi; }
field() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }

mkdir -p "$MEDLORA_MODELS_DIR/medlora-base" "$WORK/data/runs/demo-20260101-120000"
echo '{}' >"$MEDLORA_MODELS_DIR/medlora-base/config.json"
: >"$MEDLORA_MODELS_DIR/medlora-base/model.safetensors"
cat >"$WORK/data/runs/demo-20260101-120000/metrics.jsonl" <<'JSONL'
{"event":"started","step":0,"total_steps":20}
{"step":10,"loss":2.5,"learning_rate":0.001,"epoch":0.5}
{"step":20,"loss":1.5,"learning_rate":0.0005,"epoch":1.0}
{"step":20,"eval_loss":1.75,"eval_perplexity":5.75}
{"event":"finished","step":20,"best_eval_loss":1.75,"reason":"done"}
JSONL

# --- first run: everything but the study (no lead yet) ---
"$MEDLORA" workspace init --sample --workspace "$W" --json >"$WORK/first.json"
check "first run succeeds" "[ \$? -eq 0 ]"
check "dataset created" "[ \"\$(field $WORK/first.json \"j['dataset']['step']\")\" = created ]"
check "every sample record approved" \
  "[ \"\$(field $WORK/first.json \"j['dataset']['approved_now'] == j['dataset']['records'] > 10\")\" = True ]"
check "base model registered" "[ \"\$(field $WORK/first.json \"j['model']['step']\")\" = created ]"
check "demo run recorded" "[ \"\$(field $WORK/first.json \"j['run']['step']\")\" = created ]"
check "study pending without a lead" "[ \"\$(field $WORK/first.json \"j['study']['step']\")\" = pending ]"
check "the hint names --as" "grep -q -- '--as NAME' $WORK/first.json"

"$MEDLORA" dataset list --workspace "$W" --json >"$WORK/list.json"
check "dataset list shows it all approved" \
  "[ \"\$(field $WORK/list.json \"[(d['name'], d['approved'] == d['records'], d['pending']) for d in j['datasets']]\")\" = \"[('clinic_qa (sample)', True, 0)]\" ]"

# --- the first lead, then the study for them ---
MEDLORA_REVIEW_PASSWORD=lead-password "$MEDLORA" review account --workspace "$W" --name lead-li --role lead >/dev/null
check "first lead created" "[ \$? -eq 0 ]"
MEDLORA_LEAD_PASSWORD=wrong-password "$MEDLORA" workspace init --sample --workspace "$W" --as lead-li >/dev/null 2>"$WORK/wrong.err"
check "a wrong password fails" "[ \$? -ne 0 ]"
check "and says so" "grep -q 'wrong name or password' $WORK/wrong.err"
MEDLORA_LEAD_PASSWORD=lead-password "$MEDLORA" workspace init --sample --workspace "$W" --as lead-li --json >"$WORK/second.json"
check "second run succeeds" "[ \$? -eq 0 ]"
check "dataset kept, nothing approved again" \
  "[ \"\$(field $WORK/second.json \"(j['dataset']['step'], j['dataset']['approved_now'], j['model']['step'], j['run']['step'])\")\" = \"('kept', 0, 'kept', 'kept')\" ]"
check "study created with 5 questions and 2 systems" \
  "[ \"\$(field $WORK/second.json \"(j['study']['step'], j['study']['questions'], j['study']['systems'])\")\" = \"('created', 5, 2)\" ]"
MEDLORA_LEAD_PASSWORD=lead-password "$MEDLORA" review status --workspace "$W" --as lead-li --json >"$WORK/status.json" 2>&1
check "the lead sees the sample study" "grep -q 'Sample study' $WORK/status.json"

# --- third run: nothing changes ---
MEDLORA_LEAD_PASSWORD=lead-password "$MEDLORA" workspace init --sample --workspace "$W" --as lead-li --json >"$WORK/third.json"
check "third run keeps every step" \
  "[ \"\$(field $WORK/third.json \"(j['dataset']['step'], j['model']['step'], j['run']['step'], j['study']['step'])\")\" = \"('kept', 'kept', 'kept', 'kept')\" ]"
check "same study id" "[ \"\$(field $WORK/third.json \"j['study']['id']\")\" = \"\$(field $WORK/second.json \"j['study']['id']\")\" ]"
"$MEDLORA" dataset list --workspace "$W" --json >"$WORK/list2.json"
check "still one dataset" "[ \"\$(field $WORK/list2.json \"len(j['datasets'])\")\" = 1 ]"

# --- errors ---
"$MEDLORA" workspace init --workspace "$W" >/dev/null 2>"$WORK/nosample.err"
check "init without --sample is a usage error" "[ \$? -eq 2 ] && grep -q -- '--sample' $WORK/nosample.err"
"$MEDLORA" workspace frobnicate >/dev/null 2>&1
check "unknown sub-command fails" "[ \$? -eq 2 ]"

[ "$failures" -eq 0 ] && echo "all workspace CLI checks passed"
exit "$failures"
