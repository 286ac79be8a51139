#!/usr/bin/env python3
"""How boilerhash scales (issue 5, "Scaling"). Run by `scripts/bench.sh --scaling`.

    python3 scripts/bench_scaling.py [--build-dir build] [--quick]

Three sweeps, each written as a PNG in bench/results/ and a table in
bench/results/scaling.md:

  1. throughput (MB/s) against document size, 1 KB ... 1 MB: no new timers,
     the Google Benchmark suites already built in BUILD/bench are run with a
     filter and their JSON is read. Signing = `text_to_minhash/TARGET/SIZE`
     (normalize + shingle + MinHash) and `signer_all/TARGET/SIZE` (the whole
     Signer: MinHash + SimHash + exact hash); classification =
     `classify/TARGET/SIZE` of classifier_bench (one page of SIZE cut from the
     dev-set pages), plus `classify/TARGET` over the dev pages themselves as
     one point per target at their mean page size;
  2. `boilerhash dedup` throughput against --threads 1 ... all cores on a corpus
     from scripts/gen_corpus.py (20k documents by default), with and without
     cleaning (--no-clean); median wall time of --reps runs, peak RSS per run
     from wait4();
  3. LSH memory per document against corpus size, 10k ... 1M documents:
     BUILD/bench/lsh_memory (synthetic signatures, one size and mode per
     process) prints LshIndex::MemoryBytes()/N, the peak RSS, and the time of
     the batch clustering path (ClusterNearDuplicates).

matplotlib comes from .venv-peers/ when it is there and imports it (the venv
scripts/bench_peers.py creates), else from BUILD/venv-scaling/, created here.
A benchmark never asserts a time: this script only measures and reports.
"""
import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_summary import cpu_model  # scripts/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PEERS_VENV = ROOT / ".venv-peers"

SIZES = ["1KB", "16KB", "256KB", "1024KB"]
SIZE_BYTES = {s: int(s[:-2]) << 10 for s in SIZES}
LSH_DOCS = [10_000, 30_000, 100_000, 300_000, 1_000_000]


def log(*a):
    print("bench_scaling:", *a, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Environment

def has_matplotlib(python):
    return python.exists() and subprocess.run(
        [str(python), "-c", "import matplotlib"], capture_output=True).returncode == 0


def ensure_plot_python(build):
    """A Python that imports matplotlib: .venv-peers if it has it, else our own venv."""
    for cand in (Path(sys.executable), PEERS_VENV / "bin" / "python"):
        if has_matplotlib(cand):
            return cand
    venv = build / "venv-scaling"
    py = venv / "bin" / "python"
    if not has_matplotlib(py):
        log(f"creating {venv} with matplotlib ...")  # --build-dir may be outside the checkout
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "matplotlib"], check=True)
    return py


def machine():
    model = cpu_model()
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f", {int(line.split()[1]) / 2**20:.0f} GiB RAM"
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} logical CPUs{mem}"


# ---------------------------------------------------------------------------
# 1. Document size (Google Benchmark JSON)

def run_gbench(exe, regex, reps, min_time, out):
    cmd = [str(exe), f"--benchmark_filter={regex}", f"--benchmark_repetitions={reps}",
           f"--benchmark_min_time={min_time}", "--benchmark_report_aggregates_only=true",
           f"--benchmark_out={out}", "--benchmark_out_format=json"]
    log(" ".join(cmd[:2]), "...")
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return json.loads(Path(out).read_text())


def medians(doc):
    """{run_name: MB/s of the median aggregate} (MB = 10^6 bytes)."""
    out, single = {}, {}
    for b in doc.get("benchmarks", []):
        if "bytes_per_second" not in b or b.get("error_occurred"):
            continue
        if b.get("aggregate_name") == "median":
            out[b["run_name"]] = b["bytes_per_second"] / 1e6
        elif b.get("run_type") == "iteration":  # --benchmark_repetitions=1: no aggregates
            single[b["run_name"]] = b["bytes_per_second"] / 1e6
    return {**single, **out}


def size_sweep(build, args, work):
    kern = build / "bench" / "kernel_bench"
    clf = build / "bench" / "classifier_bench"
    sizes = "|".join(SIZES)
    mb = {}
    ctx = {}
    if kern.exists():
        d = run_gbench(kern, f"^(text_to_minhash|signer_all)/[A-Z0-9_]+/({sizes})$",
                       args.reps, args.min_time, work / "kernel_size.json")
        mb.update(medians(d))
        ctx = d.get("context", {})
    else:
        log(f"{kern} missing: no signing sweep")
    if clf.exists():
        d = run_gbench(clf, "^classify/[A-Z0-9_]+(/[0-9]+KB)?$",
                       args.reps, args.min_time, work / "classifier_size.json")
        mb.update(medians(d))
        ctx = ctx or d.get("context", {})
    else:
        log(f"{clf} missing: no classification sweep")
    return mb, ctx


def dev_page_mean_bytes():
    pages = list((ROOT / "datasets" / "pages-dev" / "texts").glob("*"))
    pages = [p for p in pages if p.is_file()]
    return (sum(p.stat().st_size for p in pages) / len(pages), len(pages)) if pages else (None, 0)


# ---------------------------------------------------------------------------
# 2. Threads (boilerhash dedup)

def timed(cmd):
    """(wall seconds, peak RSS bytes) of one child process; stdout discarded."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}: {err[-500:]}")
    return wall, ru.ru_maxrss * 1024


def thread_sweep(build, args, work):
    cli = build / "cli" / "boilerhash"
    if not cli.exists():
        log(f"{cli} missing: no thread sweep")
        return None
    corpus = work / f"corpus_{args.docs}_{args.words}"
    jsonl = corpus / "corpus.jsonl"
    if not jsonl.exists():
        log(f"generating {args.docs} documents into {corpus} ...")
        subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_corpus.py"), str(corpus),
                        "--docs", str(args.docs), "--words", str(args.words), "--pool-in-body"], check=True,
                       stdout=subprocess.DEVNULL)
    size = jsonl.stat().st_size
    version = subprocess.run([str(cli), "--version"], capture_output=True, text=True).stdout.strip()
    ncpu = os.cpu_count() or 1
    threads = sorted(set([1, 2, 4, 8, 16, 32, 64, ncpu]) & set(range(1, ncpu + 1)))
    one = work / "one_doc.jsonl"
    with open(jsonl) as f:
        one.write_text(f.readline())
    rows, startup = [], {}
    for variant, extra in (("clean", []), ("no-clean", ["--no-clean"])):
        # Fixed cost of one process (model and pattern database load): one document.
        startup[variant] = statistics.median(
            timed([str(cli), "dedup", "-q", *extra, str(one)])[0] for _ in range(args.reps))
        log(f"dedup {variant} startup (1 document): {startup[variant]:.2f} s")
        for t in threads:
            walls, peaks = [], []
            for _ in range(args.reps):
                w, p = timed([str(cli), "dedup", "-q", "--threads", str(t), *extra, str(jsonl)])
                walls.append(w)
                peaks.append(p)
            w = statistics.median(walls)
            net = max(w - startup[variant], 1e-9)
            rows.append({"variant": variant, "threads": t, "seconds": w, "runs": walls,
                         "mb_s": size / 1e6 / w, "docs_s": args.docs / w, "peak_rss": max(peaks),
                         "net_mb_s": size / 1e6 / net})
            log(f"dedup {variant} threads={t}: {w:.2f} s, {size / 1e6 / w:.1f} MB/s")
    return {"bytes": size, "docs": args.docs, "words": args.words, "version": version,
            "threads": threads, "rows": rows, "startup": startup}


# ---------------------------------------------------------------------------
# 3. LSH memory (bench/lsh_memory)

def lsh_sweep(build, args):
    exe = build / "bench" / "lsh_memory"
    if not exe.exists():
        log(f"{exe} missing: no LSH memory sweep")
        return None
    rows = []
    for n in args.lsh_docs:
        row = {"docs": n}
        for mode in ("index", "cluster"):
            r = subprocess.run([str(exe), str(n), mode], capture_output=True, text=True, check=True)
            row[mode] = json.loads(r.stdout)
        log(f"lsh {n} docs: {row['index']['index_bytes_per_doc']:.1f} B/doc, "
            f"peak {row['index']['peak_rss_bytes'] / 2**20:.0f} MiB; cluster "
            f"{row['cluster']['seconds']:.2f} s")
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------
# Plots (run under the Python that has matplotlib)

def plot(data):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    out = {}

    # 1. Document size
    mb = data["size"]["mb_s"]
    if mb:
        fig, ax = plt.subplots(figsize=(8, 5))
        targets = data["size"]["targets"]
        styles = {"text_to_minhash": "-", "signer_all": "--"}
        for stage, label in (("text_to_minhash", "sign: normalize+shingle+MinHash"),
                             ("signer_all", "Signer (MinHash+SimHash+exact)")):
            for t in targets:
                ys = [mb.get(f"{stage}/{t}/{s}") for s in SIZES]
                if any(y is not None for y in ys):
                    xs = [SIZE_BYTES[s] for s, y in zip(SIZES, ys) if y is not None]
                    ax.plot(xs, [y for y in ys if y is not None], styles[stage], marker="o",
                            label=f"{label}, {t}")
        mean_page = data["size"]["dev_page_mean"]
        for t in targets:
            ys = [mb.get(f"classify/{t}/{s}") for s in SIZES]
            if any(y is not None for y in ys):
                xs = [SIZE_BYTES[s] for s, y in zip(SIZES, ys) if y is not None]
                ax.plot(xs, [y for y in ys if y is not None], ":", marker="s", label=f"classify, {t}")
            elif f"classify/{t}" in mb and mean_page:
                ax.plot([mean_page], [mb[f"classify/{t}"]], "s", markersize=8,
                        label=f"classify, {t} (dev pages, mean size)")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks([SIZE_BYTES[s] for s in SIZES])
        ax.set_xticklabels(["1 KB", "16 KB", "256 KB", "1 MB"])
        ax.set_xlabel("document size")
        ax.set_ylabel("MB/s, one thread (median)")
        ax.set_title("Throughput against document size (higher is better)")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7, loc="lower left", framealpha=0.9)
        fig.tight_layout()
        fig.savefig(RESULTS / "scaling_size.png", dpi=110)
        out["size"] = "scaling_size.png"
        plt.close(fig)

    # 2. Threads
    th = data.get("threads")
    if th:
        fig, (a1, a2) = plt.subplots(1, 2, figsize=(10, 4.2))
        for variant in ("clean", "no-clean"):
            rows = [r for r in th["rows"] if r["variant"] == variant]
            xs = [r["threads"] for r in rows]
            line, = a1.plot(xs, [r["mb_s"] for r in rows], marker="o", label=f"dedup ({variant})")
            a1.plot(xs, [r["net_mb_s"] for r in rows], "--", marker="x", color=line.get_color(),
                    label=f"dedup ({variant}), less 1-doc startup")
            a2.plot(xs, [rows[0]["seconds"] / r["seconds"] for r in rows], marker="o",
                    color=line.get_color(), label=f"dedup ({variant})")
        a2.plot(th["threads"], th["threads"], "k:", label="linear")
        for a in (a1, a2):
            a.set_xlabel("--threads")
            a.set_xticks(th["threads"])
            a.grid(True, alpha=0.3)
            a.legend(fontsize=8)
        a1.set_ylabel("MB/s of JSONL input (median)")
        a1.set_ylim(bottom=0)
        a2.set_ylabel("speed-up over 1 thread")
        fig.suptitle(f"boilerhash dedup against threads ({th['docs']:,} generated documents, "
                     f"{th['bytes'] / 1e6:.0f} MB)", fontsize=10)
        fig.tight_layout()
        fig.savefig(RESULTS / "scaling_threads.png", dpi=110)
        out["threads"] = "scaling_threads.png"
        plt.close(fig)

    # 3. LSH memory
    lsh = data.get("lsh")
    if lsh:
        fig, (a1, a2) = plt.subplots(1, 2, figsize=(10, 4.2))
        xs = [r["docs"] for r in lsh]
        a1.plot(xs, [r["index"]["index_bytes_per_doc"] for r in lsh], marker="o",
                label="LshIndex::MemoryBytes() / N")
        a1.plot(xs, [r["index"]["peak_rss_bytes"] / r["docs"] for r in lsh], marker="s",
                label="peak RSS / N (index run, incl. 512 B signature)")
        a1.plot(xs, [r["cluster"]["peak_rss_bytes"] / r["docs"] for r in lsh], marker="^",
                label="peak RSS / N (ClusterNearDuplicates run)")
        a1.set_xscale("log")
        a1.set_ylim(bottom=0)
        a1.set_xlabel("documents")
        a1.set_ylabel("bytes per document")
        a1.legend(fontsize=7)
        a1.grid(True, which="both", alpha=0.3)
        a2.plot(xs, [r["index"]["seconds"] / r["docs"] * 1e6 for r in lsh], marker="o",
                label="LshIndex::Insert")
        a2.plot(xs, [r["cluster"]["seconds"] / r["docs"] * 1e6 for r in lsh], marker="^",
                label="ClusterNearDuplicates")
        a2.set_xscale("log")
        a2.set_ylim(bottom=0)
        a2.set_xlabel("documents")
        a2.set_ylabel("µs per document")
        a2.legend(fontsize=7)
        a2.grid(True, which="both", alpha=0.3)
        b = lsh[0]["index"]
        fig.suptitle(f"LSH against corpus size (k=128, {b['bands']} bands x {b['rows']} rows, "
                     "synthetic signatures)", fontsize=10)
        fig.tight_layout()
        fig.savefig(RESULTS / "scaling_lsh.png", dpi=110)
        out["lsh"] = "scaling_lsh.png"
        plt.close(fig)
    return out


# ---------------------------------------------------------------------------
# Markdown

def markdown(data, pngs):
    L = []
    ctx = data["size"]["context"]
    L.append("# boilerhash scaling")
    L.append("")
    L.append(f"Machine: {data['machine']}; SIMD target {data['target']}; "
             f"date {data['date']}; build `{data['build']}` ({ctx.get('library_build_type', '?')} "
             "Google Benchmark library, Release boilerhash). Produced by "
             f"`scripts/bench.sh --scaling` (`scripts/bench_scaling.py{' --quick' if data['quick'] else ''}`).")
    L.append("")
    L.append("**Noise:** measured on a virtual machine "
             f"({os.cpu_count()} logical CPUs; load average at start {data['load']}: more than 1 "
             "means other work shared the cores). Treat differences under ~20% as noise; the "
             "thread sweep in particular can only show what two cores give. A benchmark never "
             "asserts a time.")
    L.append("")

    L.append("## 1. Throughput against document size")
    L.append("")
    if "size" in pngs:
        L.append(f"![throughput against document size]({pngs['size']})")
        L.append("")
    L.append(f"How measured: `{data['build']}/bench/kernel_bench` and `{data['build']}/bench/classifier_bench` "
             f"(Google Benchmark, {data['reps']} repetitions, min time {data['min_time']} s, median "
             "aggregate, one thread), MB/s of raw input text (10^6 bytes). Inputs: "
             "`GeneratedText(size)` from bench/bench_inputs.cc (dataset words, fixed seed) for "
             "signing, `DevPagesText(size)` for classification. "
             "`text_to_minhash` = Normalize + ShingleHashes + MinHasher::Sign (k=128, word "
             "5-grams); `signer_all` = Signer::Sign (MinHash + SimHash + exact hash).")
    L.append("")
    mb = data["size"]["mb_s"]
    targets = data["size"]["targets"]
    L.append("| stage | target | " + " | ".join(SIZES) + " | 1 MB / 1 KB |")
    L.append("|---|---|" + "---|" * (len(SIZES) + 1))
    for stage in ("text_to_minhash", "signer_all", "classify"):
        for t in targets:
            vals = [mb.get(f"{stage}/{t}/{s}") for s in SIZES]
            if all(v is None for v in vals):
                continue
            ratio = f"{vals[-1] / vals[0]:.2f}x" if vals[0] and vals[-1] else ""
            L.append(f"| {stage} | {t} | " + " | ".join(f"{v:,.0f}" if v else "" for v in vals)
                     + f" | {ratio} |")
    cls = [(t, mb[f"classify/{t}"]) for t in targets if f"classify/{t}" in mb]
    if cls:
        mean, n = data["size"]["dev_page_mean"], data["size"]["dev_pages"]
        L.append("")
        L.append(f"Classification: `classify/TARGET/SIZE` classifies one page of SIZE cut from "
                 "the dev-set pages (`DevPagesText`, bench/bench_inputs.cc); `classify/TARGET` "
                 f"classifies the {n} dev-set pages one by one (mean {mean / 1024:.1f} KB): "
                 + ", ".join(f"{t} {v:,.0f} MB/s" for t, v in cls) + ".")
    L.append("")

    th = data.get("threads")
    L.append("## 2. `boilerhash dedup` against threads")
    L.append("")
    if th:
        if "threads" in pngs:
            L.append(f"![dedup throughput against threads]({pngs['threads']})")
            L.append("")
        L.append(f"How measured: `{th['version']}`, `boilerhash dedup -q --threads N [--no-clean] "
                 f"corpus.jsonl > /dev/null` on {th['docs']:,} documents from "
                 f"`scripts/gen_corpus.py --docs {th['docs']} --words {th['words']} --pool-in-body` "
                 f"({th['bytes'] / 1e6:.1f} MB of JSONL); wall time of the whole process (read, "
                 f"parse, corpus statistics, cleaning, signing, clustering, output), median of "
                 f"{data['reps']} runs; peak RSS from wait4().")
        L.append("")
        st = th["startup"]
        L.append(f"Fixed cost per process, measured as the wall time of the same command on one "
                 f"document: {st['clean']:.2f} s with cleaning (classifier model and pattern "
                 f"database load; the default patterns are precompiled at build time, "
                 f"docs/PATTERNS.md), {st['no-clean']:.2f} s with --no-clean. 'MB/s less startup' "
                 "subtracts it.")
        L.append("")
        L.append("| variant | threads | seconds (median) | MB/s | MB/s less startup | docs/s | MB/s per thread | speed-up | peak RSS |")
        L.append("|---|---|---|---|---|---|---|---|---|")
        for variant in ("clean", "no-clean"):
            rows = [r for r in th["rows"] if r["variant"] == variant]
            for r in rows:
                L.append(f"| {variant} | {r['threads']} | {r['seconds']:.2f} | {r['mb_s']:.1f} | "
                         f"{r['net_mb_s']:.1f} | "
                         f"{r['docs_s']:,.0f} | {r['mb_s'] / r['threads']:.1f} | "
                         f"{rows[0]['seconds'] / r['seconds']:.2f}x | {r['peak_rss'] / 2**20:.0f} MiB |")
        load1 = float(data["load"].split(",")[0])
        if load1 >= (os.cpu_count() or 1):
            L.append("")
            L.append(f"The 1-minute load average ({load1:.1f}) was at or above the number of logical "
                     f"CPUs ({os.cpu_count()}) when this ran: extra threads competed with other "
                     "processes, so this sweep says little about how dedup scales on an idle "
                     "machine. Re-run `scripts/bench.sh --scaling` on an idle, larger machine for that.")
    else:
        L.append("Not measured (no `boilerhash` binary in the build directory).")
    L.append("")

    lsh = data.get("lsh")
    L.append("## 3. LSH memory against corpus size")
    L.append("")
    if lsh:
        if "lsh" in pngs:
            L.append(f"![LSH memory per document against corpus size]({pngs['lsh']})")
            L.append("")
        b = lsh[0]["index"]
        L.append(f"How measured: `bench/lsh_memory N index|cluster`, one process per N and mode. "
                 f"N synthetic MinHash signatures (k=128) of random sets of {b['set_size']} "
                 "hashes, every 10th a near-duplicate of the one before (4 hashes replaced, "
                 f"Jaccard ≈ 0.88); `RecallFirstLshParams(0.8, 128)` (what `dedup` uses) = {b['bands']} bands × "
                 f"{b['rows']} rows. `index`: LshIndex::Insert of all N, then "
                 "`LshIndex::MemoryBytes()` (the index's own estimate of its heap) / N; "
                 "`cluster`: ClusterNearDuplicates (estimate only, threshold 0.8). Peak RSS "
                 "(getrusage) includes the signatures (512 B/doc), the C++ runtime and the library.")
        L.append("")
        L.append("| documents | index bytes/doc | peak RSS (index) | peak RSS/doc | insert µs/doc "
                 "| cluster s | cluster peak RSS | clusters | verified pairs |")
        L.append("|---|---|---|---|---|---|---|---|---|")
        for r in lsh:
            i, c = r["index"], r["cluster"]
            L.append(f"| {r['docs']:,} | {i['index_bytes_per_doc']:,.0f} | "
                     f"{i['peak_rss_bytes'] / 2**20:,.0f} MiB | {i['peak_rss_bytes'] / r['docs']:,.0f} | "
                     f"{i['seconds'] / r['docs'] * 1e6:.2f} | {c['seconds']:.2f} | "
                     f"{c['peak_rss_bytes'] / 2**20:,.0f} MiB | {c['clusters']:,} | {c['verified_pairs']:,} |")
    else:
        L.append("Not measured (no `bench/lsh_memory` in the build directory).")
    L.append("")
    L.append("Raw numbers: [scaling.json](scaling.json).")
    return "\n".join(L) + "\n"


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build-dir", default="build", help="build tree with bench/ and cli/ (default build)")
    ap.add_argument("--quick", action="store_true", help="fewer repetitions, smaller sweeps")
    ap.add_argument("--docs", type=int, default=20000, help="documents of the dedup corpus")
    ap.add_argument("--words", type=int, default=250, help="gen_corpus.py --words")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--min-time", type=float, default=0.2)
    ap.add_argument("--skip", default="", help="comma list of size,threads,lsh to skip")
    ap.add_argument("--plot-only", help=argparse.SUPPRESS)   # internal: JSON file to plot
    args = ap.parse_args()

    if args.plot_only:
        data = json.loads(Path(args.plot_only).read_text())
        pngs = plot(data)
        (RESULTS / "scaling.md").write_text(markdown(data, pngs))
        return

    build = (ROOT / args.build_dir).resolve()
    if args.quick:
        args.reps, args.min_time = 2, 0.05
        args.docs = min(args.docs, 2000)
    args.lsh_docs = LSH_DOCS[:3] if args.quick else LSH_DOCS
    skip = set(filter(None, args.skip.split(",")))
    work = build / "bench_scaling"
    work.mkdir(parents=True, exist_ok=True)
    plot_py = ensure_plot_python(build)

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    mb, ctx = size_sweep(build, args, work) if "size" not in skip else ({}, {})
    targets = []
    for name in mb:  # keep the suites' order: best target first
        parts = name.split("/")
        if len(parts) >= 2 and parts[1] not in targets and parts[1] != "reference":
            targets.append(parts[1])
    mean_page, n_pages = dev_page_mean_bytes()
    threads = thread_sweep(build, args, work) if "threads" not in skip else None
    lsh = lsh_sweep(build, args) if "lsh" not in skip else None
    target = lsh[0]["index"]["target"] if lsh else (targets[0] if targets else "?")
    data = {
        "machine": machine(), "target": target, "load": load, "quick": args.quick,
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "build": os.path.relpath(build, ROOT), "reps": args.reps, "min_time": args.min_time,
        "size": {"mb_s": mb, "context": ctx, "targets": targets,
                 "dev_page_mean": mean_page, "dev_pages": n_pages},
        "threads": threads, "lsh": lsh,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    raw = RESULTS / "scaling.json"
    raw.write_text(json.dumps(data, indent=1) + "\n")
    subprocess.run([str(plot_py), str(Path(__file__).resolve()), "--plot-only", str(raw)], check=True)
    print((RESULTS / "scaling.md").read_text())


if __name__ == "__main__":
    main()
