#!/usr/bin/env bash
# Contract of `medlora chat`, `medlora generate --batch` and `medlora kb`: on a tiny base model
# made with `medlora make-base-model` and two random PEFT adapters written here (Python standard
# library only), questions piped into chat stream answers with speed, adapter and reason, safety
# notes; routing picks the adapter the rules say; a batch writes one JSON line per answer and
# resumes; the knowledge base imports a text file and finds it, and grounding cites it.
# usage: chat_cli_test.sh BUILD_BIN_DIR
set -u
BIN="${1:?usage: $0 BUILD_BIN_DIR}"
MEDLORA="$BIN/medlora"
export MEDLORA_THREADS=1
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

expect_error() {  # expect_error CMD_NAME ARGS...: non-zero exit, one stderr line "medlora CMD_NAME: ..."
  local name="$1"; shift
  "$MEDLORA" "$@" </dev/null >"$WORK/out" 2>"$WORK/err"
  local rc=$?
  if [ "$rc" -eq 0 ]; then fail "medlora $* succeeded"; return; fi
  if [ "$(wc -l <"$WORK/err")" -ne 1 ] || ! grep -q "^medlora $name: " "$WORK/err"; then
    fail "medlora $*: expected one line 'medlora $name: ...', got: $(cat "$WORK/err")"
  fi
}

"$MEDLORA" chat --help >"$WORK/out" 2>&1 || fail "chat --help exits non-zero"
for flag in --model --adapter --route --ground --workspace --temperature --bad-word; do
  grep -q -- "$flag" "$WORK/out" || fail "chat --help does not list $flag"
done
"$MEDLORA" kb --help >/dev/null 2>&1 || fail "kb --help exits non-zero"
expect_error chat chat --no-such-flag
expect_error chat chat
expect_error chat chat --model "$WORK/missing"
expect_error kb kb frobnicate
expect_error kb kb search --workspace "$WORK/missing.medlora" --query x
expect_error kb kb import --workspace "$WORK/ws.medlora"
expect_error kb kb import --workspace "$WORK/ws.medlora" "$WORK/missing.txt"
expect_error generate generate --model "$WORK/missing" --batch "$WORK/q.txt" --prompt hi

# A tiny base model (no pretraining: the answers are noise, the plumbing is what is tested).
BASE="$WORK/base"
"$MEDLORA" make-base-model --out "$BASE" --steps 0 --seed 5 --vocab-size 2600 --hidden-size 32 \
  --intermediate-size 64 --layers 2 --heads 2 --kv-heads 1 --threads 1 >"$WORK/make.log" 2>&1 \
  || { cat "$WORK/make.log"; fail "make-base-model failed"; echo "$failures failure(s)"; exit 1; }

python3 - "$BASE" "$WORK" <<'PY' || { fail "could not write the adapters"; exit 1; }
import json, os, random, struct, sys
base, work = sys.argv[1], sys.argv[2]
c = json.load(open(os.path.join(base, "config.json")))
D, H, KV, L = c["hidden_size"], c["num_attention_heads"], c["num_key_value_heads"], c["num_hidden_layers"]
HD = c.get("head_dim") or D // H

def save(path, tensors):
    header, blobs, off = {}, [], 0
    for name in sorted(tensors):
        shape, values = tensors[name]
        data = struct.pack("<%df" % len(values), *values)
        header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [off, off + len(data)]}
        blobs.append(data); off += len(data)
    header["__metadata__"] = {"format": "pt"}
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text))); f.write(text)
        for b in blobs: f.write(b)

def adapter(name, seed, r=4):
    random.seed(seed)
    d = os.path.join(work, name); os.makedirs(d)
    json.dump({"peft_type": "LORA", "task_type": "CAUSAL_LM", "r": r, "lora_alpha": 2 * r, "lora_dropout": 0.0,
               "target_modules": ["q_proj", "v_proj"], "modules_to_save": None, "bias": "none",
               "use_rslora": False, "base_model_name_or_path": base}, open(os.path.join(d, "adapter_config.json"), "w"))
    t = {}
    for i in range(L):
        for proj, out in (("q_proj", H * HD), ("v_proj", KV * HD)):
            k = "base_model.model.model.layers.%d.self_attn.%s." % (i, proj)
            t[k + "lora_A.weight"] = ([r, D], [random.gauss(0, 0.5) for _ in range(r * D)])
            t[k + "lora_B.weight"] = ([out, r], [random.gauss(0, 0.5) for _ in range(out * r)])
    save(os.path.join(d, "adapter_model.safetensors"), t)

adapter("common-lora", 1)
adapter("chronic-lora", 2)
PY

cat >"$WORK/rules.json" <<'EOF'
{"version": 1, "default": "",
 "rules": [{"adapter": "chronic", "keywords": ["糖尿病", "高血压"]},
           {"adapter": "common", "keywords": ["头痛", "发烧"]}]}
EOF
ADAPTERS=(--adapter "common=$WORK/common-lora" --adapter "chronic=$WORK/chronic-lora")
FAST=(--temperature 0 --max-new-tokens 8 --threads 1)

# Routing rules that name an adapter nobody loaded are refused up front.
expect_error chat chat --model "$BASE" --adapter "common=$WORK/common-lora" --route "$WORK/rules.json"
expect_error chat chat --model "$BASE" --use nope
expect_error chat chat --model "$BASE" --route "$WORK/missing-rules.json"

# Streaming chat through a pipe: two questions, routed.
printf '头痛怎么办?\n\n糖尿病患者饮食要注意什么?\n' \
  | "$MEDLORA" chat --model "$BASE" "${ADAPTERS[@]}" --route "$WORK/rules.json" "${FAST[@]}" >"$WORK/chat.txt" 2>"$WORK/err" \
  || fail "chat (streaming): $(cat "$WORK/err")"
[ "$(grep -c "tokens/s" "$WORK/chat.txt")" -eq 2 ] || fail "chat did not report tokens/s twice: $(cat "$WORK/chat.txt")"
grep -q "^\[adapter common: .*头痛" "$WORK/chat.txt" || fail "chat does not say common answered because of 头痛: $(cat "$WORK/chat.txt")"
grep -q "^\[adapter chronic: .*糖尿病" "$WORK/chat.txt" || fail "chat does not say chronic answered because of 糖尿病"
[ "$(grep -c "仅供参考\|for reference only" "$WORK/chat.txt")" -ge 2 ] \
  || fail "no disclaimer after each answer: $(cat "$WORK/chat.txt")"

# --json: one object per answer; /adapter switches; /reset; an emergency question is flagged.
printf '头痛怎么办?\n/adapter chronic\n头痛怎么办?\n/reset\n突然胸痛,出冷汗\n/quit\nnever asked\n' \
  | "$MEDLORA" chat --model "$BASE" "${ADAPTERS[@]}" --route "$WORK/rules.json" "${FAST[@]}" --json >"$WORK/chat.jsonl" 2>"$WORK/err" \
  || fail "chat --json: $(cat "$WORK/err")"
python3 - "$WORK/chat.jsonl" <<'PY' || fail "chat --json output: $(cat "$WORK/chat.jsonl")"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
assert len(lines) == 3, len(lines)
a, b, c = lines
assert a["adapter"] == "common" and "头痛" in a["route_reason"], a
assert b["adapter"] == "chronic" and b["route_reason"] == "", b
assert a["answer"] != b["answer"] or a["tokens"] == 0, "adapters gave the same answer"
assert 0 < a["tokens"] <= 8 and a["tokens_per_second"] > 0 and a["finish_reason"] in ("eos", "max_new_tokens")
assert a["safety"]["disclaimer"], a
assert c["safety"]["emergency_notice"], c
assert any(f["kind"] == "emergency_question" for f in c["safety"]["flags"]), c
PY
# The first answer equals a one-shot generate with that adapter alone.
"$MEDLORA" generate --model "$BASE" --adapter "$WORK/common-lora" --prompt "头痛怎么办?" "${FAST[@]}" --json \
  >"$WORK/one.json" 2>"$WORK/err" || fail "generate with the adapter: $(cat "$WORK/err")"
python3 - "$WORK/chat.jsonl" "$WORK/one.json" <<'PY' || fail "chat answer differs from generate with the adapter alone"
import json, sys
first = json.loads(open(sys.argv[1], encoding="utf-8").readline())
one = json.load(open(sys.argv[2], encoding="utf-8"))
sys.exit(0 if first["answer"] == one["text"] else 1)
PY

# On a quantised base the adapters still answer, and chat agrees with generate there too.
printf '头痛怎么办?\n' \
  | "$MEDLORA" chat --model "$BASE" "${ADAPTERS[@]}" --route "$WORK/rules.json" "${FAST[@]}" --quantize nf4 --json \
    >"$WORK/chat-nf4.jsonl" 2>"$WORK/err" || fail "chat --quantize nf4: $(cat "$WORK/err")"
"$MEDLORA" generate --model "$BASE" --adapter "$WORK/common-lora" --prompt "头痛怎么办?" "${FAST[@]}" --quantize nf4 --json \
  >"$WORK/one-nf4.json" 2>"$WORK/err" || fail "generate --quantize nf4 with the adapter: $(cat "$WORK/err")"
python3 - "$WORK/chat-nf4.jsonl" "$WORK/one-nf4.json" <<'PY' || fail "chat --quantize nf4 differs from generate --quantize nf4"
import json, sys
first = json.loads(open(sys.argv[1], encoding="utf-8").readline())
one = json.load(open(sys.argv[2], encoding="utf-8"))
assert first["adapter"] == "common" and first["tokens"] > 0, first
sys.exit(0 if first["answer"] == one["text"] else 1)
PY
expect_error chat chat --model "$BASE" --quantize fp8

# Knowledge base: import a text file, search finds it, grounding puts it in front of the question.
cat >"$WORK/diabetes.txt" <<'EOF'
糖尿病患者的饮食要控制总热量,少吃甜食和精制米面,多吃蔬菜和粗粮。

Regular exercise helps people with diabetes keep their blood sugar in range.
EOF
printf 'Fever in children usually passes in three days.\n' >"$WORK/fever.md"
KB=(--workspace "$WORK/ws.medlora")
"$MEDLORA" kb import "${KB[@]}" "$WORK/diabetes.txt" "$WORK/fever.md" --json >"$WORK/import.json" 2>"$WORK/err" \
  || fail "kb import: $(cat "$WORK/err")"
python3 -c "import json,sys; o=json.load(open(sys.argv[1])); assert len(o['documents']) == 2 and o['total_passages'] >= 2, o" \
  "$WORK/import.json" || fail "kb import output: $(cat "$WORK/import.json")"
"$MEDLORA" kb search "${KB[@]}" --query "糖尿病饮食" --top-k 1 --json >"$WORK/search.json" 2>"$WORK/err" \
  || fail "kb search: $(cat "$WORK/err")"
python3 -c "import json,sys; o=json.load(open(sys.argv[1])); p=o['passages']; assert len(p) == 1 and '少吃甜食' in p[0]['text'], o" \
  "$WORK/search.json" || fail "kb search did not find the diabetes passage: $(cat "$WORK/search.json")"
"$MEDLORA" kb search "${KB[@]}" --query "exercise blood sugar" | grep -q "Regular exercise" \
  || fail "kb search (English, text output) did not find the passage"
"$MEDLORA" kb list "${KB[@]}" | grep -q "diabetes" || fail "kb list does not show the document"

# A dataset's answers as knowledge: each answer a passage titled with its question.
printf '%s\n' '{"instruction": "", "input": "高血压患者能喝咖啡吗?", "output": "高血压患者每天的咖啡不宜超过两杯。"}' \
  '{"instruction": "", "input": "Is walking good for arthritis?", "output": "Gentle walking keeps arthritic joints mobile."}' \
  >"$WORK/qa.jsonl"
"$MEDLORA" dataset import "${KB[@]}" --name qa "$WORK/qa.jsonl" >/dev/null 2>"$WORK/err" || fail "dataset import: $(cat "$WORK/err")"
"$MEDLORA" kb import "${KB[@]}" --dataset qa >"$WORK/out" 2>"$WORK/err" || fail "kb import --dataset: $(cat "$WORK/err")"
"$MEDLORA" kb search "${KB[@]}" --query "arthritis walking" --json >"$WORK/search2.json" 2>"$WORK/err" \
  || fail "kb search (dataset answers): $(cat "$WORK/err")"
python3 -c "import json,sys; p=json.load(open(sys.argv[1]))['passages']; assert p and 'Gentle walking' in p[0]['text'] and 'arthritis' in p[0]['title'], p" \
  "$WORK/search2.json" || fail "kb search did not find the dataset answer: $(cat "$WORK/search2.json")"
expect_error kb kb import "${KB[@]}" --dataset no-such-dataset

printf '糖尿病患者饮食要注意什么?\n' \
  | "$MEDLORA" chat --model "$BASE" --ground "${KB[@]}" --ground-top-k 2 "${FAST[@]}" --json >"$WORK/grounded.jsonl" 2>"$WORK/err" \
  || fail "chat --ground: $(cat "$WORK/err")"
python3 -c "
import json,sys
o=json.loads(open(sys.argv[1], encoding='utf-8').readline())
assert 1 <= len(o['passages']) <= 2 and '少吃甜食' in o['passages'][0]['text'], o" "$WORK/grounded.jsonl" \
  || fail "grounded chat did not use the passage: $(cat "$WORK/grounded.jsonl")"
printf 'x\n' | "$MEDLORA" chat --model "$BASE" --ground --workspace "$WORK/none.medlora" >/dev/null 2>"$WORK/err" \
  && fail "chat --ground on a missing workspace succeeded"

# generate --batch: 3 questions through base + common = 6 lines, then resumed = nothing new.
cat >"$WORK/questions.jsonl" <<'EOF'
{"item": "a", "question": "头痛怎么办?", "reference": "休息"}
{"item": "b", "question": "高血压患者日常需要注意什么?", "reference": ""}
{"item": "c", "question": "The patient has a fever.", "reference": "Drink water."}
EOF
BATCH=(generate --model "$BASE" --adapter "common=$WORK/common-lora" --base --batch "$WORK/questions.jsonl" --out "$WORK/answers.jsonl" "${FAST[@]}")
"$MEDLORA" "${BATCH[@]}" >"$WORK/out" 2>"$WORK/err" || fail "generate --batch: $(cat "$WORK/err")"
python3 - "$WORK/answers.jsonl" <<'PY' || fail "batch output: $(cat "$WORK/answers.jsonl")"
import json, sys, collections
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
keys = ["adapter", "answer", "finish_reason", "flags", "item", "question", "reference", "system", "tokens_per_second"]
assert all(sorted(l) == keys for l in lines), lines[0]
per_system = collections.Counter(l["system"] for l in lines)
assert per_system == {"base": 3, "common": 3}, per_system
assert [l["item"] for l in lines] == ["a", "a", "b", "b", "c", "c"]
assert all(l["adapter"] == ("common" if l["system"] == "common" else "") for l in lines)
assert lines[0]["reference"] == "休息" and isinstance(lines[0]["flags"], list)
PY
"$MEDLORA" "${BATCH[@]}" >"$WORK/out" 2>"$WORK/err" || fail "generate --batch (resume): $(cat "$WORK/err")"
[ "$(grep -c . "$WORK/answers.jsonl")" -eq 6 ] || fail "a resumed batch wrote answers again"
grep -q "0 answered, 6 already done" "$WORK/err" || fail "resume summary: $(cat "$WORK/err")"

# Every folder of a batch loads with --quantize: its base answers as generate --quantize does.
"$MEDLORA" generate --model "$BASE" --batch "$WORK/questions.jsonl" --quantize int8 "${FAST[@]}" >"$WORK/batch-int8.jsonl" \
  2>"$WORK/err" || fail "generate --batch --quantize int8: $(cat "$WORK/err")"
"$MEDLORA" generate --model "$BASE" --prompt "头痛怎么办?" --quantize int8 "${FAST[@]}" --json >"$WORK/one-int8.json" \
  2>"$WORK/err" || fail "generate --quantize int8: $(cat "$WORK/err")"
python3 - "$WORK/batch-int8.jsonl" "$WORK/one-int8.json" <<'PY' || fail "batch --quantize int8 differs from generate --quantize int8"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
assert [l["system"] for l in lines] == ["base"] * 3, lines
sys.exit(0 if lines[0]["answer"] == json.load(open(sys.argv[2], encoding="utf-8"))["text"] else 1)
PY

# A plain-text question file, routed: one configuration "routed".
printf '头痛怎么办?\n糖尿病能吃糖吗?\n咳嗽\n' >"$WORK/questions.txt"
"$MEDLORA" generate --model "$BASE" "${ADAPTERS[@]}" --route "$WORK/rules.json" --batch "$WORK/questions.txt" "${FAST[@]}" \
  >"$WORK/routed.jsonl" 2>"$WORK/err" || fail "generate --batch --route: $(cat "$WORK/err")"
python3 - "$WORK/routed.jsonl" <<'PY' || fail "routed batch: $(cat "$WORK/routed.jsonl")"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
assert [l["system"] for l in lines] == ["routed"] * 3
assert [l["adapter"] for l in lines] == ["common", "chronic", ""], [l["adapter"] for l in lines]
assert [l["item"] for l in lines] == ["q1", "q2", "q3"]
PY

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all chat/kb/batch CLI checks passed"
