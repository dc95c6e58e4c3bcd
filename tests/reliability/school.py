"""The sample school in a temporary directory, and schoolctl run on it: what the reliability
tests share."""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

PINNED_EPOCH = "1794819600"  # 16.11.2026, as the CLI tests
FIRST_DAY = "1788242400"     # 01.09.2026: the roster as it was when the year began


class School:
    def __init__(self, binary, source, name):
        self.binary = os.path.abspath(binary)
        self.source = os.path.abspath(source)
        self.samples = os.path.join(self.source, "samples")
        self.work = tempfile.mkdtemp(prefix=f"schoolctl-{name}-")
        os.chmod(self.work, 0o755)
        self.db = os.path.join(self.work, "school.db")
        self.config = os.path.join(self.work, "schoolctl.toml")
        shutil.copyfile(os.path.join(self.samples, "schoolctl.toml"), self.config)
        self.env = dict(os.environ)
        self.env.update({"SOURCE_DATE_EPOCH": PINNED_EPOCH, "SCHOOLCTL_DB": self.db,
                         "SCHOOLCTL_CONFIG": self.config,
                         "XDG_STATE_HOME": os.path.join(self.work, "state"),
                         "XDG_CONFIG_HOME": os.path.join(self.work, "config"), "NO_COLOR": "1"})
        for k in ("SCHOOLCTL_TOKEN", "SCHOOLCTL_SCHOOL", "SCHOOLCTL_KILL_AT_STATEMENT",
                  "SCHOOLCTL_BUSY_TIMEOUT"):
            self.env.pop(k, None)

    def run(self, *argv, extra=None, stdin=None, preexec=None):
        """schoolctl ARGV in the school's directory; the completed process."""
        env = dict(self.env)
        env.update(extra or {})
        return subprocess.run([self.binary, *argv], env=env, cwd=self.work, input=stdin,
                              text=True, capture_output=True, preexec_fn=preexec)

    def setup(self, *argv, extra=None, stdin=None):
        """A step that must succeed; exits the test naming it otherwise."""
        p = self.run(*argv, extra=extra, stdin=stdin)
        if p.returncode != 0:
            sys.exit(f"setup failed: schoolctl {' '.join(argv)} -> {p.returncode}\n{p.stderr}")
        return p

    def init_and_login(self, password):
        out = self.setup("init").stdout
        otp = next(l.split(":", 1)[1].strip() for l in out.splitlines()
                   if l.startswith("One-time password:"))
        self.setup("login", "admin", "--password-stdin", stdin=f"{otp}\n{password}\n")

    def load(self, *kinds):
        """Imports the sample school's files of these kinds, as on the first day of the year."""
        for kind in kinds:
            self.setup("-q", "import", kind, os.path.join(self.samples, f"{kind}.csv"),
                       extra={"SOURCE_DATE_EPOCH": FIRST_DAY})

    def data(self, *parts):
        return os.path.join(self.source, "tests", "data", *parts)

    def count(self, sql, *params):
        with sqlite3.connect(self.db) as c:
            return c.execute(sql, params).fetchone()[0]

    def remove(self):
        shutil.rmtree(self.work, ignore_errors=True)
