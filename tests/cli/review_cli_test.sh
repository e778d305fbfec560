#!/usr/bin/env bash
# medlora review account | create | assign | status | score | close: a lead sets up a study of two
# systems, two doctors score it from stdin, the lead closes it. Checks blinding in what the
# terminal reviewer sees, access rules, drafts kept across a quit, and the reveal on close.
set -u
BIN="${1:?usage: review_cli_test.sh BUILD/bin}"
MEDLORA="$BIN/medlora"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
W="$WORK/ws.medlora"
failures=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi; }
field() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }
export MEDLORA_LEAD_PASSWORD="lead-secret-1"
lead() { "$MEDLORA" review "$@" --workspace "$W" --as lead-li --json; }
account() { MEDLORA_REVIEW_PASSWORD="$2" "$MEDLORA" review account --workspace "$W" --name "$1" --role "$3" --json "${@:4}"; }
# score NAME PASSWORD: the reviewer's session, stdin fed by the caller.
score() { MEDLORA_REVIEW_PASSWORD="$2" "$MEDLORA" review score --workspace "$W" --as "$1" --study fever; }

python3 - "$WORK" <<'PY'
import json, sys
with open(f"{sys.argv[1]}/answers.jsonl", "w", encoding="utf-8") as f:
    for q in range(1, 4):
        for system, kind in (("base-zq-model", "base"), ("lora-xv-adapter", "adapter")):
            f.write(json.dumps({"item": f"q{q}", "question": f"发烧第{q}天怎么办？", "system": system, "kind": kind,
                                "answer": f"回答{q}-{kind[0]}：多喝水，注意休息。", "reference": f"参考答案{q}",
                                "metadata": {"temperature": 0.7, "checkpoint": "/secret/ckpt-4471"}},
                               ensure_ascii=False) + "\n")
PY

# --- accounts: the first is a lead without --as; later ones need the lead ---
MEDLORA_REVIEW_PASSWORD="$MEDLORA_LEAD_PASSWORD" "$MEDLORA" review account --workspace "$W" --name doc-x --role doctor >/dev/null 2>&1
check "the first account must be a lead" "[ \$? -ne 0 ]"
account lead-li "$MEDLORA_LEAD_PASSWORD" lead >"$WORK/lead.json"
check "first account is created as lead" "[ \"\$(field $WORK/lead.json 'j[\"role\"]')\" = lead ]"
account dr-a doctor-a-pass doctor >/dev/null 2>&1
check "a second account without --as is refused" "[ \$? -ne 0 ]"
account dr-a doctor-a-pass doctor --as lead-li >"$WORK/a.json"
check "the lead adds dr-a" "[ \"\$(field $WORK/a.json 'j[\"account\"]')\" = dr-a ]"
account dr-b doctor-b-pass doctor --as lead-li >/dev/null
MEDLORA_LEAD_PASSWORD=wrong-password account dr-c doctor-c-pass doctor --as lead-li >/dev/null 2>"$WORK/wrong.err"
check "a wrong lead password is refused" "grep -q 'wrong name or password' $WORK/wrong.err"
MEDLORA_LEAD_PASSWORD=doctor-a-pass account dr-c doctor-c-pass doctor --as dr-a >/dev/null 2>"$WORK/doctor.err"
check "a doctor cannot add accounts" "grep -q 'only a lead' $WORK/doctor.err"

# --- create, assign, status ---
lead create --name fever --answers "$WORK/answers.jsonl" --reference-as-system --seed 11 >"$WORK/create.json"
check "create imports 3 questions" "[ \"\$(field $WORK/create.json 'j[\"questions\"]')\" = 3 ]"
check "create adds the reference as a third system" "[ \"\$(field $WORK/create.json 'j[\"systems\"]')\" = 3 ]"
check "create counts 9 answers" "[ \"\$(field $WORK/create.json 'j[\"answers\"]')\" = 9 ]"
lead assign --study fever --reviewers dr-a,dr-b >"$WORK/assign.json"
check "assign gives each doctor every answer" "[ \"\$(field $WORK/assign.json 'j[\"assignments\"]')\" = 18 ]"
lead status --study fever >"$WORK/status0.json"
check "status lists both reviewers with 9 pending" \
  "[ \"\$(field $WORK/status0.json '[r[\"pending\"] for r in j[\"reviewers\"]]')\" = '[9, 9]' ]"
MEDLORA_LEAD_PASSWORD=doctor-a-pass "$MEDLORA" review status --workspace "$W" --as dr-a --study fever >/dev/null 2>&1
check "a doctor cannot see the study status" "[ \$? -ne 0 ]"

# --- score: dr-a submits two (one flagged), skips one, quits half-way through the fourth ---
printf '4\n5\n3\n4\nn\nclear\n2\n1\n2\n3\ny\n3\ndangerous advice\ns\nnot my field\n5\n4\nq\n' | score dr-a doctor-a-pass >"$WORK/a1.out" 2>&1
check "dr-a's session ends normally" "[ \$? -eq 0 ]"
check "dr-a sees progress n of N" "grep -q '\[1/9\]' $WORK/a1.out && grep -q 'submitted (2 of 9 done)' $WORK/a1.out"
check "the quit keeps a draft" "grep -q 'draft is saved' $WORK/a1.out"
check "no system name, kind or metadata reaches the reviewer" \
  "! grep -Eq 'base-zq|lora-xv|reference|adapter|ckpt-4471|S[0-9]' $WORK/a1.out"
lead status --study fever >"$WORK/status1.json"
check "status: dr-a has 2 submitted, 1 skipped, 1 draft" \
  "[ \"\$(field $WORK/status1.json '[(r[\"submitted\"], r[\"skipped\"], r[\"draft\"]) for r in j[\"reviewers\"] if r[\"name\"] == \"dr-a\"]')\" = '[(2, 1, 1)]' ]"
printf 'bad\n9\n\n' | score dr-a doctor-a-pass >"$WORK/a2.out" 2>&1
check "the draft comes back with its values and bad input is asked again" \
  "grep -q 'accuracy (1-5, s skip, q quit) \[5\]' $WORK/a2.out && grep -q 'please type a number 1-5' $WORK/a2.out"
echo x | score dr-a wrong-pass >/dev/null 2>"$WORK/a3.err"
check "a wrong reviewer password is refused" "grep -q 'wrong name or password' $WORK/a3.err"

# dr-b scores everything (nine answers, one line each of a, s, c, r, harmful, comment).
for i in 1 2 3 4 5 6 7 8 9; do printf '3\n3\n3\n3\nn\n\n'; done | score dr-b doctor-b-pass >"$WORK/b.out" 2>&1
check "dr-b finishes the queue" "grep -q 'nothing left to score: 9 submitted, 0 skipped of 9' $WORK/b.out"

# --- close: refused with dr-a's draft, then forced; reveals the systems ---
lead close --study fever >/dev/null 2>"$WORK/close.err"
check "close is refused while a draft is open" "grep -q 'unsubmitted drafts' $WORK/close.err"
lead close --study fever --force >"$WORK/close.json"
check "close reveals the three systems" \
  "[ \"\$(field $WORK/close.json 'sorted(s[\"name\"] for s in j[\"systems\"])')\" = \"['base-zq-model', 'lora-xv-adapter', 'reference']\" ]"
printf '1\n1\n1\n1\nn\n\n' | score dr-a doctor-a-pass >/dev/null 2>"$WORK/closed.err"
check "scoring a closed study is refused" "grep -q 'closed' $WORK/closed.err"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
