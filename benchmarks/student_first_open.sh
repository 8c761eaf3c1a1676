#!/usr/bin/env bash
# A student's first open of an A4 notebook against a warm one, on the student machine of StudentMachineTests (a Debian 13
# root entered with bubblewrap as an ordinary user, an empty home, only the package registry reachable), and each
# assignment's pack size. The first open restores TorchSharp-cpu (libtorch for every platform) into the empty NuGet
# cache and downloads Fashion-MNIST (from a loopback stand-in for its host); the warm one finds both in the caches.
# Usage: benchmarks/student_first_open.sh [ROUNDS]   (needs environment/setup.sh, and a build: dotnet build tools/DlCourse.Cli)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
repo=$PWD
root="${DLCOURSE_STUDENT_ROOT:-$HOME/.cache/dlcourse-tests/trixie-root}"
[ -e "$root/etc/debian_version" ] || { echo "no student root at $root: run the StudentMachineTests once" >&2; exit 2; }
dlcourse="$repo/tools/DlCourse.Cli/bin/Debug/net10.0/dlcourse.dll"
repl="$(dirname "$(find ~/.nuget/packages/dotnet-repl -name dotnet-repl.dll -path '*net10.0*' | head -1)")"
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
work=$(mktemp -d)
trap 'kill %1 2>/dev/null || true; rm -rf "$work"' EXIT
(cd /usr/share/datasets/fashion-mnist && exec python3 -m http.server 18511 --bind 127.0.0.1 >/dev/null 2>&1) &

echo "pack sizes (zip, as a student downloads it; unpacked):"
for a in a1-loss-functions a2-backprop-gradient-descent a3-linear-classifiers a4-deep-networks; do
  dotnet "$dlcourse" release "notebooks/$a" --out "$work/${a%%-*}" >/dev/null
  printf '  %s\t%s\t%s\n' "${a%%-*}" "$(du -h "$work/${a%%-*}.zip" | cut -f1)" "$(du -sh "$work/${a%%-*}" | cut -f1)"
done

open_once() { # $1 home; prints seconds of dotnet-repl running A4 Q2 from process start to exit
  local start=$(date +%s.%N)
  bwrap --unshare-user --uid 1000 --gid 1000 --die-with-parent --ro-bind "$root" / --ro-bind "$dotnet_root" /usr/share/dotnet \
    --ro-bind /etc/ssl/certs /etc/ssl/certs --ro-bind /etc/resolv.conf /etc/resolv.conf --ro-bind /etc/hosts /etc/hosts \
    --ro-bind "$(dirname "$(dirname "$(dirname "$repl")")")" /opt/dotnet-repl --bind "$1" /home/student --proc /proc --dev /dev \
    --tmpfs /tmp --clearenv --setenv HOME /home/student --setenv PATH /usr/share/dotnet:/usr/bin:/bin \
    --setenv DOTNET_ROOT /usr/share/dotnet --setenv NUGET_CERT_REVOCATION_MODE "${NUGET_CERT_REVOCATION_MODE:-online}" \
    --setenv DOTNET_CLI_TELEMETRY_OPTOUT 1 --setenv DOTNET_NOLOGO 1 --setenv DLCOURSE_PROFILE fast \
    --setenv DLCOURSE_FASHION_MNIST_MIRROR http://127.0.0.1:18511/ --chdir /home/student/a4/a4-deep-networks \
    dotnet /opt/dotnet-repl/tools/net10.0/any/dotnet-repl.dll --run q2-cnn.ipynb --exit-after-run --output-path /home/student/out.ipynb >/dev/null 2>&1
  echo "$(date +%s.%N) - $start" | bc
}

echo "A4 Q2 under dotnet-repl on the student machine (seconds):"
for ((r = 1; r <= rounds; r++)); do
  home="$work/home$r"; mkdir -p "$home"; (cd "$home" && unzip -q "$work/a4.zip")
  cold=$(open_once "$home"); warm=$(open_once "$home")
  printf '  round %d: first open %.1f, warm %.1f, ratio %.2f; NuGet cache %s, data cache %s\n' "$r" "$cold" "$warm" \
    "$(echo "$cold / $warm" | bc -l)" "$(du -sh "$home/.nuget/packages" | cut -f1)" "$(du -sh "$home/.cache/dlcourse" | cut -f1)"
done
