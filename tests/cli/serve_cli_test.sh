#!/usr/bin/env bash
# medlora serve end to end on a free loopback port: keys made with `medlora serve key`, then the
# HTTP checks of serve_checks.py (401, streaming, cache, routing, 429, 503, disconnect, metrics),
# then SIGTERM drains and exits 0, and a revoked key is refused.
# usage: serve_cli_test.sh BUILD_BIN_DIR
set -u
BIN="${1:?usage: $0 BUILD_BIN_DIR}"
MEDLORA="$BIN/medlora"
HERE="$(cd "$(dirname "$0")" && pwd)"
export MEDLORA_THREADS=1
WORK="$(mktemp -d)"
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
field() { /usr/bin/python3 -c "import json,sys; o=json.loads(sys.argv[1]); print($2)" "$1"; }

MODEL="$WORK/tiny"
if ! MEDLORA_SERVE_FIXTURE_DIR="$WORK" "$BIN/test_core_serve" --gtest_filter='ServeFixture.WriteModelAndAdapter' \
     >"$WORK/fixture.log" 2>&1 || [ ! -f "$MODEL/config.json" ]; then
  cat "$WORK/fixture.log"; echo "FAIL: could not make the tiny model"; exit 1
fi
W="$WORK/w.mlw"
"$MEDLORA" serve key create --workspace "$W" >/dev/null 2>"$WORK/err" && fail "key create without --name worked"
key="$("$MEDLORA" serve key create --workspace "$W" --name app 2>"$WORK/err")" || fail "key create: $(cat "$WORK/err")"
KEY="$(field "$key" "o['key']")"
limited="$("$MEDLORA" serve key create --workspace "$W" --name limited --rpm 1 2>"$WORK/err")" || fail "key create: $(cat "$WORK/err")"
LIMITED="$(field "$limited" "o['key']")"
"$MEDLORA" serve key list --workspace "$W" | grep -q '"name":"limited".*"rpm":1' || fail "key list"
"$MEDLORA" serve key list --workspace "$W" | grep -q "$KEY" && fail "key list shows the key itself"
echo '{"version": 1, "default": "", "rules": [{"adapter": "x", "keywords": ["胸痛"]}]}' > "$WORK/rules.json"
"$MEDLORA" serve --model "$MODEL" --port 99999 >/dev/null 2>"$WORK/err" && fail "port 99999 accepted"

"$MEDLORA" serve --model "$MODEL" --adapter "x=$WORK/adapter-x" --route "$WORK/rules.json" --workspace "$W" \
  --port 0 --max-batch 1 --max-queue 1 >"$WORK/out" 2>"$WORK/server.err" &
SERVER=$!
for _ in $(seq 1 300); do grep -q listening "$WORK/out" && break; sleep 0.1; done
line="$(head -1 "$WORK/out")"
URL="$(field "$line" "o['url']")" || { cat "$WORK/server.err"; echo "FAIL: server did not start"; exit 1; }
case "$URL" in http://127.0.0.1:*) ;; *) fail "url $URL" ;; esac

/usr/bin/python3 "$HERE/serve_checks.py" "$URL" "$KEY" "$LIMITED" "$MODEL" || fail "HTTP checks"

"$MEDLORA" serve key revoke --workspace "$W" --name app >/dev/null || fail "revoke"
code="$(/usr/bin/python3 -c "
import urllib.request,sys
r=urllib.request.Request(sys.argv[1]+'/v1/models',headers={'Authorization':'Bearer '+sys.argv[2]})
try: urllib.request.urlopen(r); print(200)
except urllib.error.HTTPError as e: print(e.code)" "$URL" "$KEY")"
[ "$code" = 401 ] || fail "a revoked key still works ($code)"

kill -TERM "$SERVER"
wait "$SERVER"; rc=$?
SERVER=""
[ "$rc" -eq 0 ] || fail "SIGTERM: exit status $rc ($(cat "$WORK/server.err"))"

# A quantised base serves the same API: one greedy answer, equal to generate --quantize's.
"$MEDLORA" serve --model "$MODEL" --quantize int3 --port 0 >/dev/null 2>"$WORK/err" && fail "serve --quantize int3 accepted"
key="$("$MEDLORA" serve key create --workspace "$W" --name quantised 2>"$WORK/err")" || fail "key create: $(cat "$WORK/err")"
"$MEDLORA" serve --model "$MODEL" --quantize nf4 --workspace "$W" --port 0 >"$WORK/out-nf4" 2>"$WORK/server-nf4.err" &
SERVER=$!
for _ in $(seq 1 300); do grep -q listening "$WORK/out-nf4" && break; sleep 0.1; done
URL="$(field "$(head -1 "$WORK/out-nf4")" "o['url']")" || fail "serve --quantize nf4 did not start: $(cat "$WORK/server-nf4.err")"
"$MEDLORA" generate --model "$MODEL" --quantize nf4 --prompt "头痛怎么办" --temperature 0 --max-new-tokens 8 --json \
  >"$WORK/gen-nf4.json" 2>"$WORK/err" || fail "generate --quantize nf4: $(cat "$WORK/err")"
/usr/bin/python3 - "$URL" "$(field "$key" "o['key']")" "$WORK/gen-nf4.json" <<'PY' || fail "serve --quantize nf4 answer"
import json, sys, urllib.request
url, key, expected = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3], encoding="utf-8"))["text"]
body = {"model": "tiny", "messages": [{"role": "user", "content": "头痛怎么办"}], "temperature": 0, "max_tokens": 8}
req = urllib.request.Request(url + "/v1/chat/completions", data=json.dumps(body).encode(),
                             headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
answer = json.load(urllib.request.urlopen(req, timeout=120))["choices"][0]["message"]["content"]
assert answer == expected, (answer, expected)
PY
kill -TERM "$SERVER"
wait "$SERVER" || fail "serve --quantize nf4: SIGTERM exit status $?"
SERVER=""

echo "$failures failure(s)"
[ "$failures" -eq 0 ] && echo "all serve CLI checks passed"
exit $((failures > 0))
