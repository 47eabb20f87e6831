#!/usr/bin/env python3
"""Fix convergence over the dev corpus: for every finding on a `must` label
that offers suggestions, apply each suggestion and check again. The fixed
finding must not come back where the fix went, and the fix must not raise a
finding the reply did not already have (counting findings the fixed one was
hiding by overlapping them: those were there before the fix)."""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--tactful", required=True)
ap.add_argument("--corpus", required=True, help="directory with dev.jsonl")
a = ap.parse_args()

corpus = os.path.join(a.corpus, "dev.jsonl")
if not os.path.exists(corpus):
    print(f"no dev corpus at {a.corpus}: nothing to apply fixes to")
    sys.exit(77)

workdir = tempfile.mkdtemp()


def check(text, disabled=()):
    path = os.path.join(workdir, "reply.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    cmd = [a.tactful, "check", "--format", "json", path]
    if disabled:
        config = os.path.join(workdir, "config.json")
        with open(config, "w") as f:
            json.dump({"disabled_rules": list(disabled)}, f)
        cmd[2:2] = ["--config", config]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"tactful failed ({p.returncode}): {p.stderr}")
    return json.loads(p.stdout)["findings"]


def must_spans(text, labels):
    raw = text.encode()
    for label in labels:
        if label["level"] != "must":
            continue
        quote, at = label["quote"].encode(), -1
        for _ in range(label.get("occurrence", 1)):
            at = raw.find(quote, at + 1)
        if at >= 0:
            yield label["category"], at, at + len(quote)


applied = failed = 0
for line in open(corpus, encoding="utf-8"):
    reply = json.loads(line)
    text = reply["text"]
    raw = text.encode()
    spans = list(must_spans(text, reply["labels"]))
    findings = check(text)
    for f in findings:
        on_label = any(c == f["category"] and f["start"] < e and s < f["end"] for c, s, e in spans)
        if not on_label or not f["suggestions"]:
            continue
        before = collections.Counter(g["rule"] for g in findings if g is not f)
        before |= collections.Counter(g["rule"] for g in check(text, disabled=[f["rule"]]))  # what f hid
        for suggestion in f["suggestions"]:
            applied += 1
            fixed = raw[:f["start"]] + suggestion.encode() + raw[f["end"]:]
            fix_end = f["start"] + len(suggestion.encode())
            after = check(fixed.decode())
            problems = [g for g in after if g["rule"] == f["rule"] and g["start"] < fix_end and f["start"] < g["end"]]
            counts = collections.Counter(g["rule"] for g in after)
            problems += [g for g in after if counts[g["rule"]] > before[g["rule"]] and g not in problems]
            if problems:
                failed += 1
                print(f"{reply['id']}: {f['rule']} \"{f['text']}\" -> \"{suggestion}\" raises "
                      + ", ".join(f"{g['rule']} \"{g['text']}\"" for g in problems))

print(f"fix convergence: {applied} suggestions applied, {applied - failed} converged, {failed} did not")
sys.exit(1 if failed else 0)
