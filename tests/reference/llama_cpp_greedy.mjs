// The llama.cpp side of the GGUF export check: loads a GGUF model (and optionally a GGUF LoRA
// adapter) with node-llama-cpp's prebuilt CPU llama.cpp, tokenizes a text with the GGUF's own
// vocabulary, and greedy-decodes from given prompt ids. Prints one JSON object:
//   {"tokenized": [...], "token_ids": [...], "eos": ID, "bos": ID}
//   node llama_cpp_greedy.mjs --install DIR --model FILE [--lora FILE] --prompt-ids 1,5,9
//        --new-tokens N [--text TEXT]
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

async function main() {
  const entry = path.join(option("install"), "node_modules", "node-llama-cpp", "dist", "index.js");
  const { getLlama, LlamaLogLevel } = await import(pathToFileURL(entry).href);
  const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath: option("model") });
  const loraFile = option("lora", "");
  const promptIds = option("prompt-ids").split(",").filter((s) => s.length).map(Number);
  const newTokens = parseInt(option("new-tokens"), 10);
  // A float32 KV cache (llama.cpp's default is F16), so that a float32 model computes in float32
  // throughout as `medlora generate --dtype float32` does.
  const context = await model.createContext({
    contextSize: promptIds.length + newTokens + 8, threads: 1, sequences: 1,
    experimentalKvCacheKeyType: "F32", experimentalKvCacheValueType: "F32", flashAttention: false,
    ...(loraFile ? { lora: { adapters: [{ filePath: loraFile, scale: 1 }] } } : {}),
  });
  const sequence = context.getSequence();
  const result = { eos: model.tokens.eos, bos: model.tokens.bos, token_ids: [] };
  const text = option("text", "");
  if (text) result.tokenized = Array.from(model.tokenize(text, false));
  // temperature 0 is llama.cpp's greedy sampler; no repetition penalty unless asked.
  for await (const token of sequence.evaluate(promptIds, { temperature: 0 })) {
    if (token === model.tokens.eos) break;
    result.token_ids.push(token);
    if (result.token_ids.length >= newTokens) break;
  }
  console.log(JSON.stringify(result));
  await context.dispose();
  await model.dispose();
  await llama.dispose();
}

main().catch((e) => { console.log(JSON.stringify({ error: String((e && e.stack) || e) })); process.exit(1); });
