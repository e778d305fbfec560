#!/usr/bin/env bash
# medlora export: error paths and a happy path on a tiny model folder and PEFT adapters that
# this script writes itself (Python standard library only: safetensors is a JSON header + bytes).
set -u
BIN="${1:?usage: export_cli_test.sh BUILD/bin}"
MEDLORA="$BIN/medlora"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi; }

python3 - "$WORK" <<'PY'
import json, os, random, struct, sys
work = sys.argv[1]
random.seed(1)
V, D, F, L, H, KV, HD = 64, 32, 48, 2, 4, 2, 8

def save(path, tensors, meta=None):
    header, blobs, off = {}, [], 0
    for name in sorted(tensors):
        shape, values = tensors[name]
        data = struct.pack("<%df" % len(values), *values)
        header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [off, off + len(data)]}
        blobs.append(data); off += len(data)
    if meta: header["__metadata__"] = meta
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text))); f.write(text)
        for b in blobs: f.write(b)

def rand(*shape, scale=0.02):
    n = 1
    for s in shape: n *= s
    return (list(shape), [random.gauss(0, scale) for _ in range(n)])

def ones(n): return ([n], [1.0] * n)

def zeros(*shape):
    n = 1
    for s in shape: n *= s
    return (list(shape), [0.0] * n)

base = os.path.join(work, "tiny-base"); os.makedirs(base)
json.dump({"architectures": ["LlamaForCausalLM"], "model_type": "llama", "vocab_size": V, "hidden_size": D,
           "intermediate_size": F, "num_hidden_layers": L, "num_attention_heads": H, "num_key_value_heads": KV,
           "head_dim": HD, "max_position_embeddings": 64, "rms_norm_eps": 1e-6, "tie_word_embeddings": False,
           "torch_dtype": "float32", "bos_token_id": 1, "eos_token_id": 2}, open(os.path.join(base, "config.json"), "w"))
json.dump({"model_max_length": 64}, open(os.path.join(base, "tokenizer_config.json"), "w"))
open(os.path.join(base, "tokenizer.model"), "wb").write(b"placeholder tokenizer bytes")
t = {"model.embed_tokens.weight": rand(V, D), "model.norm.weight": ones(D), "lm_head.weight": rand(V, D)}
shapes = {"self_attn.q_proj": (H * HD, D), "self_attn.k_proj": (KV * HD, D), "self_attn.v_proj": (KV * HD, D),
          "self_attn.o_proj": (D, H * HD), "mlp.gate_proj": (F, D), "mlp.up_proj": (F, D), "mlp.down_proj": (D, F)}
for i in range(L):
    p = "model.layers.%d." % i
    t[p + "input_layernorm.weight"] = ones(D); t[p + "post_attention_layernorm.weight"] = ones(D)
    for name, (o, n) in shapes.items(): t[p + name + ".weight"] = rand(o, n)
save(os.path.join(base, "model.safetensors"), t, {"format": "pt"})

def adapter(name, r, trained, rows=None):
    d = os.path.join(work, name); os.makedirs(d)
    json.dump({"peft_type": "LORA", "task_type": "CAUSAL_LM", "r": r, "lora_alpha": 2 * r, "lora_dropout": 0.05,
               "target_modules": ["q_proj", "v_proj"], "modules_to_save": None, "bias": "none",
               "use_rslora": False, "base_model_name_or_path": "tiny-base"}, open(os.path.join(d, "adapter_config.json"), "w"))
    a = {}
    for i in range(L):
        for proj, out in (("q_proj", H * HD), ("v_proj", KV * HD)):
            k = "base_model.model.model.layers.%d.self_attn.%s." % (i, proj)
            a[k + "lora_A.weight"] = rand(r, rows or D, scale=0.2)
            a[k + "lora_B.weight"] = rand(out, r, scale=0.2) if trained else zeros(out, r)
    save(os.path.join(d, "adapter_model.safetensors"), a, {"format": "pt"})

adapter("adapter", 4, True)
adapter("untrained", 4, False)
adapter("wrong-shape", 4, True, rows=D + 8)
PY
[ $? -eq 0 ] || { echo "FAIL: could not write the fixtures"; exit 1; }

out=$("$MEDLORA" export --help 2>&1); rc=$?
check "--help exits 0 and names --merged-out" '[ $rc -eq 0 ] && grep -q -- "--merged-out" <<<"$out"'

out=$("$MEDLORA" export --base "$WORK/tiny-base" --adapter "$WORK/adapter" 2>&1); rc=$?
check "missing output is a usage error" '[ $rc -eq 2 ] && grep -q -- "give exactly one of --merged-out DIR, --gguf FILE and --gguf-lora FILE" <<<"$out"'

out=$("$MEDLORA" export --base "$WORK/none" --adapter "$WORK/adapter" --merged-out "$WORK/m0" 2>&1); rc=$?
check "a missing base folder is refused" '[ $rc -ne 0 ] && grep -q "not an HF model folder" <<<"$out" && [ ! -e "$WORK/m0" ]'

out=$("$MEDLORA" export --base "$WORK/tiny-base" --adapter "$WORK/none" --merged-out "$WORK/m0" 2>&1); rc=$?
check "a missing adapter folder is refused" '[ $rc -ne 0 ] && grep -q "no such adapter folder" <<<"$out" && [ ! -e "$WORK/m0" ]'

out=$("$MEDLORA" export --base "$WORK/tiny-base" --adapter "$WORK/wrong-shape" --merged-out "$WORK/m0" 2>&1); rc=$?
check "an adapter for another hidden size is refused" '[ $rc -ne 0 ] && grep -q "different base model" <<<"$out" && [ ! -e "$WORK/m0" ]'

out=$("$MEDLORA" export --base "$WORK/tiny-base" --adapter "$WORK/untrained" --merged-out "$WORK/m0" 2>&1); rc=$?
check "an identity adapter is refused" '[ $rc -ne 0 ] && grep -q -- "--allow-identity" <<<"$out" && [ ! -e "$WORK/m0" ]'

out=$("$MEDLORA" export --base "$WORK/tiny-base" --adapter "$WORK/untrained" --merged-out "$WORK/m0" --allow-identity 2>&1); rc=$?
check "--allow-identity writes it anyway" '[ $rc -eq 0 ] && [ -f "$WORK/m0/model.safetensors" ]'

out=$("$MEDLORA" export --base "$WORK/tiny-base" --adapter "$WORK/adapter" --merged-out "$WORK/merged" --threads 1 2>&1); rc=$?
echo "$out"
check "happy path exits 0" '[ $rc -eq 0 ] && grep -q "merged 4 LoRA projections" <<<"$out"'
check "merged folder has config, weights and tokenizer files" \
  '[ -f "$WORK/merged/config.json" ] && [ -f "$WORK/merged/model.safetensors" ] && cmp -s "$WORK/merged/tokenizer.model" "$WORK/tiny-base/tokenizer.model" && [ -f "$WORK/merged/tokenizer_config.json" ]'
check "merged weights differ from the base" '! cmp -s "$WORK/merged/model.safetensors" "$WORK/tiny-base/model.safetensors"'
check "no staging folder is left behind" '[ -z "$(ls "$WORK" | grep -i tmp)" ]'

out=$("$MEDLORA" export --base "$WORK/tiny-base" --adapter "$WORK/adapter" --merged-out "$WORK/merged" 2>&1); rc=$?
check "an existing non-empty output folder is refused" '[ $rc -ne 0 ] && grep -q "not empty" <<<"$out"'

out=$("$MEDLORA" export --base "$WORK/tiny-base" --adapter "$WORK/adapter" --merged-out "$WORK/m16" --dtype bfloat16 2>&1); rc=$?
check "--dtype bfloat16 is written into config.json" '[ $rc -eq 0 ] && grep -q "\"torch_dtype\": *\"bfloat16\"" "$WORK/m16/config.json"'

out=$("$MEDLORA" export --base "$WORK/tiny-base" --adapter "$WORK/adapter" --merged-out "$WORK/m17" --dtype int8 2>&1); rc=$?
check "a bad --dtype is refused" '[ $rc -ne 0 ] && [ ! -e "$WORK/m17" ]'

if [ $failures -ne 0 ]; then echo "$failures check(s) failed"; exit 1; fi
echo "all export CLI checks passed"
