#!/usr/bin/env bash
# The main job on the bundled sample set: builds if needed, then runs
# `boilerhash dedup` on datasets/articles (or on the arguments given, whose
# paths are read from the directory the script was called from).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
(cd "$ROOT" && bash scripts/setup.sh && BUILD_DIR=build bash scripts/build.sh >/dev/null)
if [ -x "$ROOT/build/cli/boilerhash" ]; then
  if [ $# -eq 0 ]; then cd "$ROOT" && exec build/cli/boilerhash dedup --summary datasets/articles; fi
  exec "$ROOT/build/cli/boilerhash" "$@"
fi
# Until the command exists: the pairwise similarity table on raw text.
if [ $# -eq 0 ]; then cd "$ROOT" && set -- datasets/articles/*.txt; fi
exec "$ROOT/build/similarity_table" "$@"
