#!/usr/bin/env bash
# Installs a real llama.cpp into DEST (default: ./llama_cpp_oracle): node-llama-cpp with its
# prebuilt CPU binaries for linux-x64 (AVX2, AVX-512, Sapphire Rapids, Zen 4 variants among them;
# no CUDA or Vulkan packages, no source download, no compile; about 85 MB). Pinned versions; does
# nothing when DEST already has them. Used by ./dev bench for its llama.cpp anchor. Never commit DEST.
#   tests/reference/install_llama_cpp.sh DEST
set -euo pipefail
DEST="${1:-llama_cpp_oracle}"
VERSION=3.21.1
PACKAGES=("node-llama-cpp@$VERSION" "@node-llama-cpp/linux-x64@$VERSION")
installed() {
  local name="${1%@*}"
  [ -f "$DEST/node_modules/$name/package.json" ] && grep -q "\"version\": *\"$VERSION\"" "$DEST/node_modules/$name/package.json"
}
if installed node-llama-cpp@ && installed @node-llama-cpp/linux-x64@; then
  echo "llama.cpp (node-llama-cpp $VERSION) already in $DEST"
  exit 0
fi
command -v npm >/dev/null || { echo "install_llama_cpp.sh: npm is not installed (apt-get install npm)" >&2; exit 1; }
mkdir -p "$DEST"
[ -f "$DEST/package.json" ] || echo '{"name": "medlora-llama-cpp-oracle", "private": true}' >"$DEST/package.json"
echo "installing node-llama-cpp $VERSION (CPU build) into $DEST"
# --omit=optional keeps the GPU builds out; --ignore-scripts keeps its postinstall from building.
npm install --prefix "$DEST" --no-audit --no-fund --no-save --omit=optional --ignore-scripts "${PACKAGES[@]}" >&2
# The CPU binaries must be there, or the anchor would fail for the wrong reason.
ls "$DEST"/node_modules/@node-llama-cpp/linux-x64/bins/*/llama-addon.node >/dev/null 2>&1 ||
  { echo "install_llama_cpp.sh: node-llama-cpp installed without its linux-x64 CPU binaries" >&2; exit 1; }
