#!/usr/bin/env python
"""``make bench``: the portal's public pages under load, against a trivial Django view, in one pass.

Starts the portal under gunicorn (2 sync workers, production settings, DEBUG off) on its own SQLite
file ``benchmark-pages.sqlite3`` (the demo content plus 10,000 generated articles; made on the first run
and reused), twice: uncached (``PAGE_CACHE_SECONDS=0``) and with the anonymous page cache on (the
default). Starts ``scripts/bench_trivial.py`` the same way, answering each page's address with that
page's bytes. Then, page by page, runs wrk against the trivial view, the uncached and the cached portal
in turn, and prints req/s, p50/p99, CPU ms per request (the gunicorn workers' user+system time), warm SQL queries,
bytes per response and the ratio to the trivial view: the three in turn ``--rounds`` times, medians
reported (the ratio is the median of each round's ratio). Exits 1 when a ratio target is missed.

    .venv/bin/python scripts/bench.py [--seconds 5] [--connections 8] [--rounds 3] [--port-base 8511]
        [--redis-url redis://127.0.0.1:6379/5] [--write-docs]

The three servers listen on ``--port-base`` and the two ports after it (``BENCH_PORT_BASE``); the
portal uses the Redis database of ``--redis-url`` (``BENCH_REDIS_URL``): on a shared machine, give
each person their own.

A benchmark, not a test: the machine is shared, numbers move by 10-20 % between runs.
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Not benchmark.sqlite3: scripts/search_benchmark.py empties that one and fills it with articles only.
DB_FILE = BASE_DIR / "benchmark-pages.sqlite3"
PORTS = {"trivial": 8511, "uncached": 8512, "cached": 8513}  # see --port-base
# Uncached: the portal's req/s at least this fraction of the trivial view's (issue 13, point 4).
UNCACHED_TARGETS = {"article": 25, "home": 50, "news index": 33, "category": 17, "search": 55, "lesson": 16}
CACHED_TARGET = 2  # a cached page at least half the trivial view


def out(text=""):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def portal_env(cached):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DATABASE_URL": f"sqlite:///{DB_FILE}",
        "SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        "TASKS_BACKEND": "immediate",
    }
    for name in ("CACHE_URL", "ELASTICSEARCH_URL"):
        env.pop(name, None)
    # Production needs a cache shared by the workers: Redis, as deployed (BENCH_REDIS_URL to choose one).
    env["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
    if cached:
        env.pop("PAGE_CACHE_SECONDS", None)
    else:
        env["PAGE_CACHE_SECONDS"] = "0"
    return env


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)  # noqa: S603


def prepare(articles):
    """benchmark.sqlite3 with the demo and the generated articles; static files collected."""
    # The demo loads only with DEBUG on (development settings); the servers run with it off.
    env = {**portal_env(cached=False), "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "DEBUG": "1"}
    if not DB_FILE.exists():
        out(f"Making {DB_FILE.name}: demo content and {articles} generated articles (a minute or two)...")
        partial = DB_FILE.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        env_partial = {**env, "DATABASE_URL": f"sqlite:///{partial}"}
        manage("migrate", "--noinput", "-v0", env=env_partial)
        manage("load_demo", env=env_partial)
        manage("generate_articles", str(articles), env=env_partial)
        partial.rename(DB_FILE)
    else:
        manage("migrate", "--noinput", "-v0", env=env)
    manage("collectstatic", "--noinput", "-v0", env=portal_env(cached=False))


def start(name, env, app, extra=()):
    command = [PYTHON, "-m", "gunicorn", app, "--workers", "2", "--worker-class", "sync",
               "--bind", f"127.0.0.1:{PORTS[name]}", "--log-level", "warning", *extra]  # fmt: skip
    process = subprocess.Popen(command, cwd=BASE_DIR, env=env, start_new_session=True)  # noqa: S603
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORTS[name]}/healthz/", timeout=5)
            return process
        except OSError as error:
            if getattr(error, "code", None):  # an HTTP error: the server answers
                return process
            time.sleep(0.1)
    raise SystemExit(f"{name} server did not start")


def workers_cpu_seconds(process):
    """User + system CPU of the gunicorn workers (children of the master) so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def fetch(port, url):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=30) as response:
        return response.read()


def wrk(port, url, seconds, connections):
    result = subprocess.run(  # noqa: S603
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", f"http://127.0.0.1:{port}{url}"],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    text = result.stdout

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    requests = int(re.search(r"(\d+) requests in", text).group(1))
    read = re.search(r"requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read", text)
    read_bytes = float(read.group(1)) * {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}[read.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "p50": latency(50),
        "p99": latency(99),
        "requests": requests,
        "bytes": read_bytes / max(requests, 1),
        "errors": int(errors.group(1)) if errors else 0,
    }


def page_urls():
    """The benchmarked addresses, and their warm SQL query counts (uncached and cached), in-process."""
    os.environ.update(portal_env(cached=False))
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from home.demo_pages import default_home
    from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
    from training.models import LessonPage

    # The Vietnamese site: the English one under /en/ has a news index and articles of its own.
    home = default_home()
    index = NewsIndexPage.objects.live().descendant_of(home).first()
    article = NewsArticlePage.objects.live().descendant_of(home).order_by("-first_published_at").first()
    category = NewsCategory.objects.order_by("sort_order").first()
    lesson = LessonPage.objects.live().public().order_by("path").first()
    urls = {
        "article": article.url,
        "home": "/",
        "news index": index.url,
        "category": index.category_url(category),
        "search": "/tim-kiem/?q=ph%E1%BB%A5+n%E1%BB%AF",
        "lesson": lesson.url,
    }
    queries = {}
    client = Client(HTTP_HOST="127.0.0.1")
    for name, url in urls.items():
        for mode, seconds in (("uncached", 0), ("cached", 600)):
            with override_settings(PAGE_CACHE_SECONDS=seconds):
                client.get(url)
                with CaptureQueriesContext(connection) as captured:
                    client.get(url)
            queries[name, mode] = len(captured)
    return urls, queries


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def run(args):
    prepare(args.articles)
    urls, queries = page_urls()
    bodies = Path(tempfile.mkdtemp(prefix="bench-bodies-"))
    servers = {}
    try:
        servers["uncached"] = start("uncached", portal_env(cached=False), "portal.wsgi:application")
        servers["cached"] = start("cached", portal_env(cached=True), "portal.wsgi:application")
        # The trivial view answers each address with the very bytes the portal sends for it.
        index = {}
        for number, url in enumerate(urls.values()):
            (bodies / f"{number}.html").write_bytes(fetch(PORTS["uncached"], url))
            index[url] = f"{number}.html"
        (bodies / "index.json").write_text(json.dumps(index))
        trivial_env = {**os.environ, "BENCH_TRIVIAL_BODIES": str(bodies)}
        trivial_env.pop("DJANGO_SETTINGS_MODULE", None)
        servers["trivial"] = start("trivial", trivial_env, "bench_trivial:application", ["--pythonpath", "scripts"])
        rows = []
        for name, url in urls.items():
            for mode in ("trivial", "uncached", "cached"):
                for _ in range(2):  # warm: renditions, template and fragment caches, page cache
                    fetch(PORTS[mode], url)
            rounds = []  # the machine is shared: the three modes in turn, several times
            for _ in range(args.rounds):
                measured = {}
                for mode in ("trivial", "uncached", "cached"):
                    cpu_before = workers_cpu_seconds(servers[mode])
                    result = wrk(PORTS[mode], url, args.seconds, args.connections)
                    spent = workers_cpu_seconds(servers[mode]) - cpu_before
                    result["cpu_ms"] = spent * 1000 / max(result["requests"], 1)
                    measured[mode] = result
                rounds.append(measured)
            trivial = median_result([measured["trivial"] for measured in rounds])
            for mode in ("uncached", "cached"):
                target = UNCACHED_TARGETS[name] if mode == "uncached" else CACHED_TARGET
                # Each round's ratio is of two runs seconds apart; the median of the rounds' ratios.
                ratio = statistics.median(measured[mode]["rps"] / measured["trivial"]["rps"] for measured in rounds)
                result = median_result([measured[mode] for measured in rounds])
                ok = ratio >= 1 / target and not result["errors"]
                rows.append((name, mode, result, queries[name, mode], ratio, target, ok, trivial))
    finally:
        for process in servers.values():
            os.killpg(process.pid, signal.SIGTERM)
        shutil.rmtree(bodies, ignore_errors=True)
    return rows


def median_result(results):
    """Each figure's median over the rounds; errors added up."""
    merged = {key: statistics.median(result[key] for result in results) for key in results[0]}
    merged["errors"] = sum(result["errors"] for result in results)
    return merged


def table(rows, args):
    lines = [
        f"Machine: {machine()}",
        f"wrk -t2 -c{args.connections} -d{args.seconds}s per page and mode, {args.rounds} rounds in turn (medians); "
        "gunicorn 2 sync workers; SQLite "
        f"({DB_FILE.name}: demo + {args.articles} generated articles); "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        "| page | mode | req/s | p50 ms | p99 ms | CPU ms/req | SQL | bytes | trivial req/s | trivial CPU ms "
        "| ÷ trivial | target | |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, mode, m, sql, ratio, target, ok, trivial in rows:
        errors = f" ({m['errors']} errors)" if m["errors"] else ""
        lines.append(
            f"| {name} | {mode} | {m['rps']:.1f} | {m['p50']:.1f} | {m['p99']:.1f} | {m['cpu_ms']:.1f} | {sql} | "
            f"{m['bytes']:.0f} | {trivial['rps']:.0f} | {trivial['cpu_ms']:.2f} | "
            f"1/{1 / ratio:.1f} | 1/{target} | {'ok' if ok else 'MISSED'}"
            f"{errors} |"
        )
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port-base", type=int, default=int(os.environ.get("BENCH_PORT_BASE", 8511)))
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5"))
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3, help="trivial, uncached, cached in turn, this many times")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--write-docs", action="store_true", help="keep the table in docs/performance.md")
    args = parser.parse_args()
    PORTS.update(trivial=args.port_base, uncached=args.port_base + 1, cached=args.port_base + 2)
    os.environ["BENCH_REDIS_URL"] = args.redis_url
    if subprocess.run(["which", "wrk"], capture_output=True).returncode:  # noqa: S607
        raise SystemExit("wrk is missing: sudo apt-get install wrk")
    rows = run(args)
    lines = table(rows, args)
    out("\n".join(lines))
    if args.write_docs:
        docs = BASE_DIR / "docs" / "performance.md"
        text = docs.read_text() if docs.exists() else ""
        head = text.split("<!-- bench -->")[0] if "<!-- bench -->" in text else text
        docs.write_text(head.rstrip() + "\n\n<!-- bench -->\n" + "\n".join(lines) + "\n")
    missed = [f"{name} ({mode})" for name, mode, *_rest, ok, _trivial in rows if not ok]
    if missed:
        out(f"\nMissed: {', '.join(missed)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
