#!/usr/bin/env bash
# Installs the system packages DlCourse needs; safe to run again (installs only what is missing).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

packages=(
  libtorch1.13 libopenblas0-pthread   # TorchSharp's native libtorch, with a fast BLAS
  python3-nbformat python3-torch      # independent checks: notebook schema, PyTorch reference
  python3-scipy                       # independent check: writes MATLAB .mat files for the SVHN reader test
  dataset-fashion-mnist               # offline data set in IDX format
  chromium poppler-utils              # PDF/HTML export and its checks
  bubblewrap                          # the grader's private root for each worker (docs/grading.md)
  mmdebstrap                          # the student machine the pack tests run on: a Debian 13 root (StudentMachineTests)
  jupyter-nbconvert jupyter-client    # Jupyter (nbconvert; jupyter-kernelspec, which registering the kernel needs)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (https://dot.net)" >&2; exit 1; }
[ -x "$here/assets.sh" ] && "$here/assets.sh"
# The real clients students use (dotnet-repl, dotnet-interactive), pinned in .config/dotnet-tools.json.
(cd "$here/.." && dotnet tool restore >/dev/null) || { echo "setup: dotnet tool restore failed" >&2; exit 1; }
# Jupyter's .NET (C#) kernel, .net-csharp, as a student registers it; its kernelspec runs `dotnet interactive`, which in
# the clone is the pinned tool.
csharp_kernel() { [[ "$(jupyter kernelspec list --json 2>/dev/null)" == *'".net-csharp"'* ]]; }
if ! csharp_kernel; then
  (cd "$here/.." && DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 dotnet tool run dotnet-interactive -- jupyter install >/dev/null)
  csharp_kernel || { echo "setup: registering the .NET (C#) Jupyter kernel failed" >&2; exit 1; }
fi
echo "setup: ok"
