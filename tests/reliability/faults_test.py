#!/usr/bin/python3
"""Faults a school's server meets, each with a clear message, a documented exit status and
nothing lost or half-written:

    faults_test.py --bin SCHOOLCTL --source SOURCE_DIR

- a full disk while writing a report, a backup and an import (the file-size limit RLIMIT_FSIZE
  with SIGXFSZ ignored makes every write past it fail as a full disk does: EFBIG instead of
  ENOSPC, through the same error paths);
- a database the user may read but not write, and an output directory without write
  permission (run as the unprivileged user `nobody`, since root ignores permissions);
- a database file that is not SQLite, and one cut short;
- a missing font file.
After each, the database is unchanged and passes `db check`, and no file is left under the
final name or as a temporary beside it.
"""
import argparse
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys

from school import School

NOBODY = 65534


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    school = School(args.bin, args.source, "faults")
    work, env, db, samples = school.work, school.env, school.db, school.samples
    failures = []
    results = []

    def run(*argv, extra=None, stdin=None, file_limit=None, user=None):
        def limits():
            if file_limit is not None:
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))
            if user is not None:
                os.setgid(user)
                os.setuid(user)
        return school.run(*argv, extra=extra, stdin=stdin, preexec=limits)

    def expect(what, p, code, words):
        message = p.stderr.strip()
        if p.returncode != code or not all(w in message for w in words):
            failures.append(f"{what}: exit {p.returncode} (expected {code}), message {message!r} "
                            f"(expected to name {words})")
        else:
            results.append(f"{what}: exit {code}: {message.splitlines()[-1]}")

    def state():
        with sqlite3.connect(db) as c:
            return [c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("pupils", "guardians", "audit_log")]

    def leftovers(directory, final):
        names = [n for n in os.listdir(directory) if n.startswith(os.path.basename(final))]
        return names

    school.init_and_login("faults-test-password")
    school.load("subjects", "staff", "classes", "students")
    before = state()
    db_size = os.path.getsize(db)

    # A full disk while writing a report: nothing under the name, no temporary left.
    out = os.path.join(work, "reports")
    os.mkdir(out)
    p = run("report", "class-list", "--class", "5А", "--format", "pdf", "--out",
            os.path.join(out, "list.pdf"), file_limit=4096)
    expect("disk full writing a report", p, 74, ["list.pdf"])
    if os.listdir(out):
        failures.append(f"disk full writing a report left {os.listdir(out)}")

    # A full disk while writing a backup.
    p = run("db", "backup", os.path.join(work, "backup.db"), file_limit=db_size // 2)
    expect("disk full writing a backup", p, 74, ["backup.db"])
    if leftovers(work, "backup.db"):
        failures.append(f"disk full writing a backup left {leftovers(work, 'backup.db')}")

    # A full disk while importing: the database cannot grow; nothing of the import is kept.
    subprocess.run(["sqlite3", db, "PRAGMA wal_checkpoint(TRUNCATE)"], capture_output=True)
    p = run("import", "guardians", os.path.join(samples, "guardians.csv"), file_limit=16384)
    expect("disk full during an import", p, 74, ["school.db"])
    if state() != before:
        failures.append(f"disk full during an import changed the database: {before} -> {state()}")

    # A missing font.
    p = run("report", "class-list", "--class", "5А", "--format", "pdf", "--out",
            os.path.join(out, "list.pdf"),
            extra={"SCHOOLCTL_CONFIG": write_config(work, 'font = "/nonexistent/Font.ttf"')})
    expect("a missing font", p, 66, ["/nonexistent/Font.ttf", "reports.font"])

    # Permissions, as an unprivileged user: a database they can read but not write, and an
    # output directory they cannot write to.
    if os.getuid() == 0:
        shared = os.path.join(work, "shared")
        os.mkdir(shared, 0o755)
        ro_db = os.path.join(shared, "school.db")
        subprocess.run(["sqlite3", db, f"VACUUM INTO '{ro_db}'"], check=True)
        os.chmod(ro_db, 0o644)
        p = run("import", "guardians", os.path.join(samples, "guardians.csv"),
                extra={"SCHOOLCTL_DB": ro_db, "XDG_STATE_HOME": os.path.join(shared, "state")},
                user=NOBODY)
        expect("a database the user cannot write", p, 73, [ro_db])
        # Their own database, and a directory of root's to write the report to.
        own = os.path.join(work, "own")
        os.mkdir(own, 0o700)
        own_db = os.path.join(own, "school.db")
        subprocess.run(["sqlite3", db, f"VACUUM INTO '{own_db}'"], check=True)
        for root, dirs, files in os.walk(own):
            for name in [root] + [os.path.join(root, n) for n in dirs + files]:
                os.chown(name, NOBODY, NOBODY)
        theirs = {"SCHOOLCTL_DB": own_db, "XDG_STATE_HOME": os.path.join(own, "state")}
        login = run("login", "admin", "--password-stdin", stdin="faults-test-password\n",
                    user=NOBODY, extra=theirs)
        if login.returncode != 0:
            sys.exit(f"setup failed: login as nobody: {login.stderr}")
        locked_dir = os.path.join(work, "locked")
        os.mkdir(locked_dir, 0o755)
        p = run("report", "class-list", "--class", "5А", "--format", "csv", "--out",
                os.path.join(locked_dir, "list.csv"), user=NOBODY, extra=theirs)
        expect("an output directory without write permission", p, 73, ["locked"])
    else:
        results.append("permissions: run as root to check them as the user nobody")

    # A database file that is not SQLite, and one cut short.
    with open(os.path.join(work, "notes.db"), "w") as f:
        f.write("just some text\n" * 100)
    p = run("whoami", extra={"SCHOOLCTL_DB": os.path.join(work, "notes.db")})
    expect("a database file that is not SQLite", p, 78, ["notes.db", "not an SQLite file"])
    cut = os.path.join(work, "cut.db")
    subprocess.run(["sqlite3", db, f"VACUUM INTO '{cut}'"], check=True)
    with open(cut, "r+b") as f:
        f.truncate(os.path.getsize(cut) // 3)
    p = run("db", "check", extra={"SCHOOLCTL_DB": cut})
    if p.returncode not in (65, 74) or "cut.db" not in p.stderr + p.stdout:
        failures.append(f"a truncated database: exit {p.returncode}, {p.stderr.strip()!r}")
    else:
        results.append(f"a truncated database: exit {p.returncode}: "
                       f"{(p.stderr.strip() or p.stdout.strip()).splitlines()[-1]}")

    check = run("db", "check")
    if check.returncode != 0 or state() != before:
        failures.append(f"after the faults: db check {check.returncode}, {before} -> {state()}")
    for r in results:
        print(r)
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)
    print(f"{len(results)} faults, each refused clearly; the database unchanged and sound")
    school.remove()


def write_config(work, font_line):
    """The sample configuration with its reports.font line replaced."""
    path = os.path.join(work, "font.toml")
    with open(os.path.join(work, "schoolctl.toml"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    section = ""
    for i, line in enumerate(lines):
        if line.startswith("["):
            section = line.strip()
        elif section == "[reports]" and line.replace(" ", "").startswith("font="):
            lines[i] = font_line
    text = "\n".join(lines) + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


if __name__ == "__main__":
    main()
