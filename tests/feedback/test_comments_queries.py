"""Comments add a fixed number of queries to the news pages, whatever their number."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from feedback.factories import CommentFactory, CommentReplyFactory
from feedback.models import CommentStatus
from news.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db
MAX_QUERIES = 12  # the news pages' rule (tests/news/test_queries.py)


def queries_for(client, url):
    assert client.get(url).status_code == 200  # the first visit warms the site and rendition caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def with_comments(article, count):
    for n in range(count):
        status = CommentStatus.APPROVED if n % 5 else CommentStatus.PENDING
        comment = CommentFactory(page=article, status=status, text=f"Ý kiến {n}")
        if n % 3 == 0:
            CommentReplyFactory(comment=comment, text=f"Trả lời {n}")


def test_article_and_index_queries_stay_bounded_with_50_comments_per_article(
    client, article, django_assert_max_num_queries
):
    quiet = NewsArticlePageFactory(parent=article.get_parent(), categories=list(article.categories.all()))
    with_comments(article, 50)
    for n in range(4):
        with_comments(NewsArticlePageFactory(parent=article.get_parent(), title=f"Tin {n}"), 50)
    busy_count, html = queries_for(client, article.url)
    quiet_count, _quiet_html = queries_for(client, quiet.url)
    assert "Ý kiến (40)" in html and html.count("data-comment>") == 20 and "Trả lời 3" in html
    assert busy_count <= MAX_QUERIES
    assert busy_count == quiet_count, (busy_count, quiet_count)  # one query: count, page of comments, replies
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(f"{article.url}?binh-luan=2").status_code == 200
    index_count, _index = queries_for(client, article.get_parent().url)
    assert index_count <= MAX_QUERIES
