#!/usr/bin/env python3
"""An independent LLaMA forward pass in plain PyTorch, written from HF transformers'
LlamaForCausalLM semantics (rotate_half RoPE, repeat_kv GQA, RMSNorm in float32, SwiGLU,
tied embeddings), to check the C++ decoder against.

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


def forward(cfg, w, ids):
    hidden = cfg["hidden_size"]
    heads = cfg["num_attention_heads"]
    kv_heads = cfg.get("num_key_value_heads", heads)
    head_dim = cfg.get("head_dim", hidden // heads)
    eps = cfg.get("rms_norm_eps", 1e-6)
    x = w["model.embed_tokens.weight"][torch.tensor([ids])]
    t = len(ids)
    inv_freq = inv_frequencies(cfg, head_dim)
    positions = torch.arange(t, dtype=torch.float32)
    freqs = (inv_freq[:, None] @ positions[None, :]).transpose(0, 1)
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos(), emb.sin()
    mask = torch.full((t, t), float("-inf")).triu(1)

    def linear(h, name):
        out = h @ w[name + ".weight"].T
        return out + w[name + ".bias"] if name + ".bias" in w else out

    for i in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{i}."
        h = rms_norm(x, w[p + "input_layernorm.weight"], eps)
        q = linear(h, p + "self_attn.q_proj").view(1, t, heads, head_dim).transpose(1, 2)
        k = linear(h, p + "self_attn.k_proj").view(1, t, kv_heads, head_dim).transpose(1, 2)
        v = linear(h, p + "self_attn.v_proj").view(1, t, kv_heads, head_dim).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k, v = repeat_kv(k, heads // kv_heads), repeat_kv(v, heads // kv_heads)
        scores = q @ k.transpose(2, 3) / math.sqrt(head_dim) + mask
        probs = torch.softmax(scores.float(), dim=-1).to(q.dtype)
        ctx = (probs @ v).transpose(1, 2).reshape(1, t, heads * head_dim)
        x = x + linear(ctx, p + "self_attn.o_proj")
        h = rms_norm(x, w[p + "post_attention_layernorm.weight"], eps)
        gate = linear(h, p + "mlp.gate_proj")
        up = linear(h, p + "mlp.up_proj")
        x = x + linear(torch.nn.functional.silu(gate) * up, p + "mlp.down_proj")
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
