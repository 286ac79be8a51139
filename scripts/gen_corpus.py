#!/usr/bin/env python3
"""Deterministic synthetic corpus with known near-duplicate clusters.

Writes OUT/corpus.jsonl ({"id", "text"} per line) and OUT/truth.jsonl
({"id", "family", "cluster", "near_empty", "edit_rate", "similar"} per line:
"cluster" closes the pairs transitively, "similar" lists the documents whose
content is within the threshold of this one's, the pairs themselves).

How documents are made (everything from a fixed seed, so the same arguments
give the same bytes):
  * Base texts: paragraphs of sentences from a word-bigram chain trained on the
    lines labelled `content` in the labels.tsv of the real captures
    (datasets/articles and datasets/pages-dev; ASCII words only), with
    words from the same text's word list mixed in, so different bases share
    almost no word 5-grams.
  * Families: a base and 0..7 copies; a copy applies word edits (substitute,
    delete, insert) at a rate drawn uniformly from 0..30% (--rate-power skews it
    towards small rates, putting more pairs near the threshold).
  * Every document is wrapped in boilerplate (issue 4: "wrapped in
    boilerplate lines"): the header and footer lines of one "site" (the
    lines labelled `boilerplate` before the first and after the last content
    line of one labelled page), plus 0-3 lines drawn from the whole
    boilerplate pool, after the body. With --pool-in-body the first of those
    goes between the first two paragraphs instead (an ad or a teaser inside
    the article: harder, since a short line between paragraphs reads as a
    subheading, and a pool line is in too few documents for the corpus pass
    to flag it until the corpus is large). About 1% of documents are
    boilerplate only (a login page, a menu): near-empty after cleaning.

Truth: within a family, documents whose exact Jaccard over word 5-gram sets of
their content (ASCII: lower-case [a-z0-9] runs, as boilerhash normalizes) is at
least --threshold are joined (transitively, as clustering does); `cluster` is
the id of the first document of each such group. Different families share
no cluster.
"""
import argparse
import json
import math
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
PUNCT = ".,;:!?\"'()[]{}"


def ascii_words(line):
    """The line's whitespace-separated words that are plain ASCII words."""
    out = []
    for tok in line.split():
        t = tok.strip(PUNCT)
        if t and WORD.fullmatch(t):
            out.append(t)
    return out
TOKEN = re.compile(r"[a-z0-9]+")


# The labelled sets of real captures. datasets/page-types is written, not
# crawled (its README), and is a probe of the classifier, not corpus material.
REAL_SETS = ("articles", "pages-dev")


def load_labelled(datasets):
    """(content lines, boilerplate pool, sites) from the real sets' labels.tsv."""
    content, pool, sites = [], [], []
    for name in REAL_SETS:
        labels = os.path.join(datasets, name, "labels.tsv")
        if not os.path.exists(labels):
            continue
        text_dir = os.path.join(datasets, name, "texts")
        if not os.path.isdir(text_dir):
            text_dir = os.path.join(datasets, name)
        rows = {}
        with open(labels, encoding="utf-8") as f:
            next(f)
            for row in f:
                parts = row.rstrip("\n").split("\t")
                if len(parts) >= 3:
                    rows.setdefault(parts[0], []).append((int(parts[1]), parts[2]))
        for fname in sorted(rows):
            with open(os.path.join(text_dir, fname), encoding="utf-8", errors="replace") as f:
                lines = f.read().split("\n")
            labelled = [(lines[n - 1].strip(), lab) for n, lab in rows[fname] if n <= len(lines)]
            labelled = [(t, lab) for t, lab in labelled if t]
            content += [t for t, lab in labelled if lab == "content"]
            bp = [t for t, lab in labelled if lab == "boilerplate"]
            pool += bp
            first = next((i for i, (_, lab) in enumerate(labelled) if lab == "content"), None)
            if first is None:
                continue
            last = max(i for i, (_, lab) in enumerate(labelled) if lab == "content")
            head = [t for t, lab in labelled[:first] if lab == "boilerplate"][-10:]
            foot = [t for t, lab in labelled[last + 1:] if lab == "boilerplate"][:10]
            if head or foot:
                sites.append((head, foot))
    return content, pool, sites


class Chain:
    """Word-bigram chain over the content lines."""

    def __init__(self, lines):
        self.next = {}
        words = []
        for line in lines:
            toks = ascii_words(line)
            words += toks
            for a, b in zip(toks, toks[1:]):
                self.next.setdefault(a.lower(), []).append(b)
        self.words = sorted(set(w.lower() for w in words))  # the word list
        self.tokens = words  # frequency-weighted: restarts keep stopwords common
        self.starts = [w for w in words if w[0].isupper()] or words

    def sentence(self, rng, n):
        w = rng.choice(self.starts)
        out = [w]
        for _ in range(n - 1):
            follow = self.next.get(w.lower())
            if not follow or rng.random() < 0.15:
                # A restart (every 1 in 7 words) keeps bases apart; one in four
                # draws from the word list, the rest by frequency.
                w = rng.choice(self.words if rng.random() < 0.25 else self.tokens)
            else:
                w = rng.choice(follow)
            out.append(w)
        out[0] = out[0][:1].upper() + out[0][1:]
        return out


def make_base(rng, chain, words):
    """Paragraphs (lists of words; a word ending a sentence carries its '.')."""
    paras, total = [], 0
    while total < words:
        para = []
        for _ in range(rng.randint(2, 5)):
            s = chain.sentence(rng, rng.randint(8, 24))
            s[-1] += rng.choice(".....?!")
            para += s
        paras.append(para)
        total += len(para)
    return paras


def edit(rng, paras, rate, words):
    out = []
    for para in paras:
        new = []
        for w in para:
            if rng.random() >= rate:
                new.append(w)
                continue
            op = rng.random()
            if op < 0.5:
                new.append(rng.choice(words) + (w[-1] if w[-1] in ".?!" else ""))
            elif op < 0.75:
                if w[-1] in ".?!" and new:
                    new[-1] += w[-1]
            else:
                new += [w, rng.choice(words)]
        out.append(new or para[:1])
    return out


def shingles(text, n=5):
    toks = TOKEN.findall(text.lower())
    if not toks:
        return set()
    if len(toks) < n:
        return {tuple(toks)}
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def jaccard(a, b):
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", help="output directory")
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--words", type=int, default=250, help="mean content words per base text")
    ap.add_argument("--seed", type=int, default=20231013)
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--max-rate", type=float, default=0.30)
    ap.add_argument("--rate-power", type=float, default=1.0,
                    help="edit rate = max_rate * u**power, u uniform: 1 is uniform over "
                         "0..max_rate, 2 puts more copies near the threshold")
    ap.add_argument("--pool-in-body", action="store_true",
                    help="put the first line drawn from the boilerplate pool between the first "
                         "two paragraphs (an ad or a teaser inside the article), not after the body")
    ap.add_argument("--no-boilerplate", action="store_true",
                    help="content only (to test hashing without the classifier)")
    ap.add_argument("--datasets", default=os.path.join(ROOT, "datasets"))
    args = ap.parse_args()
    if args.docs < 0 or args.words < 1:
        ap.error("--docs must be >= 0 and --words >= 1")
    if not 0 < args.threshold <= 1:  # NaN fails each of these comparisons too
        ap.error("--threshold must be in (0, 1]")
    if not (0 <= args.max_rate <= 1 and 0 < args.rate_power < math.inf):
        ap.error("--max-rate must be in [0, 1] and --rate-power a positive number")

    rng = random.Random(args.seed)
    try:
        content, pool, sites = load_labelled(args.datasets)
    except OSError as e:
        ap.error(f"--datasets {args.datasets}: {e}")
    if not content or not pool:
        ap.error(f"--datasets {args.datasets}: neither articles/labels.tsv nor pages-dev/labels.tsv there")
    chain = Chain(content)
    words = chain.words

    docs = []   # (family, text, content_text, near_empty, rate)
    family = 0
    while len(docs) < args.docs:
        if rng.random() < 0.01 and not args.no_boilerplate:  # boilerplate only: a login page, a menu
            head, foot = rng.choice(sites)
            lines = head + rng.sample(pool, 3) + foot
            docs.append((family, "\n".join(lines) + "\n", "", True, 0.0))
            family += 1
            continue
        size = 1 if rng.random() < 0.4 else rng.randint(2, 8)
        size = min(size, args.docs - len(docs))
        n_words = max(20, int(rng.gauss(args.words, args.words / 3)))
        base = make_base(rng, chain, n_words)
        for member in range(size):
            rate = 0.0 if member == 0 else args.max_rate * rng.random() ** args.rate_power
            paras = base if rate == 0.0 else edit(rng, base, rate, words)
            body = [" ".join(p) for p in paras]
            head, foot = rng.choice(sites)
            head = [l for l in head if rng.random() > 0.1]
            foot = [l for l in foot if rng.random() > 0.1]
            extra = rng.sample(pool, rng.randint(0, 3))
            if args.pool_in_body:  # the first drawn line between paragraphs 1 and 2
                lines = head + body[:1] + extra[:1] + body[1:] + extra[1:] + foot
            else:
                lines = head + body + extra + foot
            if args.no_boilerplate:
                lines = body
            docs.append((family, "\n".join(lines) + "\n", "\n".join(body), False, rate))
        family += 1

    order = list(range(len(docs)))
    rng.shuffle(order)
    ids = {}
    for pos, i in enumerate(order):
        ids[i] = "d%07d" % pos

    # Truth clusters: connected components of J >= threshold within a family.
    members = {}
    for i, d in enumerate(docs):
        members.setdefault(d[0], []).append(i)
    cluster = {}
    similar = {i: [] for i in range(len(docs))}  # the pairs themselves, before the closure
    for fam, m in members.items():
        parent = {i: i for i in m}

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        sets = {i: shingles(docs[i][2]) for i in m}
        for a in range(len(m)):
            for b in range(a + 1, len(m)):
                x, y = m[a], m[b]
                if docs[x][3] or docs[y][3]:
                    continue
                if jaccard(sets[x], sets[y]) >= args.threshold:
                    similar[x].append(ids[y])
                    similar[y].append(ids[x])
                    rx, ry = find(x), find(y)
                    if rx != ry:
                        parent[max(rx, ry, key=lambda r: ids[r])] = min(rx, ry, key=lambda r: ids[r])
        for i in m:
            root = find(i)
            first = min((j for j in m if find(j) == root), key=lambda j: ids[j])
            cluster[i] = ids[first]

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "corpus.jsonl"), "w", encoding="utf-8") as c, \
         open(os.path.join(args.out, "truth.jsonl"), "w", encoding="utf-8") as t:
        for i in order:
            fam, text, _, empty, rate = docs[i]
            c.write(json.dumps({"id": ids[i], "text": text}, ensure_ascii=False) + "\n")
            t.write(json.dumps({"id": ids[i], "family": fam, "cluster": cluster[i],
                                "near_empty": empty, "edit_rate": round(rate, 4),
                                "similar": sorted(similar[i])}) + "\n")
    print("gen_corpus: %d documents, %d families, %s" %
          (len(docs), family, os.path.join(args.out, "corpus.jsonl")), file=sys.stderr)


if __name__ == "__main__":
    main()
