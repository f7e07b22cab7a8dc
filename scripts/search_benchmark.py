#!/usr/bin/env python
"""Search latency with 10,000 generated Vietnamese articles, on SQLite or PostgreSQL.

Fills a database (the one DATABASE_URL names, else ``benchmark.sqlite3`` beside manage.py) with
articles made by ``news.generate`` (as ``manage.py generate_articles`` does), indexed, then times the
search page's own code path
(``search.service.search_page``: matching, ranking, counts per filter, highlighting) and the whole page
(an HTTP GET of /tim-kiem/ through Django's test client) for a fixed list of accented and unaccented
queries, and prints p50 and p95 in milliseconds.

    .venv/bin/python scripts/search_benchmark.py                        # SQLite file benchmark.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python scripts/search_benchmark.py

Options: ``--articles N`` (default 10000), ``--repeat N`` timed runs per query (default 5),
``--keep`` reuses a database already filled by an earlier run. The database named by DATABASE_URL is
created when missing and emptied otherwise: never point it at real data.
"""

import argparse
import os
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

QUERIES = [
    "đào tạo",
    "dao tao",
    "ĐÀO TẠO CÁN BỘ",
    "giám sát",
    "giam sat phan bien",
    "phụ nữ khởi nghiệp",
    "phu nu khoi nghiep",
    "bình đẳng giới",
    "binh dang gioi",
    "bạo lực gia đình",
    "bao luc",
    "hội viên",
    "chi hoi truong",
    "an sinh xã hội",
    "xây dựng nông thôn mới",
    "tín dụng",
    "tin dung uu dai",
    "tuyên truyền pháp luật",
    "không có từ này",
    "khong co tu nay",
]


def out(text, end="\n"):
    sys.stdout.write(text + end)
    sys.stdout.flush()


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="reuse an already filled database")
    return parser.parse_args()


def setup_django(keep):
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{BASE_DIR / 'benchmark.sqlite3'}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    os.environ["DEBUG"] = "0"  # no query log in memory
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.pop("ELASTICSEARCH_URL", None)
    url = os.environ["DATABASE_URL"]
    if url.startswith("postgres"):
        create_postgres_database(url, keep)
    elif not keep and url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    import django

    django.setup()


def create_postgres_database(url, keep):
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and not keep:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        if not exists or not keep:
            connection.execute(f'CREATE DATABASE "{name}"')


def article_model():
    from news.models import NewsArticlePage

    return NewsArticlePage


def fill(count):
    """Adds ``count`` live articles with the portal's own generator (``news.generate``), indexed as they go."""
    from django.db import connection

    from home.demo_pages import child_page, default_home
    from news.generate import generate_articles
    from news.models import NewsIndexPage

    child_page(default_home(), NewsIndexPage, "tin-tuc", title="Tin tức")  # where the articles go
    started = time.perf_counter()
    generate_articles(count, seed=42, progress=lambda done, total: out(f"  {done} / {total}", end="\r"))
    with connection.cursor() as cursor:  # planner statistics, as a live database has them
        cursor.execute("ANALYZE")
    out(f"Filled {count} articles in {time.perf_counter() - started:.1f} s")


def _content_type(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model)


def percentile(values, fraction):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(repeat):
    """The engine's own times: the search page's kept answers (``search.results_cache``) and the page
    cache are off, so every query is matched, ranked and counted again; then the page once more with
    the answers kept (as in production, still without the page cache)."""
    from django.test.utils import override_settings

    with override_settings(SEARCH_CACHE_RESULTS=False, PAGE_CACHE_SECONDS=0):
        _measure(repeat)
    with override_settings(PAGE_CACHE_SECONDS=0):
        _measure_kept(repeat)


def _measure_kept(repeat):
    from django.test import Client

    client = Client()
    times = []
    for query in QUERIES:
        client.get("/tim-kiem/", {"q": query})
    for _ in range(repeat):
        for query in QUERIES:
            started = time.perf_counter()
            client.get("/tim-kiem/", {"q": query})
            times.append((time.perf_counter() - started) * 1000)
    out(
        f"{'GET, answers kept':15} n={len(times)} p50={percentile(times, 0.5):.1f} ms "
        f"p95={percentile(times, 0.95):.1f} ms max={max(times):.1f} ms"
    )


def _measure_catalogue(repeat):
    """On SQLite, the first search after a change also reads the catalogue of public documents
    (``search.engines.database.catalogue``), kept until the next change: its own time."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    from search.engines.database.catalogue import Catalogue

    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        catalogue = Catalogue.read()
        times.append((time.perf_counter() - started) * 1000)
    out(
        f"Catalogue read (first search after a change, on SQLite): {len(catalogue.documents)} documents, "
        f"p50={percentile(times, 0.5):.1f} ms max={max(times):.1f} ms"
    )


def _measure(repeat):
    from django.test import Client

    from search import service
    from search.forms import SearchForm

    client = Client()
    service_times, page_times = [], []
    per_query = {query: [] for query in QUERIES}
    _measure_catalogue(repeat)
    for query in QUERIES:  # warm caches once
        service.search_page(SearchForm({"q": query}).params())
    for _ in range(repeat):
        for query in QUERIES:
            started = time.perf_counter()
            result = service.search_page(SearchForm({"q": query}).params())
            service_times.append((time.perf_counter() - started) * 1000)
            per_query[query].append(service_times[-1])
            started = time.perf_counter()
            response = client.get("/tim-kiem/", {"q": query})
            page_times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"GET /tim-kiem/?q={query} answered {response.status_code}")
    out(f"{'query':28} {'results':>8} {'p50 ms':>8}")
    for query in QUERIES:
        result = service.search_page(SearchForm({"q": query}).params())
        out(f"{query:28} {result.total:8} {percentile(per_query[query], 0.5):8.1f}")
    for label, values in (("search_page()", service_times), ("GET /tim-kiem/", page_times)):
        out(
            f"{label:15} n={len(values)} p50={percentile(values, 0.5):.1f} ms "
            f"p95={percentile(values, 0.95):.1f} ms max={max(values):.1f} ms"
        )


def main():
    args = parse_args()
    setup_django(args.keep)
    from django.core.management import call_command
    from django.db import connection

    from wagtail.models import Page

    out(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})")
    call_command("migrate", verbosity=0)
    model = article_model()
    if not (args.keep and Page.objects.filter(content_type=_content_type(model)).count() >= args.articles):
        fill(args.articles)
    measure(args.repeat)


if __name__ == "__main__":
    main()
