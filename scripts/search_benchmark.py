#!/usr/bin/env python
"""Search latency with 10,000 generated Vietnamese articles, on SQLite or PostgreSQL.

Fills a database (the one DATABASE_URL names, else ``benchmark.sqlite3`` beside manage.py) with
generated articles under the home page, indexes them, then times the search page's own code path
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
import random
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

SUBJECTS = [
    "Đào tạo cán bộ hội cơ sở",
    "Giám sát và phản biện xã hội",
    "Phụ nữ khởi nghiệp",
    "Bình đẳng giới",
    "Phòng chống bạo lực gia đình",
    "Phát triển hội viên",
    "Xây dựng nông thôn mới",
    "Vốn tín dụng ưu đãi",
    "Tuyên truyền pháp luật",
    "Chăm sóc sức khỏe bà mẹ và trẻ em",
    "An sinh xã hội",
    "Chuyển đổi số",
]
PLACES = ["xã Tân Phú", "phường Bình Minh", "huyện Đồng Xuân", "xã Hòa Thắng", "thị trấn Phú Lộc", "xã Ea Tu"]
ACTIONS = [
    "tổ chức hội nghị",
    "ra mắt mô hình",
    "tập huấn kỹ năng",
    "trao tặng sinh kế",
    "sơ kết công tác",
    "phát động phong trào",
]
SENTENCES = [
    "Chi hội trưởng các ấp đã chia sẻ kinh nghiệm vận động hội viên tham gia.",
    "Hội LHPN tỉnh phối hợp với các ngành liên quan triển khai nhiều hoạt động thiết thực.",
    "Các đại biểu thảo luận về vai trò của phụ nữ trong phát triển kinh tế gia đình.",
    "Nhiều hộ gia đình được hỗ trợ vốn vay để chăn nuôi và trồng trọt.",
    "Lớp học giúp cán bộ nắm vững quy trình giám sát, phản biện xã hội.",
    "Chương trình góp phần nâng cao nhận thức về bình đẳng giới trong cộng đồng.",
    "Hội viên được hướng dẫn sử dụng điện thoại thông minh để bán hàng trực tuyến.",
    "Ban thường vụ đánh giá cao tinh thần chủ động, sáng tạo của các cơ sở hội.",
    "Buổi tuyên truyền thu hút đông đảo chị em phụ nữ trên địa bàn tham dự.",
    "Kết thúc năm, toàn tỉnh có thêm hàng trăm hội viên mới.",
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
    """News articles when the news app provides them, else the standard page."""
    from django.apps import apps

    try:
        return apps.get_model("news", "NewsArticlePage")
    except LookupError:
        return apps.get_model("home", "StandardPage")


def generate(count, seed=42):
    rng = random.Random(seed)  # noqa: S311 - reproducible text, not secrets
    for number in range(count):
        subject = rng.choice(SUBJECTS)
        title = f"{rng.choice(PLACES).capitalize()} {rng.choice(ACTIONS)} về {subject.lower()} ({number})"
        intro = f"{subject}: {rng.choice(SENTENCES)}"
        body = " ".join(rng.sample(SENTENCES, 6))
        yield title, intro, body


def fill(count):
    """Bulk-create ``count`` live articles under the home page and index them in batches."""
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from home.models import HomePage

    call_command("migrate", verbosity=0)
    model = article_model()
    home = HomePage.objects.get()
    parent = home
    if model._meta.label == "news.NewsArticlePage":
        parent = _news_index(home)
    parent.refresh_from_db()
    content_type = _content_type(model)
    started = time.perf_counter()
    now = timezone.now()
    batch = 1000
    rows = list(generate(count))
    position = parent.numchild
    backend = get_search_backend()
    for start in range(0, count, batch):
        pages = []
        for offset, (title, intro, body) in enumerate(rows[start : start + batch]):
            position += 1
            page = model(
                title=title,
                slug=f"bai-viet-{start + offset}",
                path=model._get_path(parent.path, parent.depth + 1, position),
                depth=parent.depth + 1,
                numchild=0,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now - timezone.timedelta(days=(start + offset) % 1500),
                last_published_at=now,
                content_type=content_type,
                url_path=f"{parent.url_path}bai-viet-{start + offset}/",
                draft_title=title,
                locale_id=parent.locale_id,
            )
            _set_text(page, intro, body)
            pages.append(page)
        with transaction.atomic():
            Page.objects.bulk_create(pages)  # the wagtailcore_page rows
            for page in pages:
                setattr(page, model._meta.pk.attname, page.id)
            fields = list(model._meta.local_concrete_fields)
            model._base_manager._insert(pages, fields=fields, using="default")  # the article rows
            backend.add_bulk(model, pages)
        out(f"  {start + len(pages)} / {count}", end="\r")
    Page.objects.filter(pk=parent.pk).update(numchild=position)
    with connection.cursor() as cursor:  # planner statistics, as a live database has them
        cursor.execute("ANALYZE")
    out(f"Filled {count} {model.__name__} in {time.perf_counter() - started:.1f} s")


def _news_index(home):
    from django.apps import apps

    index_model = apps.get_model("news", "NewsIndexPage")
    existing = index_model.objects.first()
    if existing:
        return existing
    index = index_model(title="Tin tức", slug="tin-tuc")
    home.add_child(instance=index)
    return index


def _content_type(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model)


def _set_text(page, intro, body):
    """Fill the article's text fields, whatever the model calls them (lead/intro, body)."""
    for name in ("intro", "lead", "summary"):
        if hasattr(page, name):
            setattr(page, name, intro)
            break
    if hasattr(page, "body"):
        page.body = [("paragraph", f"<p>{body}</p>")]


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


def _measure(repeat):
    from django.test import Client

    from search import service
    from search.forms import SearchForm

    client = Client()
    service_times, page_times = [], []
    per_query = {query: [] for query in QUERIES}
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
