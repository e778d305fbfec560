#!/usr/bin/env python3
"""Collects the per-case records of bench/run_all.sh into one JSON document with the ratios and
the pass/fail flags of the goals; prints it and writes it (atomically) to --output.
Exit status 1 when a case failed to run (a missed goal is not an error)."""
import argparse
import json
import os
import tempfile

# Every anchor (PyTorch eager, llama.cpp, the matmul peak) is measured in the same run: no
# figure from another machine is written in here.
GOALS = {"decode_cache_speedup": 5.0, "train_ratio_bfloat16": 1.3, "train_ratio_float32": 1.3,
         "train_ratio_tinyllama": 1.15, "tinyllama_share_of_bf16_peak": 0.35,
         "tinyllama_peak_rss_gib": 3.0, "dataset_100k_seconds": 15.0,
         "serve_single_to_generator": 0.9, "serve_concurrent_to_single": 3.0}
GIB = 1024.0 ** 3
CPU_FLAGS = ("avx2", "avx512f", "avx512_bf16", "avx512_vnni", "amx_tile", "amx_bf16", "amx_int8")


def machine_report():
    """The CPU model and the flags that decide which kernels run (from /proc/cpuinfo)."""
    model, flags = None, set()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key.strip() == "model name" and model is None:
                    model = value.strip()
                elif key.strip() == "flags" and not flags:
                    flags = set(value.split())
    except OSError:
        pass
    return {"cpu_model": model, "flags": {f: f in flags for f in CPU_FLAGS}}


def ratio(a, b):
    return a / b if a and b else None


def llama_cpp_anchor(results, dtype, policy):
    """llama.cpp on the same model, dtype and policy: its best thread count per phase (speeds are
    llama.cpp's own timings; the JavaScript loop's per-token overhead is reported beside them)."""
    runs = {name.rsplit("-", 1)[1]: r for (name, p), r in results.items()
            if p == policy and name.startswith(f"llama_cpp/{dtype}/threads-")}
    if not runs:
        return None
    best_decode = max(runs, key=lambda t: runs[t]["decode_tokens_per_second"])
    lengths = runs[best_decode]["prefill_tokens_per_second"].keys()
    return {
        "decode_tokens_per_second": runs[best_decode]["decode_tokens_per_second"],
        "decode_threads": int(best_decode),
        "prefill_tokens_per_second": {n: max(r["prefill_tokens_per_second"][n] for r in runs.values()) for n in lengths},
        "javascript_overhead_ms_per_token": runs[best_decode]["javascript_overhead_ms_per_token"],
        "by_threads": {t: {"decode_tokens_per_second": r["decode_tokens_per_second"],
                           "prefill_tokens_per_second": r["prefill_tokens_per_second"]} for t, r in runs.items()},
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cases")
    parser.add_argument("--quick", default="0")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    records = [json.loads(line) for line in open(args.cases) if line.strip()]
    results = {(r["name"], r["policy"]): r["result"] for r in records if "result" in r}
    errors = [{"case": r["name"], "policy": r["policy"], "error": r["error"]} for r in records if "error" in r]
    # Cases that said why they did not run (bfloat16 training where bfloat16 is slow): their goals
    # are absent from "goals", neither met nor missed.
    skipped = [{"case": r["name"], "policy": r["policy"], "why": r["skipped"]} for r in records if "skipped" in r]
    policies = list(dict.fromkeys(r["policy"] for r in records))

    peaks = {}
    for p in policies:
        mm = results.get(("matmul_peak", p))
        if mm:
            peaks[p] = {d: mm[d]["peak_gflops"] for d in ("float32", "bfloat16")}

    inference = {}
    for p in policies:
        for d in ("float32", "bfloat16"):
            pre = results.get((f"inference/{d}/prefill", p))
            cache = results.get((f"inference/{d}/decode_cache", p))
            nocache = results.get((f"inference/{d}/decode_nocache", p))
            if not (pre or cache or nocache):
                continue
            c = cache and cache["decode_tokens_per_second"]
            n = nocache and nocache["decode_tokens_per_second"]
            anchor = llama_cpp_anchor(results, d, p)
            pre_ratio = None
            if anchor and pre:
                pre_ratio = {length: ratio(speed, anchor["prefill_tokens_per_second"].get(length))
                             for length, speed in pre["prefill_tokens_per_second"].items()}
            inference.setdefault(p, {})[d] = {
                "prefill_tokens_per_second": pre and pre["prefill_tokens_per_second"],
                "decode_tokens_per_second_with_cache": c,
                "decode_tokens_per_second_without_cache": n,
                "new_tokens": cache and cache["new_tokens"],
                "cache_speedup": ratio(c, n),
                "llama_cpp": anchor,
                "llama_cpp_decode_tokens_per_second": anchor and anchor["decode_tokens_per_second"],
                "ratio_to_llama_cpp": ratio(c, anchor and anchor["decode_tokens_per_second"]),
                "prefill_ratio_to_llama_cpp": pre_ratio,
                "peak_rss_bytes": {k: v["peak_rss_bytes"] for k, v in
                                   (("prefill", pre), ("decode_cache", cache), ("decode_nocache", nocache)) if v},
            }

    def train_entry(model, d, ckpt, p):
        cpp = results.get((f"train/{model}/{d}/ckpt-{ckpt}/cpp", p))
        py = results.get((f"train/{model}/{d}/ckpt-{ckpt}/python", p))
        if not (cpp or py):
            return None
        flops = cpp and cpp["model_flops_per_step"]
        peak = peaks.get(p, {}).get(d)
        entry = {}
        for side, r in (("cpp", cpp), ("python", py)):
            if not r:
                continue
            gflops = flops / r["seconds_per_step"] / 1e9 if flops else None
            entry[side] = {
                "tokens_per_second": r["tokens_per_second"],
                "best_tokens_per_second": r["best_tokens_per_second"],
                "tokens_per_cpu_second": r["tokens_per_cpu_second"],
                "achieved_gflops": gflops,
                "share_of_matmul_peak": ratio(gflops, peak),
                "peak_rss_bytes": r["peak_rss_bytes"],
                "peak_rss_gib": r["peak_rss_bytes"] / GIB,
                "final_loss": r["final_loss"],
            }
        if cpp:
            entry["model_flops_per_step"] = flops
            entry["cpp_step"] = cpp["step"] + "; " + cpp["lora"]
        if cpp and py:
            entry["ratio_cpp_to_python"] = ratio(cpp["tokens_per_second"], py["tokens_per_second"])
            entry["ratio_cpp_to_python_per_cpu_second"] = ratio(cpp["tokens_per_cpu_second"], py["tokens_per_cpu_second"])
        return entry

    training = {}
    for p in policies:
        for d in ("float32", "bfloat16"):
            for ckpt in ("no", "yes"):
                e = train_entry("fixed", d, ckpt, p)
                if e:
                    training.setdefault(p, {}).setdefault(d, {})[f"gradient_checkpointing_{ckpt}"] = e

    # Headline: each side at its best OMP_WAIT_POLICY (the product can pick it per dtype).
    headline = {"matmul_peak_gflops": peaks, "train_fixed_no_checkpointing": {}, "decode": {}}
    goals = {}
    for d in ("float32", "bfloat16"):
        best = {}
        for side in ("cpp", "python"):
            options = [(training[p][d]["gradient_checkpointing_no"][side]["tokens_per_second"], p)
                       for p in training if d in training[p] and side in training[p][d].get("gradient_checkpointing_no", {})]
            if options:
                best[side] = max(options)
        if len(best) == 2:
            r = best["cpp"][0] / best["python"][0]
            headline["train_fixed_no_checkpointing"][d] = {
                "cpp_tokens_per_second": best["cpp"][0], "cpp_policy": best["cpp"][1],
                "python_tokens_per_second": best["python"][0], "python_policy": best["python"][1],
                "ratio_cpp_to_python": r,
                "ratio_same_policy": {p: training[p][d]["gradient_checkpointing_no"].get("ratio_cpp_to_python")
                                      for p in training if d in training[p]},
            }
            goals[f"train_{d}_ratio_ge_{GOALS['train_ratio_' + d]}"] = r >= GOALS["train_ratio_" + d]
        # Decode: the first policy measured (PASSIVE in a full run: what ./dev and medlora use).
        for p in policies:
            inf = inference.get(p, {}).get(d)
            if inf and inf["cache_speedup"]:
                headline["decode"][d] = {"policy": p, **{k: inf[k] for k in (
                    "decode_tokens_per_second_with_cache", "decode_tokens_per_second_without_cache",
                    "cache_speedup", "ratio_to_llama_cpp", "prefill_ratio_to_llama_cpp", "new_tokens")}}
                goals[f"decode_{d}_cache_speedup_ge_5x"] = inf["cache_speedup"] >= GOALS["decode_cache_speedup"]
                if inf["ratio_to_llama_cpp"] is not None:
                    goals[f"decode_{d}_ge_llama_cpp"] = inf["ratio_to_llama_cpp"] >= 1.0
                if inf["prefill_ratio_to_llama_cpp"]:
                    goals[f"prefill_{d}_ge_llama_cpp"] = all(
                        r is not None and r >= 1.0 for r in inf["prefill_ratio_to_llama_cpp"].values())
                break

    # bfloat16 decode must beat float32 wherever this machine's bfloat16 one-token matmul does.
    decode = headline["decode"]
    shape_peaks = next((results[("matmul_peak", p)] for p in policies if ("matmul_peak", p) in results), None)
    if shape_peaks and "float32" in decode and "bfloat16" in decode:
        key = "gflops_decode_shape_1x512x1408"
        bf16_matmul_faster = shape_peaks["bfloat16"].get(key, 0) > shape_peaks["float32"].get(key, 0)
        decode["bfloat16_matmul_faster_at_decode_shape"] = bf16_matmul_faster
        if bf16_matmul_faster:
            goals["decode_bfloat16_faster_than_float32"] = (
                decode["bfloat16"]["decode_tokens_per_second_with_cache"] > decode["float32"]["decode_tokens_per_second_with_cache"])

    # TinyLlama shape: without gradient checkpointing (as the Python reference runs) and with it.
    tiny = None
    for p in policies:
        plain = train_entry("tinyllama", "bfloat16", "no", p)
        if plain:
            tiny = {"policy": p, **plain}
            checkpointed = train_entry("tinyllama", "bfloat16", "yes", p)
            if checkpointed and "cpp" in checkpointed:
                tiny["cpp_gradient_checkpointing"] = checkpointed["cpp"]
            break
    if tiny and "cpp" in tiny and "python" in tiny:
        goals[f"train_tinyllama_ratio_ge_{GOALS['train_ratio_tinyllama']}"] = (
            tiny["ratio_cpp_to_python"] >= GOALS["train_ratio_tinyllama"])
    if tiny and "cpp" in tiny:
        tiny_peak = next((results[("matmul_peak", p)]["bfloat16"].get("gflops_tinyllama_shape_256x2048x5632")
                          for p in policies if ("matmul_peak", p) in results), None)
        achieved = tiny["cpp"]["achieved_gflops"]
        tiny["cpp"]["share_of_matmul_peak_at_its_shape"] = ratio(achieved, tiny_peak)
        if achieved and tiny["cpp"]["share_of_matmul_peak"] is not None:
            goals[f"tinyllama_bf16_share_of_peak_ge_{GOALS['tinyllama_share_of_bf16_peak']}"] = (
                tiny["cpp"]["share_of_matmul_peak"] >= GOALS["tinyllama_share_of_bf16_peak"])
        goals["tinyllama_peak_rss_le_3GiB_without_checkpointing"] = tiny["cpp"]["peak_rss_gib"] <= GOALS["tinyllama_peak_rss_gib"]
        if "cpp_gradient_checkpointing" in tiny:
            goals["tinyllama_peak_rss_le_3GiB_with_checkpointing"] = (
                tiny["cpp_gradient_checkpointing"]["peak_rss_gib"] <= GOALS["tinyllama_peak_rss_gib"])

    # Serving: one streaming client against the generator (same run, alternating), then 8 clients.
    serve = next((r for (name, p), r in results.items() if name == "serve"), None)
    if serve:
        headline["serve"] = {k: serve[k] for k in (
            "max_tokens", "clients", "generator_tokens_per_second", "server_single_tokens_per_second",
            "server_to_generator_ratio", "concurrent_total_tokens_per_second", "concurrent_to_single_ratio",
            "concurrent_steady_tokens_per_second", "concurrent_steady_to_single_decode_ratio", "single", "concurrent")}
        goals[f"serve_single_stream_ratio_ge_{GOALS['serve_single_to_generator']}"] = (
            serve["server_to_generator_ratio"] >= GOALS["serve_single_to_generator"])
        goals[f"serve_{serve['clients']}_clients_ratio_ge_{GOALS['serve_concurrent_to_single']}"] = (
            serve["concurrent_to_single_ratio"] >= GOALS["serve_concurrent_to_single"])

    # Dataset curation: import + clean + near-dedup at two sizes; time per record must stay flat.
    curation = {}
    for (name, p), r in results.items():
        if name.startswith("dataset/"):
            curation[str(r["records"])] = r
    if curation:
        sizes = sorted(curation, key=int)
        small, large = curation[sizes[0]], curation[sizes[-1]]
        headline["dataset_curation"] = {
            "records": [int(x) for x in sizes],
            "total_seconds": {x: curation[x]["total_seconds"] for x in sizes},
            "microseconds_per_record": {x: curation[x]["microseconds_per_record"] for x in sizes},
            "per_record_ratio_large_to_small": ratio(large["microseconds_per_record"], small["microseconds_per_record"]),
            "recall": large["recall"], "false_merge_rate": large["false_merge_rate"]}
        if int(sizes[-1]) >= 100000:
            goals["dataset_100k_under_15s"] = large["total_seconds"] < GOALS["dataset_100k_seconds"]
        goals["dataset_time_per_record_flat"] = headline["dataset_curation"]["per_record_ratio_large_to_small"] <= 1.5
        goals["dataset_near_dup_recall_ge_95pct"] = large["recall"] >= 0.95
        goals["dataset_false_merges_lt_1pct"] = large["false_merge_rate"] < 0.01

    # Blind-review report (statistics, charts, PDF) for 3 reviewers x 1,000 answers.
    review = next((r for (name, p), r in results.items() if name == "review_report"), None)
    if review:
        headline["review_report_seconds"] = review["seconds"]
        goals["review_report_under_5s"] = review["seconds"] < review["goal_seconds"]

    # Review server: 30 reviewer clients scoring at once against one loopback PostgreSQL.
    server_load = next((r for (name, p), r in results.items() if name == "review_server_load"), None)
    if server_load:
        headline["review_server_load"] = {k: server_load[k] for k in (
            "clients", "submissions_each", "submissions_per_second", "p50_submit_ms", "p99_submit_ms")}
        goals["review_server_every_submission_stored_once"] = bool(
            server_load["stored_exactly_once"] and server_load["errors"] == 0)

    load = os.getloadavg()
    document = {
        "quick": args.quick == "1",
        "threads": args.threads,
        "omp_wait_policies": policies,
        "machine": {**machine_report(), "cpus": os.cpu_count(), "load_average_1_5_15": [round(x, 2) for x in load],
                    "note": "ratios are measured within this run, C++ and Python cases alternating; "
                            "absolute figures move with whatever else runs on the machine"},
        "headline": headline,
        "goals": goals,
        "skipped": skipped,
        "matmul_peak_gflops": peaks,
        "inference": inference,
        "training": training,
        "tinyllama": tiny,
        "dataset_curation": curation,
        "review_report": review,
        "review_server_load": server_load,
        "serve": serve,
        "errors": errors,
        "cases": records,
    }
    text = json.dumps(document, indent=2)
    directory = os.path.dirname(os.path.abspath(args.output))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".results.", suffix=".json")
    with os.fdopen(fd, "w") as f:
        f.write(text + "\n")
    os.replace(tmp, args.output)
    print(text)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
