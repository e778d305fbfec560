#!/usr/bin/env bash
# medlora dataset: the command-line contract on files this script writes itself (planted PII,
# planted near-duplicates, a GB18030 CSV, a broken JSONL line) and on a slice of the real MedQuAD
# folders when ../shared/datasets is present.
set -u
BIN="${1:?usage: dataset_cli_test.sh BUILD/bin}"
MEDLORA="$BIN/medlora"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SHARED="${MEDLORA_SHARED_DATASETS:-$HERE/../../../shared/datasets}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
W="$WORK/ws.medlora"
failures=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi; }
# field FILE EXPR: evaluates a Python expression on the JSON object in FILE (as j).
field() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }
# categories FILE.jsonl: the category of every exported record, one a line.
categories() { python3 -c "import json,sys; [print(json.loads(l)['category']) for l in open(sys.argv[1])]" "$1"; }

python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
records = [
    {"instruction": "", "input": "患者电话13812345678，请回复。", "output": "好的，我们会联系您。"},
    {"instruction": "", "input": "身份证号11010519491231002X，请核对。", "output": "已核对身份信息。"},
    {"instruction": "", "input": "编号110105194912310021不是身份证。", "output": "该编号校验位不正确。"},
    {"instruction": "", "input": "Write to john.doe@example.com about the dose.", "output": "Take 500 mg twice a day."},
    {"instruction": "", "input": "出生日期：1985年3月12日，最近头痛。", "output": "建议测量血压。"},
    {"instruction": "", "input": "住院号：ZY2023001234 的病人发热。", "output": "请复查血常规。"},
]
text = ("Hypertension is a long term condition in which the blood pressure in the arteries is "
        "persistently elevated. It usually causes no symptoms but is a major risk factor for stroke, "
        "heart failure and kidney disease. Lifestyle changes and medicines lower the pressure.")
for i in range(12):
    base = {"instruction": "", "input": f"Question {i}: what is the plan number {i * 7919}?",
            "output": f"Answer {i}: " + text.replace("arteries", f"arteries ({i * 104729})")}
    records.append(base)
    if i < 4:  # a near-duplicate: spacing and a small typo
        near = dict(base); near["output"] = base["output"].replace("usually", "usualy").replace(". ", ".  ")
        records.append(near)
with open(f"{work}/planted.jsonl", "w", encoding="utf-8") as f:
    for r in records:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
    f.write('{"input": "broken line\n')
csv = "问题,答案,科室\n儿童发热怎么办？,多喝水，必要时就医。,儿科\n\"孕妇能吃药吗？\n请说明\",需遵医嘱。,妇产科\n"
open(f"{work}/zh.csv", "wb").write(csv.encode("gb18030"))
PY

# --- import: JSONL with a broken line, GB18030 CSV ---
"$MEDLORA" dataset import --workspace "$W" --name planted "$WORK/planted.jsonl" --json >"$WORK/import.json"
check "jsonl import reports 22 imported" "[ \"\$(field $WORK/import.json 'j[\"imported\"]')\" = 22 ]"
check "the broken line is reported with its line" "field $WORK/import.json 'j[\"errors\"][0][\"where\"]' | grep -q 'planted.jsonl:23'"
check "skipped counts the broken line" "[ \"\$(field $WORK/import.json 'j[\"skipped\"]')\" = 1 ]"
"$MEDLORA" dataset import --workspace "$W" --name zh --encoding auto --map input=问题,output=答案,category=科室 "$WORK/zh.csv" --json >"$WORK/zh.json"
check "GB18030 csv imports 2 records" "[ \"\$(field $WORK/zh.json 'j[\"imported\"]')\" = 2 ]"
"$MEDLORA" dataset export --workspace "$W" --dataset zh --all --out "$WORK/zh.jsonl" --json >/dev/null
check "GB18030 text arrives as UTF-8 with its quoted newline" "grep -q '孕妇能吃药吗？\\\\n请说明' $WORK/zh.jsonl"
check "category mapped from 科室" "categories $WORK/zh.jsonl | grep -q 儿科"

# --- scrub: counts per kind; the invalid ID checksum is not an ID ---
"$MEDLORA" dataset scrub --workspace "$W" --dataset planted --json >"$WORK/scrub.json"
check "one phone masked" "[ \"\$(field $WORK/scrub.json 'j[\"phone\"]')\" = 1 ]"
check "one valid resident ID masked, the bad checksum left" "[ \"\$(field $WORK/scrub.json 'j[\"cn_id\"]')\" = 1 ]"
check "one e-mail masked" "[ \"\$(field $WORK/scrub.json 'j[\"email\"]')\" = 1 ]"
check "one date of birth masked" "[ \"\$(field $WORK/scrub.json 'j[\"birth_date\"]')\" = 1 ]"
check "one record number masked" "[ \"\$(field $WORK/scrub.json 'j[\"record_number\"]')\" = 1 ]"
"$MEDLORA" dataset export --workspace "$W" --dataset planted --all --out "$WORK/planted_out.jsonl" >/dev/null
check "no planted identifier survives" "! grep -q -e 13812345678 -e 11010519491231002X -e john.doe -e ZY2023001234 $WORK/planted_out.jsonl"
check "the invalid-checksum number is kept" "grep -q 110105194912310021 $WORK/planted_out.jsonl"
check "500 mg untouched" "grep -q '500 mg' $WORK/planted_out.jsonl"

# --- dedup: the four planted near-duplicates, nothing else ---
"$MEDLORA" dataset dedup --workspace "$W" --dataset planted --dry-run --json >"$WORK/dedup_dry.json"
check "dry run finds the 4 near-duplicates" "[ \"\$(field $WORK/dedup_dry.json 'j[\"near_duplicates\"]')\" = 4 ]"
"$MEDLORA" dataset dedup --workspace "$W" --dataset planted --json >"$WORK/dedup.json"
check "dedup deletes 4" "[ \"\$(field $WORK/dedup.json 'j[\"deleted\"]')\" = 4 ]"

# --- tag, approve, export approved only, split ---
"$MEDLORA" dataset tag --workspace "$W" --dataset zh --overwrite --json >"$WORK/tag.json"
check "tag runs and reports untagged" "field $WORK/tag.json 'j[\"untagged\"]' >/dev/null"
"$MEDLORA" dataset approve --workspace "$W" --dataset planted --ids 1,2,3 --reviewer "Dr Li" --json >"$WORK/approve.json"
check "three approved" "[ \"\$(field $WORK/approve.json 'j[\"updated\"]')\" = 3 ]"
"$MEDLORA" dataset export --workspace "$W" --dataset planted --out "$WORK/approved.jsonl" --json >"$WORK/export.json"
check "export writes approved records only" "[ \$(wc -l < $WORK/approved.jsonl) = 3 ]"
check "manifest checksum matches the file" "[ \"\$(field $WORK/approved.jsonl.manifest.json 'j[\"sha256\"]')\" = \"\$(sha256sum $WORK/approved.jsonl | cut -d' ' -f1)\" ]"
check "export records have the trainer fields" "head -1 $WORK/approved.jsonl | grep -q '\"instruction\".*\"input\".*\"output\".*\"category\"'"
"$MEDLORA" dataset split --workspace "$W" --dataset planted --all --validation 0.25 --out-dir "$WORK/split" --json >"$WORK/split.json"
check "split covers every record" "[ \$(cat $WORK/split/train.jsonl $WORK/split/validation.jsonl | wc -l) = 18 ]"
"$MEDLORA" dataset stats --workspace "$W" --dataset planted --json >"$WORK/stats.json"
check "stats counts approvals" "[ \"\$(field $WORK/stats.json 'j[\"status\"][\"approved\"]')\" = 3 ]"
check "stats counts maskings" "[ \"\$(field $WORK/stats.json 'sum(j[\"pii_maskings\"].values())')\" = 5 ]"

# --- conversations: OpenAI and ShareGPT JSONL in, {"messages": [...]} out, turns in stats ---
python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
rows = [
    {"messages": [{"role": "system", "content": "You are a triage nurse."},
                  {"role": "user", "content": "My son has a fever. Call me on 13912345678."},
                  {"role": "assistant", "content": "How high is it?"},
                  {"role": "user", "content": "39.5 and a stiff neck."},
                  {"role": "assistant", "content": "Go to the emergency department now."}], "category": "急诊"},
    {"conversations": [{"from": "human", "value": "什么是高血压？"}, {"from": "gpt", "value": "血压持续高于140/90。"}]},
    {"messages": [{"role": "user", "content": "no answer here"}]},
]
with open(f"{work}/chats.jsonl", "w", encoding="utf-8") as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
"$MEDLORA" dataset import --workspace "$W" --name chats "$WORK/chats.jsonl" --json >"$WORK/chats_import.json"
check "conversation import: 2 imported" "[ \"\$(field $WORK/chats_import.json 'j[\"imported\"]')\" = 2 ]"
check "the conversation without an answer is reported at its line" "field $WORK/chats_import.json 'j[\"errors\"][0][\"where\"] + \" \" + j[\"errors\"][0][\"why\"]' | grep -q 'chats.jsonl:3 no assistant turn'"
"$MEDLORA" dataset scrub --workspace "$W" --dataset chats --json >"$WORK/chats_scrub.json"
check "the phone in a later turn is scrubbed" "[ \"\$(field $WORK/chats_scrub.json 'j[\"phone\"]')\" = 1 ]"
"$MEDLORA" dataset export --workspace "$W" --dataset chats --all --out "$WORK/chats_out.jsonl" --json >"$WORK/chats_export.json"
check "conversation export counts 2 in the manifest" "[ \"\$(field $WORK/chats_out.jsonl.manifest.json 'j[\"records\"]')\" = 2 ]"
python3 - "$WORK" >"$WORK/chats_compare.txt" <<'PY'
import json, sys
work = sys.argv[1]
out = [json.loads(l) for l in open(f"{work}/chats_out.jsonl", encoding="utf-8")]
src = [json.loads(l) for l in open(f"{work}/chats.jsonl", encoding="utf-8")][:2]
roles = {"human": "user", "gpt": "assistant"}
want = [[{"role": roles.get(t.get("role", t.get("from")), t.get("role", t.get("from"))), "content": t.get("content", t.get("value"))}
         for t in r.get("messages", r.get("conversations"))] for r in src]
want[0][1]["content"] = out[0]["messages"][1]["content"]  # the scrubbed turn, checked below
print("same" if [o["messages"] for o in out] == want and set(out[0]) == {"messages", "category"} else "differs: %r" % out)
print("masked" if "13912345678" not in out[0]["messages"][1]["content"] and "My son has a fever" in out[0]["messages"][1]["content"] else "not masked")
print(out[0]["category"])
PY
check "exported turns equal the imported ones (human/gpt as user/assistant)" "grep -qx same $WORK/chats_compare.txt"
check "the exported turn is masked" "grep -qx masked $WORK/chats_compare.txt"
check "the category travels with the conversation" "grep -qx 急诊 $WORK/chats_compare.txt"
"$MEDLORA" dataset stats --workspace "$W" --dataset chats --json >"$WORK/chats_stats.json"
check "stats counts 2 conversations, 7 turns, 1 multi-turn" "[ \"\$(field $WORK/chats_stats.json '\"%d %d %d\" % (j[\"conversations\"][\"records\"], j[\"conversations\"][\"turns\"], j[\"conversations\"][\"multi_turn\"])')\" = '2 7 1' ]"

# --- error paths: one line, non-zero ---
MEDLORA_WORKSPACE="$WORK/default.medlora" "$MEDLORA" dataset list --json >"$WORK/default.json"
check "without --workspace the default workspace is used" "[ -f $WORK/default.medlora ] && grep -q datasets $WORK/default.json"
"$MEDLORA" dataset export --workspace "$W" --dataset planted >/dev/null 2>"$WORK/err1"; rc=$?
check "missing --out is a usage error" "[ $rc = 2 ] && grep -q -- '--out' $WORK/err1"
"$MEDLORA" dataset stats --workspace "$W" --dataset nosuch >/dev/null 2>"$WORK/err2"; rc=$?
check "unknown dataset names the known ones" "[ $rc != 0 ] && grep -q \"'planted'\" $WORK/err2"
"$MEDLORA" dataset import --workspace "$W" "$WORK/missing.jsonl" >/dev/null 2>"$WORK/err3"; rc=$?
check "missing file is an error naming it" "[ $rc != 0 ] && grep -q missing.jsonl $WORK/err3"
"$MEDLORA" dataset frobnicate >/dev/null 2>&1; rc=$?
check "unknown sub-command exits 2" "[ $rc = 2 ]"
printf 'not a database at all, just text that is long enough to not be sqlite\n' >"$WORK/bad.medlora"
"$MEDLORA" dataset list --workspace "$WORK/bad.medlora" >/dev/null 2>"$WORK/err4"; rc=$?
check "a non-workspace file is refused" "[ $rc != 0 ] && [ -s $WORK/err4 ]"

# --- a killed import leaves the workspace consistent ---
python3 -c "
import json
with open('$WORK/big.jsonl','w') as f:
    for i in range(300000): f.write(json.dumps({'input': 'question %d about a long topic' % i, 'output': 'answer %d ' % i * 20}) + '\n')"
"$MEDLORA" dataset import --workspace "$W" --name big "$WORK/big.jsonl" >/dev/null 2>&1 &
pid=$!
sleep 3
kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
"$MEDLORA" dataset list --workspace "$W" --json >"$WORK/after_kill.json"
check "workspace opens after a killed import" "[ -s $WORK/after_kill.json ]"
check "the killed import is all or nothing" "field $WORK/after_kill.json '[d[\"records\"] for d in j[\"datasets\"] if d[\"name\"]==\"big\"]' | grep -Eq '^\\[\\]$|^\\[300000\\]$'"
check "SQLite integrity_check ok" "python3 -c \"import sqlite3;print(sqlite3.connect('$W').execute('pragma integrity_check').fetchone()[0])\" | grep -qx ok"

# --- real MedQuAD: imported + skipped empty answers = pairs in the files ---
if [ -d "$SHARED/medquad/5_NIDDK_QA" ]; then
  "$MEDLORA" dataset import --workspace "$W" --format medquad "$SHARED/medquad/5_NIDDK_QA" "$SHARED/medquad/7_SeniorHealth_QA" --json >"$WORK/mq.json"
  pairs=$(cat "$SHARED"/medquad/5_NIDDK_QA/*.xml "$SHARED"/medquad/7_SeniorHealth_QA/*.xml | grep -c '<QAPair ')
  check "MedQuAD imported + empty answers = $pairs pairs" "[ \"\$(field $WORK/mq.json 'j[\"imported\"] + j[\"skipped_by_reason\"].get(\"empty answer\", 0)')\" = $pairs ]"
  empty_files=$(grep -L '<QAPair ' "$SHARED"/medquad/5_NIDDK_QA/*.xml "$SHARED"/medquad/7_SeniorHealth_QA/*.xml | wc -l)
  check "MedQuAD files without pairs ($empty_files) are in skipped_by_reason" "[ \"\$(field $WORK/mq.json 'j[\"skipped_by_reason\"].get(\"file: document without QA pairs\", 0)')\" = $empty_files ]"
else
  echo "skip: MedQuAD not found at $SHARED/medquad"
fi

# --- MedQuAD variants: a <DiseaseFile> root is read, a foreign XML file is skipped by reason ---
mkdir -p "$WORK/cdc"
printf '<?xml version="1.0"?>\n<DiseaseFile id="9" source="CDC"><Focus>Zika</Focus><QAPairs><QAPair pid="1"><Question qid="9-1" qtype="information">What is Zika?</Question><Answer>A virus.</Answer></QAPair></QAPairs></DiseaseFile>\n' >"$WORK/cdc/1.xml"
printf '<html><body>not medquad</body></html>\n' >"$WORK/cdc/2.xml"
"$MEDLORA" dataset import --workspace "$W" --format medquad "$WORK/cdc" --json >"$WORK/cdc.json"
check "a <DiseaseFile> root imports its pair" "[ \"\$(field $WORK/cdc.json 'j[\"imported\"]')\" = 1 ]"
check "the foreign file is skipped by reason" "[ \"\$(field $WORK/cdc.json 'j[\"skipped_by_reason\"][\"file: not a MedQuAD document\"]')\" = 1 ]"

[ "$failures" = 0 ] && echo "all dataset CLI checks passed" || echo "$failures dataset CLI check(s) failed"
[ "$failures" = 0 ]
