#!/usr/bin/env bash
# `medlora tokenize`: ids of --text and of a --file of texts under a tiny tokenizer.json folder
# written here (ids checked against HF's Rust tokenizers when the fixture was made), BOS/EOS
# only with --add-special-tokens, special-token text recognised, and one-line errors for a
# folder without a tokenizer, a damaged tokenizer.json and bad options.
# usage: tokenize_cli_test.sh BUILD_BIN_DIR
set -u
BIN="${1:?usage: $0 BUILD_BIN_DIR}"
MEDLORA="$BIN/medlora"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

mkdir -p "$WORK/tok"
cat >"$WORK/tok/tokenizer.json" <<'JSON'
{"version": "1.0", "truncation": null, "padding": null,
 "added_tokens": [
  {"id": 17, "content": "<s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
  {"id": 18, "content": "</s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}],
 "normalizer": null,
 "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true},
 "post_processor": {"type": "TemplateProcessing",
   "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
   "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}],
   "special_tokens": {"<s>": {"id": "<s>", "ids": [17], "tokens": ["<s>"]}, "</s>": {"id": "</s>", "ids": [18], "tokens": ["</s>"]}}},
 "decoder": {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": true, "use_regex": true},
 "model": {"type": "BPE", "dropout": null, "unk_token": null, "continuing_subword_prefix": null, "end_of_word_suffix": null,
   "fuse_unk": false, "byte_fallback": false, "ignore_merges": false,
   "vocab": {"h": 0, "e": 1, "l": 2, "o": 3, "Ġ": 4, "w": 5, "r": 6, "d": 7, "he": 8, "ll": 9, "hell": 10, "hello": 11,
             "Ġw": 12, "or": 13, "Ġwor": 14, "ld": 15, "Ġworld": 16},
   "merges": ["h e", "l l", "he ll", "hell o", "Ġ w", "o r", "Ġw or", "l d", "Ġwor ld"]}}
JSON
echo '{"bos_token": "<s>", "eos_token": "</s>"}' >"$WORK/tok/tokenizer_config.json"

ids() { python3 -c "import json,sys; print(json.dumps(json.load(sys.stdin)['ids'], separators=(',', ':')))"; }

out="$("$MEDLORA" tokenize --model "$WORK/tok" --text "hello world" --json | ids)"
[ "$out" = "[[11,16]]" ] || fail "--text: got $out, expected [[11,16]]"
out="$("$MEDLORA" tokenize --model "$WORK/tok" --text "hello world" --add-special-tokens --json | ids)"
[ "$out" = "[[17,11,16,18]]" ] || fail "--add-special-tokens: got $out, expected [[17,11,16,18]]"
out="$("$MEDLORA" tokenize --model "$WORK/tok" --text "hello</s> world" --json | ids)"
[ "$out" = "[[11,18,16]]" ] || fail "special-token text: got $out, expected [[11,18,16]]"
echo '["hello", " world", "", "hello<s>"]' >"$WORK/texts.json"
out="$("$MEDLORA" tokenize --model "$WORK/tok" --file "$WORK/texts.json" --json | ids)"
[ "$out" = "[[11],[16],[],[11,17]]" ] || fail "--file: got $out, expected [[11],[16],[],[11,17]]"

# Errors: one line on stderr naming the problem, non-zero exit.
expect_error() {  # expect_error PATTERN ARGS...
  local pattern="$1"; shift
  if "$MEDLORA" tokenize "$@" >"$WORK/out" 2>"$WORK/err"; then
    fail "tokenize $* succeeded"
    return
  fi
  [ "$(wc -l <"$WORK/err")" -eq 1 ] && grep -q "^medlora tokenize: .*$pattern" "$WORK/err" \
    || fail "tokenize $*: expected one line matching '$pattern', got: $(cat "$WORK/err")"
}
mkdir -p "$WORK/empty"
expect_error "has no tokenizer" --model "$WORK/empty" --text hi --json
expect_error "does not exist" --model "$WORK/missing" --text hi --json
mkdir -p "$WORK/broken" && echo '{"model": ' >"$WORK/broken/tokenizer.json"
expect_error "broken/tokenizer.json: not valid JSON" --model "$WORK/broken" --text hi --json
mkdir -p "$WORK/wordpiece" && echo '{"model": {"type": "WordPiece", "vocab": {}}}' >"$WORK/wordpiece/tokenizer.json"
expect_error "model type \"WordPiece\" is not supported" --model "$WORK/wordpiece" --text hi --json
expect_error "--model DIR is required" --text hi --json
expect_error "exactly one of --text" --model "$WORK/tok" --json
echo '{"not": "a list"}' >"$WORK/bad.json"
expect_error "must hold a JSON array of strings" --model "$WORK/tok" --file "$WORK/bad.json" --json

echo "$((failures == 0 ? 1 : 0)) passed, $failures failed"
[ "$failures" -eq 0 ]
