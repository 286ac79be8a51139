#!/usr/bin/env python3
"""Merges Google Benchmark JSON files into one and prints a markdown table:
MB/s (median of the repetitions) per stage and input, one column per SIMD
target, and the speed-up of the best target over the scalar reference."""
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

    rows, targets = {}, []
    for b in merged["benchmarks"]:
        if b.get("aggregate_name", "median") != "median" or "bytes_per_second" not in b:
            continue
        name = b["run_name"].split("/")
        stage, target = name[0], name[1] if len(name) > 1 else "-"
        inp = name[2] if len(name) > 2 else "-"
        rows.setdefault((stage, inp), {})[target] = b["bytes_per_second"] / 1e6
        if target not in targets and target != "reference":
            targets.append(target)
    cols = targets + ["reference"]
    ctx = merged["context"] or {}
    print(f"# boilerhash kernel throughput\n")
    print(f"Machine: {cpu_model()}, {ctx.get('num_cpus', '?')} CPUs, one thread; "
          f"{ctx.get('library_build_type', '')} Google Benchmark; date {ctx.get('date', '')}.")
    print("MB/s of raw input text (median of repetitions); `reference` is the scalar twin; "
          "speed-up = best SIMD target / reference.\n")
    print("| stage | input | " + " | ".join(cols) + " | speed-up |")
    print("|---|---|" + "---|" * (len(cols) + 1))
    for (stage, inp), vals in rows.items():
        cells = [f"{vals[c]:.0f}" if c in vals else "" for c in cols]
        simd = [vals[t] for t in targets if t in vals]
        ratio = f"{max(simd) / vals['reference']:.1f}x" if simd and "reference" in vals else ""
        print(f"| {stage} | {inp} | " + " | ".join(cells) + f" | {ratio} |")


if __name__ == "__main__":
    main()
