"""What the CI check scripts (proxy_check.py, frontend_cache_check.py) share: one line per check."""

import sys

failures = []


def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def check(ok, label):
    say(("ok   " if ok else "FAIL ") + label)
    if not ok:
        failures.append(label)
