#!/usr/bin/env python3
"""Scores the native CLI on a labeled set (the dev corpus unless --set),
prints the score line, and fails below the quality bar: by default F1 >=
0.85 overall, every category >= 0.75, false alarms on at most 5% of clean
replies, no checker errors."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--tactful", required=True)
ap.add_argument("--corpus", required=True, help="directory with dev.jsonl and score.py")
ap.add_argument("--set", help="labeled replies to score instead of dev.jsonl (same format)")
ap.add_argument("--min-f1", type=float, default=0.85)
ap.add_argument("--min-category-f1", type=float, default=0.75)
ap.add_argument("--max-false-alarms", type=float, default=0.05, help="share of clean replies")
a = ap.parse_args()
replies = a.set or os.path.join(a.corpus, "dev.jsonl")

# A checkout without the dev corpus beside it cannot be scored: ctest reports
# the test as skipped (exit 77) rather than passed.
if not os.path.exists(os.path.join(a.corpus, "score.py")) or not os.path.exists(replies):
    print(f"no scorer at {a.corpus} or no replies at {replies}: not scored")
    sys.exit(77)

report = os.path.join(tempfile.mkdtemp(), "score.json")
cmd = [sys.executable, os.path.join(a.corpus, "score.py"), replies,
       "--cmd", f"{a.tactful} check --format json {{file}}", "--json", report]
p = subprocess.run(cmd, capture_output=True, text=True)
sys.stdout.write(p.stdout)
sys.stderr.write(p.stderr)
if p.returncode != 0:
    sys.exit(f"score.py failed with exit {p.returncode}")
r = json.load(open(report))
failures = []
if r["f1"] < a.min_f1:
    failures.append(f"overall F1 {r['f1']:.3f} < {a.min_f1}")
for name, c in r["categories"].items():
    if c["labels"] and c["f1"] < a.min_category_f1:
        failures.append(f"{name} F1 {c['f1']:.3f} < {a.min_category_f1}")
if r["clean_false_alarm_rate"] > a.max_false_alarms:
    failures.append(f"false alarms on {r['clean_false_alarm_rate']:.1%} of clean replies > {a.max_false_alarms:.0%}")
if r["errors"]:
    failures.append(f"{r['errors']} checker errors")
if failures:
    sys.exit(f"{os.path.basename(replies)} below the bar: " + "; ".join(failures))
