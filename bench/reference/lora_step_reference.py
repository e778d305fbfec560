#!/usr/bin/env python3
"""Plain PyTorch-eager reference of the LoRA training step that bench/train_step_bench.cpp times.

Same model as core/model (HF LLaMA: RMSNorm in float32, rotate_half RoPE, grouped-query
attention, SwiGLU), LoRA on q/k/v/o (r 16, alpha 32, dropout 0.05, A kaiming-uniform, B zeros,
float32), cross-entropy on shifted labels, gradient clipping at 1.0 and AdamW on the LoRA
parameters only (the C++ trainer's step).

The dtype handling is the C++ step's: the frozen base weights are stored in the compute dtype,
the LoRA weights stay float32 and torch.autocast('cpu', dtype=torch.bfloat16) casts them to
bfloat16 where they are used (as core/lora casts A and B to the input's dtype), so activations,
attention scores and the residual stream are bfloat16, with RMSNorm and softmax computed in
float32 and the logits cast to float32. The causal mask is a boolean mask applied with
masked_fill (an additive float32 mask would promote bfloat16 scores to float32), and the RoPE
tables and the mask are built once, not in every forward (the C++ model caches its RoPE table).
Logits are computed for the positions that have a label only (the C++ loss does the same).
Grouped-query attention repeats k/v as HF's repeat_kv does; the C++ model groups the query heads
instead (the same matmuls, without the copies of k and v).
glibc's malloc gets the C++ bench's settings (runtime::configure_allocator), unless
--malloc default: without them every step maps and unmaps its big tensors afresh and pays the
page faults (tens of thousands a step), which is allocator policy, not the training step.

Prints one JSON object: tokens/s over the measured steps, seconds per step, page faults per
step, peak RSS.
Run with Debian's interpreter (/usr/bin/python3, python3-torch: the same libtorch 1.13 as C++).
"""
import argparse
import ctypes
import json
import math
import os
import resource
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.utils.checkpoint

CONFIGS = {
    # The fixed benchmark model of the issues.
    "fixed": dict(vocab=8000, dim=512, layers=8, heads=8, kv_heads=2, ffn=1408),
    # TinyLlama-1.1B's shape with random weights.
    "tinyllama": dict(vocab=32000, dim=2048, layers=22, heads=32, kv_heads=4, ffn=5632),
}


class RMSNorm(nn.Module):
    def __init__(self, size, eps=1e-6, dtype=torch.float32):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(size, dtype=dtype), requires_grad=False)
        self.eps = eps

    def forward(self, x):
        h = x.float()
        h = h * torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + self.eps)
        return self.weight * h.to(x.dtype)


class LoraLinear(nn.Module):
    """Frozen dense weight plus B(A(dropout(x))) * alpha / r, as PEFT's lora.Linear."""

    def __init__(self, base: nn.Linear, r, alpha, dropout):
        super().__init__()
        self.base = base
        self.lora_A = nn.Linear(base.in_features, r, bias=False, dtype=torch.float32)
        self.lora_B = nn.Linear(r, base.out_features, bias=False, dtype=torch.float32)
        nn.init.kaiming_uniform_(self.lora_A.weight, a=math.sqrt(5))
        nn.init.zeros_(self.lora_B.weight)
        self.dropout = nn.Dropout(dropout)
        self.scaling = alpha / r

    def forward(self, x):
        return self.base(x) + self.lora_B(self.lora_A(self.dropout(x))) * self.scaling


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class Attention(nn.Module):
    def __init__(self, c, dtype):
        super().__init__()
        self.heads, self.kv_heads = c["heads"], c["kv_heads"]
        self.head_dim = c["dim"] // c["heads"]
        d, hd = c["dim"], self.head_dim
        self.q_proj = nn.Linear(d, self.heads * hd, bias=False, dtype=dtype)
        self.k_proj = nn.Linear(d, self.kv_heads * hd, bias=False, dtype=dtype)
        self.v_proj = nn.Linear(d, self.kv_heads * hd, bias=False, dtype=dtype)
        self.o_proj = nn.Linear(self.heads * hd, d, bias=False, dtype=dtype)

    def forward(self, x, cos, sin, mask):
        b, t, _ = x.shape
        q = self.q_proj(x).view(b, t, self.heads, self.head_dim).transpose(1, 2)
        k = self.k_proj(x).view(b, t, self.kv_heads, self.head_dim).transpose(1, 2)
        v = self.v_proj(x).view(b, t, self.kv_heads, self.head_dim).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        # HF's repeat_kv: each kv head serves `groups` query heads.
        groups = self.heads // self.kv_heads
        k = k[:, :, None].expand(b, self.kv_heads, groups, t, self.head_dim).reshape(b, self.heads, t, self.head_dim)
        v = v[:, :, None].expand(b, self.kv_heads, groups, t, self.head_dim).reshape(b, self.heads, t, self.head_dim)
        scores = torch.matmul(q, k.transpose(2, 3)) * (1.0 / math.sqrt(self.head_dim))
        scores = scores.masked_fill(mask, float("-inf"))
        probs = F.softmax(scores, dim=-1, dtype=torch.float32).to(q.dtype)
        out = torch.matmul(probs, v).transpose(1, 2).reshape(b, t, -1)
        return self.o_proj(out)


class Mlp(nn.Module):
    def __init__(self, c, dtype):
        super().__init__()
        self.gate_proj = nn.Linear(c["dim"], c["ffn"], bias=False, dtype=dtype)
        self.up_proj = nn.Linear(c["dim"], c["ffn"], bias=False, dtype=dtype)
        self.down_proj = nn.Linear(c["ffn"], c["dim"], bias=False, dtype=dtype)

    def forward(self, x):
        return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))


class Layer(nn.Module):
    def __init__(self, c, dtype):
        super().__init__()
        self.self_attn = Attention(c, dtype)
        self.mlp = Mlp(c, dtype)
        self.input_layernorm = RMSNorm(c["dim"], dtype=dtype)
        self.post_attention_layernorm = RMSNorm(c["dim"], dtype=dtype)

    def forward(self, x, cos, sin, mask):
        h = x + self.self_attn(self.input_layernorm(x), cos, sin, mask)
        return h + self.mlp(self.post_attention_layernorm(h))


class Llama(nn.Module):
    def __init__(self, c, dtype):
        super().__init__()
        self.embed_tokens = nn.Embedding(c["vocab"], c["dim"], dtype=dtype)
        self.layers = nn.ModuleList([Layer(c, dtype) for _ in range(c["layers"])])
        self.norm = RMSNorm(c["dim"], dtype=dtype)
        self.lm_head = nn.Linear(c["dim"], c["vocab"], bias=False, dtype=dtype)
        self.head_dim = c["dim"] // c["heads"]
        self.gradient_checkpointing = False
        self._tables = {}

    def tables(self, t, dtype):
        """RoPE cos/sin in the activations' dtype and the causal mask (True: masked), built once."""
        key = (t, dtype)
        if key not in self._tables:
            inv_freq = 1.0 / (10000.0 ** (torch.arange(0, self.head_dim, 2).float() / self.head_dim))
            freqs = torch.outer(torch.arange(t).float(), inv_freq)
            emb = torch.cat((freqs, freqs), dim=-1)
            mask = torch.ones(t, t, dtype=torch.bool).triu(1)
            self._tables[key] = (emb.cos().to(dtype), emb.sin().to(dtype), mask)
        return self._tables[key]

    def forward(self, ids, compute_dtype):
        """Logits (float32) for every position but the last: the ones that have a next-token label."""
        cos, sin, mask = self.tables(ids.shape[1], compute_dtype)
        h = self.embed_tokens(ids)
        for layer in self.layers:
            if self.gradient_checkpointing:
                h = torch.utils.checkpoint.checkpoint(layer, h, cos, sin, mask, use_reentrant=False)
            else:
                h = layer(h, cos, sin, mask)
        return self.lm_head(self.norm(h)[:, :-1]).float()


M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # <malloc.h>


def configure_malloc():
    """runtime::configure_allocator's settings: blocks up to 256 MiB come from the heap, and
    the heap is trimmed only past 1 GiB free, so freed tensor memory is reused, not refaulted."""
    libc = ctypes.CDLL("libc.so.6")
    if not (libc.mallopt(M_MMAP_THRESHOLD, 256 << 20) and libc.mallopt(M_TRIM_THRESHOLD, 1 << 30)):
        sys.exit("mallopt refused the allocator settings")


def build(c, base_dtype, r, alpha, dropout, seed):
    torch.manual_seed(seed)
    with torch.no_grad():
        model = Llama(c, base_dtype)
        for p in model.parameters():
            p.requires_grad_(False)
            if p.dim() == 2:
                p.normal_(0.0, 0.02)
        for layer in model.layers:
            for name in ("q_proj", "k_proj", "v_proj", "o_proj"):
                setattr(layer.self_attn, name, LoraLinear(getattr(layer.self_attn, name), r, alpha, dropout))
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", choices=sorted(CONFIGS), default="fixed")
    parser.add_argument("--dtype", choices=["float32", "bfloat16"], default="bfloat16")
    parser.add_argument("--base-dtype", choices=["float32", "bfloat16"], default=None,
                        help="storage of the frozen base weights (default: the compute dtype, as the C++ step; "
                             "float32 with --dtype bfloat16 makes autocast cast every weight in every step)")
    parser.add_argument("--batch", type=int, default=None)
    parser.add_argument("--seq", type=int, default=256)
    parser.add_argument("--rank", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--gradient-checkpointing", action="store_true")
    parser.add_argument("--malloc", choices=["as-cpp", "default"], default="as-cpp",
                        help="glibc malloc settings: the C++ bench's (default) or glibc's own")
    args = parser.parse_args()

    if args.malloc == "as-cpp":
        configure_malloc()
    torch.set_num_threads(args.threads)
    c = CONFIGS[args.model]
    batch = args.batch or (4 if args.model == "fixed" else 1)
    base_dtype_name = args.base_dtype or args.dtype
    base_dtype = getattr(torch, base_dtype_name)
    if args.dtype == "float32" and base_dtype != torch.float32:
        sys.exit("float32 compute needs float32 base weights (--base-dtype float32)")

    model = build(c, base_dtype, args.rank, 32.0, 0.05, seed=0)
    model.gradient_checkpointing = args.gradient_checkpointing
    model.train()
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=2e-4, weight_decay=0.01)
    generator = torch.Generator().manual_seed(1)
    # seq tokens in, seq - 1 next-token targets: the C++ bench's causal_lm_loss_sum(ids, ids).
    ids = torch.randint(3, c["vocab"], (batch, args.seq), generator=generator)
    labels = ids[:, 1:].reshape(-1)
    use_autocast = args.dtype == "bfloat16"
    compute_dtype = getattr(torch, args.dtype)

    def step():
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=use_autocast):
            logits = model(ids, compute_dtype)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        return loss.item()

    for _ in range(args.warmup):
        step()
    times = []
    loss = float("nan")
    cpu_start = time.process_time()
    faults_start = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(args.steps):
        start = time.perf_counter()
        loss = step()
        times.append(time.perf_counter() - start)
    cpu_per_step = (time.process_time() - cpu_start) / args.steps
    faults_per_step = (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults_start) / args.steps
    tokens = batch * args.seq
    mean = sum(times) / len(times)
    print(json.dumps({
        "implementation": "pytorch-eager",
        "torch_version": torch.__version__,
        "model": args.model,
        "dtype": args.dtype,
        "base_weight_dtype": base_dtype_name,
        "autocast": use_autocast,
        "gradient_checkpointing": args.gradient_checkpointing,
        "batch": batch, "seq": args.seq, "rank": args.rank,
        "threads": torch.get_num_threads(),
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", "default"),
        "malloc": args.malloc,
        "trainable_parameters": sum(p.numel() for p in params),
        "steps": args.steps,
        "seconds_per_step": mean,
        "best_seconds_per_step": min(times),
        "tokens_per_second": tokens / mean,
        "best_tokens_per_second": tokens / min(times),
        "cpu_seconds_per_step": cpu_per_step,
        "tokens_per_cpu_second": tokens / cpu_per_step,
        "page_faults_per_step": faults_per_step,
        "final_loss": loss,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }))


if __name__ == "__main__":
    main()
