#!/usr/bin/env bash
# Installs every Debian package the build, tests, benchmarks and fuzzers need.
# Idempotent: packages already present are skipped by apt; uses sudo when not root.
set -euo pipefail
PKGS=(cmake g++ make pkg-config libvectorscan-dev libhwy-dev libxxhash-dev
      libutf8proc-dev googletest libgtest-dev libbenchmark-dev clang-14
      libclang-rt-14-dev llvm-14 libsimdjson-dev zlib1g-dev libzstd-dev
      libcli11-dev zstd time python3 python3-venv)
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
