#!/usr/bin/env bash
# medlora review server init | add-reviewer, publish, status --server, score --server, pull: a lead
# sets up a review server (the postgres fixture's throwaway cluster), publishes a study of the
# workspace, three doctors score it from pipes, a doctor's psql session finds nothing of the others,
# and the lead pulls the scores back and writes the same score CSV as a study scored locally.
set -u
BIN="${1:?usage: review_server_cli_test.sh BUILD/bin}"
MEDLORA="$BIN/medlora"
: "${MEDLORA_PG_CLUSTER_ENV:?run through ctest: the postgres fixture sets MEDLORA_PG_CLUSTER_ENV}"
. "$MEDLORA_PG_CLUSTER_ENV" || { echo "FAIL: no PostgreSQL test cluster ($MEDLORA_PG_CLUSTER_ENV)"; exit 1; }
WORK="$(mktemp -d)"
[ -n "${KEEP_WORK:-}" ] || trap 'rm -rf "$WORK"' EXIT
failures=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi; }
field() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }

DB="cli_$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"
bash "$MEDLORA_PG_CLUSTER" createdb "$MEDLORA_PG_CLUSTER_ENV" "$DB" || { echo "FAIL: createdb"; exit 1; }
SUFFIX="$(od -An -N3 -tx1 /dev/urandom | tr -d ' ')"  # roles belong to the whole cluster
DA="dr-a-$SUFFIX"; DB_="dr-b-$SUFFIX"; DC="dr-c-$SUFFIX"
LEAD_URL="postgresql://$LEAD_ROLE@127.0.0.1:$PORT/$DB"
url() { echo "postgresql://$1@127.0.0.1:$PORT/$DB"; }
export MEDLORA_LEAD_PASSWORD="lead-secret-1"
server() { PGPASSWORD="$LEAD_PASSWORD" "$MEDLORA" review server "$@"; }
# The lead's workspace commands: W is the workspace, --as lead-li.
lead() { local W="$1"; shift; PGPASSWORD="$LEAD_PASSWORD" "$MEDLORA" review "$@" --workspace "$W" --as lead-li --json; }
# score NAME [options]: the doctor's session on the server, stdin from the caller.
score() { local who="$1"; shift; PGPASSWORD="$who-pass" "$MEDLORA" review score --server "$(url "$who")" --study fever \
  --outbox "$WORK/outbox-$who.json" "$@"; }
reviewer_sql() { PGPASSWORD="$1-pass" psql -X -A -t -q -h 127.0.0.1 -p "$PORT" -U "$1" -d "$DB" -c "$2" 2>&1; }

python3 - "$WORK" <<'PY'
import json, sys
with open(f"{sys.argv[1]}/answers.jsonl", "w", encoding="utf-8") as f:
    for q in range(1, 4):
        for system, kind in (("base-zq-model", "base"), ("lora-xv-adapter", "adapter")):
            f.write(json.dumps({"item": f"q{q}", "question": f"发烧第{q}天怎么办？", "system": system, "kind": kind,
                                "answer": f"回答{q}-{kind[0]}：多喝水，注意休息。",
                                "metadata": {"checkpoint": "/secret/ckpt-4471"}}, ensure_ascii=False) + "\n")
PY
# Two workspaces made alike: one published to the server, one scored locally as the reference.
for W in "$WORK/server.medlora" "$WORK/local.medlora"; do
  MEDLORA_REVIEW_PASSWORD="$MEDLORA_LEAD_PASSWORD" "$MEDLORA" review account --workspace "$W" --name lead-li --role lead >/dev/null
  for who in "$DA" "$DB_" "$DC"; do
    MEDLORA_REVIEW_PASSWORD="$who-pass" "$MEDLORA" review account --workspace "$W" --name "$who" --role doctor --as lead-li >/dev/null
  done
  lead "$W" create --name fever --answers "$WORK/answers.jsonl" --seed 11 >/dev/null
  lead "$W" assign --study fever --reviewers "$DA,$DB_,$DC" >/dev/null
done
S="$WORK/server.medlora"

# --- help and one-line errors ---
for sub in "server init" "server add-reviewer" "server close" publish pull "status --server x" "score --server x"; do
  "$MEDLORA" review $sub --help >"$WORK/help.out" 2>&1
  check "review $sub --help" "[ \$? -eq 0 ] && grep -q -- '--server' $WORK/help.out"
done
"$MEDLORA" review server init --server "http://x/y" >/dev/null 2>"$WORK/bad.err"
check "a URL that is not postgresql:// is refused in one line" \
  "[ \$? -ne 0 ] && [ \$(wc -l <$WORK/bad.err) -eq 1 ] && grep -q 'postgresql://USER@HOST' $WORK/bad.err"
"$MEDLORA" review server init --server "postgresql://lead:pw@h/db" >/dev/null 2>"$WORK/pw.err"
check "a password in the URL is refused" "[ \$? -ne 0 ] && grep -q PGPASSWORD $WORK/pw.err"
PGPASSWORD=wrong "$MEDLORA" review server init --server "$LEAD_URL" >/dev/null 2>"$WORK/wrong.err"
check "a wrong server password fails in one line" \
  "[ \$? -ne 0 ] && [ \$(wc -l <$WORK/wrong.err) -eq 1 ] && grep -q 'password authentication failed' $WORK/wrong.err"
"$MEDLORA" review server frobnicate >/dev/null 2>&1
check "an unknown server action fails" "[ \$? -ne 0 ]"

# --- init, add-reviewer ---
server init --server "$LEAD_URL" --json >"$WORK/init.json"
check "init creates schema version 1" "[ \"\$(field $WORK/init.json 'j[\"schema_version\"]')\" = 1 ]"
server init --server "$LEAD_URL" >/dev/null 2>"$WORK/init2.err"
check "a second init is refused" "[ \$? -ne 0 ] && grep -q 'a review server already' $WORK/init2.err"
for who in "$DA" "$DB_" "$DC"; do
  MEDLORA_REVIEW_PASSWORD="$who-pass" server add-reviewer --server "$LEAD_URL" --name "$who" --json >"$WORK/add.json"
done
check "add-reviewer adds a doctor" "[ \"\$(field $WORK/add.json 'j[\"role\"]')\" = doctor ]"
MEDLORA_REVIEW_PASSWORD="short" server add-reviewer --server "$LEAD_URL" --name "dr-x-$SUFFIX" >/dev/null 2>"$WORK/short.err"
check "a short reviewer password is refused" "[ \$? -ne 0 ] && grep -q 'at least 8' $WORK/short.err"

# --- publish, status ---
lead "$S" publish --study fever --server "$LEAD_URL" >"$WORK/publish.json"
check "publish sends 6 answers and 18 assignments" \
  "[ \"\$(field $WORK/publish.json '(j[\"answers\"], j[\"assignments\"])')\" = '(6, 18)' ]"
lead "$S" publish --study fever --server "$LEAD_URL" >/dev/null 2>"$WORK/publish2.err"
check "publishing twice is refused" "[ \$? -ne 0 ] && grep -q 'published on this server already' $WORK/publish2.err"
PGPASSWORD="$LEAD_PASSWORD" "$MEDLORA" review status --server "$LEAD_URL" --study fever --json >"$WORK/status0.json"
check "status --server: three reviewers, 6 pending each" \
  "[ \"\$(field $WORK/status0.json '[r[\"pending\"] for r in j[\"reviewers\"]]')\" = '[6, 6, 6]' ]"

# --- score: the same inputs on the server and in the local workspace ---
A_INPUT='4\n5\n3\n4\nn\nclear\n2\n1\n2\n3\ny\n3\ndangerous advice\ns\nnot my field\n5\n4\nq\n'
printf "$A_INPUT" | score "$DA" >"$WORK/a1.out" 2>&1
check "dr-a's server session ends normally" "[ \$? -eq 0 ] && grep -q 'submitted (2 of 6 done)' $WORK/a1.out"
check "no system name or metadata reaches the reviewer" "! grep -Eq 'base-zq|lora-xv|adapter|ckpt-4471|S[0-9]' $WORK/a1.out"
check "the quit keeps a draft on the server" "grep -q 'draft is saved' $WORK/a1.out"
printf "$A_INPUT" | MEDLORA_REVIEW_PASSWORD="$DA-pass" "$MEDLORA" review score --workspace "$WORK/local.medlora" --as "$DA" --study fever >/dev/null 2>&1
printf '\n\n\n\nn\n\n3\n3\n3\n3\nn\n\n3\n3\n3\n3\nn\n\n3\n3\n3\n3\nn\n\n' | score "$DA" >"$WORK/a2.out" 2>&1
printf '\n\n\n\nn\n\n3\n3\n3\n3\nn\n\n3\n3\n3\n3\nn\n\n3\n3\n3\n3\nn\n\n' | MEDLORA_REVIEW_PASSWORD="$DA-pass" "$MEDLORA" review score --workspace "$WORK/local.medlora" --as "$DA" --study fever >/dev/null 2>&1
check "dr-a's draft comes back from the server and the queue finishes" \
  "grep -q 'accuracy (1-5, s skip, q quit) \[5\]' $WORK/a2.out && grep -q 'nothing left to score: 5 submitted, 1 skipped of 6' $WORK/a2.out"
for who in "$DB_" "$DC"; do
  for i in 1 2 3 4 5 6; do printf "$((i % 5 + 1))\n3\n$(((i + 2) % 5 + 1))\n4\nn\nok $i\n"; done >"$WORK/input-$who"
  score "$who" <"$WORK/input-$who" >"$WORK/$who.out" 2>&1
  MEDLORA_REVIEW_PASSWORD="$who-pass" "$MEDLORA" review score --workspace "$WORK/local.medlora" --as "$who" --study fever <"$WORK/input-$who" >/dev/null 2>&1
done
check "dr-b finishes on the server" "grep -q 'nothing left to score: 6 submitted, 0 skipped of 6' $WORK/$DB_.out"
PGPASSWORD="wrong-pass" "$MEDLORA" review score --server "$(url "$DA")" --study fever </dev/null >/dev/null 2>"$WORK/wrongdoc.err"
check "a wrong reviewer password is refused" "[ \$? -ne 0 ] && grep -q 'password authentication failed' $WORK/wrongdoc.err"

# --- a doctor's own psql session ---
check "psql as dr-a: only dr-a's scores" "[ \"\$(reviewer_sql "$DA" 'SELECT count(*), count(DISTINCT reviewer) FROM scores')\" = '5|1' ]"
check "psql as dr-a: no code mapping" "reviewer_sql '$DA' 'SELECT * FROM answer_codes' | grep -q 'permission denied'"
check "psql as dr-a: no audit trail" "reviewer_sql '$DA' 'SELECT * FROM audit' | grep -q 'permission denied'"
check "psql as dr-a: scores cannot be changed" "reviewer_sql '$DA' 'UPDATE scores SET accuracy = 1' | grep -q 'permission denied'"

# --- status, pull, report ---
PGPASSWORD="$LEAD_PASSWORD" "$MEDLORA" review status --server "$LEAD_URL" --study fever --json >"$WORK/status1.json"
check "status --server: 17 submitted, 1 skipped" \
  "[ \"\$(field $WORK/status1.json '(sum(r[\"submitted\"] for r in j[\"reviewers\"]), sum(r[\"skipped\"] for r in j[\"reviewers\"]))')\" = '(17, 1)' ]"
lead "$S" pull --study fever --server "$LEAD_URL" >"$WORK/pull1.json"
check "pull brings 17 scores" "[ \"\$(field $WORK/pull1.json 'j[\"scores\"]')\" = 17 ]"
check "pull: no revisions among them, 1 skip" "[ \"\$(field $WORK/pull1.json '(j[\"revisions\"], j[\"skips\"])')\" = '(0, 1)' ]"
lead "$S" pull --study fever --server "$LEAD_URL" >"$WORK/pull2.json"
check "a second pull adds nothing" "[ \"\$(field $WORK/pull2.json '(j[\"scores\"], j[\"audit_entries\"])')\" = '(0, 0)' ]"
lead "$S" status --study fever >"$WORK/local-status.json"
check "the workspace's status after the pull: 17 submitted, 1 skipped" \
  "[ \"\$(field $WORK/local-status.json '(sum(r[\"submitted\"] for r in j[\"reviewers\"]), sum(r[\"skipped\"] for r in j[\"reviewers\"]))')\" = '(17, 1)' ]"
for W in "$S" "$WORK/local.medlora"; do
  lead "$W" close --study fever >/dev/null
  lead "$W" report --study fever --format csv --out "$W.csv" >/dev/null
done
check "the pulled study's score CSV equals the locally scored one's" "cmp -s $S.csv $WORK/local.medlora.csv"
check "the CSV names the revealed systems" "grep -q base-zq-model $S.csv"
server close --server "$LEAD_URL" --study fever >/dev/null
printf '1\n1\n1\n1\nn\n\n' | score "$DA" >/dev/null 2>"$WORK/closed.err"
check "scoring a study closed on the server is refused" "[ \$? -ne 0 ] && grep -q 'closed' $WORK/closed.err"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
