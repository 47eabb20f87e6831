#!/usr/bin/env python3
"""Scores the native CLI on the dev corpus, prints the score line, and fails
below the quality bar: F1 >= 0.85 overall, every category >= 0.75, false
alarms on at most 5% of clean replies, no checker errors."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--tactful", required=True)
ap.add_argument("--corpus", required=True, help="directory with dev.jsonl and score.py")
a = ap.parse_args()

# A checkout without the dev corpus beside it cannot be scored: ctest reports
# the test as skipped (exit 77) rather than passed.
if not os.path.exists(os.path.join(a.corpus, "dev.jsonl")):
    print(f"no dev corpus at {a.corpus}: not scored")
    sys.exit(77)

report = os.path.join(tempfile.mkdtemp(), "score.json")
cmd = [sys.executable, os.path.join(a.corpus, "score.py"), os.path.join(a.corpus, "dev.jsonl"),
       "--cmd", f"{a.tactful} check --format json {{file}}", "--json", report]
p = subprocess.run(cmd, capture_output=True, text=True)
sys.stdout.write(p.stdout)
sys.stderr.write(p.stderr)
if p.returncode != 0:
    sys.exit(f"score.py failed with exit {p.returncode}")
r = json.load(open(report))
failures = []
if r["f1"] < 0.85:
    failures.append(f"overall F1 {r['f1']:.3f} < 0.85")
for name, c in r["categories"].items():
    if c["labels"] and c["f1"] < 0.75:
        failures.append(f"{name} F1 {c['f1']:.3f} < 0.75")
if r["clean_false_alarm_rate"] > 0.05:
    failures.append(f"false alarms on {r['clean_false_alarm_rate']:.1%} of clean replies > 5%")
if r["errors"]:
    failures.append(f"{r['errors']} checker errors")
if failures:
    sys.exit("dev corpus below the bar: " + "; ".join(failures))
