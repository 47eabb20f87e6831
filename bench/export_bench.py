#!/usr/bin/env python3
"""A ticket export through `tactful check --jsonl`: 100,000 replies, one
JSON object per line, on 1 thread and on every core. Prints a Markdown
table of wall time, replies per second, MB/s and peak memory (the process's
maximum RSS, which must not grow with the export: batches are bounded).

Usage: export_bench.py [--tactful PATH] [--corpus dev.jsonl] [--replies N]
"""
import argparse
import json
import os
import random
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_replies(corpus):
    for path in (corpus, os.path.join(ROOT, "bench", "replies.jsonl")):
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return path, [json.loads(line)["text"] for line in f if line.strip()]
    raise SystemExit("export_bench: no replies found")


def write_export(replies, count, path):
    rng = random.Random(7)  # the same export every run
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            out.write(json.dumps({"id": f"T-{i}", "text": rng.choice(replies)}) + "\n")


def run(tactful, path, jobs):
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen([tactful, "check", "--jsonl", "--jobs", str(jobs), path], stdout=sink)
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"export_bench: tactful exited {code}")
    return seconds, usage.ru_maxrss / 1024  # kB -> MB


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tactful", default=os.path.join(ROOT, "build", "native", "cli", "tactful"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "dev.jsonl"))
    ap.add_argument("--replies", type=int, default=100_000)
    args = ap.parse_args()
    source, replies = load_replies(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "export.jsonl")
        write_export(replies, args.replies, path)
        size_mb = os.path.getsize(path) / 2**20
        print(f"# Ticket export: {args.replies:,} replies ({size_mb:.1f} MB of JSON lines) from {source}\n")
        print("| threads | seconds | replies/s | MB/s | peak RSS MB |\n|--:|--:|--:|--:|--:|")
        for jobs in sorted({1, os.cpu_count() or 1}):
            seconds, rss = run(args.tactful, path, jobs)
            print(f"| {jobs} | {seconds:.2f} | {args.replies / seconds:,.0f} | {size_mb / seconds:.1f} | {rss:.1f} |")


if __name__ == "__main__":
    main()
