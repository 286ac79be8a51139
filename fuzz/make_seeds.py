#!/usr/bin/env python3
"""Writes the committed seed corpora (fuzz/corpus/<harness>/) from datasets/.

Deterministic (fixed slices, fixed random seed) and small: a few KB per
harness. Rerun only to rebuild the seeds from scratch; scripts/fuzz.sh merges
what fuzzing finds into the same folders.
"""
import hashlib
import os
import random
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")

TEXT = ["utf8", "normalize", "shingle", "exact_hash", "signer", "c_api",
        "classifier", "line_features", "corpus_stats"]
BINARY = ["minhash", "simhash", "simhash_index", "lsh", "cluster", "containment"]

# UTF-8 edge cases: boundaries of every sequence length, overlongs, surrogates,
# above U+10FFFF, truncations, stray continuation bytes, NUL, BOM, combining
# marks, compatibility characters, digits of other scripts.
EDGES = [
    b"plain ascii words, punctuation. And 2023 digits!",
    b"\x00nul\x00 inside",
    b"\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf\xf0\x90\x80\x80\xf4\x8f\xbf\xbf",
    b"overlong \xc0\xaf \xe0\x80\xaf \xf0\x80\x80\xaf end",
    b"surrogate \xed\xa0\x80 \xed\xbf\xbf end",
    b"too big \xf4\x90\x80\x80 \xf5\x80\x80\x80 \xff\xfe",
    b"truncated \xe2\x82 \xf0\x9f\x98 \xc3",
    b"stray \x80\x80\xbf continuation",
    b"\xef\xbb\xbfBOM caf\xc3\xa9 cafe\xcc\x81 na\xc3\xafve Stra\xc3\x9fe \xef\xac\x81le \xe2\x91\xa0 \xc2\xbd",
    "ΣΊΣΥΦΟΣ Москва 東京 한국어 ٣٤ ǅ İ ﬀ ℌ ⅷ \u200b zero\u00a0width".encode(),
    b"a" * 40 + b"\xe2\x80\x94" + b"b" * 40 + b"\xf0\x9f\x98\x80" * 10,
]


def write(harness, data):
    d = os.path.join(CORPUS, harness)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    articles = os.path.join(ROOT, "datasets", "articles")
    pages = os.path.join(ROOT, "datasets", "pages-dev", "texts")
    slices = []
    for name in sorted(os.listdir(articles)):
        if name.endswith(".txt"):
            b = open(os.path.join(articles, name), "rb").read()
            slices.append(b[:1500])
    for name in sorted(os.listdir(pages))[:4]:
        b = open(os.path.join(pages, name), "rb").read()
        mid = len(b) // 2
        slices.append(b[mid : mid + 1500])
    for h in TEXT:
        for s in slices + EDGES:
            write(h, s)
    # Pattern files: runs of whole lines of the embedded English patterns,
    # followed by article text to scan.
    pat_lines = open(os.path.join(ROOT, "kernel", "patterns", "en.patterns"), "rb").read().splitlines(True)
    for i in range(0, len(pat_lines), 12):
        write("pattern_db", b"".join(pat_lines[i : i + 12]) + slices[i % len(slices)][:400])
    write("pattern_db", b"bad_flags zz 1 en foo\n")
    write("pattern_db", b"p1 il 2.5 * (?:share|tweet) this\np2 - x en unbalanced(\n")
    # A stored line-frequency table (corpus_stats.h, format version 1).
    entries = sorted((random.Random(7).getrandbits(64), c) for c in range(1, 6))
    blob = b"BHLF" + struct.pack("<IQQIQ", 1, 64, 9, 0, len(entries))
    blob += b"".join(struct.pack("<QI", h, c) for h, c in entries)
    write("corpus_stats", blob)
    rng = random.Random(20240601)
    for h in BINARY:
        for n in (0, 8, 64, 256, 1024, 4096):
            write(h, bytes(rng.getrandbits(8) for _ in range(n)))
        for s in slices[:3]:
            write(h, s)


if __name__ == "__main__":
    sys.exit(main())
