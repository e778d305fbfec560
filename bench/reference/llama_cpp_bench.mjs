// The llama.cpp anchor of ./dev bench: prefill and greedy decode (batch 1, KV cache) of a GGUF
// model through node-llama-cpp's prebuilt CPU llama.cpp, on the same token counts as
// bench/inference_bench.cpp. Speeds are llama.cpp's own timings (llama_perf_context_print,
// through printTimings), so the JavaScript loop around each token does not count; that loop's
// per-token overhead is measured too and reported beside them.
//   node llama_cpp_bench.mjs --install DIR --model FILE [--threads 2] [--prefill 128,512]
//        [--prompt-tokens 16] [--new-tokens 256]
import path from "node:path";
import { pathToFileURL } from "node:url";

function option(name, fallback) {
  const at = process.argv.indexOf("--" + name);
  if (at < 0) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  return process.argv[at + 1];
}

function tokens(count, vocab, seed) {
  const out = [];
  let state = seed;
  for (let i = 0; i < count; ++i) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out.push(3 + (state % (vocab - 3)));
  }
  return out;
}

// "prompt eval time = 12.34 ms / 128 tokens" and "eval time = 56.78 ms / 255 runs".
function parseTimings(lines) {
  const pick = (label) => {
    const line = lines.find((l) => new RegExp(`:\\s+${label} time\\s*=`).test(l));
    if (!line) return null;
    const m = line.match(/=\s*([\d.]+) ms \/\s*(\d+) (tokens|runs)/);
    return m ? { ms: parseFloat(m[1]), count: parseInt(m[2], 10) } : null;
  };
  return { prompt: pick("prompt eval"), eval: pick("eval") };
}

async function main() {
  const install = option("install");
  const modelPath = option("model");
  const threads = parseInt(option("threads", "2"), 10);
  const prefillLengths = option("prefill", "128,512").split(",").map(Number);
  const promptTokens = parseInt(option("prompt-tokens", "16"), 10);
  const newTokens = parseInt(option("new-tokens", "256"), 10);
  const entry = path.join(install, "node_modules", "node-llama-cpp", "dist", "index.js");
  const { getLlama, LlamaLogLevel } = await import(pathToFileURL(entry).href);

  let captured = [];
  const llama = await getLlama({
    gpu: false, build: "never", logLevel: LlamaLogLevel.info,
    logger: (level, message) => { captured.push(...String(message).split("\n")); },
  });
  const model = await llama.loadModel({ modelPath });
  const vocab = 4000;  // ids of the benchmark tokenizer's real pieces (the rest pad to 8,000); speed does not depend on which
  const contextSize = Math.max(...prefillLengths, promptTokens + newTokens) + 8;
  const context = await model.createContext({
    contextSize, batchSize: Math.max(...prefillLengths), threads, sequences: 1, performanceTracking: true,
  });
  const sequence = context.getSequence();
  const timed = async (body) => {
    await context.printTimings();  // resets what came before
    captured = [];
    const start = process.hrtime.bigint();
    await body();
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    await context.printTimings();
    return { wallMs, ...parseTimings(captured) };
  };

  const result = { benchmark: "llama_cpp", model: modelPath, threads, build: llama.buildType, system_info: llama.systemInfo };
  // Prefill: best of three per length, on a cleared sequence.
  result.prefill_tokens_per_second = {};
  for (const length of prefillLengths) {
    let best = Infinity;
    for (let r = 0; r < 4; ++r) {
      await sequence.clearHistory();
      const t = await timed(() => sequence.evaluateWithoutGeneratingNewTokens(tokens(length, vocab, 7 + r)));
      const ms = t.prompt ? t.prompt.ms : t.wallMs;
      if (r > 0) best = Math.min(best, ms);  // the first run warms up
    }
    result.prefill_tokens_per_second[String(length)] = length / (best / 1000);
  }
  // Greedy decode after a short prompt: llama.cpp's eval time per single-token run.
  await sequence.clearHistory();
  let produced = 0;
  const t = await timed(async () => {
    for await (const token of sequence.evaluate(tokens(promptTokens, vocab, 3), { temperature: 0 })) {
      void token;
      if (++produced >= newTokens) break;
    }
  });
  if (!t.eval || t.eval.count < 1) throw new Error("llama.cpp printed no eval timings: " + captured.join(" | "));
  result.new_tokens = produced;
  result.decode_runs = t.eval.count;
  result.decode_tokens_per_second = t.eval.count / (t.eval.ms / 1000);
  result.decode_wall_tokens_per_second = produced / (t.wallMs / 1000);
  result.javascript_overhead_ms_per_token = Math.max(0, (t.wallMs - t.eval.ms - (t.prompt ? t.prompt.ms : 0)) / produced);
  console.log(JSON.stringify(result));
  await context.dispose();
  await model.dispose();
  await llama.dispose();
}

main().catch((e) => { console.log(JSON.stringify({ error: String(e && e.stack || e) })); process.exit(1); });
