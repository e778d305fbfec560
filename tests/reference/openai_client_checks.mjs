// Checks a running `medlora serve` with the official OpenAI client (openai-node from the npm
// oracles): chat and text completions, streamed and not, models.list and models.retrieve, the
// x-request-id of every reply, a wrong key, the rate limit, a max_tokens past the model's
// context, routing and the safety report, as an application using OpenAI's client would see them.
// Prints one line per check; exits 1 when one fails. Driven by tests/cli/serve_openai_client_test.sh.
//   node openai_client_checks.mjs --oracles DIR --url URL --key KEY --limited-key KEY
//        --model NAME --adapter NAME --model-dir DIR
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

function option(name) {
  const at = process.argv.indexOf("--" + name);
  if (at < 0 || at + 1 >= process.argv.length) throw new Error(`--${name} is required`);
  return process.argv[at + 1];
}

const oracles = option("oracles");
const url = option("url");
const baseModel = option("model");
const adapter = option("adapter");
const config = JSON.parse(fs.readFileSync(path.join(option("model-dir"), "config.json"), "utf8"));
const { default: OpenAI, AuthenticationError, BadRequestError, NotFoundError, RateLimitError } = await import(
  pathToFileURL(path.join(oracles, "node_modules", "openai", "index.mjs")).href);

// No retries: the client would otherwise retry a 429 after Retry-After and hide the limit.
const connect = (apiKey) => new OpenAI({ baseURL: url + "/v1", apiKey, maxRetries: 0, timeout: 120000 });
const client = connect(option("key"));

// A barely trained model may sample its end of sequence at once; banning it makes every answer
// run to max_tokens, so the texts compared below are never empty by chance.
const eosIds = [].concat(config.eos_token_id);
const noEos = Object.fromEntries(eosIds.map((id) => [String(id), -100]));
const MAX_TOKENS = 8;

// A check returns what is wrong (a string) or nothing; an exception thrown is a failure too.
let failures = 0;
async function check(name, body) {
  let problem;
  try {
    problem = await body();
  } catch (error) {
    problem = error && error.stack ? error.stack : String(error);
  }
  if (problem) failures += 1;
  console.log(problem ? `FAIL ${name}: ${problem}` : `ok   ${name}`);
}
const show = (value) => JSON.stringify(value);

const chatRequest = (question, extra = {}) => ({
  model: baseModel, messages: [{ role: "user", content: question }],
  temperature: 0, max_tokens: MAX_TOKENS, logit_bias: noEos, ...extra,
});

// Collects a stream: the chunks, the text of their deltas, and the last chunk that has a choice.
async function collect(stream, textOf) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  const withChoice = chunks.filter((c) => c.choices.length > 0);
  return { chunks, text: withChoice.map((c) => textOf(c.choices[0]) ?? "").join(""), last: withChoice.at(-1) };
}

let chatText = null;
await check("chat.completions.create", async () => {
  const reply = await client.chat.completions.create(chatRequest("头痛怎么办"));
  const choice = reply.choices[0];
  chatText = choice.message.content;
  if (!/^chatcmpl-/.test(reply.id)) return `id ${reply.id}`;
  if (reply.object !== "chat.completion") return `object ${reply.object}`;
  if (reply.model !== baseModel) return `model ${reply.model}`;
  if (choice.message.role !== "assistant" || typeof chatText !== "string" || chatText === "") return `message ${show(choice.message)}`;
  if (choice.finish_reason !== "length") return `finish_reason ${choice.finish_reason} (EOS is banned, max_tokens ${MAX_TOKENS})`;
  const u = reply.usage;
  if (!(u.prompt_tokens > 0 && u.completion_tokens === MAX_TOKENS && u.total_tokens === u.prompt_tokens + u.completion_tokens))
    return `usage ${show(u)}`;
});

await check("chat.completions.create stream", async () => {
  // A seed the cache has not seen: greedy decoding ignores it, so this is a fresh generation of
  // the same answer rather than the cached one replayed.
  const stream = await client.chat.completions.create(chatRequest("头痛怎么办", {
    stream: true, seed: 12345, stream_options: { include_usage: true } }));
  const { chunks, text, last } = await collect(stream, (c) => c.delta.content);
  if (chunks.some((c) => c.object !== "chat.completion.chunk")) return `objects ${show(chunks.map((c) => c.object))}`;
  if (new Set(chunks.map((c) => c.id)).size !== 1 || !/^chatcmpl-/.test(chunks[0].id)) return "chunks do not share one chatcmpl- id";
  if (chunks[0].choices[0].delta.role !== "assistant") return `first delta ${show(chunks[0].choices[0].delta)}`;
  if (text === "") return "the streamed deltas are empty";
  if (!last || last.choices[0].finish_reason !== "length") return `last chunk ${show(last)}`;
  if (last.medlora?.cached !== false) return `came from the cache: ${show(last.medlora)}`;
  if (text !== chatText) return `streamed ${show(text)} != non-streamed ${show(chatText)}`;
  const usage = chunks.at(-1).usage;
  if (!usage || usage.completion_tokens !== MAX_TOKENS || chunks.at(-1).choices.length !== 0) return `usage chunk ${show(chunks.at(-1))}`;
});

await check("chat.completions.stream helper (finalChatCompletion)", async () => {
  // The client's own accumulator: it rebuilds the completion from the chunks and throws when a
  // choice ends without a finish_reason.
  const runner = client.chat.completions.stream(chatRequest("头痛怎么办", { seed: 54321 }));
  const final = await runner.finalChatCompletion();
  if (final.choices[0].message.content !== chatText) return `accumulated ${show(final.choices[0].message.content)} != ${show(chatText)}`;
  if (final.choices[0].finish_reason !== "length") return `finish_reason ${final.choices[0].finish_reason}`;
});

let completionText = null;
await check("completions.create", async () => {
  const reply = await client.completions.create({ model: baseModel, prompt: "发烧", temperature: 0,
                                                   max_tokens: MAX_TOKENS, logit_bias: noEos });
  completionText = reply.choices[0].text;
  if (!/^cmpl-/.test(reply.id) || reply.object !== "text_completion") return `id/object ${reply.id} ${reply.object}`;
  if (typeof completionText !== "string" || completionText === "") return `text ${show(completionText)}`;
  if (reply.choices[0].finish_reason !== "length") return `finish_reason ${reply.choices[0].finish_reason}`;
  if (reply.usage.completion_tokens !== MAX_TOKENS) return `usage ${show(reply.usage)}`;
});

await check("completions.create stream", async () => {
  const stream = await client.completions.create({ model: baseModel, prompt: "发烧", temperature: 0,
                                                    max_tokens: MAX_TOKENS, logit_bias: noEos, seed: 12345, stream: true });
  const { chunks, text, last } = await collect(stream, (c) => c.text);
  if (chunks.some((c) => c.object !== "text_completion")) return `objects ${show(chunks.map((c) => c.object))}`;
  if (text === "") return "the streamed texts are empty";
  if (!last || last.choices[0].finish_reason !== "length") return `last chunk ${show(last)}`;
  if (text !== completionText) return `streamed ${show(text)} != non-streamed ${show(completionText)}`;
});

await check("models.list", async () => {
  const ids = [];
  for await (const model of client.models.list()) {
    if (model.object !== "model") return `object ${show(model)}`;
    ids.push(model.id);
  }
  for (const id of [baseModel, adapter, "route"]) if (!ids.includes(id)) return `${id} missing from ${show(ids)}`;
});

await check("models.retrieve", async () => {
  for (const id of [baseModel, adapter]) {
    const model = await client.models.retrieve(id);
    if (model.id !== id || model.object !== "model" || !(model.created > 0)) return `${id}: ${show(model)}`;
  }
  try {
    await client.models.retrieve("no-such-model");
  } catch (error) {
    if (!(error instanceof NotFoundError) || error.status !== 404 || error.code !== "model_not_found") return `got ${error} (code ${error.code})`;
    return;
  }
  return "an unknown model was found";
});

await check("x-request-id on every reply (_request_id, withResponse)", async () => {
  const shape = /^req_[0-9a-f]{32}$/;
  const ids = [];
  const reply = await client.chat.completions.create(chatRequest("头痛", { max_tokens: 2 }));
  ids.push(reply._request_id);
  const model = await client.models.retrieve(baseModel);
  ids.push(model._request_id);
  const { data: stream, request_id } = await client.chat.completions
    .create(chatRequest("头痛", { max_tokens: 2, seed: 777, stream: true })).withResponse();
  for await (const _ of stream) { /* drain */ }
  ids.push(request_id);
  try {
    await client.models.retrieve("no-such-model");
  } catch (error) {
    ids.push(error.requestID);
  }
  if (!ids.every((id) => shape.test(String(id)))) return `ids ${show(ids)}`;
  if (new Set(ids).size !== ids.length) return `an id repeats: ${show(ids)}`;
});

await check("max_tokens past the context is BadRequestError 400 context_length_exceeded", async () => {
  const context = config.max_position_embeddings;
  try {
    await client.chat.completions.create(chatRequest("头痛", { max_tokens: context }));
  } catch (error) {
    if (!(error instanceof BadRequestError) || error.status !== 400 || error.code !== "context_length_exceeded")
      return `got ${error} (code ${error.code})`;
    if (!error.message.includes(`maximum context length is ${context} tokens`) || !error.message.includes(`${context} in the completion`))
      return `message ${error.message}`;
    return;
  }
  return `a prompt plus ${context} new tokens was accepted by a model of ${context} positions`;
});

await check("a wrong key is AuthenticationError 401", async () => {
  try {
    await connect("mlk-wrong").chat.completions.create(chatRequest("头痛"));
  } catch (error) {
    if (!(error instanceof AuthenticationError) || error.status !== 401) return `got ${error}`;
    if (error.code !== "invalid_api_key") return `code ${error.code}`;
    return;
  }
  return "the request succeeded";
});

await check("logprobs (not served) is BadRequestError 400", async () => {
  try {
    await client.chat.completions.create(chatRequest("头痛", { logprobs: true, top_logprobs: 2 }));
  } catch (error) {
    if (!(error instanceof BadRequestError) || error.status !== 400 || error.param !== "logprobs") return `got ${error} (param ${error.param})`;
    return;
  }
  return "the request succeeded without the log-probabilities it asked for";
});

await check("past the rate limit is RateLimitError 429", async () => {
  const limited = connect(option("limited-key"));
  await limited.chat.completions.create(chatRequest("感冒", { max_tokens: 2 }));
  try {
    await limited.chat.completions.create(chatRequest("感冒", { max_tokens: 2 }));
  } catch (error) {
    if (!(error instanceof RateLimitError) || error.status !== 429) return `got ${error}`;
    if (!(Number(error.headers.get("retry-after")) >= 1)) return `retry-after ${error.headers.get("retry-after")}`;
    return;
  }
  return "the second request within the minute succeeded";
});

await check("model route: medlora.adapter and route_reason", async () => {
  const routed = await client.chat.completions.create(chatRequest("胸痛", { model: "route" }));
  if (routed.medlora?.adapter !== adapter || !String(routed.medlora.route_reason).includes("胸痛"))
    return `胸痛: ${show(routed.medlora)}`;
  const fallback = await client.chat.completions.create(chatRequest("头痛", { model: "route" }));
  if (fallback.medlora?.adapter !== "base") return `头痛: ${show(fallback.medlora)}`;
});

await check("safety flags in the reply", async () => {
  const reply = await client.chat.completions.create(chatRequest("胸痛", { model: adapter }));
  const safety = reply.medlora?.safety;
  if (!safety || !Array.isArray(safety.flags) || typeof safety.language !== "string") return `safety ${show(safety)}`;
  // 胸痛 (chest pain) is an emergency: an answer of noise gives no emergency advice, so it is flagged.
  if (safety.flags.length === 0) return `no flag for a chest-pain answer without emergency advice: ${show(safety)}`;
});

console.log(failures === 0 ? "all OpenAI client checks passed" : `${failures} OpenAI client check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
