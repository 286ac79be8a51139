#!/usr/bin/env python3
"""Per-line evaluation of boilerplate detectors on datasets/pages-dev.

For every labelled line (ambiguous rows left out) it scores three detectors,
side by side on the same lines:
  boilerhash  the library's default model, through the C API (ctypes);
  jusText     pip-installed into .venv/ by this script; each line wrapped as
              a <p> element, English stoplist, default parameters;
  rule        content = 10+ words ending in terminal punctuation.
It reports precision, recall and F1 of both labels, for all lines and for
lines of 4+ tokens, plus each detector's time.

Usage: scripts/eval_pages_dev.py [--lib build/kernel/libboilerhash.so]
                                 [--no-justext] [--errors N] [--set DIR]
"""
import argparse
import ctypes
import html
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEV = os.path.join(ROOT, "datasets", "pages-dev")
VENV = os.path.join(ROOT, ".venv")
TOKEN = re.compile(r"[^\W_]+")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def tokens(line):
    n = 0
    for t in TOKEN.findall(line):
        cjk = len(CJK.findall(t))
        n += cjk + (1 if len(t) > cjk else 0)
    return n


def load_labels(dataset):
    labels = {}
    with open(os.path.join(dataset, "labels.tsv"), encoding="utf-8") as f:
        next(f)
        for row in f:
            file, line, label, _ = row.rstrip("\n").split("\t", 3)
            labels.setdefault(file, {})[int(line)] = label
    return labels


def load_lib(path):
    lib = ctypes.CDLL(path)
    lib.bh_model_default.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
    lib.bh_classify.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
                                ctypes.POINTER(ctypes.c_uint8), ctypes.POINTER(ctypes.c_uint32),
                                ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t)]
    lib.bh_reason_name.restype = ctypes.c_char_p
    lib.bh_reason_name.argtypes = [ctypes.c_uint32]
    return lib


def boilerhash_labels(lib, docs):
    model = ctypes.c_void_p()
    assert lib.bh_model_default(ctypes.byref(model)) == 0
    out, reasons = {}, {}
    t0 = time.perf_counter()
    for name, text in docs.items():
        data = text.encode("utf-8")
        n = data.count(b"\n") + 1
        labels = (ctypes.c_uint8 * n)()
        why = (ctypes.c_uint32 * n)()
        got = ctypes.c_size_t()
        rc = lib.bh_classify(model, data, len(data), labels, why, n, ctypes.byref(got))
        assert rc == 0, rc
        out[name] = {i + 1: ("content" if labels[i] == 0 else "boilerplate")
                     for i in range(got.value) if labels[i] != 2}
        reasons[name] = {i + 1: why[i] for i in range(got.value)}
    elapsed = time.perf_counter() - t0
    lib.bh_model_free(model)
    return out, reasons, elapsed


def reason_names(lib, mask):
    return ",".join(lib.bh_reason_name(1 << b).decode() for b in range(32) if mask >> b & 1) or "-"


def rule_labels(docs):
    out = {}
    for name, text in docs.items():
        d = {}
        for i, line in enumerate(text.split("\n"), 1):
            s = line.strip()
            if not s:
                continue
            end = s.rstrip("\"'”’»)]")
            good = len(s.split()) >= 10 and end[-1:] in (".", "!", "?", "…")
            d[i] = "content" if good else "boilerplate"
        out[name] = d
    return out


def ensure_justext():
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    if subprocess.call([py, "-c", "import justext"], stderr=subprocess.DEVNULL) != 0:
        subprocess.check_call([py, "-m", "pip", "install", "-q", "justext", "lxml_html_clean"])
    return py


JUSTEXT_CHILD = r"""
import json, sys, time, html, justext
docs = json.load(sys.stdin)
stop = justext.get_stoplist("English")
out = {}
t0 = time.perf_counter()
for name, text in docs.items():
    nums = [i for i, l in enumerate(text.split("\n"), 1) if l.strip()]
    lines = [l for l in text.split("\n") if l.strip()]
    page = "<html><body>" + "".join("<p>%s</p>" % html.escape(l) for l in lines) + "</body></html>"
    paras = justext.justext(page.encode("utf-8"), stop, encoding="utf-8")
    d = {}
    if len(paras) == len(lines):
        for n, p in zip(nums, paras):
            d[n] = "boilerplate" if p.is_boilerplate else "content"
    else:  # map by text when jusText dropped a paragraph
        k = 0
        for n, l in zip(nums, lines):
            label = "boilerplate"
            if k < len(paras) and " ".join(l.split()) == paras[k].text:
                label = "boilerplate" if paras[k].is_boilerplate else "content"
                k += 1
            d[n] = label
    out[name] = d
print(json.dumps({"labels": out, "seconds": time.perf_counter() - t0}))
"""


def justext_labels(docs):
    import json
    py = ensure_justext()
    res = subprocess.run([py, "-c", JUSTEXT_CHILD], input=json.dumps(docs), capture_output=True,
                         text=True, check=True)
    data = json.loads(res.stdout)
    return ({k: {int(n): l for n, l in v.items()} for k, v in data["labels"].items()},
            data["seconds"])


def score(gold, pred, docs, min_tokens):
    counts = {lab: [0, 0, 0] for lab in ("content", "boilerplate")}  # tp, fp, fn
    for file, rows in gold.items():
        lines = docs[file].split("\n")
        for n, g in rows.items():
            if g == "ambiguous" or tokens(lines[n - 1]) < min_tokens:
                continue
            p = pred[file].get(n, "boilerplate")
            for lab in counts:
                if p == lab and g == lab:
                    counts[lab][0] += 1
                elif p == lab:
                    counts[lab][1] += 1
                elif g == lab:
                    counts[lab][2] += 1
    out = {}
    for lab, (tp, fp, fn) in counts.items():
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[lab] = (prec, rec, f1)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lib", default=os.environ.get("BOILERHASH_LIB",
                                                    os.path.join(ROOT, "build", "kernel", "libboilerhash.so")))
    ap.add_argument("--no-justext", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print N misclassified lines")
    ap.add_argument("--set", default=DEV,
                    help="a folder in pages-dev's format (texts/, labels.tsv); default datasets/pages-dev")
    args = ap.parse_args()
    gold = load_labels(args.set)
    docs = {}
    for f in sorted(gold):
        with open(os.path.join(args.set, "texts", f), encoding="utf-8") as fh:
            docs[f] = fh.read()
    nbytes = sum(len(t.encode("utf-8")) for t in docs.values())
    lib = load_lib(args.lib)
    systems = {}
    bh, why, secs = boilerhash_labels(lib, docs)
    systems["boilerhash"] = (bh, secs)
    if not args.no_justext:
        systems["jusText"] = justext_labels(docs)
    systems["rule"] = (rule_labels(docs), None)
    print(f"{os.path.basename(os.path.normpath(args.set))}: {len(docs)} pages, {nbytes / 1e6:.2f} MB; "
          "ambiguous rows left out")
    print(f"{'system':<11} {'lines':<7} {'content P':>9} {'R':>6} {'F1':>6}   {'boilerplate P':>13} {'R':>6} {'F1':>6}   time")
    for name, (pred, secs) in systems.items():
        for min_tokens, tag in ((0, "all"), (4, "4+ words")):
            s = score(gold, pred, docs, min_tokens)
            c, b = s["content"], s["boilerplate"]
            t = f"{secs:.3f}s ({nbytes / secs / 1e6:.1f} MB/s)" if secs and min_tokens == 0 else ""
            print(f"{name:<11} {tag:<7} {c[0]:9.3f} {c[1]:6.3f} {c[2]:6.3f}   {b[0]:13.3f} {b[1]:6.3f} {b[2]:6.3f}   {t}")
    if "jusText" in systems:
        print(f"speed ratio boilerhash / jusText (C API incl. ctypes): "
              f"{systems['jusText'][1] / systems['boilerhash'][1]:.0f}x")
    if args.errors:
        shown = 0
        for file, rows in gold.items():
            lines = docs[file].split("\n")
            for n, g in sorted(rows.items()):
                if g == "ambiguous" or bh[file].get(n) == g:
                    continue
                if shown < args.errors:
                    # A labelled line boilerhash calls blank (a custom --set) has no label or reasons.
                    got = (bh[file].get(n) or "blank")[:4]
                    print(f"{g[:4]}>{got}\t{file[:8]}:{n}\t{reason_names(lib, why[file].get(n, 0))}\t{lines[n-1][:150]}")
                shown += 1


if __name__ == "__main__":
    main()
