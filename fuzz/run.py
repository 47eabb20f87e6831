#!/usr/bin/env python3
"""Runs one libFuzzer target for a bounded time on a seed corpus.

The corpus is the committed seeds (fuzz/seeds/NAME), every committed crash
input (fuzz/regressions/NAME), and inputs generated from the dev corpus and
the rule packs, written to WORK/corpus, where the fuzzer also keeps what it
finds. A crash leaves its input in WORK/ and fails the run.

Usage: run.py --fuzzer BIN --name check|config|utf16 --seconds N --work DIR
              [--corpus dev.jsonl]
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "..", "rules")


def dev_texts(corpus):
    if not corpus or not os.path.isfile(corpus):
        return []
    with open(corpus, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def packs():
    for name in sorted(os.listdir(RULES)):
        if name.endswith(".json") and name != "macros.json":
            with open(os.path.join(RULES, name), encoding="utf-8") as f:
                yield name, json.load(f)


def generated_inputs(name, texts):
    """(file name, bytes) for each seed made from the dev corpus and rules/."""
    if name == "check":
        for i, text in enumerate(texts):
            yield f"dev-{i:03}", text.encode()
        # A few with an organization's configuration in front (config NUL text).
        config = json.dumps({"audience": "internal", "glossary": [{"term": "Zephyr", "plain": "our queue"}]})
        for i, text in enumerate(texts[:10]):
            yield f"dev-config-{i:03}", config.encode() + b"\0" + text.encode()
    elif name == "config":
        for file, pack in packs():
            yield f"pack-{file}", json.dumps({"builtin_packs": False, "packs": [pack]}).encode()
    elif name == "utf16":
        for i, text in enumerate(texts):
            yield f"dev-{i:03}", text.encode()
            yield f"dev-utf16-{i:03}", text.encode("utf-16-le")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzzer", required=True)
    ap.add_argument("--name", required=True, choices=["check", "config", "utf16"])
    ap.add_argument("--seconds", type=int, required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--corpus", help="dev.jsonl, for seeds (optional)")
    args = ap.parse_args()

    work_corpus = os.path.join(args.work, "corpus")
    os.makedirs(work_corpus, exist_ok=True)
    texts = dev_texts(args.corpus)
    for file, data in generated_inputs(args.name, texts):
        with open(os.path.join(work_corpus, file), "wb") as f:
            f.write(data)
    dirs = [work_corpus] + [d for d in (os.path.join(HERE, "seeds", args.name),
                                        os.path.join(HERE, "regressions", args.name)) if os.path.isdir(d)]
    cmd = [args.fuzzer, *dirs,
           f"-max_total_time={args.seconds}",
           "-max_len=16384",        # a long reply; 10 MB pastes have their own tests
           "-timeout=60",           # one input this slow is a hang worth reporting
           "-rss_limit_mb=3072",
           "-print_final_stats=1",
           f"-artifact_prefix={args.work}{os.sep}"]
    dictionary = os.path.join(HERE, f"{'config' if args.name == 'config' else 'check'}.dict")
    if args.name != "utf16":
        cmd.append(f"-dict={dictionary}")
    print(" ".join(cmd), flush=True)
    # Recording 30 frames for every allocation made engine creation 10x
    # slower than the check itself; crash reports keep their full stacks.
    env = dict(os.environ)
    env.setdefault("ASAN_OPTIONS", "malloc_context_size=4")
    status = subprocess.run(cmd, env=env).returncode
    if status != 0:
        crashes = [f for f in os.listdir(args.work) if not os.path.isdir(os.path.join(args.work, f))]
        print(f"\nfuzz.{args.name} failed (exit {status}). Inputs it left in {args.work}: {crashes}\n"
              f"Reproduce with: {args.fuzzer} FILE; once fixed, commit the input to "
              f"fuzz/regressions/{args.name}/ and add a doctest for the bug.", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
