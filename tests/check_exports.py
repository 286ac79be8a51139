#!/usr/bin/env python3
"""The shared library's plain (C) names are exactly the bh_* functions that
boilerhash.h declares: no helper leaks out under a C name, where a program's
own function of that name would replace it (CopyOut and WritePairs did), and
no declared function is missing or mangled.

Usage: check_exports.py LIBRARY HEADER
"""
import re
import subprocess
import sys


def main():
    lib, header = sys.argv[1], sys.argv[2]
    out = subprocess.run(["nm", "-D", "--defined-only", lib], capture_output=True, text=True, check=True).stdout
    exported = set()
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] in "TDBRVWiu" and not fields[2].startswith("_Z"):
            exported.add(fields[2].split("@")[0])
    with open(header, encoding="utf-8") as f:
        text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
    declared = set(re.findall(r"\b(bh_[a-z0-9_]+)\s*\(", text))
    extra, missing = sorted(exported - declared), sorted(declared - exported)
    if extra:
        print("exported under C names but not declared in boilerhash.h:", " ".join(extra))
    if missing:
        print("declared in boilerhash.h but not exported as C names:", " ".join(missing))
    if not declared:
        print("no bh_ function found in", header)
        return 1
    print(len(declared), "bh_ functions declared, all exported; nothing else under a C name")
    return 1 if extra or missing else 0


if __name__ == "__main__":
    sys.exit(main())
