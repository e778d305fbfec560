"""HTTP checks of a running `medlora serve` (driven by serve_cli_test.sh): keys, 401, streaming
exactly as OpenAI streams, the cache, routing, 429 with Retry-After, 503 when the queue is full,
a client that disconnects, and /metrics. usage: serve_checks.py URL KEY LIMITED_KEY MODEL_DIR"""
import json
import socket
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

URL, KEY, LIMITED, MODEL_DIR = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
with open(MODEL_DIR + "/config.json") as f:
    EOS = json.load(f)["eos_token_id"]
EOS_IDS = EOS if isinstance(EOS, list) else [EOS]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def call(path, body=None, key=KEY):
    req = urllib.request.Request(URL + path, data=None if body is None else json.dumps(body).encode())
    if key:
        req.add_header("Authorization", "Bearer " + key)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


def chat(question, model="tiny", **extra):
    body = {"model": model, "messages": [{"role": "user", "content": question}], "temperature": 0, "max_tokens": 8}
    body.update(extra)
    return body


status, _, text = call("/health", key=None)
check(status == 200 and json.loads(text)["status"] == "ok", "health: %s %s" % (status, text))
status, _, text = call("/v1/models", key=None)
check(status == 401 and json.loads(text)["error"]["code"] == "invalid_api_key", "401 without a key: %s" % text)
status, _, _ = call("/v1/chat/completions", chat("头痛"), key="mlk-wrong")
check(status == 401, "401 for an unknown key: %s" % status)
status, _, text = call("/v1/models")
ids = [m["id"] for m in json.loads(text)["data"]]
check(ids == ["tiny", "x", "route"], "models: %s" % ids)

status, _, text = call("/v1/chat/completions", chat("头痛怎么办"))
check(status == 200, "chat: %s %s" % (status, text))
plain = json.loads(text)
check(plain["object"] == "chat.completion" and plain["choices"][0]["message"]["role"] == "assistant", "shape: %s" % text)
check(plain["usage"]["completion_tokens"] > 0 and plain["medlora"]["cached"] is False, "usage/cached: %s" % text)

# Streaming with the same greedy request: OpenAI's chunk sequence, same text, from the cache.
req = urllib.request.Request(URL + "/v1/chat/completions", data=json.dumps(chat("头痛怎么办", stream=True)).encode())
req.add_header("Authorization", "Bearer " + KEY)
with urllib.request.urlopen(req, timeout=120) as r:
    check(r.headers.get("Content-Type", "").startswith("text/event-stream"), "stream content type")
    events = [line[len("data: "):] for line in r.read().decode().split("\n\n") if line.startswith("data: ")]
check(events[-1] == "[DONE]", "stream ends with [DONE]: %s" % events[-1:])
chunks = [json.loads(e) for e in events[:-1]]
check(all(c["object"] == "chat.completion.chunk" for c in chunks), "chunk objects")
check(chunks[0]["choices"][0]["delta"].get("role") == "assistant", "first delta has the role")
check(chunks[-1]["choices"][0]["finish_reason"] in ("stop", "length"), "last chunk finishes")
streamed = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
check(streamed == plain["choices"][0]["message"]["content"], "streamed %r != %r" % (streamed, plain["choices"][0]["message"]["content"]))
check(chunks[-1]["medlora"]["cached"] is True, "the identical greedy request came from the cache")

# Streaming, not cached (a seed the cache has not seen): pieces arrive one by one.
req = urllib.request.Request(URL + "/v1/completions",
                             data=json.dumps({"model": "tiny", "prompt": "发烧", "max_tokens": 6, "seed": 5, "stream": True}).encode())
req.add_header("Authorization", "Bearer " + KEY)
with urllib.request.urlopen(req, timeout=120) as r:
    events = [line[6:] for line in r.read().decode().split("\n\n") if line.startswith("data: ")]
check(events[-1] == "[DONE]" and json.loads(events[0])["object"] == "text_completion", "completions stream: %s" % events[:2])

# Routing: the default rules send 胸痛 to "emergency"... here rules map 胸痛 to adapter x.
status, _, text = call("/v1/chat/completions", chat("胸痛", model="route"))
body = json.loads(text)
check(status == 200 and body["medlora"]["adapter"] == "x" and "胸痛" in body["medlora"]["route_reason"], "route: %s" % text)
status, _, text = call("/v1/chat/completions", chat("头痛", model="route"))
check(json.loads(text)["medlora"]["adapter"] == "base", "route default: %s" % text)
check(json.loads(text)["medlora"]["safety"] is not None, "safety report in the reply")

# 429 past the limit (rpm 1), with Retry-After.
status, _, _ = call("/v1/chat/completions", chat("感冒", max_tokens=2), key=LIMITED)
check(status == 200, "first limited request: %s" % status)
status, headers, text = call("/v1/chat/completions", chat("感冒", max_tokens=2), key=LIMITED)
check(status == 429 and int(headers.get("Retry-After", "0")) >= 1, "429 with Retry-After: %s %s %s" % (status, headers, text))


# A long stream that the client abandons: the sequence stops; meanwhile the queue is full (503).
# logit_bias bans the end of sequence, so the long stream lasts until its client leaves (a random
# model samples EOS within a second otherwise).
def raw_stream(max_tokens):
    u = urllib.parse.urlparse(URL)
    s = socket.create_connection((u.hostname, u.port))
    body = json.dumps(chat("糖尿病", max_tokens=max_tokens, stream=True, seed=1, temperature=1,
                           logit_bias={str(i): -100 for i in EOS_IDS})).encode()
    s.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + KEY.encode() +
              b"\r\nContent-Type: application/json\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    return s


long_stream = raw_stream(100000)
long_stream.settimeout(60)
first = b""
while b"chat.completion.chunk" not in first:  # the headers and the first chunk may come apart
    part = long_stream.recv(4096)
    if not part:
        break
    first += part
check(b"chat.completion.chunk" in first, "long stream started: %r" % first[:200])
queued = raw_stream(4)  # waits for the batch (max-batch 1, max-queue 1)
import time
# The queue is full once the server says so (a loaded machine may take a while to read the request).
deadline = time.time() + 60
queue_full = False
while time.time() < deadline and not queue_full:
    _, _, metrics = call("/metrics")
    queue_full = "\nmedlora_queue_length 1" in "\n" + metrics
    time.sleep(0.05)
check(queue_full, "the second stream waits in the queue (/metrics)")
status, headers, text = call("/v1/chat/completions", chat("高血压"))
check(status == 503 and json.loads(text)["error"]["code"] == "overloaded", "503 when the queue is full: %s %s" % (status, text))
long_stream.close()  # the client goes away
data = b""
queued.settimeout(60)
while b"data: [DONE]" not in data:
    piece = queued.recv(4096)
    if not piece:
        break
    data += piece
check(b"data: [DONE]" in data, "the queued request ran once the abandoned one stopped: %r" % data[-300:])
queued.close()
status, _, text = call("/metrics", key=None)
completion_tokens = [float(l.split()[1]) for l in text.splitlines() if l.startswith("medlora_completion_tokens_total")]
check(completion_tokens and completion_tokens[0] < 100000, "the abandoned sequence stopped early: %s" % completion_tokens)
for name in ("medlora_requests_total{", "medlora_request_duration_seconds_bucket", "medlora_queue_length",
             "medlora_cache_hits_total 1", "medlora_time_to_first_token_seconds_count"):
    check(name in text, "metrics has %s" % name)

print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
