#!/usr/bin/env python3
"""Writes the committed seed corpora (fuzz/corpus/<harness>/) from datasets/.

Deterministic (fixed slices, fixed random seed) and small: a few KB per
harness. Rerun only to rebuild the seeds from scratch; scripts/fuzz.sh merges
what fuzzing finds into the same folders.
"""
import hashlib
import json
import os
import random
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")

TEXT = ["utf8", "normalize", "shingle", "exact_hash", "signer", "c_api", "c_classify",
        "classifier", "line_features", "corpus_stats"]
BINARY = ["minhash", "simhash", "simhash_index", "lsh", "cluster", "containment", "sort_keys",
          "group_key_fold"]

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


# make_seeds.py [HARNESS...]: only those harnesses' seeds (default: all).
ONLY = set(sys.argv[1:])


def write(harness, data):
    if ONLY and harness not in ONLY:
        return
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
    # Word lists, then text to scan: FuzzedDataProvider ends the file at a
    # backslash followed by another byte.
    write("pattern_db", b"w1 w 1 en share|copy link|read more\nw2 ih 1 en ^related$\n"
          b"w3 w 1 * facebook|e-mail|the ap\n\\;Share | Copy link\r\nRelated\nFacebook \xc2\xb7 E-mail\n"
          b"The AP\nread more now\n")
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
    # JSONL files (fuzz_jsonl): records built from the article slices, one
    # file per shape, then the records that must be reported and skipped.
    # The harness reads its options from the input's last bytes.
    def rec(text, **extra):
        obj = dict(extra)
        obj["text"] = text.decode("utf-8", "replace")
        return json.dumps(obj).encode()
    docs = [s[:300] for s in slices]
    write("jsonl", b"\n".join(rec(d, id="doc-%d" % i) for i, d in enumerate(docs)) + b"\n")
    write("jsonl", b"\r\n".join(rec(d) for d in docs[:3]) + b"\r\n\r\n  \t\n")
    write("jsonl", b"\n".join(rec(d, url="https://example.com/%d" % i, id=i) for i, d in enumerate(docs[:3])))
    write("jsonl", b"\n".join(b'{"content": %s, "doc_id": {"a": [1, 2]}}' % json.dumps(d.decode("utf-8", "replace")).encode()
                               for d in docs[:2]) + b"\n")
    write("jsonl", b"\n".join([
        b'{"id": "ok", "text": "a line\\nanother line"}',
        b'{"id": "broken", "text": "unterminated',
        b'["not", "an", "object"]',
        b'{"id": "no-text"}',
        b'{"id": "number", "text": 42}',
        b'{"id": "bad-utf8", "text": "caf\xc3 \xff\xfe"}',
        b'{"id": "\xed\xa0\x80 surrogate id", "text": "x"}',
        b'{"\\u0074ext": "escaped key", "id": "\\u0041"}',
        b'{"text": "dup key", "text": "second"}',
        b'{"id": 123456789012345678901234567890, "text": "wide id", "f": 1e400, "g": [-18446744073709551616, {"h": 0.5}]}',
        b'{"id": "bad-number", "text": "x", "n": 01}',
        b'{"id": "lone-surrogates", "text": "a \\ud800 b \\udc00 c \\ud83d\\ude00", "x": "\\\\udfff"}',
        b'{"id": "", "text": ""}',
        b'\x00\x00',
        b'{}',
    ]) + b"\n")
    write("jsonl", b"\xef\xbb\xbf" + rec(docs[0], id="after-a-bom") + b"\n")  # a byte order mark first
    # The same records wrapped: option bytes at the end, consumed from the last
    # one: wrap (3 gzip, 4 zstd), two members, truncate, text field, id field,
    # max records, max bytes (2), clean.
    body = b"\n".join(rec(d, id="doc-%d" % i) for i, d in enumerate(docs[:4])) + b"\n"
    for wrap, two, trunc in ((3, 1, 0), (4, 0, 0), (4, 1, 0), (3, 0, 1)):
        write("jsonl", body + bytes([1, 0x10, 0x00, 5, 0, 0, trunc, two, wrap]))
    # Command lines (fuzz_cli_args): arguments separated by NUL bytes.
    for argv in [
        ["clean", "a.txt"], ["clean", "--explain", "-q", "docs.jsonl"],
        ["sign", "--algo", "simhash", "--k", "64", "--ngram", "3", "--no-clean", "-"],
        ["dedup", "--threshold", "0.9", "--measure", "containment", "--bands", "16", "--rows", "8",
         "--exact-verify", "--summary", "--stats", "--threads", "2", "dir/"],
        ["dedup", "--format=jsonl", "--text-field", "content", "--id-field", "url",
         "--corpus-min-documents", "3", "--min-words", "0", "--no-corpus-stats", "x.jsonl.gz"],
        ["--version"], ["dedup", "--help"], ["sign", "--k", "0", "a.txt"],
        ["dedup", "--bands", "16", "a.txt"], ["dedup", "--threshold", "nan", "a.txt"],
        ["clean"], ["frobnicate", "a.txt"], ["dedup", "--", "--k", "-"],
        ["stats", "-o", "t.bhlf", "--corpus-table-entries", "4096", "dir/"],
        ["stats", "--output", "m.bhlf", "--corpus-stats", "a.bhlf", "--corpus-stats", "b.bhlf"],
        ["clean", "--corpus-stats", "t.bhlf", "--no-corpus-stats", "a.txt"], ["stats", "a.txt"],
        ["dedup", "--corpus-stats", "t.bhlf", "--corpus-stats", "u.bhlf", "a.jsonl"],
        ["dedup", "--filter", "--no-clean", "a.jsonl"], ["dedup", "--filter", "--summary", "a.jsonl"],
    ]:
        write("cli_args", b"\0".join(a.encode() for a in argv))


if __name__ == "__main__":
    sys.exit(main())
