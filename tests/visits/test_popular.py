"""The "Đọc nhiều" lists (home page and news index) and the footer's total."""

import datetime

from django.utils import timezone

import pytest

from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from visits.models import PageVisitDay, SiteVisitDay
from visits.popular import most_read

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return NewsIndexPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")


def visits(page, count, days_ago=0):
    PageVisitDay.objects.create(page=page, date=timezone.localdate() - datetime.timedelta(days=days_ago), count=count)


def most_read_titles(html):
    import re

    section = re.search(r'<section class="most-read".*?</section>', html, re.S)
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a></li>', section.group(0)) if section else []


def test_most_read_are_the_articles_read_most_in_the_last_30_days(index):
    a, b, c, old = (NewsArticlePageFactory(parent=index, title=title) for title in ("A", "B", "C", "Cũ"))
    visits(a, 5)
    visits(a, 4, days_ago=29)
    visits(b, 20)
    visits(c, 1)
    visits(old, 500, days_ago=30)  # outside the window
    assert [(article.title, total) for article, total in most_read()] == [("B", 20), ("A", 9), ("C", 1)]


def test_unpublished_and_private_articles_are_left_out(index):
    from wagtail.models import PageViewRestriction

    shown, hidden, private = (NewsArticlePageFactory(parent=index, title=t) for t in ("Hiện", "Ẩn", "Riêng"))
    for article in (shown, hidden, private):
        visits(article, 10)
    hidden.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert [article.title for article, _total in most_read()] == ["Hiện"]


def test_the_news_index_and_the_home_page_show_the_list(client, index):
    article = NewsArticlePageFactory(parent=index, title="Bài được đọc nhiều")
    NewsArticlePageFactory(parent=index, title="Bài chưa ai đọc")
    visits(article, 12)
    for url in ("/tin-tuc/", "/"):
        html = client.get(url).content.decode()
        assert "Đọc nhiều" in html, url
        assert most_read_titles(html) == ["Bài được đọc nhiều"], url


def test_no_list_before_anything_is_read(client, index):
    NewsArticlePageFactory(parent=index, title="Bài mới")
    assert "most-read" not in client.get("/tin-tuc/").content.decode()


def test_the_list_costs_no_query_once_warm(client, index, django_assert_max_num_queries):
    for number in range(30):
        visits(NewsArticlePageFactory(parent=index, title=f"Bài {number}"), number + 1)
    client.get("/tin-tuc/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get("/tin-tuc/")
    assert not [query for query in queries.captured_queries if "visits_" in query["sql"]]


def test_a_failing_count_leaves_the_page_without_the_list(client, index, monkeypatch):
    from visits import popular

    visits(NewsArticlePageFactory(parent=index, title="Bài"), 3)

    def broken(**kwargs):
        raise RuntimeError("database busy")

    monkeypatch.setattr(popular, "most_read", broken)
    response = client.get("/tin-tuc/")
    assert response.status_code == 200
    assert "most-read" not in response.content.decode()


def test_the_footer_shows_the_total_with_vietnamese_grouping(client, home_page):
    SiteVisitDay.objects.create(date=timezone.localdate(), count=1234567)
    html = client.get("/").content.decode()
    assert 'Lượt truy cập: <span class="site-footer__visits-count">1.234.567</span>' in html
