#!/usr/bin/env python3
"""Behaviour of the boilerhash command: what a user sees for good and bad input.

Run as: cli_test.py CLI_PATH [unittest arguments, e.g. a test name].
"""
import gzip
import json
import os
import shutil
import shlex
import struct
import subprocess
import sys
import tempfile
import threading
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = None
ARTICLES = os.path.join(ROOT, "datasets", "articles")


def run(*args, stdin=None):
    return subprocess.run([CLI] + list(args), input=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)


def read(path, mode="rb"):
    with open(path, mode) as f:
        return f.read()


def jsonl(out):
    return [json.loads(l) for l in out.decode("utf-8").splitlines()]


class CliTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="bh_cli_test_")
        # A small generated corpus with near-duplicates and boilerplate.
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_corpus.py"),
                        cls.tmp, "--docs", "300", "--words", "120"], check=True,
                       stderr=subprocess.DEVNULL)
        cls.corpus = os.path.join(cls.tmp, "corpus.jsonl")
        # The same without boilerplate: near-duplicates whatever the classifier does.
        plain = os.path.join(cls.tmp, "plain")
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_corpus.py"),
                        plain, "--docs", "300", "--words", "120", "--no-boilerplate"],
                       check=True, stderr=subprocess.DEVNULL)
        cls.plain = os.path.join(plain, "corpus.jsonl")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    # ---- determinism ----------------------------------------------------------
    def test_output_identical_for_every_thread_count(self):
        for cmd in (["dedup"], ["dedup", self.plain], ["dedup", "--filter"], ["sign"], ["sign", "--algo", "simhash"],
                    ["clean"], ["clean", "--explain"], ["dedup", "--measure", "containment", self.plain]):
            if cmd[-1] != self.plain:
                cmd = cmd + [self.corpus]
            one = run(*cmd, "--threads", "1")
            self.assertEqual(one.returncode, 0, one.stderr)
            self.assertGreater(len(one.stdout), 0)
            for t in ("2", "5"):
                many = run(*cmd, "--threads", t)
                self.assertEqual(many.returncode, 0, many.stderr)
                self.assertEqual(one.stdout, many.stdout, "%s with --threads %s" % (cmd, t))

    def test_dedup_output_fields_and_order(self):
        r = run("dedup", self.plain)
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = jsonl(r.stdout)
        with open(self.plain, encoding="utf-8") as f:
            ids = [json.loads(l)["id"] for l in f]
        self.assertEqual([x["id"] for x in rows], ids)  # input order
        by_id = {x["id"]: x for x in rows}
        dups = 0
        for x in rows:
            self.assertEqual(set(x) - {"near_empty"},
                             {"id", "cluster", "duplicate", "similarity", "boilerplate_lines"})
            rep = by_id[x["cluster"]]
            self.assertEqual(rep["cluster"], rep["id"])  # the representative leads its cluster
            self.assertEqual(x["duplicate"], x["cluster"] != x["id"])
            # A duplicate may reach its representative through another member,
            # so its own estimate can fall below the threshold, never to 0.
            self.assertLessEqual(x["similarity"], 1.0)
            if x["duplicate"]:
                dups += 1
                self.assertGreater(x["similarity"], 0.5)
        self.assertGreater(dups, 0)
        self.assertIn(b"documents", r.stderr)
        self.assertIn(b"clusters", r.stderr)

    # ---- inputs ---------------------------------------------------------------
    def test_directory_ids_are_relative_paths_in_sorted_order(self):
        d = os.path.join(self.tmp, "tree")
        self.write("tree/b/two.txt", "second file with some words in it for hashing")
        self.write("tree/a.txt", "first file with some words in it for hashing today")
        self.write("tree/ignored.md", "not a text input")
        self.write("tree/ignored.txt.bak", "not a text input either")
        self.write("tree/C.TXT", "a file named on windows, in capitals, with words")
        self.write("tree/d.JSONL", json.dumps({"id": "r1", "text": "a record in a capitalised jsonl file"}) + "\n")
        with gzip.open(os.path.join(d, "e.ndjson.gz"), "wt") as f:
            f.write(json.dumps({"id": "r2", "text": "a record in a gzipped ndjson file"}) + "\n")
        with gzip.open(os.path.join(d, "f.txt.gz"), "wt") as f:
            f.write("a gzipped text file with some words in it\n")
        r = run("sign", "--no-clean", d)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([x["id"] for x in jsonl(r.stdout)], ["C.TXT", "a.txt", "b/two.txt", "r1", "r2", "f.txt.gz"])

    def test_stdin_text_and_jsonl(self):
        text = read(os.path.join(ARTICLES, "003_d59a720f40c57080.txt"))
        a = run("sign", "--no-clean", "-", stdin=text)
        b = run("sign", "--no-clean", os.path.join(ARTICLES, "003_d59a720f40c57080.txt"))
        self.assertEqual(a.returncode, 0, a.stderr)
        self.assertEqual(jsonl(a.stdout)[0]["id"], "-")
        self.assertEqual(jsonl(a.stdout)[0]["minhash"], jsonl(b.stdout)[0]["minhash"])
        rec = json.dumps({"id": "x1", "text": text.decode("utf-8")}).encode() + b"\n"
        c = run("sign", "--no-clean", "--format", "jsonl", "-", stdin=rec)
        self.assertEqual(c.returncode, 0, c.stderr)
        self.assertEqual(jsonl(c.stdout)[0], {"id": "x1", "minhash": jsonl(b.stdout)[0]["minhash"]})

    def test_compressed_jsonl_reads_like_plain(self):
        data = read(self.corpus)
        gz = self.write("c.jsonl.gz", gzip.compress(data))
        plain = run("dedup", self.corpus)
        self.assertEqual(run("dedup", gz).stdout, plain.stdout)
        # Zero padding after the last member (block-padded files) is ignored, as gunzip does.
        padded = self.write("padded.jsonl.gz", gzip.compress(data) + bytes(1000))
        r = run("dedup", padded)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, plain.stdout)
        garbage = self.write("garbage.jsonl.gz", gzip.compress(data) + bytes(10) + b"junk")
        self.assertEqual(run("dedup", garbage).returncode, 1)  # anything else after it is still an error
        member = self.write("member.jsonl.gz", gzip.compress(data) + bytes(10) + gzip.compress(data))
        self.assertEqual(run("dedup", member).returncode, 1)  # a member after padding too, as for gunzip
        if shutil.which("zstd"):
            zst = os.path.join(self.tmp, "c.jsonl.zst")
            subprocess.run(["zstd", "-q", "-f", self.corpus, "-o", zst], check=True)
            self.assertEqual(run("dedup", zst).stdout, plain.stdout)
            # A skippable frame first (magic 0x184D2A5?, a 4-byte size, its bytes), as pzstd writes.
            skippable = bytes([0x50, 0x2A, 0x4D, 0x18]) + (4).to_bytes(4, "little") + b"meta"
            lead = self.write("lead.jsonl.zst", skippable + read(zst))
            r = run("dedup", lead)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, plain.stdout)

    def test_text_and_id_fields(self):
        p = self.write("fields.jsonl", '{"url": "u1", "body": "alpha beta gamma delta epsilon zeta"}\n'
                                       '{"url": 7, "body": "alpha beta gamma delta epsilon zeta"}\n'
                                       '{"url": null, "body": "alpha beta gamma delta epsilon zeta"}\n')
        r = run("sign", "--no-clean", "--text-field", "body", "--id-field", "url", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = jsonl(r.stdout)
        self.assertEqual([x["id"] for x in rows], ["u1", "7", p + ":3"])  # null: no id, FILE:LINE
        self.assertEqual(rows[0]["minhash"], rows[1]["minhash"])

    # ---- bad input ------------------------------------------------------------
    def test_broken_jsonl_record_is_reported_and_skipped(self):
        p = self.write("broken.jsonl",
                       '{"id": "a", "text": "one two three four five six"}\n'
                       '{"id": "b", "text": "cut off\n'
                       '{"id": "c", "text": "seven eight nine ten eleven twelve"}\n'
                       '{"id": "d"}\n'
                       '[1, 2]\n')
        r = run("dedup", "--no-clean", p)
        self.assertEqual(r.returncode, 1)
        self.assertEqual([x["id"] for x in jsonl(r.stdout)], ["a", "c"])
        err = r.stderr.decode()
        self.assertIn(p + ":2:", err)
        self.assertIn(p + ":4:", err)
        self.assertIn("no \"text\" field", err)
        self.assertIn(p + ":5:", err)
        self.assertIn("3 skipped", err)

    def test_unreadable_files_are_reported_and_skipped(self):
        good = os.path.join(ARTICLES, "004_868c9a50c98171be.txt")
        missing = os.path.join(self.tmp, "no_such_file.txt")
        data = read(self.corpus)
        truncated = self.write("trunc.jsonl.gz", gzip.compress(data)[: len(data) // 8])
        args = [missing, good, truncated]
        if os.geteuid() != 0:  # root reads anything, so only other users can test this
            locked = self.write("locked.txt", "secret")
            os.chmod(locked, 0)
            args.append(locked)
        r = run("dedup", *args)
        self.assertEqual(r.returncode, 1)
        err = r.stderr.decode()
        self.assertIn(missing + ": cannot read", err)
        self.assertIn(truncated + ":", err)
        ids = [x["id"] for x in jsonl(r.stdout)]
        self.assertIn(good, ids)  # everything else is still processed
        self.assertGreater(len(ids), 1)  # the records before the truncation too

    def test_invalid_utf8_is_repaired(self):
        t = self.write("bad_utf8.txt", b"caf\xe9 au lait \xff\xfe and more words to hash here\n")
        j = self.write("bad_utf8.jsonl", b'{"id": "j\xff", "text": "caf\xe9 au lait and more words here"}\n')
        # Each invalid byte reads as U+FFFD, a separator (docs/FORMAT.md):
        # the signatures are those of the text with a space there.
        t_ok = self.write("ok_utf8.txt", b"caf au lait   and more words to hash here\n")
        j_ok = self.write("ok_utf8.jsonl", b'{"id": "j", "text": "caf  au lait and more words here"}\n')
        for p, same in ((t, t_ok), (j, j_ok)):
            r = run("sign", "--no-clean", p)
            self.assertEqual(r.returncode, 0, r.stderr)
            rows = jsonl(r.stdout)  # valid UTF-8 JSON
            self.assertEqual(len(rows), 1)
            self.assertEqual(rows[0]["minhash"], jsonl(run("sign", "--no-clean", same).stdout)[0]["minhash"])
        r = run("clean", "--no-corpus-stats", t)
        self.assertEqual(r.returncode, 0, r.stderr)
        r.stdout.decode("utf-8")  # repaired text is valid UTF-8

    def test_empty_documents_are_near_empty_and_never_merged(self):
        e1 = self.write("empty/a.txt", "")
        e2 = self.write("empty/b.txt", " \n\n\t\n")
        e3 = self.write("empty/c.txt", "Login\n")
        e4 = self.write("empty/d.txt", "Login\n")
        r = run("dedup", os.path.dirname(e1))
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = jsonl(r.stdout)
        self.assertEqual(len(rows), 4)
        for x in rows:
            self.assertTrue(x.get("near_empty"), x)
            self.assertFalse(x["duplicate"], x)
            self.assertEqual(x["cluster"], x["id"])
        self.assertIn(b"4 near-empty", r.stderr)
        # --min-words 0 turns the word count off, not emptiness: a document
        # with no words left is still near-empty, while "Login Login" is not.
        e5 = self.write("empty/e.txt", "Login Login\n")
        r = run("dedup", "--min-words", "0", "--no-corpus-stats", "--no-clean", os.path.dirname(e1))
        self.assertEqual(r.returncode, 0, r.stderr)
        near = {os.path.basename(x["id"]): x.get("near_empty", False) for x in jsonl(r.stdout)}
        self.assertEqual(near, {"a.txt": True, "b.txt": True, "c.txt": False, "d.txt": False, "e.txt": False})
        self.assertIn(b"2 near-empty", r.stderr)
        del e2, e3, e4, e5

    def test_japanese_copies_cluster_with_the_corpus_pass(self):
        # Three sites print one Japanese story (no spaces between words). The
        # corpus pass must see them as near-duplicates of each other, not as
        # furniture that three documents share: they cluster, none is emptied.
        words = ["市議", "会議", "火曜", "夜間", "議論", "石橋", "再建", "決定", "工事", "春季",
                 "完成", "予算", "承認", "住民", "河川", "要望", "十年", "以上", "新橋", "喜び"]
        # A comma after every fifth word: the signer's words are the runs
        # between punctuation marks (docs/FORMAT.md), so unpunctuated text
        # would be a few long "words" and near-empty on its own.
        story = "".join("".join(words[(7 * p + 3 * w) % 20] + ("、" if w % 5 == 4 else "")
                                for w in range(20)) + "。\n\n" for p in range(4))
        path = os.path.join(self.tmp, "ja.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for site in ("一", "二", "三"):
                text = "ホーム\nサイト" + site + "\n\n" + story + "お問い合わせ" + site + "\n"
                f.write(json.dumps({"id": site, "text": text}, ensure_ascii=False) + "\n")
        r = run("dedup", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = jsonl(r.stdout)
        self.assertEqual(len(rows), 3)
        for x in rows:
            self.assertFalse(x.get("near_empty", False), x)
            self.assertEqual(x["cluster"], "一", x)

    # ---- commands -------------------------------------------------------------
    def test_help_version_and_usage_errors(self):
        for args in (["--help"], ["dedup", "--help"], ["sign", "--help"], ["clean", "--help"]):
            r = run(*args)
            self.assertEqual(r.returncode, 0, args)
            self.assertIn(b"Usage", r.stdout)
        v = run("--version")
        self.assertEqual(v.returncode, 0)
        self.assertTrue(v.stdout.startswith(b"boilerhash "))
        self.assertIn(b"patterns: vectorscan ", v.stdout)  # engine and runtime, for bug reports
        self.assertRegex(v.stdout, rb"signature format \d+, Unicode 15\.0\.0; utf8proc [\d.]+ knows ")
        self.assertEqual(run("dedup", "--threshold", "2", self.corpus).returncode, 2)
        self.assertEqual(run("sign", "--algo", "md5", self.corpus).returncode, 2)
        self.assertEqual(run("dedup", "--bands", "100", "--rows", "100", self.corpus).returncode, 2)
        self.assertEqual(run("frobnicate").returncode, 2)

    def test_sign_formats(self):
        p = os.path.join(ARTICLES, "000_871c6862986da532.txt")
        m = jsonl(run("sign", "--k", "64", "--ngram", "3", p).stdout)[0]
        self.assertEqual(len(m["minhash"]), 64)
        self.assertTrue(all(0 <= v < 2 ** 32 for v in m["minhash"]))
        s = jsonl(run("sign", "--algo", "simhash", p).stdout)[0]
        self.assertRegex(s["simhash"], "^[0-9a-f]{16}$")
        # The raw signatures are the golden row (docs/FORMAT.md, "Output
        # encodings"): SimHash as 16 hex digits, most significant first;
        # MinHash slots in order, as decimal numbers.
        golden = {}
        with open(os.path.join(ROOT, "tests", "golden", "signatures_v2.tsv"), encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    name, simhash, minhash = line.rstrip("\n").split("\t")
                    golden[name] = (simhash, [int(x, 16) for x in minhash.split()])
        raw_s = jsonl(run("sign", "--no-clean", "--algo", "simhash", p).stdout)[0]
        raw_m = jsonl(run("sign", "--no-clean", p).stdout)[0]
        self.assertEqual((raw_s["simhash"], raw_m["minhash"]), golden[os.path.basename(p)])

    def test_clean_explain_rows(self):
        p = os.path.join(ARTICLES, "000_871c6862986da532.txt")
        text = read(p).decode("utf-8")
        r = run("clean", "--explain", p)
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = r.stdout.decode("utf-8").rstrip("\n").split("\n")
        self.assertEqual(len(rows), len(text.rstrip("\n").split("\n")))
        for i, row in enumerate(rows):
            f = row.split("\t", 3)
            self.assertEqual(len(f), 4, row)
            self.assertEqual(int(f[0]), i + 1)
            self.assertIn(f[1], ("content", "boilerplate", "blank"))
        cleaned = run("clean", p).stdout.decode("utf-8")
        kept = [row.split("\t", 3)[3] for row in rows if row.split("\t")[1] == "content"]
        self.assertEqual(cleaned.rstrip("\n"), "\n".join(kept))

    def test_long_documents_are_cleaned_window_by_window(self):
        # Over 65,536 lines the classifier works in windows; clean and dedup
        # (no --explain) classify one window at a time to keep one window's
        # line results. They must keep the lines the library's whole-document
        # call keeps, which --explain prints, alone and with a corpus pass.
        import random
        rng = random.Random(5)
        menu = ["Home", "World", "Sports", "Share on Facebook", "Sign up for our newsletter",
                "Advertisement", "All rights reserved."]
        lines = []
        while len(lines) < 160000:
            lines += [rng.choice(menu) for _ in range(5)] + [""]
            words = " ".join(rng.choice(["council", "river", "homes", "budget", "town", "spring"])
                             for _ in range(14))
            lines += ["The council said that the " + words + " would be built by the river.", ""]
        text = "\n".join(lines) + "\n"
        long_doc = self.write("long/long.txt", text)
        other = self.write("long/other.txt", "Home\nWorld\n\n" + " ".join(["word"] * 40) + ".\n")

        def content_rows(explain_out):
            kept, doc = {}, None
            for row in explain_out.decode("utf-8").split("\n"):
                if row.startswith("# "):
                    doc = json.loads(row[2:])
                    kept[doc] = []
                elif row:
                    f = row.split("\t", 3)
                    kept.setdefault(doc, []).append(f)
            return kept

        explain = run("clean", "--explain", long_doc)
        self.assertEqual(explain.returncode, 0, explain.stderr)
        rows = content_rows(explain.stdout)[None]
        self.assertEqual(len(rows), len(lines))
        kept = [f[3] for f in rows if f[1] == "content"]
        self.assertGreater(len(kept), 10000)
        cleaned = run("clean", long_doc)
        self.assertEqual(cleaned.returncode, 0, cleaned.stderr)
        self.assertEqual(cleaned.stdout.decode("utf-8").rstrip("\n"), "\n".join(kept))
        # Two documents: the corpus pass runs, and dedup hands its group keys over.
        folder = os.path.dirname(long_doc)
        explain = run("clean", "--explain", folder)
        self.assertEqual(explain.returncode, 0, explain.stderr)
        removed = {d: sum(1 for f in r if f[1] == "boilerplate") for d, r in content_rows(explain.stdout).items()}
        dedup = run("dedup", folder)
        self.assertEqual(dedup.returncode, 0, dedup.stderr)
        got = {r["id"]: r["boilerplate_lines"] for r in jsonl(dedup.stdout)}
        self.assertEqual(got, removed)
        self.assertGreater(got["long.txt"], 50000)

    def test_clean_and_dedup_remove_the_same_lines(self):
        # dedup hands the corpus pass's group keys to the classifier; clean
        # (bounded memory) lets the classifier compute them. Same labels.
        explain = run("clean", "--explain", self.corpus)
        self.assertEqual(explain.returncode, 0, explain.stderr)
        removed, doc = {}, None
        for row in explain.stdout.decode("utf-8").split("\n"):
            if row.startswith("# "):
                doc = json.loads(row[2:])
                removed[doc] = 0
            elif row and row.split("\t")[1] == "boilerplate":
                removed[doc] += 1
        dedup = run("dedup", self.corpus)
        self.assertEqual(dedup.returncode, 0, dedup.stderr)
        rows = [json.loads(line) for line in dedup.stdout.decode().splitlines()]
        self.assertEqual(len(rows), len(removed))
        self.assertGreater(sum(removed.values()), 0)
        for r in rows:
            self.assertEqual(r["boilerplate_lines"], removed[r["id"]], r["id"])

    def test_corpus_table_entries_bounds_the_corpus_pass(self):
        # A table far too small for the corpus prunes many times; its counts
        # are lower bounds, and the sites' template lines still survive.
        def frequent(*flags):
            r = run("clean", "--explain", *flags, self.corpus)
            self.assertEqual(r.returncode, 0, r.stderr)
            rows = [row.split("\t") for row in r.stdout.decode("utf-8").split("\n")
                    if row and not row.startswith("# ")]
            return sum(1 for f in rows if "frequent_in_corpus" in f[2].split(","))
        full, small = frequent(), frequent("--corpus-table-entries", "1024")
        self.assertGreater(small, 0)
        self.assertLess(small, full)
        self.assertEqual(run("clean", "--corpus-table-entries", "10", self.corpus).returncode, 2)

    def test_pruned_corpus_pass_is_the_same_for_every_thread_count(self):
        # More records than one corpus batch (2,048) and a table that prunes
        # many times: the table, hence the labels, must not depend on --threads.
        folder = os.path.join(self.tmp, "batches")
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_corpus.py"), folder,
                        "--docs", "2500", "--words", "40"], check=True, stderr=subprocess.DEVNULL)
        corpus = os.path.join(folder, "corpus.jsonl")
        outs = []
        for t in ("1", "2", "5"):
            r = run("clean", "--explain", "--corpus-table-entries", "4096", "--threads", t, corpus)
            self.assertEqual(r.returncode, 0, r.stderr)
            outs.append(r.stdout)
        self.assertIn(b"frequent_in_corpus", outs[0])
        self.assertEqual(outs[0], outs[1])
        self.assertEqual(outs[0], outs[2])

    def test_threads_the_system_will_not_start(self):
        # Under a 1 GB address-space limit 1,024 threads' stacks (8 MB each)
        # do not fit: the command runs with those it could start, says so,
        # and gives the same output. It used to hang for ever (the pool's
        # constructor threw with helpers waiting on its condition variable);
        # then, keeping every thread it made, it had no memory left for the
        # documents (exit 3 on the dev pages).
        import resource

        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

        if subprocess.run([CLI, "--version"], capture_output=True, preexec_fn=limit).returncode != 0:
            self.skipTest("the binary needs more than 1 GB of address space to start")
        pages = os.path.join(ROOT, "datasets", "pages-dev", "texts")
        for args in (["sign", ARTICLES], ["dedup", pages]):
            r = subprocess.run([CLI, *args, "--threads", "1024"], capture_output=True, preexec_fn=limit, timeout=120)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertRegex(r.stderr, rb"warning: could start only \d+ of 1024 threads")
            self.assertEqual(r.stdout, run(*args, "--threads", "1").stdout)

    def test_a_document_too_big_for_memory_is_skipped_alone(self):
        # Under a 300 MB address-space limit a 60 MB document cannot be
        # processed: it is reported and skipped (exit 1) and every other
        # document still comes out, where the run used to end (exit 3).
        # (Sanitizer builds reserve far more address space: there the limit
        # stops --version too, and the test is skipped.)
        import resource

        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (300 << 20, 300 << 20))

        def limited(*args):
            return subprocess.run([CLI, *args], capture_output=True, preexec_fn=limit)

        if limited("--version").returncode != 0:
            self.skipTest("the binary needs more than 300 MB of address space to start")
        small = limited("dedup", ARTICLES)
        self.assertEqual(small.returncode, 0, small.stderr)
        big = "word " * 12_000_000
        name = sorted(n for n in os.listdir(ARTICLES) if n.endswith(".txt"))[0]
        with open(os.path.join(ARTICLES, name), encoding="utf-8") as f:
            article = f.read()
        before, after = {"id": "before", "text": article}, {"id": "after", "text": article}
        jsonl = self.write("oom/records.jsonl",
                           "".join(json.dumps(r) + "\n" for r in (before, {"id": "big", "text": big}, after)))
        text = self.write("oom/line.txt", big)
        without = self.write("oom/without.jsonl", "".join(json.dumps(r) + "\n" for r in (before, after)))
        for command in ("dedup", "clean"):
            r = limited(command, jsonl, text, ARTICLES)
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertIn(b"records.jsonl:2: out of memory", r.stderr)
            self.assertIn(b"line.txt: out of memory", r.stderr)
            self.assertEqual(r.stderr.count(b"skipped)"), 2, r.stderr)
            # The skipped documents are not counted in the corpus pass either:
            # the output is the run's without them.
            expected = limited(command, without, ARTICLES)
            self.assertEqual(expected.returncode, 0, expected.stderr)
            self.assertEqual(r.stdout, expected.stdout)
            self.assertGreater(len(r.stdout), 500)

    def test_saved_corpus_stats_replace_the_corpus_pass(self):
        # `stats` saves what the corpus pass counts; --corpus-stats uses it:
        # the same output as counting the inputs, shard by shard too.
        d = os.path.join(self.tmp, "stats")
        os.makedirs(d, exist_ok=True)
        with open(self.corpus, encoding="utf-8") as f:
            records = f.read().splitlines(keepends=True)
        half = len(records) // 2
        a = self.write("stats/a.jsonl", "".join(records[:half]))
        b = self.write("stats/b.jsonl", "".join(records[half:]))
        full, ta, tb, merged = (os.path.join(d, n) for n in ("full.bhlf", "a.bhlf", "b.bhlf", "m.bhlf"))
        for args in ([full, a, b], [ta, a], [tb, b], [merged, "--corpus-stats", ta, "--corpus-stats", tb]):
            r = run("stats", "-o", *args)
            self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"%d documents" % len(records), r.stderr)
        self.assertEqual(read(full), read(merged))  # shards' tables add up to the whole's
        # Written through a fresh temporary name (nothing left beside them),
        # with the mode a plain create under the umask gives.
        mask = os.umask(0)
        os.umask(mask)
        self.assertEqual(sorted(n for n in os.listdir(d) if n.endswith(".bhlf")),
                         ["a.bhlf", "b.bhlf", "full.bhlf", "m.bhlf"])
        self.assertEqual(len(os.listdir(d)), 6)  # and a.jsonl, b.jsonl
        self.assertEqual(os.stat(full).st_mode & 0o777, 0o666 & ~mask)
        for cmd in (["clean"], ["dedup"], ["sign"]):
            counted = run(*cmd, a, b)
            self.assertEqual(counted.returncode, 0, counted.stderr)
            for tables in ([full], [ta, tb]):
                flags = [x for t in tables for x in ("--corpus-stats", t)]
                saved = run(*cmd, *flags, a, b)
                self.assertEqual(saved.returncode, 0, saved.stderr)
                self.assertEqual(counted.stdout, saved.stdout, (cmd, tables))
        # One shard cleaned alone with the whole corpus's table is that shard's
        # part of the whole run.
        whole = run("clean", a, b).stdout.decode().splitlines(keepends=True)
        alone = run("clean", "--corpus-stats", full, a)
        self.assertEqual(alone.stdout.decode(), "".join(whole[:half]))
        # A document alone has no corpus to count; with the table it is judged
        # against its corpus, and more of its template is found.
        without = with_table = 0
        for i in range(12):
            one = self.write("stats/one.jsonl", records[i])
            without += jsonl(run("clean", one).stdout)[0]["boilerplate_lines"]
            with_table += jsonl(run("clean", "--corpus-stats", full, one).stdout)[0]["boilerplate_lines"]
        self.assertGreater(with_table, without)

    def test_many_corpus_tables_merge_one_at_a_time(self):
        # Eight shard tables of 1.5M entries (~50 MB each in memory) merge
        # under a 300 MB address-space limit: one is loaded at a time, where
        # loading them all first needed ~400 MB. The sum is exact.
        import resource
        import random
        import struct

        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (300 << 20, 300 << 20))

        if subprocess.run([CLI, "--version"], capture_output=True, preexec_fn=limit).returncode != 0:
            self.skipTest("the binary needs more than 300 MB of address space to start")
        rng = random.Random(7)
        keys = sorted({rng.getrandbits(64) | 1 for _ in range(1_500_000)})
        entries = b"".join(struct.pack("<QI", k, 1 + k % 5) for k in keys)
        header = b"BHLF" + struct.pack("<IQQIQ", 4, 1 << 22, 1000, 0, len(keys))
        d = os.path.join(self.tmp, "many_tables")
        os.makedirs(d, exist_ok=True)
        tables = []
        for i in range(8):
            tables.append(os.path.join(d, "t%d.bhlf" % i))
            with open(tables[-1], "wb") as f:
                f.write(header + entries)
        merged = os.path.join(d, "merged.bhlf")
        flags = [x for t in tables for x in ("--corpus-stats", t)]
        r = subprocess.run([CLI, "stats", "-o", merged, *flags], capture_output=True, preexec_fn=limit)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = read(merged)
        version, max_entries, documents, floor, n = struct.unpack_from("<IQQIQ", out, 4)
        self.assertEqual((version, max_entries, documents, n), (4, 1 << 22, 8000, len(keys)))
        for i in (0, len(keys) // 2, len(keys) - 1):
            self.assertEqual(struct.unpack_from("<QI", out, 36 + 12 * i), (keys[i], 8 * (1 + keys[i] % 5)))

    def test_inputs_and_tables_from_pipes(self):
        # `<(zcat crawl.jsonl.gz)` and named pipes cannot be read twice: they
        # are held in memory, so the passes of dedup (corpus, processing,
        # --filter) and several tables from pipes all work as with files.
        def shell(cmd):
            return subprocess.run(["bash", "-c", cmd], capture_output=True)

        cli, corpus = shlex.quote(CLI), shlex.quote(self.corpus)
        for args in ("dedup --filter --format jsonl", "clean --format jsonl", "sign --format jsonl"):
            from_file = shell("%s %s %s" % (cli, args, corpus))
            piped = shell("%s %s <(cat %s)" % (cli, args, corpus))
            self.assertEqual(from_file.returncode, 0, from_file.stderr)
            self.assertEqual(piped.returncode, 0, piped.stderr)
            self.assertEqual(piped.stdout, from_file.stdout, args)
        gz = self.write("pipes/c.jsonl.gz", gzip.compress(read(self.corpus)))
        zipped = shell("%s dedup --filter --format jsonl <(cat %s)" % (cli, shlex.quote(gz)))
        self.assertEqual(zipped.stdout, shell("%s dedup --filter %s" % (cli, corpus)).stdout)
        # Tables: two through pipes merge as two files do; "-o -" is stdout.
        d = os.path.join(self.tmp, "pipes")
        with open(self.corpus, encoding="utf-8") as f:
            records = f.read().splitlines(keepends=True)
        a = self.write("pipes/a.jsonl", "".join(records[:150]))
        b = self.write("pipes/b.jsonl", "".join(records[150:]))
        ta, tb, merged = (os.path.join(d, n) for n in ("a.bhlf", "b.bhlf", "m.bhlf"))
        for table, part in ((ta, a), (tb, b)):
            self.assertEqual(run("stats", "-o", table, part).returncode, 0)
        self.assertEqual(run("stats", "-o", merged, "--corpus-stats", ta, "--corpus-stats", tb).returncode, 0)
        r = shell("%s stats -q -o - --corpus-stats <(cat %s) --corpus-stats <(cat %s)" % (cli, ta, tb))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, read(merged))
        # --corpus-table-entries sizes the result, one table or several.
        for tables in ([ta], [ta, tb]):
            flags = [x for t in tables for x in ("--corpus-stats", t)]
            out = run("stats", "-o", "-", "--corpus-table-entries", "65536", *flags).stdout
            self.assertEqual(struct.unpack_from("<Q", out, 8)[0], 65536, tables)
        # Inputs counted with a larger saved table get a table as large.
        big = os.path.join(d, "big.bhlf")
        self.assertEqual(run("stats", "-o", big, "--corpus-table-entries", str(1 << 23), a).returncode, 0)
        out = run("stats", "-o", "-", "--corpus-stats", big, b).stdout
        self.assertEqual(struct.unpack_from("<Q", out, 8)[0], 1 << 23)

    def test_output_that_cannot_be_written_is_an_error(self):
        # A full disk (/dev/full): the run stops with exit 3 and says so,
        # rather than exit 0 with the output lost.
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        for cmd in (["clean"], ["clean", "--explain"], ["sign"], ["dedup"], ["dedup", "--summary"],
                    ["dedup", "--filter"], ["stats", "-o", "-"]):
            with open("/dev/full", "wb") as full:
                r = subprocess.run([CLI, *cmd, self.corpus], stdout=full, stderr=subprocess.PIPE)
            self.assertEqual(r.returncode, 3, (cmd, r.stderr))
            self.assertIn(b"No space left on device", r.stderr, cmd)

    def test_unusual_inputs(self):
        # Directory symlink loops are walked once; a link to nowhere is
        # reported; a BOM, lone surrogate escapes and CR-only line endings
        # are read, not fatal; stats -o onto a device writes through it.
        name = sorted(n for n in os.listdir(ARTICLES) if n.endswith(".txt"))[0]
        d = os.path.join(self.tmp, "unusual", "tree")
        os.makedirs(os.path.join(d, "sub"), exist_ok=True)
        shutil.copy(os.path.join(ARTICLES, name), os.path.join(d, "x.txt"))
        for link, target in (("s1", "."), ("s2", "."), ("sub/up", ".."), ("broken.txt", "nowhere")):
            if not os.path.lexists(os.path.join(d, link)):
                os.symlink(target, os.path.join(d, link))
        r = subprocess.run([CLI, "dedup", d], capture_output=True, timeout=60)
        self.assertEqual(r.returncode, 1, r.stderr)  # the broken link
        self.assertEqual([x["id"] for x in jsonl(r.stdout)], ["x.txt"])
        self.assertIn(b"broken.txt: cannot read: ", r.stderr)
        # JSONL: a BOM, lone surrogates (U+FFFD, as invalid bytes are), a pair kept.
        records = self.write("unusual/r.jsonl", b'\xef\xbb\xbf{"id": "bom", "text": "first record"}\n'
                             b'{"id": "lone", "text": "a \\ud800 b \\udc00 c \\ud83d\\ude00 d \\\\ud800", "n": 1e400}\n')
        r = run("dedup", "--filter", "--no-clean", records)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = jsonl(r.stdout)
        self.assertEqual([x["id"] for x in out], ["bom", "lone"])
        self.assertEqual(out[1]["text"], "a \ufffd b \ufffd c \U0001F600 d \\ud800")
        self.assertIn(b'"n":1e400', r.stdout)
        # CR-only line endings are line breaks: the content lines survive.
        with open(os.path.join(ARTICLES, name), encoding="utf-8") as f:
            article = f.read()
        cr = self.write("unusual/cr.txt", article.replace("\n", "\r"))
        lf = self.write("unusual/lf.txt", article)
        self.assertEqual(run("clean", cr).stdout, run("clean", lf).stdout)
        self.assertGreater(len(run("clean", cr).stdout), 200)
        # stats -o onto a device or a symlink writes through, never replaces it.
        self.assertEqual(run("stats", "-o", os.devnull, lf).returncode, 0)
        self.assertFalse(os.path.isfile(os.devnull))
        target = os.path.join(self.tmp, "unusual", "target.bhlf")
        link = os.path.join(self.tmp, "unusual", "link.bhlf")
        open(target, "wb").close()
        if not os.path.lexists(link):
            os.symlink(target, link)
        self.assertEqual(run("stats", "-o", link, lf).returncode, 0)
        self.assertTrue(os.path.islink(link))
        self.assertEqual(read(target)[:4], b"BHLF")

    def test_repeated_ids_bad_values_and_explain_headers(self):
        name = sorted(n for n in os.listdir(ARTICLES) if n.endswith(".txt"))[0]
        with open(os.path.join(ARTICLES, name), encoding="utf-8") as f:
            article = f.read()
        # Two directories both holding a.txt: the ids repeat, and dedup says so.
        for sub in ("d1", "d2"):
            os.makedirs(os.path.join(self.tmp, "ids", sub), exist_ok=True)
            self.write("ids/%s/a.txt" % sub, article)
        r = run("dedup", os.path.join(self.tmp, "ids", "d1"), os.path.join(self.tmp, "ids", "d2"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([x["id"] for x in jsonl(r.stdout)], ["a.txt", "a.txt"])
        self.assertIn(b'warning: 1 documents repeat an earlier document\'s id (first: "a.txt")', r.stderr)
        self.assertNotIn(b"warning", run("dedup", self.corpus).stderr)
        # Values outside an option's range name that option alone.
        r = run("dedup", "--threshold", "0", self.corpus)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"--threshold: Value 0 not in (0, 1]", r.stderr)
        self.assertNotIn(b"--k", r.stderr)
        self.assertEqual(run("clean", "--corpus-min-documents", "0", self.corpus).returncode, 2)
        # Containment picks its own bands: --bands/--rows would be ignored, so they are refused.
        r = run("dedup", "--measure", "containment", "--bands", "4", "--rows", "4", self.corpus)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"--bands and --rows apply to --measure jaccard", r.stderr)
        r = run("dedup", "--measure", "containment", "--stats", self.corpus)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"stats: containment index, bands per set-size partition;", r.stderr)
        # --explain's document lines hold the id as a JSON string: a newline
        # or a tab in an id cannot pass for a row.
        odd = "line\nbreak\tand tab"
        path = self.write("ids/odd.jsonl", json.dumps({"id": odd, "text": article}) + "\n" +
                          json.dumps({"id": "plain", "text": "One line.\n"}) + "\n")
        r = run("clean", "--explain", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = r.stdout.decode("utf-8").split("\n")
        headers = [json.loads(row[2:]) for row in rows if row.startswith("# ")]
        self.assertEqual(headers, [odd, "plain"])
        self.assertTrue(all(row.startswith("# ") or len(row.split("\t")) == 4 for row in rows if row))

    def test_unlistable_subdirectory_is_reported_alone(self):
        # A subdirectory the user cannot list is reported by its name and
        # skipped; the readable files beside it are still processed. So is
        # one that cannot even be looked at, inside a directory that can be
        # listed but not searched. Root reads any directory, so as root the
        # command runs without its capabilities (setpriv), under the
        # permissions a user would have.
        d = os.path.join(self.tmp, "unlistable")
        names = sorted(n for n in os.listdir(ARTICLES) if n.endswith(".txt"))[:3]
        for sub, name in zip(("ok", "locked", "unsearchable/inner"), names):
            os.makedirs(os.path.join(d, sub), exist_ok=True)
            shutil.copy(os.path.join(ARTICLES, name), os.path.join(d, sub, "a.txt"))
        locked = os.path.join(d, "locked")
        unsearchable = os.path.join(d, "unsearchable")
        prefix = []
        if os.geteuid() == 0:
            prefix = ["setpriv", "--bounding-set=-all", "--inh-caps=-all"]
            if shutil.which("setpriv") is None or subprocess.run(prefix + ["true"]).returncode != 0:
                self.skipTest("root, and capabilities cannot be dropped here")
        os.chmod(locked, 0)
        os.chmod(unsearchable, 0o444)
        try:
            r = subprocess.run(prefix + [CLI, "dedup", d], capture_output=True, timeout=60)
        finally:
            os.chmod(locked, 0o755)
            os.chmod(unsearchable, 0o755)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual([x["id"] for x in jsonl(r.stdout)], ["ok/a.txt"])
        self.assertIn(locked.encode() + b": cannot list directory: ", r.stderr)
        self.assertIn(os.path.join(unsearchable, "inner").encode() + b": cannot check: ", r.stderr)
        self.assertIn(b"1 documents, 1 clusters, 0 duplicates, 0 near-empty, 2 skipped", r.stderr)

    def test_pipe_inside_a_directory_is_reported_not_read(self):
        # A FIFO named like an input, met in a directory walk, could block the
        # run forever waiting for a writer: it is reported and skipped, and
        # the files beside it are still read.
        d = os.path.join(self.tmp, "withpipe")
        self.write("withpipe/a.txt", "a file with some words in it for hashing today")
        os.mkfifo(os.path.join(d, "pipe.txt"))
        r = run("sign", "--no-clean", d)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual([x["id"] for x in jsonl(r.stdout)], ["a.txt"])
        self.assertIn(os.path.join(d, "pipe.txt").encode() + b": not a regular file", r.stderr)

    def test_a_stream_named_twice_is_read_once(self):
        # A pipe given as "-" and as /dev/stdin, or a FIFO named twice, is
        # the same stream: read once, it gives two copies of its document,
        # where reading it again gave an empty one, or waited forever.
        name = sorted(n for n in os.listdir(ARTICLES) if n.endswith(".txt"))[0]
        text = read(os.path.join(ARTICLES, name))
        sign = [CLI, "sign", "--no-clean", "--algo", "simhash"]
        r = subprocess.run(sign + ["-", "/dev/stdin", "-"], input=text, capture_output=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        sigs = [x["simhash"] for x in jsonl(r.stdout)]
        self.assertEqual(len(sigs), 3, r.stdout)
        self.assertEqual(len(set(sigs)), 1, sigs)
        self.assertNotEqual(sigs[0], "0" * 16)
        fifo = os.path.join(self.tmp, "fifo")
        os.mkfifo(fifo)
        def write_once():
            with open(fifo, "wb") as f:
                f.write(text)
        writer = threading.Thread(target=write_once, daemon=True)  # never blocks the test's exit
        writer.start()
        try:
            r = subprocess.run(sign + [fifo, fifo], capture_output=True, timeout=60)
        finally:
            writer.join(timeout=5)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([x["simhash"] for x in jsonl(r.stdout)], sigs[:2])

    def test_summary_rows_with_long_ids(self):
        # A 600-character id (a long URL) runs over its column; every row
        # keeps its counts and its own line, and so does an id holding a
        # newline or a tab (written as escapes).
        name = sorted(n for n in os.listdir(ARTICLES) if n.endswith(".txt"))[0]
        with open(os.path.join(ARTICLES, name), encoding="utf-8") as f:
            article = f.read()
        long_id = "https://example.com/" + "a" * 580
        path = self.write("long_ids/r.jsonl", json.dumps({"id": long_id, "text": article}) + "\n" +
                          json.dumps({"id": "short", "text": article}) + "\n" +
                          json.dumps({"id": "two\nlines\tand tab", "text": article}) + "\n")
        r = run("dedup", "--summary", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = [l for l in r.stdout.decode().splitlines() if l.startswith("  ")]
        self.assertEqual(len(rows), 3, r.stdout)
        self.assertTrue(rows[0].startswith("  " + long_id + "  representative"), rows[0][-80:])
        self.assertTrue(rows[2].startswith("  two\\nlines\\tand tab  "), rows[2])
        for row in rows:
            self.assertRegex(row, r"\d+ of \d+ lines removed$")

    def test_bad_corpus_stats_files_are_clear_errors(self):
        table = os.path.join(self.tmp, "bad_stats", "t.bhlf")
        os.makedirs(os.path.dirname(table), exist_ok=True)
        self.assertEqual(run("stats", "-o", table, self.corpus).returncode, 0)
        garbage = self.write("bad_stats/garbage.bhlf", "not a table\n")
        truncated = self.write("bad_stats/truncated.bhlf", read(table)[:100])
        for path, why in ((garbage, b"bad magic"), (truncated, b"does not match"),
                          (os.path.join(self.tmp, "bad_stats", "missing.bhlf"), b"cannot read"),
                          (os.path.dirname(table), b"cannot read: Is a directory")):
            for cmd in (["clean"], ["dedup"], ["stats", "-o", table + ".2"]):
                r = run(*cmd, "--corpus-stats", path, self.corpus)
                self.assertEqual(r.returncode, 2, (cmd, r.stderr))
                self.assertIn(path.encode() + b": ", r.stderr)
                self.assertIn(why, r.stderr)
        self.assertFalse(os.path.exists(table + ".2"))
        # The output path, not its temporary file, names a write failure.
        r = run("stats", "-o", "/nonexistent/dir/t.bhlf", self.corpus)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn(b"cannot write /nonexistent/dir/t.bhlf: ", r.stderr)
        self.assertEqual(run("stats", "-o", table).returncode, 2)  # nothing to count
        self.assertEqual(run("clean", "--corpus-stats", table, "--no-corpus-stats", self.corpus).returncode, 2)
        # Without cleaning a table would go unread: refused, not ignored.
        for cmd in ("sign", "dedup"):
            r = run(cmd, "--no-clean", "--corpus-stats", os.path.join(self.tmp, "missing.bhlf"), self.corpus)
            self.assertEqual(r.returncode, 2, (cmd, r.stderr))
            self.assertIn(b"--corpus-stats needs cleaning: it cannot go with --no-clean", r.stderr)
        # A broken record is reported and skipped; the table is still written.
        broken = self.write("bad_stats/broken.jsonl", '{"text": "one line"}\n{broken\n')
        r = run("stats", "-o", table + ".3", broken)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"broken.jsonl:2: broken JSON", r.stderr)
        self.assertIn(b"1 documents", r.stderr)
        self.assertTrue(os.path.exists(table + ".3"))

    def test_clean_writes_jsonl_records_back_with_their_fields(self):
        # A pipeline stage: each record comes back with every member in its
        # order and value, the text cleaned, the counts added.
        name = sorted(n for n in os.listdir(ARTICLES) if n.endswith(".txt"))[0]
        with open(os.path.join(ARTICLES, name), encoding="utf-8") as f:
            article = f.read()
        records = [
            {"url": "https://example.com/a", "content": article, "meta": {"tags": ["x", "é😀"], "q": "a\"b\\c"},
             "n": 2.5, "ok": True, "none": None, "lines": "theirs"},
            {"content": "Share on Facebook\nAll rights reserved.", "url": 7},
            {"rank": 3, "content": "short"},
        ]
        path = self.write("records/r.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        r = run("clean", "--no-corpus-stats", "--text-field", "content", "--id-field", "url", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = [json.loads(line, object_pairs_hook=list) for line in r.stdout.decode().splitlines()]
        self.assertEqual(len(out), 3)
        for i, (record, written) in enumerate(zip(records, out)):
            keys = [k for k, _ in written]
            expected = [k for k in record if k != "lines"]
            if "url" not in record:
                expected.append("url")  # the id, FILE:LINE, under the id field's name
            self.assertEqual(keys, expected + ["lines", "boilerplate_lines"], i)
            got = json.loads(r.stdout.decode().splitlines()[i])
            for k, v in record.items():
                if k not in ("content", "lines"):
                    self.assertEqual(got[k], v, (i, k))
            self.assertIsInstance(got["lines"], int)
            self.assertIsInstance(got["boilerplate_lines"], int)
        self.assertEqual(dict(out[2])["url"], path + ":3")
        self.assertEqual(dict(out[0])["meta"], [("tags", ["x", "é😀"]), ("q", 'a"b\\c')])  # member order kept
        # The text is what cleaning the text alone gives.
        alone = run("clean", "--no-corpus-stats", self.write("records/a.txt", article)).stdout.decode()
        self.assertEqual(dict(out[0])["content"] + "\n", alone)
        self.assertGreater(dict(out[0])["boilerplate_lines"], 0)
        self.assertEqual(dict(out[1])["content"], "")

    def test_numbers_beyond_64_bits_are_valid_json(self):
        # JSON bounds no number, and Python writes integers of any size: such
        # records are read, cleaned and written back with the numbers as
        # they were; a number JSON's grammar refuses is still broken JSON.
        name = sorted(n for n in os.listdir(ARTICLES) if n.endswith(".txt"))[0]
        with open(os.path.join(ARTICLES, name), encoding="utf-8") as f:
            article = f.read()
        wide = 2 ** 100 + 1
        good = [
            '{"id": %d, "text": %s, "hash": -%d, "f": 1e400, "n": [1, {"g": 2.5E-999}]}' % (wide, json.dumps(article), wide),
            '{"id": "plain", "text": %s, "small": 7}' % json.dumps(article),
        ]
        broken = ['{"id": "lead-zero", "text": "x", "n": 01}', '{"id": "dot", "text": "x", "n": 1.}']
        path = self.write("wide/r.jsonl", "\n".join(good[:1] + broken + good[1:]) + "\n")
        r = run("clean", "--no-corpus-stats", path)
        self.assertEqual(r.returncode, 1, r.stderr)  # the broken ones skipped
        self.assertIn(b"r.jsonl:2: broken JSON", r.stderr)
        self.assertIn(b"r.jsonl:3: broken JSON", r.stderr)
        lines = r.stdout.decode().splitlines()
        self.assertEqual(len(lines), 2)
        first = json.loads(lines[0], object_pairs_hook=list)
        self.assertEqual([k for k, _ in first], ["id", "text", "hash", "f", "n", "lines", "boilerplate_lines"])
        self.assertIn('"id":%d,' % wide, lines[0])  # the digits as written, not a double
        self.assertIn('"hash":-%d,"f":1e400,"n":[1,{"g":2.5E-999}]' % wide, lines[0])
        alone = run("clean", "--no-corpus-stats", self.write("wide/a.txt", article)).stdout.decode()
        self.assertEqual(dict(first)["text"] + "\n", alone)
        self.assertEqual(json.loads(lines[1])["small"], 7)
        # The id of a document is the number's text, in every command.
        ids = [d["id"] for d in jsonl(run("dedup", path).stdout)]
        self.assertEqual(ids, [str(wide), "plain"])
        signed = jsonl(run("sign", path).stdout)
        self.assertEqual([d["id"] for d in signed], [str(wide), "plain"])
        self.assertEqual(signed[0]["minhash"], signed[1]["minhash"])  # the same text

    def test_a_file_that_fails_between_passes_is_never_lost_silently(self):
        # dedup --filter reads its inputs up to three times (the corpus pass,
        # the processing pass, the kept records again). A file that cannot be
        # opened at any one of them (an LD_PRELOAD shim fails open() from its
        # Nth opening on) is reported and the exit status says so; exit 0
        # always comes with every kept record. The second reading's failures
        # used to be ignored: kept records lost, exit 0.
        shim = os.environ.get("BH_OPEN_FAIL_SHIM")
        if not shim or not os.path.exists(shim):
            self.skipTest("BH_OPEN_FAIL_SHIM (cli/tests/open_fail_shim.c, built by CMake) not given")
        corpus = self.write("between/x.jsonl", read(self.corpus))
        other = self.write("between/y.jsonl", read(self.corpus).replace(b'"id": "', b'"id": "y-'))
        full = run("dedup", "--filter", corpus, other)
        self.assertEqual(full.returncode, 0, full.stderr)
        env = dict(os.environ, LD_PRELOAD=shim, BH_FAIL_OPEN_SUFFIX="between/x.jsonl",
                   ASAN_OPTIONS="verify_asan_link_order=0:" + os.environ.get("ASAN_OPTIONS", ""))
        if subprocess.run([CLI, "--version"], capture_output=True, env=env).returncode != 0:
            self.skipTest("the shim cannot be preloaded into this build")
        seen_rcs = set()
        for after in range(0, 5):
            env["BH_FAIL_OPEN_AFTER"] = str(after)
            r = subprocess.run([CLI, "dedup", "--filter", corpus, other], capture_output=True, env=env, timeout=120)
            seen_rcs.add(r.returncode)
            if r.returncode == 0:
                self.assertEqual(r.stdout, full.stdout, "after %d openings" % after)
            else:
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn(b"x.jsonl", r.stderr)
        self.assertIn(1, seen_rcs)  # the shim did fail some pass
        self.assertIn(0, seen_rcs)  # and at some N every pass opened the file

    def test_dedup_filter_prints_the_kept_records(self):
        # --filter: each cluster's representative and every unique document,
        # in input order, exactly as clean writes them.
        decisions = jsonl(run("dedup", self.corpus).stdout)
        kept_ids = [d["id"] for d in decisions if not d["duplicate"]]
        self.assertLess(len(kept_ids), len(decisions))  # the corpus has near-duplicates
        cleaned = {json.loads(line)["id"]: line for line in run("clean", self.corpus).stdout.decode().splitlines()}
        r = run("dedup", "--filter", self.corpus)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.decode().splitlines(), [cleaned[i] for i in kept_ids])
        # --no-clean: the records with their text as read.
        with open(self.corpus, encoding="utf-8") as f:
            texts = {rec["id"]: rec["text"] for rec in map(json.loads, f)}
        raw = jsonl(run("dedup", "--filter", "--no-clean", self.corpus).stdout)
        raw_kept = [d["id"] for d in jsonl(run("dedup", "--no-clean", self.corpus).stdout) if not d["duplicate"]]
        self.assertEqual([d["id"] for d in raw], raw_kept)
        for d in raw:
            self.assertEqual(d["text"], texts[d["id"]])
        # A broken record is reported once, not once per pass.
        with open(self.corpus, encoding="utf-8") as f:
            first = f.readline()
        broken = self.write("filter/broken.jsonl", first + "{broken\n" + first.replace('"id": "', '"id": "copy-'))
        r = run("dedup", "--filter", broken)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stderr.count(b"broken.jsonl:2: broken JSON"), 1, r.stderr)
        self.assertEqual(len(jsonl(r.stdout)), 1)  # the copy is a duplicate of the first
        self.assertEqual(run("dedup", "--filter", "--summary", self.corpus).returncode, 2)
        # Records written back carry the command's own counts: a text or id
        # field of the same name would clash.
        self.assertEqual(run("dedup", "--filter", "--text-field", "lines", self.corpus).returncode, 2)
        self.assertEqual(run("clean", "--id-field", "boilerplate_lines", self.corpus).returncode, 2)

    def test_stats_report_the_indexes(self):
        import re
        r = run("dedup", "--stats", self.corpus)
        self.assertEqual(r.returncode, 0, r.stderr)
        m = re.search(rb"LSH index (\d+) bytes/doc; .* corpus line table (\d+) entries in ([\d.]+) MB",
                      r.stderr)
        self.assertIsNotNone(m, r.stderr)
        self.assertGreater(int(m.group(1)), 0)
        self.assertGreater(int(m.group(2)), 1000)  # 300 documents' lines
        self.assertGreater(float(m.group(3)), 0)
        r = run("dedup", "--stats", "--no-corpus-stats", self.corpus)
        self.assertIn(b"corpus line table 0 entries in 0.0 MB", r.stderr)

    def test_summary_reports_clusters_and_removed_lines(self):
        r = run("dedup", "--summary", ARTICLES)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout.decode()
        self.assertIn("5 documents", out)
        for name in os.listdir(ARTICLES):
            if name.endswith(".txt"):
                self.assertIn(name, out)
        self.assertIn("lines removed", out)


if __name__ == "__main__":
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main()
