#!/usr/bin/env bash
# Installs the browser assets the exporter bundles (KaTeX, Plotly, highlight.js) from npm into
# environment/web/node_modules (git-ignored). Safe to run again: does nothing when the lock file is unchanged.
set -euo pipefail
web="$(cd "$(dirname "${BASH_SOURCE[0]}")/web" && pwd)"
stamp="$web/node_modules/.dlcourse-lock.sha256"

command -v npm >/dev/null || { echo "assets: Node.js with npm is required (e.g. apt-get install nodejs npm)" >&2; exit 1; }

want="$(sha256sum "$web/package-lock.json" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "assets: up to date ($web/node_modules)"
  exit 0
fi

echo "assets: installing KaTeX, Plotly and highlight.js into $web/node_modules"
(cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
echo "$want" > "$stamp"
