#!/usr/bin/env bash
# Builds the holdout sets (datasets/holdout/README.md) under build/holdout/:
# real pages with ground-truth article text from two PyPI packages' test
# fixtures, labelled per line by pages-dev's own extractor and labeller.
# Needs PyPI (pip download) and makes a virtual environment with lxml.
# Then: python3 scripts/eval_pages_dev.py --set build/holdout/article-extractor
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-build/holdout}
mkdir -p "$OUT/dl" "$OUT/src"
# Checked by importing lxml, not by the venv's existence: a first run whose
# pip install failed leaves a venv without it.
"$OUT/venv/bin/python" -c "import lxml" 2>/dev/null ||
  { python3 -m venv "$OUT/venv" && "$OUT/venv/bin/pip" install -q lxml; }
PIP="$OUT/venv/bin/pip"
# article-extractor 0.5.9 declares Python >= 3.12: ask for its sdist as such
# (--no-deps: nothing is installed, the archive is only read).
"$PIP" download -q --no-deps --no-binary :all: --python-version 3.12 article-extractor==0.5.9 -d "$OUT/dl"
"$PIP" download -q --no-deps --no-binary :all: newspaper4k==0.9.6 -d "$OUT/dl"
# The archives the labels were checked on (2026-12-02).
(cd "$OUT/dl" && sha256sum -c --quiet) <<'SUMS'
adf12c7a385034f3defe01d2b5f16d15360ef71c08ec5a543fc301f78d07beb0  article_extractor-0.5.9.tar.gz
a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e  newspaper4k-0.9.6.tar.gz
SUMS
tar xzf "$OUT/dl/article_extractor-0.5.9.tar.gz" -C "$OUT/src"
tar xzf "$OUT/dl/newspaper4k-0.9.6.tar.gz" -C "$OUT/src"
DEV=datasets/pages-dev/texts
"$OUT/venv/bin/python" datasets/holdout/build_holdout.py article-extractor \
  "$OUT/src/article_extractor-0.5.9/tests/fixtures/fullpage_to_article_html" "$OUT/article-extractor" --dev "$DEV"
"$OUT/venv/bin/python" datasets/holdout/build_holdout.py newspaper4k \
  "$OUT/src/newspaper4k-0.9.6/tests/data" "$OUT/newspaper4k" --dev "$DEV"
