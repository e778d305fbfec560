#!/usr/bin/env node
// The reference for MedLoRA's tokenizer.json tokenizer: HF's Rust `tokenizers` (the npm
// native addon). Usage:
//   NODE_PATH=DEST/node_modules node hf_tokenize.js TOKENIZER_JSON TEXTS_JSON [--add-special-tokens]
//       [--decode] [--split-special-tokens] [--time]
// TEXTS_JSON is a JSON array of strings. Prints one JSON array: per text {"ids": [...]} and,
// with --decode, "decoded" (skip_special_tokens=false) and "decoded_skip" (true).
// --time encodes every text once untimed, then times only the encode calls and prints
// {"seconds": S, "bytes": N, "tokens": T} instead.
'use strict';
const fs = require('fs');
const { Tokenizer } = require('tokenizers');

async function main() {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const [tokenizerPath, textsPath] = args.filter((a) => !a.startsWith('--'));
  if (!tokenizerPath || !textsPath) {
    console.error('usage: hf_tokenize.js TOKENIZER_JSON TEXTS_JSON [--add-special-tokens] [--decode] [--time]');
    process.exit(2);
  }
  const texts = JSON.parse(fs.readFileSync(textsPath, 'utf8'));
  const tokenizer = await Tokenizer.fromFile(tokenizerPath);
  if (flags.has('--split-special-tokens')) tokenizer.setEncodeSpecialTokens(true);
  const addSpecialTokens = flags.has('--add-special-tokens');
  if (flags.has('--time')) {
    let bytes = 0, tokens = 0;
    for (const t of texts) await tokenizer.encode(t, null, { addSpecialTokens });
    const start = process.hrtime.bigint();
    for (const t of texts) {
      const e = await tokenizer.encode(t, null, { addSpecialTokens });
      tokens += e.getIds().length;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    for (const t of texts) bytes += Buffer.byteLength(t, 'utf8');
    process.stdout.write(JSON.stringify({ seconds, bytes, tokens }) + '\n');
    return;
  }
  const out = [];
  for (const t of texts) {
    const e = await tokenizer.encode(t, null, { addSpecialTokens });
    const item = { ids: Array.from(e.getIds()) };
    if (flags.has('--decode')) {
      item.decoded = await tokenizer.decode(item.ids, false);
      item.decoded_skip = await tokenizer.decode(item.ids, true);
    }
    out.push(item);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  console.error('hf_tokenize.js: ' + (e && e.stack ? e.stack : e));
  process.exit(1);
});
