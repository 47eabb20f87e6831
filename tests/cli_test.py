#!/usr/bin/env python3
"""The tactful command line: exit codes, JSON shape, text output, errors.

Usage: cli_test.py PATH/TO/tactful
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

TACTFUL = sys.argv.pop(1) if len(sys.argv) > 1 else "build/native/cli/tactful"
FINDING_KEYS = {"rule", "category", "severity", "start", "end", "line", "column",
                "text", "message", "why", "suggestions"}


def run(*args, stdin=None, timeout=60):
    # The timeout only stops a hang; under the sanitizers a 50 MB file takes
    # many times longer than in a release build.
    return subprocess.run([TACTFUL, *args], input=stdin, capture_output=True, timeout=timeout)


def write(directory, name, content):
    path = os.path.join(directory, name)
    with open(path, "wb") as f:
        f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


class CliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def test_clean_reply_exits_zero(self):
        p = run("check", write(self.dir, "ok.txt", "Thanks! I've refunded the fee today."))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(b"0 findings in 1 file", p.stdout)

    def test_findings_exit_one_with_exact_json_shape_and_byte_offsets(self):
        text = "Hi Jo 😊,\n\nWe’re sorry if the renewal surprised you. That's our policy.\n"
        p = run("check", "--format", "json", write(self.dir, "r.txt", text))
        self.assertEqual(p.returncode, 1, p.stderr)
        out = json.loads(p.stdout)
        self.assertEqual(set(out), {"findings", "checklist", "summary"})
        raw = text.encode("utf-8")
        rules = []
        for f in out["findings"]:
            # A finding with no fix in place offers a starter sentence instead.
            self.assertEqual(set(f), FINDING_KEYS | ({"starter", "starter_at"} if not f["suggestions"] else set()))
            self.assertEqual(raw[f["start"]:f["end"]].decode("utf-8"), f["text"])
            rules.append(f["rule"])
        self.assertIn("apology.conditional", rules)
        self.assertIn("blame.policy_wall", rules)
        conditional = out["findings"][rules.index("apology.conditional")]
        self.assertEqual((conditional["line"], conditional["column"]), (3, 1))
        self.assertEqual(conditional["suggestions"][0], "We’re sorry")
        self.assertEqual(out["summary"]["findings"], len(out["findings"]))
        wall = out["findings"][rules.index("blame.policy_wall")]
        self.assertTrue(wall["starter"].startswith("This rule is there to ["), wall["starter"])
        self.assertEqual(raw[wall["starter_at"]:].decode("utf-8"), "That's our policy.\n")  # its sentence's start
        states = {item["id"]: item["state"] for item in out["checklist"]}
        self.assertEqual(states["checklist.apology"], "weak")
        self.assertEqual(states["checklist.timeline"], "n/a")

    def test_checklist_text_view_and_json_per_file(self):
        a = write(self.dir, "a.txt", "I understand how annoying that is. I've refunded the fee today.")
        b = write(self.dir, "b.txt", "We'll get back to you.")
        p = run("check", "--checklist", a, b)
        self.assertEqual(p.returncode, 1, p.stderr)
        out = p.stdout.decode()
        self.assertIn(a + ": checklist 3/4\n", out)
        self.assertIn("    [x] Empathy: acknowledge how they feel\n", out)
        self.assertIn("    [ ] A sincere apology, with no ifs or buts (missing)\n", out)
        self.assertIn(b + ": checklist 2/5\n", out)  # the promise to follow up brings in the timeline item
        self.assertIn("    [ ] A time for the promised follow-up (missing)\n", out)
        self.assertNotIn("checklist", run("check", a).stdout.decode())  # only when asked for
        items = json.loads(run("check", "--format", "json", a, b).stdout)["checklist"]
        self.assertEqual({(i["file"], i["id"]) for i in items if i["state"] == "missing"},
                         {(a, "checklist.apology"), (b, "checklist.empathy"), (b, "checklist.apology"),
                          (b, "checklist.timeline")})

    def test_text_output_points_at_the_span(self):
        p = run("check", write(self.dir, "r.txt", "Calm down, please."))
        self.assertEqual(p.returncode, 1)
        lines = p.stdout.decode().splitlines()
        self.assertTrue(lines[0].endswith("[tone.calm_down]"), lines[0])
        self.assertIn("r.txt:1:1: warning:", lines[0])
        self.assertEqual(lines[2].strip(), "^" + "~" * 8)  # "Calm down" is 9 characters
        self.assertNotIn("\033[", p.stdout.decode())  # no colour when not a TTY

    def test_stdin_and_several_files(self):
        p = run("check", "--format", "json", "-", stdin="Obviously not.".encode())
        self.assertEqual(p.returncode, 1)
        a = write(self.dir, "a.txt", "Obviously not.")
        b = write(self.dir, "b.txt", "All done!")
        out = json.loads(run("check", "--format", "json", a, b).stdout)
        self.assertEqual({f["file"] for f in out["findings"]}, {a})
        self.assertEqual(out["summary"]["files"], 2)

    def test_audience_and_category_options(self):
        path = write(self.dir, "j.txt", "I've escalated your ticket to L2 and fixed the DNS records.")
        self.assertEqual(run("check", path).returncode, 1)
        self.assertEqual(run("check", "--audience", "technical", path).returncode, 0)
        self.assertEqual(run("check", "--category", "tone", path).returncode, 0)

    def test_usage_errors_exit_two_with_a_message(self):
        for args, needle in [((), b"no command"), (("frobnicate",), b"unknown command"),
                             (("check", "--format", "xml"), b"--format must be"),
                             (("check", "--audience", "pirates"), b"--audience must be"),
                             (("check", "--category", "mood"), b"unknown category"),
                             (("check", "/no/such/file"), b"cannot read /no/such/file"),
                             (("explain", "no.such.rule"), b"no rule")]:
            p = run(*args)
            self.assertEqual(p.returncode, 2, args)
            self.assertIn(needle, p.stderr, args)

    def test_config_errors_name_file_path_and_reason(self):
        bad_json = write(self.dir, "bad.json", '{"glossary": [')
        p = run("check", "--config", bad_json, "-", stdin=b"hi")
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"bad.json: config: not valid JSON", p.stderr)
        bad_regex = write(self.dir, "regex.json", json.dumps(
            {"phrases": [{"pattern": "(unclosed", "category": "tone", "message": "m"}]}))
        p = run("check", "--config", bad_regex, "-", stdin=b"hi")
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"config.phrases[0].patterns: invalid pattern", p.stderr)

    def test_config_adds_organization_terms(self):
        config = write(self.dir, "org.json", json.dumps(
            {"glossary": [{"term": "Zephyr queue", "plain": "our waiting list"}]}))
        out = json.loads(run("check", "--format", "json", "--config", config, "-",
                             stdin=b"You're in the Zephyr queue.").stdout)
        self.assertEqual([(f["rule"], f["suggestions"][0]) for f in out["findings"]],
                         [("org.glossary", "our waiting list")])

    def test_invalid_utf8_is_reported_not_fatal(self):
        p = run("check", "--format", "json", write(self.dir, "bin.txt", b"sorry if \xff\xfe it broke"))
        self.assertEqual(p.returncode, 1)
        json.loads(p.stdout)  # still valid JSON
        p = run("check", write(self.dir, "bin2.txt", b"fine \xff"))
        self.assertIn(b"not valid UTF-8 at byte 5", p.stdout)

    def test_jsonl_export_is_checked_in_order_like_single_files_on_any_number_of_threads(self):
        replies = ["We’re sorry if the renewal surprised you. 😊", "Thanks, all fixed.",
                   "You should have read the FAQ.\n\nOn Mon, Ann wrote:\n> you should have",
                   "I escalated it to L2 as a P2.", ""]
        # More lines than one batch holds, so batches join up in order too.
        lines = [json.dumps({"id": i, "text": replies[i % len(replies)]}) for i in range(5000)]
        path = write(self.dir, "export.jsonl", "\n".join(lines) + "\n")
        one = run("check", "--jsonl", "--jobs", "1", path)
        many = run("check", "--jsonl", "--jobs", "4", path)
        self.assertEqual(one.returncode, 1, one.stderr)
        self.assertEqual(one.stdout, many.stdout)
        results = [json.loads(l) for l in one.stdout.decode().splitlines()]
        self.assertEqual([r["id"] for r in results], list(range(5000)))
        for i, reply in enumerate(replies):
            single = json.loads(run("check", "--format", "json", write(self.dir, f"{i}.txt", reply)).stdout)
            self.assertEqual(results[i]["findings"], single["findings"], reply)

    def test_jsonl_bad_lines_are_reported_by_line_and_the_rest_is_checked(self):
        data = '{"id": "a", "text": "That\'s our policy."}\n\nnot json\n{"id": 7, "text": 5}\n[1]\n{"text": "Thanks!"}\n'
        p = run("check", "--jsonl", stdin=data.encode())
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"3 lines could not be checked", p.stderr)
        out = [json.loads(l) for l in p.stdout.decode().splitlines()]
        self.assertEqual(out[0]["id"], "a")
        self.assertEqual(out[0]["findings"][0]["rule"], "blame.policy_wall")
        self.assertEqual((out[1]["line"], "not valid JSON" in out[1]["error"]), (3, True))
        self.assertEqual((out[2]["line"], out[2]["id"], out[2]["error"]), (4, 7, 'needs "text", a string'))
        self.assertEqual(out[3]["line"], 5)
        self.assertEqual(out[4]["findings"], [])
        self.assertEqual(run("check", "--jsonl", "--jobs", "0").returncode, 2)
        self.assertEqual(run("check", "--jsonl", os.path.join(self.dir, "missing.jsonl")).returncode, 2)

    def test_hostile_text_gets_a_result_not_a_crash(self):
        self.assertEqual(run("check", write(self.dir, "empty.txt", b"")).returncode, 0)
        # 50 MB of innocent lines with one finding on the last: found, on the right line.
        line = b"Thanks for your patience while we look into this for you today.\n"
        count = 50 * 1024 * 1024 // len(line)
        big = write(self.dir, "big.txt", line * count + b"We are sorry if it broke.\n")
        p = run("check", "--format", "json", big, timeout=600)
        self.assertEqual(p.returncode, 1, p.stderr)
        findings = {f["rule"]: f for f in json.loads(p.stdout)["findings"]}
        self.assertEqual((findings["apology.conditional"]["line"], findings["apology.conditional"]["start"]),
                         (count + 1, len(line) * count))
        self.assertTrue(all(f["line"] == count + 1 for f in findings.values()), findings)
        # One 10 MB line: the column counts characters all the way along it.
        long_line = "Thanks for your patience — we look into this. " * 220000 + "Calm down."
        p = run("check", "--format", "json", write(self.dir, "line.txt", long_line), timeout=600)
        [finding] = json.loads(p.stdout)["findings"]
        self.assertEqual((finding["rule"], finding["line"], finding["column"]),
                         ("tone.calm_down", 1, len(long_line) - len("Calm down.") + 1))
        # Binary data and NUL bytes: valid JSON out, a warning, findings after the NUL.
        state, noise = 12345, bytearray()
        for _ in range(1 << 18):
            state = (state * 1103515245 + 12345) % (1 << 31)
            noise.append(state >> 16 & 0xFF)
        p = run("check", "--format", "json", write(self.dir, "bin.dat", bytes(noise) + b"\0 Calm down."))
        self.assertEqual(p.returncode, 1, p.stderr)
        out = json.loads(p.stdout)
        self.assertIn("tone.calm_down", [f["rule"] for f in out["findings"]])
        p = run("check", write(self.dir, "bin.dat", bytes(noise)))
        self.assertIn(p.returncode, (0, 1), p.stderr)
        self.assertIn(b"not valid UTF-8 at byte", p.stdout)

    def test_hostile_config_is_refused_with_where_and_why(self):
        phrase = {"category": "tone", "message": "m"}
        cases = [
            ({"glossary": "[" * 100000 + "]" * 100000}, b"config: not valid JSON: nested more than 64 levels"),
            ({"glossary": {"term": "x"}}, b"config.glossary: must be a list"),
            ({"phrases": [dict(phrase, pattern=["a", 7])]}, b"config.phrases[0].patterns[1]: must be a string"),
            ({"phrases": [dict(phrase, pattern="[\\pL\\pN]{1000}x")]},
             b"config.phrases[0].patterns: pattern too large: it needs more than 8 MB"),
            ({"phrases": [dict(phrase, pattern="a" * (1 << 20))]}, b"pattern too large"),
            (b"\x7fELF\x02\x01\x00\xff\xfe", b"config: not valid JSON"),
        ]
        for config, needle in cases:
            if isinstance(config, dict):
                config = json.dumps(config).replace('"' + "[" * 100000, "[" * 100000).replace("]" * 100000 + '"', "]" * 100000)
            path = write(self.dir, "config.json", config)
            p = run("check", "--config", path, "-", stdin=b"hi")
            self.assertEqual(p.returncode, 2, needle)
            self.assertIn(needle, p.stderr)
            self.assertLess(len(p.stderr), 1000)  # never the whole megabyte back
        p = run("check", "--config", write(self.dir, "empty.json", b""), "-", stdin=b"Calm down.")
        self.assertEqual(p.returncode, 1, p.stderr)  # an empty config means the defaults

    def test_rules_and_explain(self):
        rules = json.loads(run("rules", "--format", "json").stdout)
        ids = {r["id"] for r in rules}
        self.assertIn("apology.conditional", ids)
        p = run("explain", "apology.conditional")
        self.assertEqual(p.returncode, 0)
        self.assertIn(b"why:", p.stdout)
        self.assertIn(b"  examples:\n    flag: We're sorry if the renewal came as a surprise.\n", p.stdout)
        self.assertIn(b"    pass: Let me know if you have questions.\n", p.stdout)
        p = run("explain", "blame.policy_wall")
        self.assertIn(b"  starter:  This rule is there to [what it protects]", p.stdout)
        p = run("explain", "checklist.empathy_first")  # multi-line examples stay on one line each
        self.assertIn(b"    flag: > This is the third time the export has failed!!\\n\\nThe logs show", p.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=1)
