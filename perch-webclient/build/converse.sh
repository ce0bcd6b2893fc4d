#!/usr/bin/env bash
# Fetches the pinned Converse.js with npm (package.json + package-lock.json beside the pom) and copies the files the
# web client serves into the jar's resources. Run by the module's Maven build (generate-resources):
#   converse.sh <module dir> <work dir> <resources out dir>
# npm ci runs only when the lock file differs from the one the last install used, so rebuilds are offline and quick.
set -euo pipefail

readonly module=$1 work=$2 out=$3

fail() {
  printf 'perch-webclient: %s\n' "$1" >&2
  exit 1
}

readonly how='Debian 13: apt-get install nodejs npm; Debian 12 and Ubuntu 24.04 ship Node.js 18: see perch-webclient/README.md'
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
  || fail "building the web client needs Node.js 20 or newer and npm, to fetch the pinned Converse.js from the npm registry: install them ($how) and build again"
node_major=$(node -p 'process.versions.node.split(".")[0]')
(( node_major >= 20 )) || fail "building the web client needs Node.js 20 or newer; this node is $(node --version) ($how)"

mkdir -p "$work"
if ! cmp -s "$module/package-lock.json" "$work/package-lock.json" || [[ ! -d "$work/node_modules/converse.js" ]]; then
  cp "$module/package.json" "$module/package-lock.json" "$work/"
  # --ignore-scripts: only the prebuilt dist/ is used, nothing of the package is run here.
  (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) \
    || fail "npm ci failed in $work (is the npm registry reachable?)"
fi
node "$module/build/copy-converse.mjs" "$work/node_modules/converse.js" "$out"
