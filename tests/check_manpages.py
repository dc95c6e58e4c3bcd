#!/usr/bin/env python3
"""Checks that the manual pages in man/ cover the command line, and only the command line.

    /usr/bin/python3 tests/check_manpages.py --bin build/schoolctl --man man

The command tree comes from `schoolctl completion json` (the same CLI11 definition that parses
the command line). The check fails, listing every gap, when:

  - a top-level command has no page man/schoolctl-COMMAND.1, or a page schoolctl-NAME.1 has
    no command NAME;
  - man/schoolctl.1 does not name a command, or does not point to its page (schoolctl-NAME(1));
  - man/schoolctl.1 does not name a global option (every spelling: -q and --quiet);
  - a command's page does not name one of its subcommands (as the phrase "COMMAND SUB", e.g.
    "audit list", the way a SYNOPSIS writes it) or one of the long options of the command or
    its subcommands (the help flag excepted);
  - a page names, in a section whose title contains OPTIONS, a --long option the CLI does not
    have there (stale docs). In a command's page the option must belong to that command, its
    subcommands or the global options; under a subsection titled after a subcommand ("audit
    list") it must belong to that subcommand, its parents or the global options. Prose in
    other sections is not checked, so it may mention options of other commands;
  - groff, when installed, warns about a page (`groff -k -man -Tutf8 -ww -z`, as man(1) runs
    it with preconv); --no-lint skips this.

Pages are read as text by stripping roff (requests, font escapes, \\- and the like), with the
standard library only. Prints one line per failure and "N passed, M failed" at the end; exits 1
when anything failed, 2 when the check itself cannot run.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# --- roff to text -------------------------------------------------------------------------------

GLYPHS = {
    "em": "\u2014", "en": "\u2013", "hy": "-", "mi": "-", "dq": '"', "aq": "'", "oq": "\u2018",
    "cq": "\u2019", "lq": "\u201c", "rq": "\u201d", "Fo": "\u00ab", "Fc": "\u00bb", "bu": "\u2022",
    "co": "\u00a9", "rg": "\u00ae", "ti": "~", "ha": "^", "rs": "\\", "sl": "/", "ga": "`",
    "at": "@", "sh": "#", "Do": "$", "lB": "[", "rB": "]", "lC": "{", "rC": "}", "ba": "|",
    "or": "|", "pl": "+", "eq": "=", "mu": "\u00d7", "de": "\u00b0", "->": "\u2192",
    "<-": "\u2190", "sc": "\u00a7", "ps": "\u00b6", "tm": "\u2122",
}
STRINGS = {"lq": "\u201c", "rq": "\u201d", "R": "\u00ae", "Tm": "\u2122"}

ESCAPE = re.compile(
    r"""\\(?:
        (?P<comment>"|\#).*                       # \" and \# comments run to the end of line
      | \((?P<glyph2>..)                          # \(em
      | \[(?P<glyph>[^\]]*)\]                     # \[em] \[u0410]
      | f(?:\(..|\[[^\]]*\]|.)                    # \fB \f(BI \f[CR]: fonts
      | \*(?:\((?P<str2>..)|\[(?P<strn>[^\]]*)\]|(?P<str1>.))   # strings
      | s(?:[-+]?\d|\([-+]?\d\d|\[[^\]]*\])       # \s-1 \s0: sizes
      | n(?:\(..|\[[^\]]*\]|.)                    # number registers
      | [hvwlLoDbxXZNRSAB]'[^']*'                 # \h'..' and friends: motions, boxes
      | (?P<char>.)                               # \- \e \& \| and the rest
    )""",
    re.VERBOSE,
)
SIMPLE = {"-": "-", "e": "\\", "\\": "\\", "&": "", "|": "", "^": "", "c": "", "%": "", ":": "",
          ")": "", " ": " ", "~": " ", "0": " ", "'": "'", "`": "`", ".": ".", "t": "\t"}


def unescape(text):
    def repl(m):
        if m.group("comment"):
            return ""
        name = m.group("glyph2") or m.group("glyph")
        if name is not None:
            if re.fullmatch(r"u[0-9A-Fa-f]{4,6}", name):
                return chr(int(name[1:], 16))
            return GLYPHS.get(name, "")
        string = m.group("str2") or m.group("strn") or m.group("str1")
        if string is not None:
            return STRINGS.get(string, "")
        char = m.group("char")
        if char is not None:
            return SIMPLE.get(char, char)
        return ""
    return ESCAPE.sub(repl, text)


def macro_args(rest):
    """Splits a request's arguments the way roff does: spaces separate, double quotes group,
    and "" inside quotes is one quote."""
    args, i, n = [], 0, len(rest)
    while i < n:
        while i < n and rest[i] in " \t":
            i += 1
        if i >= n:
            break
        if rest[i] == '"':
            i += 1
            arg = ""
            while i < n:
                if rest[i] == '"':
                    if i + 1 < n and rest[i + 1] == '"':
                        arg += '"'
                        i += 2
                        continue
                    i += 1
                    break
                if rest[i] == "\\" and i + 1 < n:
                    arg += rest[i:i + 2]
                    i += 2
                    continue
                arg += rest[i]
                i += 1
            args.append(arg)
        else:
            j = i
            while j < n and rest[j] not in " \t":
                j += 2 if rest[j] == "\\" and j + 1 < n else 1
            args.append(rest[i:j])
            i = j
    return args


JOINED = {"BR", "BI", "IB", "IR", "RB", "RI"}   # alternating fonts: no space between arguments
SPACED = {"B", "I", "SM", "SB", "IP", "TP"}     # the arguments are text (IP: its tag)


class Page:
    """A manual page as text: `text` is all of it with whitespace collapsed; `parts` is a list
    of (section, subsection, text) in the order of the page."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        with open(path, encoding="utf-8", errors="replace") as f:
            source = f.read()
        self.parts = []
        section, subsection, lines = "", "", []
        pending = None  # "SH" or "SS" given without a title: the next line is the title

        def flush():
            if lines:
                self.parts.append((section, subsection, collapse(" ".join(lines))))
                lines.clear()

        for raw in source.split("\n"):
            if raw.startswith((".", "'")):
                m = re.match(r"[.'][ \t]*(\S*)[ \t]*(.*)", raw)
                name, rest = m.group(1), m.group(2)
                if name.startswith('\\"') or name == "":
                    continue
                args = [unescape(a) for a in macro_args(rest)]
                if name in ("SH", "SS"):
                    flush()
                    title = collapse(" ".join(args))
                    if not title:
                        pending = name
                    elif name == "SH":
                        section, subsection = title, ""
                    else:
                        subsection = title
                    continue
                if name in JOINED:
                    lines.append("".join(args))
                elif name in SPACED:
                    lines.append(" ".join(args))
                continue
            text = unescape(raw)
            if pending:
                flush()
                if pending == "SH":
                    section, subsection = collapse(text), ""
                else:
                    subsection = collapse(text)
                pending = None
                continue
            lines.append(text)
        flush()
        self.text = collapse(" ".join(t for _, _, t in self.parts))

    def mentions(self, word, text=None):
        return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])",
                         self.text if text is None else text) is not None

    def options_parts(self):
        """(section, subsection, text) of the sections whose title contains OPTIONS."""
        return [p for p in self.parts if "OPTIONS" in p[0].upper()]


def collapse(text):
    return re.sub(r"\s+", " ", text).strip()


LONG_OPTION = re.compile(r"(?<![\w-])--[A-Za-z0-9][A-Za-z0-9-]*")

# --- the command tree ---------------------------------------------------------------------------


def load_tree(binary):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("SCHOOLCTL_") and not k.startswith("XDG_")}
    with tempfile.TemporaryDirectory(prefix="schoolctl-man-") as cwd:
        env.update({"HOME": cwd, "NO_COLOR": "1"})
        proc = subprocess.run([binary, "completion", "json"], capture_output=True, cwd=cwd,
                              env=env, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(f"`{binary} completion json` exited with {proc.returncode}: "
                           + proc.stderr.decode("utf-8", "replace").strip())
    return json.loads(proc.stdout.decode("utf-8"))


def long_names(node):
    return [n for o in node["options"] for n in o["names"] if n.startswith("--") and n != "--help"]


def walk(node, path=()):
    """Yields (path, node) for a command and every subcommand below it."""
    here = path + (node["name"],)
    yield here, node
    for sub in node["subcommands"]:
        yield from walk(sub, here)


# --- the checks ---------------------------------------------------------------------------------


class Report:
    def __init__(self):
        self.passed, self.failures = 0, []

    def check(self, ok, message):
        if ok:
            self.passed += 1
        else:
            self.failures.append(message)


def check_overview(report, page, tree):
    for cmd in tree["subcommands"]:
        name = cmd["name"]
        report.check(page.mentions(name), f"{page.name}: command `{name}` is not named")
        report.check(f"schoolctl-{name}(1)" in page.text,
                     f"{page.name}: no pointer to schoolctl-{name}(1) for command `{name}`")
    for opt in tree["options"]:
        for spelling in opt["names"]:
            report.check(page.mentions(spelling),
                         f"{page.name}: global option {spelling} is not named")


def check_command_page(report, page, cmd, global_longs):
    name = cmd["name"]
    for path, node in walk(cmd):
        phrase = " ".join(path)
        if len(path) > 1:
            report.check(page.mentions(phrase),
                         f"{page.name}: subcommand `{phrase}` is not named "
                         f"(expected the phrase \"{phrase}\")")
        for opt in long_names(node):
            report.check(page.mentions(opt), f"{page.name}: option {opt} of `{phrase}` "
                                             f"is not named")
    # Stale docs: every --long option under OPTIONS exists for this command.
    nodes = {" ".join(path): (path, node) for path, node in walk(cmd)}
    whole = set(global_longs)
    for _, node in walk(cmd):
        whole.update(long_names(node))
    for section, subsection, text in page.options_parts():
        allowed, scope = whole, name
        heading = re.sub(r"^schoolctl\s+", "", subsection.strip())
        if heading in nodes:
            path, _ = nodes[heading]
            allowed, scope = set(global_longs), heading
            node = cmd
            allowed.update(long_names(node))
            for part in path[1:]:
                node = next(s for s in node["subcommands"] if s["name"] == part)
                allowed.update(long_names(node))
        for opt in sorted(set(LONG_OPTION.findall(text))):
            where = section + (f" / {subsection}" if subsection else "")
            report.check(opt in allowed or opt == "--help",
                         f"{page.name}: {where}: {opt} is not an option of `{scope}` "
                         f"(stale documentation?)")


def check_other_page(report, page, tree, global_longs):
    every = set(global_longs)
    for _, node in walk(tree):
        every.update(long_names(node))
    for section, subsection, text in page.options_parts():
        allowed = set(global_longs) if "GLOBAL" in section.upper() else every
        for opt in sorted(set(LONG_OPTION.findall(text))):
            report.check(opt in allowed or opt in ("--help", "--version"),
                         f"{page.name}: {section}: {opt} is not "
                         f"{'a global option' if allowed is not every else 'an option of schoolctl'}"
                         f" (stale documentation?)")


def lint(report, paths):
    groff = shutil.which("groff")
    if groff is None:
        print("note: groff is not installed; pages were not checked for roff warnings")
        return
    for path in paths:
        proc = subprocess.run([groff, "-k", "-man", "-Tutf8", "-ww", "-z", path],
                              capture_output=True, timeout=120,
                              env=dict(os.environ, LC_ALL="C.UTF-8"))
        messages = proc.stderr.decode("utf-8", "replace").strip()
        report.check(proc.returncode == 0 and not messages,
                     f"{os.path.basename(path)}: groff reports problems:\n    "
                     + messages.replace("\n", "\n    "))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", required=True, help="the schoolctl binary")
    parser.add_argument("--man", required=True, help="the man/ directory")
    parser.add_argument("--no-lint", action="store_true", help="do not run groff over the pages")
    args = parser.parse_args()

    try:
        tree = load_tree(os.path.abspath(args.bin))
    except (OSError, RuntimeError, ValueError, subprocess.TimeoutExpired) as e:
        print(f"cannot read the command tree: {e}")
        return 2
    if not os.path.isdir(args.man):
        print(f"{args.man}: not a directory")
        return 2

    report = Report()
    global_longs = long_names(tree) + ["--help"]
    commands = {c["name"]: c for c in tree["subcommands"]}
    files = sorted(f for f in os.listdir(args.man) if re.search(r"\.[1-9][a-z]*$", f))
    pages = {f: Page(os.path.join(args.man, f)) for f in files}

    overview = pages.get("schoolctl.1")
    report.check(overview is not None, "schoolctl.1: missing")
    if overview is not None:
        check_overview(report, overview, tree)

    for name, cmd in commands.items():
        page = pages.get(f"schoolctl-{name}.1")
        report.check(page is not None, f"schoolctl-{name}.1: missing (command `{name}`)")
        if page is not None:
            check_command_page(report, page, cmd, global_longs)

    for file, page in pages.items():
        m = re.fullmatch(r"schoolctl-(.+)\.1", file)
        if m:
            report.check(m.group(1) in commands,
                         f"{file}: there is no command `{m.group(1)}` (stale page?)")
        if not m or m.group(1) not in commands:
            check_other_page(report, page, tree, global_longs)

    if not args.no_lint:
        lint(report, [os.path.join(args.man, f) for f in files])

    for failure in report.failures:
        print("FAIL " + failure)
    print(f"{report.passed} passed, {len(report.failures)} failed")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
