#!/usr/bin/env bash
# The main job on the bundled sample set: builds if needed, then runs
# `boilerhash dedup` on datasets/articles (or on the arguments given).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_DIR=build bash scripts/build.sh >/dev/null
if [ -x build/cli/boilerhash ]; then
  if [ $# -eq 0 ]; then exec build/cli/boilerhash dedup --summary datasets/articles; fi
  exec build/cli/boilerhash "$@"
fi
# Until the command exists: the pairwise similarity table on raw text.
if [ $# -eq 0 ]; then set -- datasets/articles/*.txt; fi
exec build/similarity_table "$@"
