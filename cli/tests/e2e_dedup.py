#!/usr/bin/env python3
"""End-to-end check of `boilerhash dedup` on a generated corpus with known clusters.

Generates N documents with scripts/gen_corpus.py (fixed seed), runs the
command, and scores its clusters against the truth pair by pair: a pair is
predicted when both documents share a cluster, true when they share a truth
cluster (exact 5-gram Jaccard of the content >= the threshold, joined
transitively, as the command joins its pairs). Fails unless precision >=
--min-precision and recall >= --min-recall, and unless every near-empty
document stands alone. Also reports, and checks against --min-recall, the
pairs themselves: of the pairs with exact Jaccard >= the threshold, how many
share a cluster; and of the pairs sharing a cluster, how many are such a pair
rather than joined through a chain (reported only: a cluster is a closure).
N is --docs, or the environment's BOILERHASH_E2E_DOCS (sanitizer builds use
fewer documents; the Release run uses 20,000).
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def pairs(groups):
    return sum(len(g) * (len(g) - 1) // 2 for g in groups.values())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--docs", type=int, default=int(os.environ.get("BOILERHASH_E2E_DOCS", 20000)))
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--min-precision", type=float, default=0.99)
    ap.add_argument("--min-recall", type=float, default=0.95)
    ap.add_argument("--work", help="keep the corpus here (default: a temporary directory)")
    ap.add_argument("--gen-arg", action="append", default=[], help="extra gen_corpus.py argument")
    ap.add_argument("dedup_args", nargs="*", help="extra dedup arguments (after --)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or tmp
        truth_path = os.path.join(work, "truth.jsonl")
        t0 = time.time()
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_corpus.py"), work,
                        "--docs", str(args.docs), "--threshold", str(args.threshold)]
                       + args.gen_arg, check=True)
        t1 = time.time()
        run = subprocess.run([args.cli, "dedup", "--threshold", str(args.threshold),
                              os.path.join(work, "corpus.jsonl")] + args.dedup_args,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        t2 = time.time()
        sys.stderr.write(run.stderr)
        if run.returncode != 0:
            print("FAIL: dedup exited with %d" % run.returncode)
            return 1
        truth = {}
        with open(truth_path, encoding="utf-8") as f:
            for line in f:
                t = json.loads(line)
                truth[t["id"]] = t
        pred = {}
        empty_flagged = set()
        for line in run.stdout.splitlines():
            r = json.loads(line)
            pred[r["id"]] = r["cluster"]
            if r.get("near_empty"):
                empty_flagged.add(r["id"])

    if set(pred) != set(truth):
        print("FAIL: %d documents out, %d in the truth" % (len(pred), len(truth)))
        return 1
    pred_groups = collections.defaultdict(list)
    truth_groups = collections.defaultdict(list)
    both = collections.defaultdict(list)
    for doc, c in pred.items():
        pred_groups[c].append(doc)
        truth_groups[truth[doc]["cluster"]].append(doc)
        both[(c, truth[doc]["cluster"])].append(doc)
    tp, p_pairs, t_pairs = pairs(both), pairs(pred_groups), pairs(truth_groups)
    precision = tp / p_pairs if p_pairs else 1.0
    recall = tp / t_pairs if t_pairs else 1.0
    empties = [d for d, t in truth.items() if t["near_empty"]]
    merged_empty = [d for d in empties if len(pred_groups[pred[d]]) > 1]
    print("e2e: %d documents, %d true pairs, %d predicted, %d correct: precision %.4f, recall %.4f"
          % (len(pred), t_pairs, p_pairs, tp, precision, recall))
    direct = {(a, b) for a, t in truth.items() for b in t.get("similar", []) if a < b}
    direct_found = sum(1 for a, b in direct if pred[a] == pred[b])
    direct_recall = direct_found / len(direct) if direct else 1.0
    direct_share = direct_found / p_pairs if p_pairs else 1.0
    print("e2e: %d pairs with exact Jaccard >= %g: %d share a cluster (recall %.4f); %.4f of the "
          "pairs sharing a cluster are such pairs, the rest joined through a chain"
          % (len(direct), args.threshold, direct_found, direct_recall, direct_share))
    print("e2e: %d near-empty in the truth, %d flagged near_empty, %d merged; "
          "generate %.1f s, dedup %.1f s" % (len(empties), len(empty_flagged), len(merged_empty),
                                             t1 - t0, t2 - t1))
    ok = (precision >= args.min_precision and recall >= args.min_recall and
          direct_recall >= args.min_recall and not merged_empty)
    if t_pairs == 0:
        print("FAIL: the truth has no pairs; the corpus is not a test")
        ok = False
    print("PASS" if ok else "FAIL (need precision >= %g, recall >= %g of closed and of direct pairs, "
          "no near-empty merged)"
          % (args.min_precision, args.min_recall))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
