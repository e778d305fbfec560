#!/usr/bin/env bash
# medlora review stats: a scores CSV holding two published examples as two axes, checked against
# the published values and an independent Python computation; plus the error paths.
#   axis "accuracy": Krippendorff (2011) reliability data, 4 observers x 12 units with missing
#     values (alpha ordinal 0.815, interval 0.849);
#   axis "clarity, overall" (quoted in the CSV): Shrout & Fleiss (1979) Table 2, 6 targets x 4
#     judges (ICC(2,1) 0.29, ICC(2,4) 0.62).
set -u
BIN="${1:?usage: review_stats_cli_test.sh BUILD/bin}"
MEDLORA="$BIN/medlora"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi; }

python3 - "$WORK/scores.csv" <<'PY'
import sys
rows = ["item,reviewer,axis,score"]
m = None
krippendorff = [[1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m],
                [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3],
                [m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m],
                [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m]]
for r, observer in enumerate(krippendorff):
    for u, v in enumerate(observer):
        rows.append(f"u{u + 1},obs{r},accuracy,{'' if v is None else v}")
shrout_fleiss = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
for i, row in enumerate(shrout_fleiss):
    for j, v in enumerate(row):
        rows.append(f't{i + 1},judge{j},"clarity, overall",{v}')
open(sys.argv[1], "w").write("\r\n".join(rows) + "\r\n")
PY

"$MEDLORA" review stats --scores "$WORK/scores.csv" --json > "$WORK/out.json" 2> "$WORK/err.txt"
check "review stats --json exits 0" '[ $? -eq 0 ]'
check "the JSON matches the published values and an independent computation" \
  'python3 - "$WORK/out.json" "$WORK/scores.csv" <<'"'"'PY'"'"'
import csv, json, sys
out = json.load(open(sys.argv[1]))
assert set(out) == {"axes"}, out
axes = out["axes"]
assert set(axes) == {"accuracy", "clarity, overall"}, axes.keys()
keys = {"n_items", "mean", "krippendorff_alpha_ordinal", "krippendorff_alpha_interval", "icc2_1", "icc2_k"}
for name, axis in axes.items():
    assert set(axis) == keys, (name, axis)

# Independent recomputation from the CSV: mean, items, ICC(2,1)/(2,k) on complete rows.
scores = {}
for row in csv.DictReader(open(sys.argv[2], newline="")):
    if row["score"].strip():
        scores.setdefault(row["axis"], {}).setdefault(row["item"], {})[row["reviewer"]] = float(row["score"])
def icc(rows):
    n, k = len(rows), len(rows[0])
    grand = sum(map(sum, rows)) / (n * k)
    bss = k * sum((sum(r) / k - grand) ** 2 for r in rows)
    jss = n * sum((sum(r[j] for r in rows) / n - grand) ** 2 for j in range(k))
    tss = sum((v - grand) ** 2 for r in rows for v in r)
    bms, jms, ems = bss / (n - 1), jss / (k - 1), (tss - bss - jss) / ((n - 1) * (k - 1))
    return (bms - ems) / (bms + (k - 1) * ems + k * (jms - ems) / n), (bms - ems) / (bms + (jms - ems) / n)
for name, items in scores.items():
    values = [v for item in items.values() for v in item.values()]
    raters = sorted({r for item in items.values() for r in item})
    complete = [[item[r] for r in raters] for item in items.values() if len(item) == len(raters)]
    icc21, icc2k = icc(complete)
    got = axes[name]
    assert got["n_items"] == len(items), (name, got)
    assert abs(got["mean"] - sum(values) / len(values)) < 1e-9, (name, got)
    assert abs(got["icc2_1"] - icc21) < 1e-9 and abs(got["icc2_k"] - icc2k) < 1e-9, (name, got, icc21, icc2k)

acc, sf = axes["accuracy"], axes["clarity, overall"]
assert acc["n_items"] == 12
assert abs(acc["krippendorff_alpha_ordinal"] - 0.815) < 5e-4, acc
assert abs(acc["krippendorff_alpha_interval"] - 0.849) < 5e-4, acc
assert sf["n_items"] == 6
assert abs(sf["icc2_1"] - 0.29) < 5e-3 and abs(sf["icc2_k"] - 0.62) < 5e-3, sf
PY'

"$MEDLORA" review stats --scores "$WORK/scores.csv" > "$WORK/table.txt" 2>&1
check "the readable table exits 0 and lists both axes with alpha" \
  '[ $? -eq 0 ] && grep -q "^accuracy .*0.815" "$WORK/table.txt" && grep -q "^clarity, overall" "$WORK/table.txt"'

printf 'item,reviewer,axis,score\nq1,ann,accuracy,\nq1,bob,accuracy,4\n' > "$WORK/one.csv"
"$MEDLORA" review stats --scores "$WORK/one.csv" --json > "$WORK/one.json"
check "a lone score gives null agreement, not a crash" \
  'python3 -c "import json,sys; a=json.load(open(sys.argv[1]))[\"axes\"][\"accuracy\"]; assert a[\"n_items\"]==1 and a[\"mean\"]==4 and a[\"krippendorff_alpha_ordinal\"] is None and a[\"icc2_1\"] is None, a" "$WORK/one.json"'

printf 'item,reviewer,axis,score\nq1,ann,accuracy,4\nq2,ann,accuracy,good\n' > "$WORK/bad.csv"
"$MEDLORA" review stats --scores "$WORK/bad.csv" --json > /dev/null 2> "$WORK/bad.txt"
check "a non-numeric score fails with exit 2 naming the line" '[ $? -eq 2 ] && grep -q "line 3" "$WORK/bad.txt"'

printf 'item,reviewer,score\nq1,ann,4\n' > "$WORK/header.csv"
"$MEDLORA" review stats --scores "$WORK/header.csv" 2> "$WORK/header.txt"
check "a missing column is named" '[ $? -eq 2 ] && grep -q "missing: axis" "$WORK/header.txt"'

"$MEDLORA" review stats --scores "$WORK/absent.csv" 2> "$WORK/absent.txt"
check "a missing file fails with exit 2" '[ $? -eq 2 ] && grep -q "absent.csv" "$WORK/absent.txt"'

"$MEDLORA" review stats 2> /dev/null
check "--scores is required" '[ $? -eq 2 ]'

if [ "$failures" -ne 0 ]; then echo "$failures check(s) failed"; exit 1; fi
echo "all review stats checks passed"
