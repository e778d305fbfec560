#!/usr/bin/env python3
"""Writes a PEFT LoRA adapter with random, non-zero A and B for a model folder (shapes from its
config.json), using the standard library only: safetensors is a JSON header plus raw bytes.
   tiny_peft_adapter.py BASE_DIR OUT_DIR [--r 4] [--alpha 8] [--seed 1] [--std 0.1]
                        [--targets q_proj,k_proj,v_proj,o_proj] [--rslora]"""
import argparse
import json
import os
import random
import struct


def save_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        shape, values = tensors[name]
        data = struct.pack("<%df" % len(values), *values)
        header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = {"format": "pt"}
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def projection_shapes(config):
    hidden = config["hidden_size"]
    heads = config["num_attention_heads"]
    head_dim = config.get("head_dim") or hidden // heads
    kv = config.get("num_key_value_heads", heads) * head_dim
    ffn = config["intermediate_size"]
    return {"q_proj": ("self_attn", heads * head_dim, hidden), "k_proj": ("self_attn", kv, hidden),
            "v_proj": ("self_attn", kv, hidden), "o_proj": ("self_attn", hidden, heads * head_dim),
            "gate_proj": ("mlp", ffn, hidden), "up_proj": ("mlp", ffn, hidden), "down_proj": ("mlp", hidden, ffn)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("out")
    parser.add_argument("--r", type=int, default=4)
    parser.add_argument("--alpha", type=float, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--std", type=float, default=0.1)
    parser.add_argument("--targets", default="q_proj,k_proj,v_proj,o_proj")
    parser.add_argument("--rslora", action="store_true")
    args = parser.parse_args()
    config = json.load(open(os.path.join(args.base, "config.json")))
    shapes = projection_shapes(config)
    targets = args.targets.split(",")
    rng = random.Random(args.seed)
    tensors = {}
    for layer in range(config["num_hidden_layers"]):
        for target in targets:
            block, rows, cols = shapes[target]
            prefix = "base_model.model.model.layers.%d.%s.%s." % (layer, block, target)
            tensors[prefix + "lora_A.weight"] = ([args.r, cols], [rng.gauss(0, args.std) for _ in range(args.r * cols)])
            tensors[prefix + "lora_B.weight"] = ([rows, args.r], [rng.gauss(0, args.std) for _ in range(rows * args.r)])
    os.makedirs(args.out, exist_ok=True)
    json.dump({"peft_type": "LORA", "task_type": "CAUSAL_LM", "r": args.r, "lora_alpha": args.alpha,
               "lora_dropout": 0.0, "target_modules": targets, "bias": "none", "use_rslora": args.rslora,
               "base_model_name_or_path": os.path.abspath(args.base)},
              open(os.path.join(args.out, "adapter_config.json"), "w"), indent=2)
    save_safetensors(os.path.join(args.out, "adapter_model.safetensors"), tensors)


if __name__ == "__main__":
    main()
