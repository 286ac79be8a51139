#!/usr/bin/env python3
"""boilerhash against the tools people use today, in one run (issue 5, "Peers").

    python3 scripts/bench_peers.py            # the full run (a few minutes)
    python3 scripts/bench_peers.py --quick    # a small corpus, for trying changes

What it does:
  1. creates .venv-peers/ and pip-installs the peers (a peer that does not
     install is reported as such in the table, the run goes on);
  2. builds libboilerhash.so into build-peers/ (driven through ctypes, one call
     per document, so boilerhash's numbers include the Python->C call overhead);
  3. generates a deterministic near-duplicate corpus from datasets/ (fixed seed)
     and takes the dev-set pages (datasets/pages-dev/texts) as they are;
  4. runs every (tool, task, corpus) in its own subprocess, so that the peak
     RSS of one tool is not hidden by another's;
  5. writes bench/results/peers.md and bench/results/peers.png.

Every tool gets Python `str` documents and does its own tokenization inside the
timed region: tokenization is counted in every tool's time. A benchmark never
asserts a time: this script only measures and reports.
"""
import argparse
import ctypes
import json
import math
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path

from bench_summary import cpu_model  # scripts/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-peers"
BUILD = ROOT / "build-peers"
WORK = BUILD / "peers"              # corpus and per-worker results (not committed)
RESULTS = ROOT / "bench" / "results"
DEV_TEXTS = ROOT / "datasets" / "pages-dev" / "texts"
DEV_LABELS = ROOT / "datasets" / "pages-dev" / "labels.tsv"
ARTICLES = ROOT / "datasets" / "articles"

# pip name -> import name. Installed one by one when the batch install fails,
# so one missing wheel only marks that peer as "did not install".
PEERS = [
    ("numpy", "numpy"), ("matplotlib", "matplotlib"),
    ("datasketch", "datasketch"), ("rensa", "rensa"),
    # datatrove imports `tokenizers` and hashes with `xxhash` (its default
    # HashConfig); it passes str to xxh64_intdigest, which xxhash 4 refuses.
    ("datatrove", "datatrove"), ("tokenizers", "tokenizers"), ("xxhash<4", "xxhash"),
    ("simhash", "simhash"), ("justext", "justext"),
    ("trafilatura", "trafilatura"), ("resiliparse", "resiliparse"),
]

THRESHOLD = 0.8     # Jaccard threshold of every dedup task
K = 128             # MinHash permutations (datatrove: its own 14 x 8 = 112)
NGRAM = 5           # word 5-grams
HAMMING = 3         # SimHash near-duplicate: Hamming distance <= 3 of 64 bits
SEED = 20240531     # the corpus generator's seed


# ---------------------------------------------------------------------------
# Shared tokenization ("same shingling where the peer allows"): lower-cased
# runs of letters/digits (Python's \w less '_'), word 5-grams joined by one
# space; a text of fewer than 5 words gives one shingle of all of it, as
# boilerhash does (docs/FORMAT.md). The exact-Jaccard ground truth uses it too.
WORD_RE = re.compile(r"[^\W_]+")


def words(text):
    return WORD_RE.findall(text.lower())


def shingles(text, n=NGRAM):
    w = words(text)
    if not w:
        return []
    if len(w) < n:
        return [" ".join(w)]
    return [" ".join(w[i:i + n]) for i in range(len(w) - n + 1)]


# ---------------------------------------------------------------------------
# Environment: venv, packages, library.

def venv_python():
    return VENV / "bin" / "python"


def ensure_venv(log):
    """Creates the venv and installs the peers; returns {pip name: error or None}."""
    if not venv_python().exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(venv_python()), "-m", "pip", "install", "-q", "--upgrade", "pip"],
                       stdout=log, stderr=log)
    names = [p for p, _ in PEERS]
    status = {}
    r = subprocess.run([str(venv_python()), "-m", "pip", "install", "-q", *names],
                       stdout=log, stderr=log)
    if r.returncode != 0:
        for name in names:
            r = subprocess.run([str(venv_python()), "-m", "pip", "install", "-q", name],
                               stdout=log, stderr=log)
            status[name] = None if r.returncode == 0 else f"pip exit {r.returncode}"
    for pip_name, mod in PEERS:
        if status.get(pip_name):
            continue
        r = subprocess.run([str(venv_python()), "-c", f"import {mod}"],
                           capture_output=True, text=True)
        status[pip_name] = None if r.returncode == 0 else \
            (r.stderr.strip().splitlines() or ["import failed"])[-1][:120]
    return status


def build_library(log):
    cfg = ["cmake", "-S", str(ROOT), "-B", str(BUILD), "-DCMAKE_BUILD_TYPE=Release",
           "-DBOILERHASH_BUILD_TESTS=OFF", "-DBOILERHASH_BUILD_BENCH=OFF",
           "-DBOILERHASH_BUILD_FUZZ=OFF", "-DBOILERHASH_BUILD_CLI=OFF"]
    subprocess.run(cfg, check=True, stdout=log, stderr=log)
    subprocess.run(["cmake", "--build", str(BUILD), "-j1", "--target", "boilerhash"],
                   check=True, stdout=log, stderr=log)
    libs = sorted(BUILD.rglob("libboilerhash.so*"), key=lambda p: len(str(p)))
    if not libs:
        raise SystemExit("bench_peers: libboilerhash.so was not built (BUILD_SHARED_LIBS=OFF?)")
    return libs[0]


# ---------------------------------------------------------------------------
# Corpora.

def read_dev_pages():
    files = sorted(DEV_TEXTS.glob("*.txt"))
    return [f.name for f in files], [f.read_text(encoding="utf-8") for f in files]


def generate_corpus(n_docs, seed=SEED):
    """A deterministic near-duplicate corpus made from the text in datasets/.

    Base documents are 3-8 paragraphs, each a run of consecutive long lines
    (>= 6 words) of one dev page or article. 40% of the documents are edited
    copies of an earlier document: a word edit rate drawn from [0, 6%]
    (substitute / delete / insert, equally likely), so their word-5-gram
    Jaccard to the source spreads across ~0.6-1.0, both sides of 0.8; 30% of
    the copies also get a block of boilerplate lines (from the dev labels) at
    the top or the bottom. Only the seed decides the bytes."""
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in sorted(DEV_TEXTS.glob("*.txt"))]
    sources += [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    pages = []
    for text in sources:
        long_lines = [ln for ln in text.split("\n") if len(ln.split()) >= 6]
        if long_lines:
            pages.append(long_lines)
    vocab = sorted({w for page in pages for ln in page for w in ln.split()})
    boiler = []
    for row in DEV_LABELS.read_text(encoding="utf-8").split("\n")[1:]:
        cols = row.split("\t")
        if len(cols) == 4 and cols[2] == "boilerplate":
            boiler.append(cols[3])
    docs = []
    for _ in range(n_docs):
        if docs and rng.random() < 0.4:
            src = docs[rng.randrange(len(docs))]
            rate = rng.uniform(0.0, 0.06)
            out_lines = []
            for ln in src.split("\n"):
                ws = ln.split()
                new = []
                for w in ws:
                    if rng.random() < rate:
                        op = rng.randrange(3)
                        if op == 0:
                            new.append(rng.choice(vocab))
                        elif op == 2:
                            new += [w, rng.choice(vocab)]
                    else:
                        new.append(w)
                out_lines.append(" ".join(new))
            doc = "\n".join(out_lines)
            if rng.random() < 0.3:
                block = "\n".join(rng.choice(boiler) for _ in range(rng.randint(3, 15)))
                doc = block + "\n\n" + doc if rng.random() < 0.5 else doc + "\n\n" + block
        else:
            paras = []
            for _ in range(rng.randint(3, 8)):
                page = pages[rng.randrange(len(pages))]
                i = rng.randrange(len(page))
                target, para = rng.randint(40, 200), []
                while i < len(page) and sum(len(p.split()) for p in para) < target:
                    para.append(page[i])
                    i += 1
                paras.append(" ".join(para))
            doc = "\n\n".join(paras)
        docs.append(doc)
    return docs


def gen_corpus_docs(n_docs):
    """scripts/gen_corpus.py's corpus (issue 4's generator) when it is there,
    content only (--no-boilerplate: the dedup task here hashes raw text, and
    boilerplate wrapped around short copies would leave almost no pair above
    0.8), with --rate-power 2 to put more copies near the threshold. Falls
    back to generate_corpus() above. Returns (docs, how they were made)."""
    script = ROOT / "scripts" / "gen_corpus.py"
    if script.exists():
        out = WORK / "gen_corpus"
        cmd = [sys.executable, str(script), str(out), "--docs", str(n_docs),
               "--no-boilerplate", "--rate-power", "2"]
        r = subprocess.run(cmd, capture_output=True, text=True)
        jsonl = out / "corpus.jsonl"
        if r.returncode == 0 and jsonl.exists():
            docs = [json.loads(ln)["text"] for ln in jsonl.read_text(encoding="utf-8").splitlines()
                    if ln.strip()]
            if docs:
                return docs, ("`scripts/gen_corpus.py OUT --docs %d --no-boilerplate "
                              "--rate-power 2` (its default seed)" % n_docs)
    return generate_corpus(n_docs), (f"this script's own generator, seed {SEED} (40% edited "
                                      "copies, edit rate 0-6%, some with boilerplate blocks)")


def exact_pairs(docs, t=THRESHOLD):
    """All pairs with exact Jaccard >= t of their word-5-gram sets, by prefix
    filtering (Chaudhuri et al. 2006; Bayardo et al. 2007): order the shingles
    rarest first; two sets with J >= t must share one of the first
    |x| - ceil(t|x|) + 1 shingles of each. Exact, not sampled."""
    from collections import Counter, defaultdict
    ids = {}
    sets = [frozenset(ids.setdefault(s, len(ids)) for s in shingles(d)) for d in docs]
    freq = Counter(x for s in sets for x in s)
    # The threshold as the decimal it is written as: 0.8's binary float is
    # a hair above 4/5, which would leave out pairs at exactly 4/5.
    exact = Fraction(str(t))
    num, den = exact.numerator, exact.denominator
    index = defaultdict(list)
    cands = set()
    for i, s in enumerate(sets):
        if not s:
            continue
        ordered = sorted(s, key=lambda x: (freq[x], x))
        p = len(s) - (-(-num * len(s) // den)) + 1
        for x in ordered[:p]:
            for j in index[x]:
                cands.add((j, i))
            index[x].append(i)
    truth = set()
    for i, j in cands:
        a, b = sets[i], sets[j]
        inter = len(a & b)
        if inter * den >= num * (len(a) + len(b) - inter):
            truth.add((i, j))
    return truth


def load_dev_labels():
    labels = {}
    for row in DEV_LABELS.read_text(encoding="utf-8").split("\n")[1:]:
        cols = row.split("\t")
        if len(cols) == 4 and cols[2] in ("content", "boilerplate"):
            labels[(cols[0], int(cols[1]))] = cols[2]
    return labels


# ---------------------------------------------------------------------------
# boilerhash through ctypes.

class Boilerhash:
    def __init__(self, path):
        L = self.lib = ctypes.CDLL(str(path))
        vp, sz = ctypes.c_void_p, ctypes.c_size_t
        L.bh_version.restype = ctypes.c_char_p
        L.bh_active_target.restype = ctypes.c_char_p
        L.bh_signer_new.argtypes = [vp, ctypes.POINTER(vp)]
        L.bh_signer_minhash.argtypes = [vp, ctypes.c_char_p, sz, vp, sz]
        L.bh_signer_simhash.argtypes = [vp, ctypes.c_char_p, sz, vp]
        self.has_batch = hasattr(L, "bh_signer_minhash_batch")
        if self.has_batch:
            L.bh_signer_minhash_batch.argtypes = [vp, vp, vp, sz, vp, sz]
        L.bh_lsh_new.argtypes = [ctypes.c_double, ctypes.c_uint32, ctypes.c_uint32,
                                 ctypes.c_uint32, ctypes.POINTER(vp)]
        L.bh_lsh_free.argtypes = [vp]
        L.bh_lsh_insert.argtypes = [vp, ctypes.c_uint32, vp, sz]
        L.bh_lsh_query.argtypes = [vp, vp, sz, vp, sz, ctypes.POINTER(sz)]
        L.bh_estimate_jaccard.argtypes = [vp, vp, sz]
        L.bh_estimate_jaccard.restype = ctypes.c_double
        self.has_pairs = hasattr(L, "bh_minhash_pairs") and hasattr(L, "bh_simhash_pairs")
        if self.has_pairs:
            L.bh_minhash_pairs.argtypes = [vp, sz, sz, ctypes.c_double, vp, sz, ctypes.POINTER(sz)]
            L.bh_simhash_pairs.argtypes = [vp, sz, ctypes.c_int, vp, sz, ctypes.POINTER(sz)]
        self.has_classifier = hasattr(L, "bh_classify") and hasattr(L, "bh_model_default")
        if self.has_classifier:
            L.bh_model_default.argtypes = [ctypes.POINTER(vp)]
            L.bh_classify.argtypes = [vp, ctypes.c_char_p, sz, vp, vp, sz, ctypes.POINTER(sz)]
        self.signer = vp()
        if L.bh_signer_new(None, ctypes.byref(self.signer)) != 0:
            raise RuntimeError("bh_signer_new failed")

    def overheads(self):
        """(µs per ctypes call of bh_signer_minhash on an empty text,
        ms of bh_lsh_new(0.8, 128) choosing its bands)."""
        buf = (ctypes.c_uint32 * K)()
        n = 20000
        t0 = time.perf_counter()
        for _ in range(n):
            self.lib.bh_signer_minhash(self.signer, b"", 0, buf, K)
        call_us = (time.perf_counter() - t0) / n * 1e6
        lsh = ctypes.c_void_p()
        t0 = time.perf_counter()
        self.lib.bh_lsh_new(THRESHOLD, K, 0, 0, ctypes.byref(lsh))
        new_ms = (time.perf_counter() - t0) * 1e3
        self.lib.bh_lsh_free(lsh)
        return call_us, new_ms

    def version(self):
        return self.lib.bh_version().decode()

    def target(self):
        return self.lib.bh_active_target().decode()


# ---------------------------------------------------------------------------
# Workers: one (tool, task) per process. Each returns
#   {"seconds": [per repetition], "out": <pairs or labels>, "note": str}
# and the harness adds the peak RSS. `prepare` runs untimed, `run` is timed.

def reset_peak_rss():
    """Resets VmHWM (Linux >= 4.0: writing 5 to clear_refs), so the peak read
    after the timed region is that region's own; False where it cannot."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def rss_mib(kind="VmHWM"):
    """VmHWM: peak resident set since the last reset; VmRSS: now."""
    try:
        for line in open("/proc/self/status"):
            if line.startswith(kind + ":"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def timed(fn, min_total=1.0, max_reps=1000):
    """Median of repetitions: at least one, more while the total stays short."""
    secs, out = [], None
    while True:
        out = None  # the last run's output is not alive while the next one runs (peak RSS)
        t0 = time.perf_counter()
        out = fn()
        secs.append(time.perf_counter() - t0)
        if len(secs) >= max_reps or sum(secs) >= min_total:
            return secs, out


def simhash_pairs(hashes):
    """Every pair within HAMMING bits, brute force in numpy (exact)."""
    import numpy as np
    h = np.asarray(hashes, dtype=np.uint64)
    pairs = []
    for i in range(len(h) - 1):
        d = np.bitwise_count(h[i + 1:] ^ h[i])
        for j in np.nonzero(d <= HAMMING)[0]:
            pairs.append((i, i + 1 + int(j)))
    return pairs


def w_sig_boilerhash_minhash(docs, bh):
    import numpy as np
    out = np.empty((len(docs), K), dtype=np.uint32)
    base, stride, f, s = out.ctypes.data, out.strides[0], bh.lib.bh_signer_minhash, bh.signer

    def run():
        for i, d in enumerate(docs):
            b = d.encode("utf-8")
            f(s, b, len(b), base + i * stride, K)
        return out  # keeps the buffer alive as long as run is
    return run


def w_sig_boilerhash_minhash_batch(docs, bh):
    """All documents in one bh_signer_minhash_batch call (UTF-8 encoding and
    the pointer arrays are built inside the timed region, like every tool's
    input preparation)."""
    import numpy as np
    out = np.empty((len(docs), K), dtype=np.uint32)

    def run():
        encoded = [d.encode("utf-8") for d in docs]
        ptrs = (ctypes.c_char_p * len(encoded))(*encoded)
        lens = (ctypes.c_size_t * len(encoded))(*[len(b) for b in encoded])
        rc = bh.lib.bh_signer_minhash_batch(bh.signer, ptrs, lens, len(encoded),
                                            out.ctypes.data, out.size)
        if rc != 0:
            raise RuntimeError(f"bh_signer_minhash_batch: status {rc}")
        return out
    return run


def w_sig_boilerhash_simhash(docs, bh):
    out = (ctypes.c_uint64 * len(docs))()
    base, f, s = ctypes.addressof(out), bh.lib.bh_signer_simhash, bh.signer

    def run():
        for i, d in enumerate(docs):
            b = d.encode("utf-8")
            f(s, b, len(b), base + 8 * i)
        return list(out)
    return run


def w_sig_datasketch(docs, _):
    from datasketch import MinHash

    def run():
        sigs = []
        for d in docs:
            m = MinHash(num_perm=K, seed=1)
            m.update_batch([s.encode("utf-8") for s in shingles(d)])
            sigs.append(m)
        return sigs
    return run


def w_sig_rensa_r(docs, _):
    from rensa import RMinHash

    def run():
        sigs = []
        for d in docs:
            m = RMinHash(num_perm=K, seed=1)
            m.update(shingles(d))
            sigs.append(m)
        return sigs
    return run


def w_sig_rensa_c(docs, _):
    from rensa import CMinHash

    def run():
        sigs = []
        for d in docs:
            m = CMinHash(num_perm=K, seed=1)
            m.update(shingles(d))
            sigs.append(m)
        return sigs
    return run


def w_sig_rensa_batch(docs, _):
    from rensa import RMinHash

    def run():
        return RMinHash.digest_matrix_from_token_sets([shingles(d) for d in docs], K, 1)
    return run


def datatrove_signer():
    """datatrove's own MinhashDedupSignature.get_shingles/get_signature with its
    defaults (5-grams, 14 buckets x 8 hashes, xxhash64, simplify_text). Its
    English word tokenizer is spaCy, which we do not install: the text is
    already lower-cased and punctuation-free after simplify_text, so a
    whitespace split stands in for it."""
    import tempfile
    from datatrove.pipeline.dedup.minhash import MinhashConfig, MinhashDedupSignature
    from datatrove.utils.word_tokenizers import WordTokenizer

    class Whitespace(WordTokenizer):
        def word_tokenize(self, text):
            return text.split()

        def sent_tokenize(self, text):
            return [text]

        def span_tokenize(self, text):
            return [(0, len(text))]

    step = MinhashDedupSignature(tempfile.mkdtemp(prefix="dt-"), config=MinhashConfig(),
                                 language=Whitespace("en"))
    return step


def w_sig_datatrove(docs, _):
    step = datatrove_signer()

    def run():
        sigs = []
        for d in docs:
            sh = step.get_shingles(d)
            sigs.append(step.get_signature(sh) if sh.size else None)
        return sigs
    return run


def w_sig_simhash(docs, _):
    from simhash import Simhash

    def run():
        return [Simhash(shingles(d)).value for d in docs]
    return run


def w_sig_trafilatura(docs, _):
    from trafilatura.deduplication import Simhash

    def run():
        return [Simhash(d).hash for d in docs]
    return run


# LSH build + query (+ the verification each tool offers) on signatures made
# untimed first. Output: the duplicate pairs.

def search_lsh_params(bh):
    """boilerhash searches (bands, rows) for a (threshold, k) once per process
    and remembers it (bh_lsh_new and bh_minhash_pairs alike): the LSH workers
    call this untimed, as datasketch's worker makes its search untimed."""
    lsh = ctypes.c_void_p()
    bh.lib.bh_lsh_new(THRESHOLD, K, 0, 0, ctypes.byref(lsh))
    bh.lib.bh_lsh_free(lsh)


def w_lsh_boilerhash_minhash(docs, bh):
    sigs = minhash_signatures(docs, bh)
    base, stride = sigs.ctypes.data, sigs.strides[0]
    L = bh.lib
    search_lsh_params(bh)

    def run():
        lsh = ctypes.c_void_p()
        L.bh_lsh_new(THRESHOLD, K, 0, 0, ctypes.byref(lsh))
        for i in range(len(docs)):
            L.bh_lsh_insert(lsh, i, base + i * stride, K)
        cap = 1024
        buf = (ctypes.c_uint32 * cap)()
        count = ctypes.c_size_t()
        pairs = []
        for i in range(len(docs)):
            a = base + i * stride
            while L.bh_lsh_query(lsh, a, K, buf, cap, ctypes.byref(count)) == 2:
                cap = count.value * 2
                buf = (ctypes.c_uint32 * cap)()
            for j in buf[:count.value]:
                if j > i and L.bh_estimate_jaccard(a, base + j * stride, K) >= THRESHOLD:
                    pairs.append((i, j))
        L.bh_lsh_free(lsh)
        assert sigs.shape[0] == len(docs)  # keeps the signatures alive as long as run is
        return pairs
    return run


def bh_pairs(fn, *args):
    """Calls bh_minhash_pairs or bh_simhash_pairs (one ctypes call), again
    with a larger buffer when the first was too small; returns [(a, b)]."""
    cap = 1 << 14
    count = ctypes.c_size_t()
    while True:
        buf = (ctypes.c_uint32 * (2 * cap))()
        rc = fn(*args, buf, cap, ctypes.byref(count))
        if rc == 0:
            break
        if rc != 2:  # BH_BUFFER_TOO_SMALL
            raise RuntimeError(f"{fn.__name__}: status {rc}")
        cap = count.value
    flat = buf[:2 * count.value]
    return list(zip(flat[0::2], flat[1::2]))


def minhash_signatures(docs, bh):
    """k values per document in one C-contiguous array (untimed set-up)."""
    import numpy as np
    sigs = np.empty((len(docs), K), dtype=np.uint32)
    base, stride = sigs.ctypes.data, sigs.strides[0]
    for i, d in enumerate(docs):
        b = d.encode("utf-8")
        bh.lib.bh_signer_minhash(bh.signer, b, len(b), base + i * stride, K)
    return sigs


def w_lsh_boilerhash_minhash_batch(docs, bh):
    if not bh.has_pairs:
        raise RuntimeError("this library has no bh_minhash_pairs")
    sigs = minhash_signatures(docs, bh)
    search_lsh_params(bh)

    def run():
        return bh_pairs(bh.lib.bh_minhash_pairs, sigs.ctypes.data, len(docs), K, THRESHOLD)
    return run


def w_lsh_datasketch(docs, _):
    from datasketch import MinHashLSH
    from datasketch.lsh import _optimal_param
    sigs = w_sig_datasketch(docs, None)()
    # MinHashLSH(threshold=...) searches its (bands, rows) on every construction,
    # ~25 ms: the same search, untimed, as boilerhash's above.
    params = _optimal_param(THRESHOLD, K, 0.5, 0.5)

    def run():
        lsh = MinHashLSH(threshold=THRESHOLD, num_perm=K, params=params)
        for i, m in enumerate(sigs):
            lsh.insert(i, m)
        pairs = []
        for i, m in enumerate(sigs):
            for j in lsh.query(m):
                if j > i and m.jaccard(sigs[j]) >= THRESHOLD:
                    pairs.append((i, j))
        return pairs
    return run


def w_lsh_rensa(docs, _):
    from rensa import RMinHashLSH
    sigs = w_sig_rensa_r(docs, None)()

    def run():
        # 16 x 8: the bands boilerhash chooses for 0.8 (recall first), and rensa needs
        # bands dividing num_perm (datasketch's equal-weight optimum, 9 x 13, does not).
        lsh = RMinHashLSH(threshold=THRESHOLD, num_perm=K, num_bands=16)
        for i, m in enumerate(sigs):
            lsh.insert(i, m)
        pairs = []
        for i, m in enumerate(sigs):
            for j in lsh.query(m):
                if j > i and m.jaccard(sigs[j]) >= THRESHOLD:
                    pairs.append((i, j))
        return pairs
    return run


def w_lsh_datatrove(docs, _):
    step = datatrove_signer()
    sigs = []
    for d in docs:
        sh = step.get_shingles(d)
        sigs.append(step.get_signature(sh) if sh.size else None)

    def run():
        # datatrove's stage 2 sorts each bucket's signatures on disk and pairs
        # equal neighbours; here the same relation in memory (a dict per
        # bucket). Like datatrove, no similarity check after the bucket match.
        pairs = set()
        for b in range(step.config.num_buckets):
            groups = {}
            for i, s in enumerate(sigs):
                if s is not None:
                    groups.setdefault(tuple(s[b]), []).append(i)
            for g in groups.values():
                for x in range(len(g)):
                    for y in range(x + 1, len(g)):
                        pairs.add((g[x], g[y]))
        return sorted(pairs)
    return run


def w_lsh_simhash(docs, _):
    from simhash import Simhash, SimhashIndex
    sigs = [Simhash(shingles(d)) for d in docs]

    def run():
        index = SimhashIndex([(str(i), s) for i, s in enumerate(sigs)], k=HAMMING)
        pairs = []
        for i, s in enumerate(sigs):
            for j in index.get_near_dups(s):
                if int(j) > i:
                    pairs.append((i, int(j)))
        return pairs
    return run


def w_lsh_boilerhash_simhash(docs, bh):
    if not bh.has_pairs:
        raise RuntimeError("this library has no bh_simhash_pairs")
    hashes = (ctypes.c_uint64 * len(docs))(*w_sig_boilerhash_simhash(docs, bh)())
    return lambda: bh_pairs(bh.lib.bh_simhash_pairs, ctypes.addressof(hashes), len(docs), HAMMING)


def w_lsh_trafilatura(docs, _):
    hashes = w_sig_trafilatura(docs, None)()
    return lambda: simhash_pairs(hashes)


# Boilerplate classification on the dev pages: per line, True = boilerplate.

def html_of_lines(text):
    from html import escape
    return "<html><body>" + "".join(f"<p>{escape(ln)}</p>" for ln in text.split("\n")
                                    if ln.strip()) + "</body></html>"


def norm_ws(s):
    return " ".join(s.split())


def lines_kept(text, kept_text):
    """Maps an extractor's output back to the input lines, by text (its line
    breaks are its own): a line is kept when it is a whole output line, or,
    for lines of 20+ characters, a substring of the output."""
    out_lines = {norm_ws(x) for x in kept_text.split("\n")}
    flat = norm_ws(kept_text)
    res = []
    for ln in text.split("\n"):
        n = norm_ws(ln)
        res.append(bool(n) and (n in out_lines or (len(n) >= 20 and n in flat)))
    return res


# Classification workers time each tool producing its own output for every
# page: boilerhash's label array (copied into a Python bytes object), the HTML
# tools' extracted text. Turning that output into per-line labels for scoring
# (run.per_line) happens after the timed runs, for every tool alike.

def w_cls_boilerhash(docs, bh):
    model = ctypes.c_void_p()
    if bh.lib.bh_model_default(ctypes.byref(model)) != 0:
        raise RuntimeError("bh_model_default failed")
    L = bh.lib

    def run():
        result = []
        cap = 4096
        labels = (ctypes.c_uint8 * cap)()
        n = ctypes.c_size_t()
        for d in docs:
            b = d.encode("utf-8")
            while L.bh_classify(model, b, len(b), labels, None, cap, ctypes.byref(n)) == 2:
                cap = n.value * 2
                labels = (ctypes.c_uint8 * cap)()
            result.append(ctypes.string_at(labels, n.value))
        return result
    run.per_line = lambda out: [[x == 1 for x in page] for page in out]
    return run


def html_extractor_worker(docs, extract):
    """extract(html) -> the text a tool keeps; lines it drops are boilerplate."""
    pages = [html_of_lines(d) for d in docs]

    def run():
        return [extract(html) for html in pages]
    run.per_line = lambda out: [[not k for k in lines_kept(d, kept)] for d, kept in zip(docs, out)]
    return run


def w_cls_justext(docs, _):
    import justext
    stop = justext.get_stoplist("English")
    return html_extractor_worker(docs, lambda html: "\n".join(
        p.text for p in justext.justext(html, stop) if not p.is_boilerplate))


def w_cls_trafilatura(docs, _):
    import trafilatura
    return html_extractor_worker(docs, lambda html: trafilatura.extract(
        html, include_comments=False, include_tables=True) or "")


def w_cls_resiliparse(docs, _):
    from resiliparse.extract.html2text import extract_plain_text
    return html_extractor_worker(docs, lambda html: extract_plain_text(
        html, main_content=True, preserve_formatting=True))


# (task, tool) -> (worker, the packages it needs, how it is used)
WORKERS = {
    ("sig", "boilerhash MinHash"): (w_sig_boilerhash_minhash, [],
        "C API bh_signer_minhash, one ctypes call per doc, k=128, word 5-grams"),
    ("sig", "boilerhash MinHash batch"): (w_sig_boilerhash_minhash_batch, [],
        "C API bh_signer_minhash_batch, the whole corpus in one ctypes call, k=128, word 5-grams"),
    ("sig", "rensa RMinHash"): (w_sig_rensa_r, ["rensa"],
        "RMinHash(128).update(5-gram strings), per doc"),
    ("sig", "rensa CMinHash"): (w_sig_rensa_c, ["rensa"],
        "CMinHash(128).update(5-gram strings), per doc"),
    ("sig", "rensa batch"): (w_sig_rensa_batch, ["rensa"],
        "RMinHash.digest_matrix_from_token_sets, whole corpus in one call"),
    ("sig", "datasketch MinHash"): (w_sig_datasketch, ["datasketch"],
        "MinHash(128).update_batch(5-gram bytes), per doc"),
    ("sig", "datatrove MinHash"): (w_sig_datatrove, ["datatrove", "tokenizers", "xxhash<4"],
        "its get_shingles + get_signature, 14x8 hashes, its simplify_text; whitespace split for its spaCy tokenizer"),
    ("sig", "boilerhash SimHash"): (w_sig_boilerhash_simhash, [],
        "C API bh_signer_simhash, one ctypes call per doc, word 5-grams"),
    ("sig", "simhash (pkg)"): (w_sig_simhash, ["simhash"],
        "Simhash(5-gram strings), md5 per feature"),
    ("sig", "trafilatura Simhash"): (w_sig_trafilatura, ["trafilatura"],
        "deduplication.Simhash(text): its own word sample, not 5-grams"),
    ("lsh", "boilerhash MinHash"): (w_lsh_boilerhash_minhash, [],
        "bh_lsh_* (its default bands for 0.8: 16x8, recall first) + bh_estimate_jaccard >= 0.8"),
    ("lsh", "boilerhash MinHash batch"): (w_lsh_boilerhash_minhash_batch, [],
        "bh_minhash_pairs: the same buckets and check, the whole corpus in one ctypes call"),
    ("lsh", "rensa RMinHash"): (w_lsh_rensa, ["rensa"],
        "RMinHashLSH 16x8 + jaccard >= 0.8"),
    ("lsh", "datasketch MinHash"): (w_lsh_datasketch, ["datasketch"],
        "MinHashLSH(0.8) + jaccard >= 0.8"),
    ("lsh", "datatrove MinHash"): (w_lsh_datatrove, ["datatrove", "tokenizers", "xxhash<4"],
        "bucket collisions (14x8), no verification, as its stage 2; in memory"),
    ("lsh", "boilerhash SimHash"): (w_lsh_boilerhash_simhash, [],
        "bh_simhash_pairs, Hamming <= 3: its pigeonhole index, the whole corpus in one ctypes call"),
    ("lsh", "simhash (pkg)"): (w_lsh_simhash, ["simhash"],
        "SimhashIndex(k=3)"),
    ("lsh", "trafilatura Simhash"): (w_lsh_trafilatura, ["trafilatura"],
        "Hamming <= 3, brute force in numpy"),
    ("cls", "boilerhash"): (w_cls_boilerhash, [],
        "C API bh_classify, default model, one ctypes call per page"),
    ("cls", "jusText"): (w_cls_justext, ["justext"],
        "lines wrapped as <p>, English stoplist"),
    ("cls", "trafilatura"): (w_cls_trafilatura, ["trafilatura"],
        "extract() on lines wrapped as <p>; an HTML extractor: on text it keeps almost every line"),
    ("cls", "resiliparse"): (w_cls_resiliparse, ["resiliparse"],
        "extract_plain_text(main_content=True) on lines wrapped as <p>; same caveat"),
}


def worker_main(task, tool, corpus_path, lib_path, out_path):
    docs = json.loads(Path(corpus_path).read_text(encoding="utf-8"))
    bh = Boilerhash(lib_path)
    fn, _, _ = WORKERS[(task, tool)]
    run = fn(docs, bh)
    import gc
    gc.collect()
    reset = reset_peak_rss()
    base = rss_mib("VmRSS")
    secs, out = timed(run)
    peak = rss_mib("VmHWM") if reset else None  # without the reset, the peak of the imports too
    if task == "sig":
        out = None  # signatures stay in the worker; only their cost is reported
    elif hasattr(run, "per_line"):
        out = run.per_line(out)  # untimed: the tool's output as per-line labels
    Path(out_path).write_text(json.dumps({
        "seconds": secs, "rss_base_mib": base, "rss_peak_mib": peak, "out": out}))


# ---------------------------------------------------------------------------
# The harness.

def run_worker(task, tool, corpus, corpus_path, lib_path, timeout):
    out_path = WORK / f"{task}-{corpus}-{re.sub(r'[^A-Za-z0-9]+', '_', tool)}.json"
    out_path.unlink(missing_ok=True)
    cmd = [str(venv_python()), str(Path(__file__).resolve()), "--worker", task, tool,
           str(corpus_path), str(lib_path), str(out_path)]
    t0 = time.perf_counter()
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout} s"}
    wall = time.perf_counter() - t0
    if r.returncode != 0 or not out_path.exists():
        last = (r.stderr.strip().splitlines() or ["exit %d" % r.returncode])[-1]
        return {"error": last[:160]}
    res = json.loads(out_path.read_text())
    res["wall"] = wall
    return res


def prf(pred, truth):
    tp = len(pred & truth)
    p = tp / len(pred) if pred else float("nan")
    r = tp / len(truth) if truth else float("nan")
    f = 2 * p * r / (p + r) if p + r > 0 else float("nan")
    return p, r, f


def f1(pred_pos, gold_pos, weights):
    tp = sum(w for p, g, w in zip(pred_pos, gold_pos, weights) if p and g)
    fp = sum(w for p, g, w in zip(pred_pos, gold_pos, weights) if p and not g)
    fn = sum(w for p, g, w in zip(pred_pos, gold_pos, weights) if not p and g)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def classification_scores(names, texts, predictions, labels):
    pred_b, gold_b, chars = [], [], []
    for name, text, pred in zip(names, texts, predictions):
        for i, ln in enumerate(text.split("\n")):
            gold = labels.get((name, i + 1))
            if gold is None:
                continue
            pred_b.append(pred[i] if i < len(pred) else True)
            gold_b.append(gold == "boilerplate")
            chars.append(len(ln))
    ones = [1] * len(pred_b)
    not_p, not_g = [not x for x in pred_b], [not x for x in gold_b]
    return {"f1_content": f1(not_p, not_g, ones), "f1_boiler": f1(pred_b, gold_b, ones),
            "f1_content_chars": f1(not_p, not_g, chars), "lines": len(pred_b)}


def versions():
    r = subprocess.run([str(venv_python()), "-c",
                        "import importlib.metadata as m, json, sys\n"
                        "out = {'python': sys.version.split()[0]}\n"
                        f"for n in {[p for p, _ in PEERS]!r}:\n"
                        "    try: out[n] = m.version(n.split('<')[0])\n"
                        "    except Exception: out[n] = None\n"
                        "print(json.dumps(out))"], capture_output=True, text=True)
    return json.loads(r.stdout) if r.returncode == 0 else {}


def rss_growth(res):
    """MiB the worker's peak RSS grew by in the timed runs; None where the
    peak could not be reset before them."""
    if res["rss_peak_mib"] is None:
        return None
    return max(0.0, res["rss_peak_mib"] - res["rss_base_mib"])


def fmt(x, digits=0):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if digits == 0:
        return f"{x:,.0f}" if x >= 10 else f"{x:.2g}"
    return f"{x:.{digits}f}"


def ratio_text(r):
    if r is None:
        return "–"
    if r < 1:
        return f"**{r:.2g}× (boilerhash slower)**"
    return f"{r:,.0f}×" if r >= 10 else f"{r:.1f}×"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="300 generated docs, 40 dev pages")
    ap.add_argument("--docs", type=int, default=5000, help="generated corpus size")
    ap.add_argument("--timeout", type=int, default=240, help="seconds per worker")
    ap.add_argument("--only", default="", help="regex over 'task/tool' to run a subset "
                    "(its report: bench/results/peers-partial.md)")
    ap.add_argument("--worker", nargs=5, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker_main(*args.worker)
        return

    t_start = time.perf_counter()
    WORK.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    log = open(WORK / "setup.log", "a")
    install_json = WORK / "install.json"
    if Path(sys.prefix).resolve() != VENV.resolve():
        # Started by the system python (scripts/bench.sh): install, then go on
        # inside the venv, where numpy and matplotlib are.
        print("bench_peers: installing the peers into .venv-peers/ ...", file=sys.stderr)
        install_json.write_text(json.dumps(ensure_venv(log)))
        os.execv(str(venv_python()), [str(venv_python()), str(Path(__file__).resolve()),
                                      *sys.argv[1:]])
    install = json.loads(install_json.read_text()) if install_json.exists() else ensure_venv(log)
    print("bench_peers: building libboilerhash.so into build-peers/ ...", file=sys.stderr)
    lib_path = build_library(log)
    bh = Boilerhash(lib_path)

    n_docs = 300 if args.quick else args.docs
    gen, gen_how = gen_corpus_docs(n_docs)
    dev_names, dev = read_dev_pages()
    if args.quick:
        dev_names, dev = dev_names[:40], dev[:40]
    corpora = {"gen": gen, "dev": dev}
    paths = {}
    for name, docs in corpora.items():
        paths[name] = WORK / f"corpus-{name}.json"
        paths[name].write_text(json.dumps(docs), encoding="utf-8")
    mb = {name: sum(len(d.encode("utf-8")) for d in docs) / 1e6 for name, docs in corpora.items()}
    t0 = time.perf_counter()
    truth = exact_pairs(gen)
    truth_s = time.perf_counter() - t0
    print(f"bench_peers: corpus {len(gen)} docs {mb['gen']:.1f} MB, {len(truth)} pairs with "
          f"Jaccard >= {THRESHOLD} ({truth_s:.1f} s); dev {len(dev)} pages {mb['dev']:.2f} MB",
          file=sys.stderr)
    labels = load_dev_labels()

    plan = []  # (task, tool, corpus)
    for (task, tool) in WORKERS:
        for corpus in (("gen", "dev") if task == "sig" else ("gen",) if task == "lsh" else ("dev",)):
            if not args.only or re.search(args.only, f"{task}/{tool}"):
                plan.append((task, tool, corpus))
    results = {}
    for task, tool, corpus in plan:
        _, needs, _ = WORKERS[(task, tool)]
        missing = [n for n in needs if install.get(n)]
        if missing:
            results[(task, tool, corpus)] = {"error": "did not install: " + ", ".join(missing)}
            continue
        if task == "cls" and tool == "boilerhash" and not bh.has_classifier:
            results[(task, tool, corpus)] = {"error": "pending: classifier C API not in this build"}
            continue
        print(f"bench_peers: {task} {tool} on {corpus} ...", file=sys.stderr, end="", flush=True)
        res = run_worker(task, tool, corpus, paths[corpus], lib_path, args.timeout)
        if "error" not in res:
            res["median"] = statistics.median(res["seconds"])
            res["docs_s"] = len(corpora[corpus]) / res["median"]
            res["mb_s"] = mb[corpus] / res["median"]
            if task == "lsh":
                res["pairs"] = {tuple(p) for p in res["out"]}
                res["acc"] = prf(res["pairs"], truth)
                res["n_pairs"] = len(res["out"])
            if task == "cls":
                res["acc"] = classification_scores(dev_names, dev, res["out"], labels)
            res["out"] = None
            print(f" {res['mb_s']:.3g} MB/s", file=sys.stderr)
        else:
            print(" " + res["error"], file=sys.stderr)
        results[(task, tool, corpus)] = res

    write_report(results, corpora, mb, truth, bh, install, time.perf_counter() - t_start, args,
                 gen_how)


# ---------------------------------------------------------------------------
# The report.

FAMILY = {  # which boilerhash row a peer is compared with
    "rensa RMinHash": "boilerhash MinHash", "rensa CMinHash": "boilerhash MinHash",
    "rensa batch": "boilerhash MinHash batch", "datasketch MinHash": "boilerhash MinHash",
    "datatrove MinHash": "boilerhash MinHash", "simhash (pkg)": "boilerhash SimHash",
    "trafilatura Simhash": "boilerhash SimHash", "jusText": "boilerhash",
    "trafilatura": "boilerhash", "resiliparse": "boilerhash",
}


def write_report(results, corpora, mb, truth, bh, install, total_s, args, gen_how):
    vers = versions()
    call_us, lsh_new_ms = bh.overheads()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    L = []
    L.append("# boilerhash against its peers\n")
    L.append("Written by `scripts/bench_peers.py` (run it, or `scripts/bench.sh --peers`); "
             "every number below comes from one run on one machine.\n")
    L.append(f"- Machine: {cpu_model()}, {os.cpu_count()} logical CPUs, one thread per tool; "
             f"SIMD target `{bh.target()}` (bh_active_target); boilerhash {bh.version()} "
             f"(Release build of the working tree), Python {vers.get('python', '?')}; load average "
             f"{load:.1f} at the end of the run (a shared machine: expect some noise).")
    L.append(f"- Generated corpus: {len(corpora['gen']):,} documents, {mb['gen']:.2f} MB, from "
             f"{gen_how}; {len(truth):,} pairs have exact word-5-gram Jaccard ≥ {THRESHOLD} "
             "(found exactly, by prefix filtering, with the tokenization below).")
    L.append(f"- Dev pages: datasets/pages-dev/texts, {len(corpora['dev'])} pages, "
             f"{mb['dev']:.2f} MB; labels.tsv with the ambiguous rows left out.")
    L.append("- Shingles: word 5-grams, lower-cased; the Python peers get the strings of "
             "`[^\\W_]+` runs of the lower-cased text joined by one space (`shingles()` in the "
             "script), boilerhash its own normalization (NFKC + case folding, letters/digits/marks; "
             "docs/FORMAT.md), datatrove its own `simplify_text`, trafilatura's Simhash its own "
             "word sample (it takes no shingles).")
    L.append("- Every tool receives Python `str` documents; tokenization (lower-casing, word "
             "split, 5-gram shingles, hashing) is inside every tool's timed region. boilerhash "
             "runs through ctypes, one call per document, so its numbers include the "
             "Python→C call and UTF-8 encoding of each document (one empty-text "
             f"bh_signer_minhash call costs {call_us:.1f} µs here).")
    L.append("- Time: median of repetitions, repeated until they total ≥ 1 s (one run when that "
             "takes longer). "
             "Peak memory: the growth of the worker process's peak RSS during the "
             "timed runs (VmHWM, reset before them), one fresh process per tool and task; the "
             "corpus and the imports are loaded before and not counted.")
    L.append("- Ratio = boilerhash throughput / peer throughput, from this run. "
             "**Bold** where boilerhash is slower.\n")

    def row_cells(task, tool, corpus):
        res = results.get((task, tool, corpus))
        if res is None:
            return None
        if "error" in res:
            return [tool, res["error"], "", "", "", ""]
        ref_tool = FAMILY.get(tool)
        ratio = None
        if ref_tool:
            ref = results.get((task, ref_tool, corpus))
            if ref and "error" not in ref:
                ratio = ref["docs_s"] / res["docs_s"]
        return [tool, fmt(res["docs_s"]), fmt(res["mb_s"], 2 if res["mb_s"] < 10 else 0),
                fmt(rss_growth(res), 1),
                ratio_text(ratio) if ref_tool else "(reference)", WORKERS[(task, tool)][2]]

    for corpus, title in (("gen", "generated corpus"), ("dev", "dev pages")):
        L.append(f"## Signatures, {title}\n")
        L.append("| tool | docs/s | MB/s | peak RSS growth (MiB) | boilerhash / peer | how |")
        L.append("|---|---:|---:|---:|---:|---|")
        for (task, tool) in WORKERS:
            if task == "sig":
                c = row_cells(task, tool, corpus)
                if c:
                    L.append("| " + " | ".join(c) + " |")
        L.append("")

    L.append("## Near-duplicate pairs: LSH build + query (+ verification), generated corpus\n")
    L.append("Signatures are made before the timed region (their cost is the table above); "
             "\"end to end\" adds the signature time of the same tool on the same corpus. "
             f"Precision / recall of the pairs each tool reports against the {len(truth):,} pairs "
             f"with exact Jaccard ≥ {THRESHOLD} of the word-5-gram sets (datatrove and "
             "trafilatura shingle their own way; SimHash rows use Hamming ≤ 3 of 64 bits, which "
             "is not a Jaccard threshold, so their recall is not comparable one to one). "
             "The search for (bands, rows) is made before the timed region, for boilerhash "
             f"(once per process: {lsh_new_ms:.1f} ms) and for datasketch (its _optimal_param, "
             "which MinHashLSH(threshold=...) runs on every construction, is run once and "
             "handed over as params). boilerhash's per-call row verifies with one "
             "bh_estimate_jaccard ctypes call per candidate, like the peers' Python loops. The "
             "batch row does the same insert, query and check inside the library (bh_minhash_pairs), one call in all. "
             "Bands: boilerhash's default is recall first (16 × 8 at 0.8, lsh.h "
             "RecallFirstLshParams), the same as rensa's row; datasketch picks 9 × 13 (equal "
             "weights on the false-positive and false-negative areas). Every MinHash row then "
             "checks its k = 128 estimate against 0.8, whose standard deviation there is 0.035: "
             "pairs just below 0.8 pass, and pairs just above fail, as often as chance makes "
             "them, which bounds precision and recall for every tool alike.\n")
    L.append("| tool | LSH docs/s | end to end docs/s | peak RSS growth (MiB) | boilerhash / peer "
             "(LSH only) | boilerhash / peer (end to end) | pairs | precision | recall | how |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    e2e = {}
    for (task, tool) in WORKERS:
        if task != "lsh":
            continue
        res, sig = results.get(("lsh", tool, "gen")), results.get(("sig", tool, "gen"))
        if res and "error" not in res and sig and "error" not in sig:
            e2e[tool] = len(corpora["gen"]) / (res["median"] + sig["median"])
    for (task, tool) in WORKERS:
        if task != "lsh" or ("lsh", tool, "gen") not in results:
            continue
        res = results[("lsh", tool, "gen")]
        if "error" in res:
            L.append(f"| {tool} | {res['error']} | | | | | | | | |")
            continue
        ref_tool = FAMILY.get(tool)
        ratio = e2e[ref_tool] / e2e[tool] if ref_tool in e2e and tool in e2e else None
        ref = results.get(("lsh", ref_tool, "gen")) if ref_tool else None
        lsh_ratio = ref["docs_s"] / res["docs_s"] if ref and "error" not in ref else None
        p, r, _ = res["acc"]
        L.append(f"| {tool} | {fmt(res['docs_s'])} | {fmt(e2e.get(tool))} | "
                 f"{fmt(rss_growth(res), 1)} | "
                 f"{ratio_text(lsh_ratio) if ref_tool else '(reference)'} | "
                 f"{ratio_text(ratio) if ref_tool else '(reference)'} | {res['n_pairs']:,} | "
                 f"{fmt(p, 3)} | {fmt(r, 3)} | {WORKERS[(task, tool)][2]} |")
    L.append("")
    one, batch = results.get(("lsh", "boilerhash MinHash", "gen")), results.get(("lsh", "boilerhash MinHash batch", "gen"))
    if one and batch and "error" not in one and "error" not in batch:
        same = "the same pairs as" if one["pairs"] == batch["pairs"] else "**other pairs than**"
        L.append(f"The batch row reports {same} the per-call row ({batch['n_pairs']:,}).")
        verified_peers = ("rensa RMinHash", "datasketch MinHash")
        for peer in verified_peers:
            ref = results.get(("lsh", peer, "gen"))
            if ref and "error" not in ref:
                L.append(f"- LSH only, batch row / {peer}: {ratio_text(batch['docs_s'] / ref['docs_s'])}; "
                         f"end to end: {ratio_text(e2e['boilerhash MinHash batch'] / e2e[peer]) if 'boilerhash MinHash batch' in e2e and peer in e2e else 'n/a'}.")
        # Where a verified MinHash peer is more accurate, say so: a loss on
        # precision or recall is a loss as much as a slower row is.
        bp, br, _ = batch["acc"]
        for peer in verified_peers:
            ref = results.get(("lsh", peer, "gen"))
            if not ref or "error" in ref:
                continue
            pp, pr, _ = ref["acc"]
            for name, mine, theirs in (("precision", bp, pp), ("recall", br, pr)):
                if theirs > mine + 0.0005:
                    L.append(f"- **{peer} has the higher {name}**: {theirs:.3f} against boilerhash's "
                             f"{mine:.3f} on the same pairs.")
        L.append("")

    L.append("## Boilerplate classification, dev pages\n")
    L.append("Per line, ambiguous rows left out. F1 of `content` and of `boilerplate` lines, "
             "and content F1 weighted by characters (the dev set's caveat: short lines are most "
             "of the boilerplate). jusText, trafilatura and resiliparse are HTML tools: they get "
             "each non-blank line wrapped as a `<p>` element (building that HTML is not timed, "
             "parsing it is), and their output is mapped back to lines by text. Timed: each tool "
             "producing its own output for every page (boilerhash: the label array, copied "
             "into a Python `bytes`; the HTML tools: the text they keep); turning that into "
             "per-line labels for scoring is not timed, for any tool. With no markup "
             "to read, their main-content heuristics have less to go on than on real pages.\n")
    L.append("| tool | docs/s | MB/s | peak RSS growth (MiB) | boilerhash / peer | content F1 | "
             "boilerplate F1 | content F1 (chars) | how |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for (task, tool) in WORKERS:
        if task != "cls" or ("cls", tool, "dev") not in results:
            continue
        c = row_cells("cls", tool, "dev")
        res = results[("cls", tool, "dev")]
        if "error" in res:
            L.append(f"| {tool} | {res['error']} | | | | | | | |")
            continue
        a = res["acc"]
        L.append("| " + " | ".join(c[:5]) + f" | {a['f1_content']:.3f} | {a['f1_boiler']:.3f} | "
                 f"{a['f1_content_chars']:.3f} | {c[5]} |")
    L.append("")

    L.append("## Goals (issue 5)\n")
    L += goals(results, e2e)
    L.append("")
    L.append("## Versions\n")
    for p, _ in PEERS:
        v = vers.get(p)
        note = f" — did not install: {install[p]}" if install.get(p) else ""
        if p == "xxhash<4":
            note += " (pinned < 4: datatrove 0.10 hands it str, which xxhash 4 refuses)"
        L.append(f"- {p.split('<')[0]} {v or 'not installed'}{note}")
    L.append("")
    L.append(f"Whole run: {total_s / 60:.1f} minutes"
             f"{' (--quick: a small corpus, not for quoting)' if args.quick else ''}.")
    if args.only:
        # A subset is not the table the README links: it goes beside it, unplotted.
        L.insert(1, f"\n**A partial run (--only '{args.only}'): rows and goals outside it are "
                    "missing, not lost.**")
        out = RESULTS / "peers-partial.md"
    else:
        L.append("\n![throughput](peers.png)\n")
        out = RESULTS / "peers.md"
        plot(results, e2e, corpora)
    out.write_text("\n".join(L) + "\n", encoding="utf-8")
    print("\n".join(L))
    print(f"bench_peers: wrote {out.relative_to(ROOT)}", file=sys.stderr)


def goals(results, e2e):
    out = []

    def get(task, tool, corpus="gen"):
        r = results.get((task, tool, corpus))
        return r if r and "error" not in r else None

    bhm = get("sig", "boilerhash MinHash")
    bhb = get("sig", "boilerhash MinHash batch")
    for peer, goal in (("rensa RMinHash", 10), ("rensa CMinHash", 10), ("rensa batch", 10),
                       ("datasketch MinHash", 1000)):
        p = get("sig", peer)
        if bhm and p:
            r = bhm["docs_s"] / p["docs_s"]
            line = (f"- MinHash signatures ≥ {goal}× {peer}: **{r:,.1f}×** on the generated "
                    f"corpus, one call per document — {'met' if r >= goal else 'NOT met'}")
            if bhb:
                rb = bhb["docs_s"] / p["docs_s"]
                line += (f"; **{rb:,.1f}×** with the batch call — "
                         f"{'met' if rb >= goal else 'NOT met'}")
            out.append(line + ".")
        else:
            out.append(f"- MinHash signatures ≥ {goal}× {peer}: not measured.")
    bc, jt = get("cls", "boilerhash", "dev"), get("cls", "jusText", "dev")
    if bc and jt:
        r = bc["docs_s"] / jt["docs_s"]
        fb, fj = bc["acc"]["f1_content"], jt["acc"]["f1_content"]
        out.append(f"- Classification ≥ 100× jusText: **{r:,.1f}×** — "
                   f"{'met' if r >= 100 else 'NOT met'}; with higher F1: content F1 "
                   f"{fb:.3f} vs {fj:.3f}, boilerplate F1 {bc['acc']['f1_boiler']:.3f} vs "
                   f"{jt['acc']['f1_boiler']:.3f} — {'met' if fb > fj else 'NOT met'}.")
    else:
        why = results.get(("cls", "boilerhash", "dev"), {}).get("error", "not measured")
        out.append(f"- Classification ≥ 100× jusText with higher F1: {why}.")
    return out


def plot(results, e2e, corpora):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    panels = []
    sig = [(t, r["mb_s"]) for (task, t, c), r in results.items()
           if task == "sig" and c == "gen" and "error" not in r]
    panels.append(("Signatures, generated corpus (MB/s)", sig))
    panels.append(("Dedup end to end: sign + LSH (docs/s)", list(e2e.items())))
    cls = [(t, r["mb_s"]) for (task, t, c), r in results.items()
           if task == "cls" and "error" not in r]
    panels.append(("Boilerplate classification, dev pages (MB/s)", cls))
    panels = [p for p in panels if p[1]]
    if not panels:  # e.g. --only 'lsh/': nothing to draw, and matplotlib refuses a 0-row grid
        print("no throughput rows to plot; peers.png left as it was")
        return
    fig, axes = plt.subplots(len(panels), 1, figsize=(8, 2.2 + 2.4 * len(panels)), squeeze=False)
    for ax, (title, rows) in zip(axes[:, 0], panels):
        rows = sorted(rows, key=lambda x: x[1])
        names = [n for n, _ in rows]
        vals = [v for _, v in rows]
        colors = ["#d62728" if n.startswith("boilerhash") else "#7f7f7f" for n in names]
        ax.barh(names, vals, color=colors)
        ax.set_xscale("log")
        ax.set_title(title, fontsize=10)
        for i, v in enumerate(vals):
            ax.text(v, i, f" {v:,.0f}" if v >= 100 else f" {v:.3g}", va="center", fontsize=8)
        ax.set_xlim(min(vals) / 2, max(vals) * 8)
    fig.suptitle("boilerhash vs peers (log scale, one thread, higher is better)", fontsize=11)
    fig.tight_layout()
    fig.savefig(RESULTS / "peers.png", dpi=110)


if __name__ == "__main__":
    main()
