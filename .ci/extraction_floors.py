#!/usr/bin/env python3
"""Fails when extraction on the real pages in ../shared/eval falls below the floors kept in
.ci/extraction-floors.json.

    python3 .ci/extraction_floors.py --binary .build/release/dossier [--eval ../shared/eval]

Runs the scorer (`score.py --json`), prints each measure beside its floor, and exits 1 when
body F1 or any field is below its floor. Raise the floors as the scores rise: a floor is the
score that landed, less a margin of one labelled item or so.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", required=True)
    ap.add_argument("--eval", default=os.path.join(HERE, "..", "..", "shared", "eval"))
    ap.add_argument("--floors", default=os.path.join(HERE, "extraction-floors.json"))
    a = ap.parse_args()
    floors = json.load(open(a.floors))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "score.json")
        subprocess.run([sys.executable, os.path.join(a.eval, "score.py"), "--binary", a.binary, "--json", out],
                       check=True)
        score = json.load(open(out))
    if score["errors"]:
        print("inspect failed on %d pages: %s" % (len(score["errors"]), score["errors"][:3]))
        return 1
    measured = {"body_f1": score["body"]["f1"], "body_precision": score["body"]["precision"],
                "body_recall": score["body"]["recall"]}
    for field, (right, total) in score["fields"].items():
        if total:
            measured[field] = right / total
    failed = []
    for name, floor in sorted(floors.items()):
        got = measured.get(name)
        ok = got is not None and got + 1e-9 >= floor
        print("%-16s %6.3f  floor %6.3f  %s" % (name, got if got is not None else float("nan"), floor, "ok" if ok else "BELOW"))
        if not ok:
            failed.append(name)
    if failed:
        print("extraction fell below its floors: " + ", ".join(failed))
        return 1
    print("extraction holds every floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
