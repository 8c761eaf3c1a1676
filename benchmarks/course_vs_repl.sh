#!/usr/bin/env bash
# The fast-profile course through `dlcourse run -j 2` against dotnet-repl (pinned in .config/dotnet-tools.json), two
# notebooks at a time, on the same notebooks, which goes first alternating by round: prints each round's wall time and each notebook's.
# Usage: benchmarks/course_vs_repl.sh ROUNDS [NOTEBOOK...]   (default: every course notebook; needs a Release build of
# tools/DlCourse.Cli: dotnet build -c Release tools/DlCourse.Cli)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}; shift || true
root=$PWD
if (($#)); then notebooks=("$@"); else mapfile -t notebooks < <(cd notebooks && ls -1 */*.ipynb); fi
dlcourse="$root/tools/DlCourse.Cli/bin/Release/net10.0/dlcourse.dll"
out=$(mktemp -d)
export DLCOURSE_PROFILE=fast DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1

repl_one() { # $1 notebook relative to notebooks/, $2 output folder; started in the notebook's folder, as the tests do
  local start=$(date +%s.%N)
  (cd "notebooks/$(dirname "$1")" && dotnet tool run dotnet-repl -- --run "$(basename "$1")" --exit-after-run \
     --output-path "$2/$(basename "$1")" >/dev/null 2>&1) || echo "dotnet-repl failed: $1" >&2
  printf '%s\t%.2f\n' "$1" "$(echo "$(date +%s.%N) - $start" | bc)"
}
export -f repl_one

dl_round() {
  local start=$(date +%s.%N)
  dotnet "$dlcourse" run "${notebooks[@]/#/notebooks/}" --out "$out/dl$1" -j 2 >/dev/null || echo "dlcourse run failed" >&2
  echo "round $1 dlcourse-run $(echo "$(date +%s.%N) - $start" | bc) s (per notebook: kernel start to last cell)"
  python3 -c 'import json, sys
for n in json.load(open(sys.argv[1]))["notebooks"]: print("  %s\t%s" % (n["notebook"], n["seconds"]))' "$out/dl$1/run.json"
}
repl_round() {
  local start=$(date +%s.%N)
  mkdir -p "$out/repl$1"
  printf '%s\n' "${notebooks[@]}" | xargs -P 2 -I{} bash -c 'repl_one "$1" "$2"' _ {} "$out/repl$1" > "$out/repl$1.tsv"
  echo "round $1 dotnet-repl $(echo "$(date +%s.%N) - $start" | bc) s (per notebook: process start to exit)"
  sort "$out/repl$1.tsv" | sed 's/^/  /'
}
for ((r = 1; r <= rounds; r++)); do
  if ((r % 2)); then dl_round $r; repl_round $r; else repl_round $r; dl_round $r; fi
done
