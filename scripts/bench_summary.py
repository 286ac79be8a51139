#!/usr/bin/env python3
"""Merges Google Benchmark JSON files into one and prints a markdown table:
MB/s (median of the repetitions) per stage and input, one column per SIMD
target, the dispatched target's speed-up over the SCALAR target and over the
scalar reference, and the largest coefficient of variation of the row's
repetitions; rows that count items (documents) get a table of their own."""
import json
import platform
import subprocess
import sys


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    out_path, parts = sys.argv[1], sys.argv[2:]
    merged = {"context": None, "benchmarks": []}
    for p in parts:
        try:
            data = json.load(open(p))
        except (OSError, ValueError):
            continue  # a suite whose filter matched nothing writes no JSON
        merged["context"] = merged["context"] or data["context"]
        merged["benchmarks"] += data["benchmarks"]
    json.dump(merged, open(out_path, "w"), indent=1)

    rows, items, cvs, targets = {}, {}, {}, []
    for b in merged["benchmarks"]:
        name = b["run_name"].split("/")
        stage, target = name[0], name[1] if len(name) > 1 else "-"
        inp = name[2] if len(name) > 2 else "-"
        aggregate = b.get("aggregate_name", "median")
        if aggregate == "cv":
            cvs[(stage, inp)] = max(cvs.get((stage, inp), 0.0), b.get("cv", b.get("real_time", 0.0)))
            continue
        if aggregate != "median":
            continue
        if "bytes_per_second" in b:
            rows.setdefault((stage, inp), {})[target] = b["bytes_per_second"] / 1e6
        elif "items_per_second" in b:
            items.setdefault((stage, inp), {})[target] = b["items_per_second"]
            continue
        else:
            continue
        if target not in targets and target != "reference":
            targets.append(target)
    cols = targets + ["reference"]
    ctx = merged["context"] or {}
    dispatched = ctx.get("dispatched_target") or (targets[0] if targets else "")
    print(f"# boilerhash kernel throughput\n")
    print(f"Machine: {cpu_model()}, {ctx.get('num_cpus', '?')} CPUs, one thread; "
          f"dispatched target {dispatched}; date {ctx.get('date', '')}. (Google Benchmark's "
          f"own library build: {ctx.get('library_build_type', '?')}; boilerhash is a Release build.)")
    print("MB/s = 10^6 bytes of raw input text per second (corpus_table_prune: 8 bytes a key), "
          "median of repetitions. `reference` is the scalar twin the tests check against, a "
          "deliberately simple oracle; the `SCALAR` target is the tuned code without SIMD. "
          "`vs SCALAR` and `vs reference` are the dispatched target's ratios; `cv` is the largest "
          "coefficient of variation among the row's targets (a shared VM: compare rows of one "
          "run). The classify rows force the target of boilerhash's own code; the pattern scan "
          "runs vectorscan's runtime for this CPU on every row. The 1KB reference rows repeat "
          "one small input, whose branches the CPU learns.\n")
    print("| stage | input | " + " | ".join(cols) + " | vs SCALAR | vs reference | cv |")
    print("|---|---|" + "---|" * (len(cols) + 3))
    for (stage, inp), vals in rows.items():
        cells = [f"{vals[c]:.0f}" if c in vals else "" for c in cols]
        d = vals.get(dispatched)
        vs_scalar = f"{d / vals['SCALAR']:.1f}x" if d and vals.get("SCALAR") else ""
        vs_ref = f"{d / vals['reference']:.1f}x" if d and vals.get("reference") else ""
        cv = f"{100 * cvs[(stage, inp)]:.0f}%" if (stage, inp) in cvs else ""
        print(f"| {stage} | {inp} | " + " | ".join(cells) + f" | {vs_scalar} | {vs_ref} | {cv} |")
    if items:
        print("\nRows that count documents (items), not bytes: the LSH index's work is per "
              "signature (1,000 signatures of slices of the input per iteration).\n")
        print("| stage | input | target | documents/s |")
        print("|---|---|---|---:|")
        for (stage, inp), vals in items.items():
            for target, v in vals.items():
                print(f"| {stage} | {inp} | {target} | {v:,.0f} |")


if __name__ == "__main__":
    main()
