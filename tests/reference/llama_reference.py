#!/usr/bin/env python3
"""An independent forward pass in plain PyTorch, written from HF transformers' semantics of
LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM and Qwen3ForCausalLM (rotate_half RoPE
with default/linear/llama3 frequencies, repeat_kv GQA, RMSNorm in float32, SwiGLU, tied
embeddings), to check the C++ decoder against. What differs by model_type:
  llama:   attention_bias puts a bias on q/k/v/o, mlp_bias on gate/up/down;
  mistral: no biases; sliding_window (when not null) limits every layer's attention;
  qwen2:   q/k/v always have a bias, o_proj none; use_sliding_window + sliding_window limit
           the layers from max_window_layers on (or those layer_types marks "sliding_attention");
  qwen3:   attention_bias on q/k/v/o; q_norm/k_norm (RMSNorm over head_dim) on every query and
           key head after the projection, before RoPE; head_dim from config (default 128);
           sliding window as qwen2.
The weights are read as float32 whatever the file stores. The bias and norm tensors a type
needs are required: a missing one is a KeyError, not a silently skipped term.

usage: llama_reference.py MODEL_DIR --ids 1,5,9 [--greedy N]
prints JSON: {"logits": [[...] per position], "logprobs": [...], "greedy_ids": [...]}
"""
import argparse
import json
import math
import struct
import sys

import torch

DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "F64": torch.float64}


def read_safetensors(path):
    with open(path, "rb") as f:
        blob = f.read()
    (header_len,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + header_len])
    base = 8 + header_len
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        dtype = DTYPES[info["dtype"]]
        raw = bytearray(blob[base + begin:base + end])
        t = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        tensors[name] = t.reshape(info["shape"]).to(torch.float32)
    return tensors


def load_weights(model_dir):
    import os
    index = os.path.join(model_dir, "model.safetensors.index.json")
    if os.path.exists(index):
        with open(index) as f:
            files = sorted(set(json.load(f)["weight_map"].values()))
    else:
        files = ["model.safetensors"]
    weights = {}
    for name in files:
        weights.update(read_safetensors(os.path.join(model_dir, name)))
    return weights


def inv_frequencies(cfg, head_dim):
    theta = cfg.get("rope_theta", 10000.0)
    inv_freq = 1.0 / (theta ** (torch.arange(0, head_dim, 2, dtype=torch.int64).float() / head_dim))
    scaling = cfg.get("rope_scaling") or {}
    kind = scaling.get("rope_type", scaling.get("type", "default"))
    if kind == "linear":
        inv_freq = inv_freq / scaling["factor"]
    elif kind == "llama3":
        factor = scaling["factor"]
        low, high = scaling.get("low_freq_factor", 1.0), scaling.get("high_freq_factor", 4.0)
        old = scaling.get("original_max_position_embeddings", 8192)
        wavelen = 2 * math.pi / inv_freq
        scaled = torch.where(wavelen > old / low, inv_freq / factor, inv_freq)
        smooth = (old / wavelen - low) / (high - low)
        smoothed = (1 - smooth) * scaled / factor + smooth * scaled
        medium = ~(wavelen < old / high) & ~(wavelen > old / low)
        inv_freq = torch.where(medium, smoothed, scaled)
    elif kind != "default":
        raise SystemExit("rope type %r is not implemented in the reference" % kind)
    return inv_freq


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def rms_norm(x, weight, eps):
    dtype = x.dtype
    h = x.to(torch.float32)
    h = h * torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + eps)
    return weight * h.to(dtype)


def repeat_kv(x, n_rep):
    b, kv, t, d = x.shape
    if n_rep == 1:
        return x
    return x[:, :, None, :, :].expand(b, kv, n_rep, t, d).reshape(b, kv * n_rep, t, d)


def biases(cfg):
    """(q/k/v have a bias, o_proj has one, the MLP has them) for the config's model type."""
    kind = cfg["model_type"]
    if kind == "qwen2":
        return True, False, False
    if kind == "mistral":
        return False, False, False
    attention = bool(cfg.get("attention_bias", False))
    return attention, attention, kind == "llama" and bool(cfg.get("mlp_bias", False))


def layer_window(cfg, layer):
    """Sliding-window size of a layer (a query sees keys with position > its own - window)."""
    kind = cfg["model_type"]
    window = cfg.get("sliding_window", 4096) if kind != "llama" else None
    if kind == "mistral" or window is None:
        return window
    if not cfg.get("use_sliding_window", False):
        return None
    types = cfg.get("layer_types")
    if types:
        return window if types[layer] == "sliding_attention" else None
    return window if layer >= cfg.get("max_window_layers", 28) else None


def forward(cfg, w, ids):
    kind = cfg["model_type"]
    assert kind in ("llama", "mistral", "qwen2", "qwen3"), kind
    hidden = cfg["hidden_size"]
    heads = cfg["num_attention_heads"]
    kv_heads = cfg.get("num_key_value_heads", heads)
    head_dim = cfg.get("head_dim") or (128 if kind == "qwen3" else hidden // heads)
    eps = cfg.get("rms_norm_eps", 1e-6)
    qkv_bias, o_bias, mlp_bias = biases(cfg)
    x = w["model.embed_tokens.weight"][torch.tensor([ids])]
    t = len(ids)
    inv_freq = inv_frequencies(cfg, head_dim)
    positions = torch.arange(t, dtype=torch.float32)
    freqs = (inv_freq[:, None] @ positions[None, :]).transpose(0, 1)
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos(), emb.sin()
    causal = torch.full((t, t), float("-inf")).triu(1)
    query_pos = torch.arange(t)[:, None]
    key_pos = torch.arange(t)[None, :]

    def linear(h, name, bias):
        out = h @ w[name + ".weight"].T
        if bias:
            return out + w[name + ".bias"]
        assert name + ".bias" not in w, name + ".bias is in the checkpoint but " + kind + " has none there"
        return out

    for i in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{i}."
        h = rms_norm(x, w[p + "input_layernorm.weight"], eps)
        q = linear(h, p + "self_attn.q_proj", qkv_bias).view(1, t, heads, head_dim)
        k = linear(h, p + "self_attn.k_proj", qkv_bias).view(1, t, kv_heads, head_dim)
        v = linear(h, p + "self_attn.v_proj", qkv_bias).view(1, t, kv_heads, head_dim).transpose(1, 2)
        if kind == "qwen3":
            q = rms_norm(q, w[p + "self_attn.q_norm.weight"], eps)
            k = rms_norm(k, w[p + "self_attn.k_norm.weight"], eps)
        q, k = q.transpose(1, 2), k.transpose(1, 2)
        mask = causal
        window = layer_window(cfg, i)
        if window is not None:
            mask = causal.masked_fill(key_pos <= query_pos - window, float("-inf"))
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k, v = repeat_kv(k, heads // kv_heads), repeat_kv(v, heads // kv_heads)
        scores = q @ k.transpose(2, 3) / math.sqrt(head_dim) + mask
        probs = torch.softmax(scores.float(), dim=-1).to(q.dtype)
        ctx = (probs @ v).transpose(1, 2).reshape(1, t, heads * head_dim)
        x = x + linear(ctx, p + "self_attn.o_proj", o_bias)
        h = rms_norm(x, w[p + "post_attention_layernorm.weight"], eps)
        gate = linear(h, p + "mlp.gate_proj", mlp_bias)
        up = linear(h, p + "mlp.up_proj", mlp_bias)
        x = x + linear(torch.nn.functional.silu(gate) * up, p + "mlp.down_proj", mlp_bias)
    x = rms_norm(x, w["model.norm.weight"], eps)
    head = w["model.embed_tokens.weight"] if cfg.get("tie_word_embeddings", False) else w["lm_head.weight"]
    return (x @ head.T).float()[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model_dir")
    parser.add_argument("--ids", required=True)
    parser.add_argument("--greedy", type=int, default=0)
    args = parser.parse_args()
    with open(f"{args.model_dir}/config.json") as f:
        cfg = json.load(f)
    weights = load_weights(args.model_dir)
    ids = [int(s) for s in args.ids.split(",")]
    with torch.no_grad():
        logits = forward(cfg, weights, ids)
        logprobs = torch.log_softmax(logits, dim=-1)
        scored = [logprobs[i, ids[i + 1]].item() for i in range(len(ids) - 1)]
        eos = cfg.get("eos_token_id", 2)
        eos = set(eos if isinstance(eos, list) else [eos])
        seq = list(ids)
        greedy = []
        for _ in range(args.greedy):
            nxt = int(forward(cfg, weights, seq)[-1].argmax())
            if nxt in eos:
                break
            greedy.append(nxt)
            seq.append(nxt)
    json.dump({"logits": logits.tolist(), "logprobs": scored, "greedy_ids": greedy}, sys.stdout)


if __name__ == "__main__":
    main()
