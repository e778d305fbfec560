#!/usr/bin/env python3
"""Writes a tiny HF model folder of a given family with seeded random weights around a real
tokenizer.json (standard library only): config.json as transformers writes it, model.safetensors
with every tensor the family has (qwen2: q/k/v biases; qwen3: q_norm/k_norm; llama3: llama3
rope_scaling), and the tokenizer files copied from TOKENIZER_DIR.
   tiny_hf_model.py FAMILY TOKENIZER_DIR OUT_DIR [--seed 1]     FAMILY: qwen2 | qwen3 | llama3"""
import argparse
import array
import json
import os
import random
import shutil
import struct

HIDDEN, FFN, LAYERS, HEADS, KV_HEADS, HEAD_DIM = 64, 128, 2, 4, 2, 16


def uniform(rng, count, scale):
    # Uniform in [-scale, scale) from random bytes: fast enough for a 150k-token embedding.
    raw = array.array("H", rng.randbytes(2 * count))
    return array.array("f", ((x / 32768.0 - 1.0) * scale for x in raw))


def save_safetensors(path, tensors):
    header, offset = {}, 0
    for name in sorted(tensors):
        shape, values = tensors[name]
        size = 4 * len(values)
        header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [offset, offset + size]}
        offset += size
    header["__metadata__"] = {"format": "pt"}
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for name in sorted(tensors):
            f.write(tensors[name][1].tobytes())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("family", choices=["qwen2", "qwen3", "llama3"])
    parser.add_argument("tokenizer_dir")
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    tokenizer = json.load(open(os.path.join(args.tokenizer_dir, "tokenizer.json"), encoding="utf-8"))
    ids = list(tokenizer["model"]["vocab"].values()) + [t["id"] for t in tokenizer.get("added_tokens", [])]
    vocab = (max(ids) + 1 + 127) // 128 * 128  # padded, as real checkpoints are
    tied = args.family != "llama3"
    config = {"hidden_size": HIDDEN, "intermediate_size": FFN, "num_hidden_layers": LAYERS, "num_attention_heads": HEADS,
              "num_key_value_heads": KV_HEADS, "head_dim": HEAD_DIM, "max_position_embeddings": 2048, "rms_norm_eps": 1e-6,
              "vocab_size": vocab, "tie_word_embeddings": tied, "torch_dtype": "float32", "hidden_act": "silu"}
    if args.family == "llama3":
        config.update({"architectures": ["LlamaForCausalLM"], "model_type": "llama", "rope_theta": 500000.0,
                       "attention_bias": False, "mlp_bias": False, "bos_token_id": 128000, "eos_token_id": 128009,
                       "rope_scaling": {"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0,
                                        "high_freq_factor": 4.0, "original_max_position_embeddings": 1024}})
    else:
        config.update({"architectures": ["Qwen2ForCausalLM" if args.family == "qwen2" else "Qwen3ForCausalLM"],
                       "model_type": args.family, "rope_theta": 1000000.0, "use_sliding_window": False,
                       "sliding_window": None, "max_window_layers": LAYERS, "bos_token_id": 151643, "eos_token_id": 151645})
        if args.family == "qwen3":
            config["attention_bias"] = False
    shapes = {"self_attn.q_proj": (HEADS * HEAD_DIM, HIDDEN), "self_attn.k_proj": (KV_HEADS * HEAD_DIM, HIDDEN),
              "self_attn.v_proj": (KV_HEADS * HEAD_DIM, HIDDEN), "self_attn.o_proj": (HIDDEN, HEADS * HEAD_DIM),
              "mlp.gate_proj": (FFN, HIDDEN), "mlp.up_proj": (FFN, HIDDEN), "mlp.down_proj": (HIDDEN, FFN)}
    tensors = {"model.embed_tokens.weight": ([vocab, HIDDEN], uniform(rng, vocab * HIDDEN, 0.5)),
               "model.norm.weight": ([HIDDEN], array.array("f", (1 + x for x in uniform(rng, HIDDEN, 0.2))))}
    if not tied:
        tensors["lm_head.weight"] = ([vocab, HIDDEN], uniform(rng, vocab * HIDDEN, 0.5))
    for layer in range(LAYERS):
        p = "model.layers.%d." % layer
        for norm in ("input_layernorm", "post_attention_layernorm"):
            tensors[p + norm + ".weight"] = ([HIDDEN], array.array("f", (1 + x for x in uniform(rng, HIDDEN, 0.2))))
        for name, (rows, cols) in shapes.items():
            tensors[p + name + ".weight"] = ([rows, cols], uniform(rng, rows * cols, 0.25))
        if args.family == "qwen2":
            for name in ("q_proj", "k_proj", "v_proj"):
                rows = shapes["self_attn." + name][0]
                tensors[p + "self_attn." + name + ".bias"] = ([rows], uniform(rng, rows, 0.2))
        if args.family == "qwen3":
            for name in ("q_norm", "k_norm"):
                tensors[p + "self_attn." + name + ".weight"] = ([HEAD_DIM], array.array("f", (1 + x for x in uniform(rng, HEAD_DIM, 0.2))))
    os.makedirs(args.out, exist_ok=True)
    json.dump(config, open(os.path.join(args.out, "config.json"), "w"), indent=2)
    save_safetensors(os.path.join(args.out, "model.safetensors"), tensors)
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(os.path.join(args.tokenizer_dir, name), os.path.join(args.out, name))


if __name__ == "__main__":
    main()
