#!/usr/bin/env python3
"""Runs one CLI golden test file (tests/cli/*.test) against a fresh working directory.

Format (see tests/cli/README.md):

    # comment
    test [NAME=VALUE ...] schoolctl ARGS... -> EXIT_CODE
    __INPUT__          (optional) lines fed to standard input, up to the next marker
    __OUTPUT__         (optional after __INPUT__) expected stdout lines follow
    <expected stdout lines>
    __ERROR__
    <expected stderr lines>
    end test
    capture NAME REGEX     group 1 of REGEX in the last test's stdout+stderr becomes $NAME
    shell COMMAND          a setup step run by /bin/sh in the working directory; must exit 0
    with lock              the next test runs while another connection holds the write lock

An expected line "..." matches any number of lines; {{REGEX}} inside a line matches REGEX.
Output is normalised: the working directory becomes $TMP, the source tree $SOURCE, and UTC
timestamps <TIME>. The clock is pinned with SOURCE_DATE_EPOCH.
"""
import argparse
import os
import re
import shlex
import sqlite3
import subprocess
import sys
import tempfile

PINNED_EPOCH = "1794819600"  # 2026-11-16T09:00:00Z, a Monday of the second quarter
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


class Case:
    def __init__(self, line_no, env, argv, code):
        self.line_no, self.env, self.argv, self.code = line_no, env, argv, code
        self.stdin, self.stdout, self.stderr = [], [], []
        self.locked = False


def parse(path):
    steps, case, section = [], None, None
    with open(path, encoding="utf-8") as f:
        for no, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if case is None:
                if not line.strip() or line.startswith("#"):
                    continue
                if line.startswith("test "):
                    m = re.match(r"test (.*) -> (\d+)$", line)
                    if not m:
                        sys.exit(f"{path}:{no}: expected 'test COMMAND -> CODE'")
                    words = shlex.split(m.group(1))
                    env = {}
                    while words and re.match(r"^[A-Z_][A-Z0-9_]*=", words[0]):
                        k, v = words.pop(0).split("=", 1)
                        env[k] = v
                    case, section = Case(no, env, words, int(m.group(2))), "stdout"
                    if steps and steps[-1] == ("lock",):
                        steps.pop()
                        case.locked = True
                elif line.startswith("capture "):
                    _, name, regex = line.split(" ", 2)
                    steps.append(("capture", name, regex, no))
                elif line.startswith("shell "):
                    steps.append(("shell", line[6:], no))
                elif line.strip() == "with lock":
                    steps.append(("lock",))
                else:
                    sys.exit(f"{path}:{no}: unexpected line: {line}")
                continue
            if line == "end test":
                steps.append(("test", case))
                case = None
            elif line == "__INPUT__":
                section = "stdin"
            elif line == "__OUTPUT__":
                section = "stdout"
            elif line == "__ERROR__":
                section = "stderr"
            else:
                getattr(case, section).append(line)
    if case is not None:
        sys.exit(f"{path}: test at line {case.line_no} has no 'end test'")
    return steps


def substitute(text, variables):
    return re.sub(r"\$([A-Z_][A-Z0-9_]*)", lambda m: variables.get(m.group(1), m.group(0)), text)


def normalise(text, variables):
    for name in ("TMP", "SAMPLES", "DATA", "SOURCE"):  # most specific first
        text = text.replace(variables[name], "$" + name)
    return TIMESTAMP.sub("<TIME>", text)


def line_matches(expected, actual):
    if "{{" not in expected:
        return expected == actual
    pattern, pos = "", 0
    for m in re.finditer(r"\{\{(.*?)\}\}(?!\})", expected):
        pattern += re.escape(expected[pos:m.start()]) + "(?:" + m.group(1) + ")"
        pos = m.end()
    pattern += re.escape(expected[pos:])
    return re.fullmatch(pattern, actual) is not None


def lines_match(expected, actual):
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(lines_match(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and line_matches(expected[0], actual[0]) and \
        lines_match(expected[1:], actual[1:])


def run_case(case, args, variables, workdir, env):
    argv = [substitute(a, variables) for a in case.argv]
    if argv and argv[0] == "schoolctl":
        argv[0] = args.bin
    run_env = dict(env)
    run_env.update({k: substitute(v, variables) for k, v in case.env.items()})
    stdin = "".join(substitute(l, variables) + "\n" for l in case.stdin)
    lock = None
    if case.locked:
        lock = sqlite3.connect(os.path.join(workdir, "school.db"), isolation_level=None)
        lock.execute("BEGIN IMMEDIATE")
    try:
        proc = subprocess.run(argv, input=stdin.encode(), capture_output=True, cwd=workdir,
                              env=run_env, timeout=300)
    finally:
        if lock is not None:
            lock.execute("ROLLBACK")
            lock.close()
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    failures = []
    if proc.returncode != case.code:
        failures.append(f"exit code {proc.returncode}, expected {case.code}")
    for name, expected, actual in (("stdout", case.stdout, out), ("stderr", case.stderr, err)):
        actual_lines = normalise(actual, variables).splitlines()
        if not lines_match(expected, actual_lines):
            failures.append(f"{name} differs.\n--- expected\n" + "\n".join(expected) +
                            "\n--- actual\n" + "\n".join(actual_lines))
    return failures, out + err


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("test")
    args = parser.parse_args()
    args.bin = os.path.abspath(args.bin)
    source = os.path.abspath(args.source)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="schoolctl-cli-") as workdir:
        workdir = os.path.realpath(workdir)
        variables = {"BIN": args.bin, "TMP": workdir, "SOURCE": source, "SAMPLES": os.path.join(source, "samples"),
                     "DATA": os.path.join(source, "tests", "data")}
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("SCHOOLCTL_") and not k.startswith("XDG_")}
        env.update({"SCHOOLCTL_DB": os.path.join(workdir, "school.db"),
                    "XDG_STATE_HOME": os.path.join(workdir, "state"),
                    "XDG_CONFIG_HOME": os.path.join(workdir, "config"),
                    "HOME": workdir, "NO_COLOR": "1", "LC_ALL": "C.UTF-8",
                    "SOURCE_DATE_EPOCH": PINNED_EPOCH})
        last_output = ""
        for step in parse(args.test):
            if step[0] == "shell":
                cmd = substitute(step[1], variables)
                proc = subprocess.run(["/bin/sh", "-c", cmd], cwd=workdir, env=env)
                if proc.returncode != 0:
                    print(f"{args.test}:{step[2]}: setup failed ({proc.returncode}): {cmd}")
                    return 1
            elif step[0] == "capture":
                m = re.search(step[2], last_output)
                if not m:
                    print(f"{args.test}:{step[3]}: capture {step[1]}: no match for {step[2]}")
                    return 1
                variables[step[1]] = m.group(1)
            elif step[0] == "test":
                case = step[1]
                failures, last_output = run_case(case, args, variables, workdir, env)
                label = f"{args.test}:{case.line_no}: {' '.join(case.argv)}"
                if failures:
                    failed += 1
                    print(f"FAIL {label}")
                    for f in failures:
                        print("  " + f.replace("\n", "\n  "))
                else:
                    print(f"ok   {label}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
