"""PostgreSQL: ranking reads the small folded copy of each index entry and scores exactly as the body."""

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import F

import pytest

from search.engines import database
from search.engines.base import Filters, SearchRequest
from search.engines.database import postgres
from search.terms import parse

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs DATABASE_URL to PostgreSQL")


def _entry_ranks(page, query):
    """(rank of the entry's body, rank of its copy, whether the copy exists) for ``query``."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT ts_rank(e.body, to_tsquery('simple', %s)), ts_rank(r.vector, to_tsquery('simple', %s)),
                   r.entry_id IS NOT NULL
            FROM wagtailsearch_indexentry e LEFT JOIN search_rankvector r ON r.entry_id = e.id
            WHERE e.object_id = %s AND e.content_type_id = %s
            """,
            [query, query, str(page.pk), page.content_type_id],
        )
        return cursor.fetchone()


def test_the_copy_scores_like_the_body_and_follows_edits(make_page):
    page = make_page("Đào tạo cán bộ", "Lớp đào tạo cán bộ hội, đào tạo kỹ năng giám sát.")
    body_rank, copy_rank, exists = _entry_ranks(page, "dao & tao")
    assert exists and body_rank > 0
    assert copy_rank == pytest.approx(body_rank)

    page.intro = "Nội dung mới về giám sát và phản biện xã hội."
    page.save_revision().publish()
    body_rank, copy_rank, _exists = _entry_ranks(page, "giam & sat")
    assert body_rank > 0
    assert copy_rank == pytest.approx(body_rank)

    entry_id = _entry_id(page)
    page.delete()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_rankvector WHERE entry_id = %s", [entry_id])
        assert cursor.fetchone()[0] == 0


def _entry_id(page):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM wagtailsearch_indexentry WHERE object_id = %s AND content_type_id = %s",
            [str(page.pk), page.content_type_id],
        )
        return cursor.fetchone()[0]


def test_ranking_by_the_copy_orders_results_as_the_body_does(make_page, monkeypatch):
    for number in range(1, 6):
        make_page(f"Bài {number}", " ".join(["giám sát"] * number + ["tin tức khác"] * (6 - number)))

    def titles():
        result = database.search(SearchRequest(terms=parse("giam sat"), filters=Filters()))
        return [hit.obj.title for hit in result.hits]

    by_copy = titles()
    monkeypatch.setattr(postgres, "body_rank", lambda text, query: SearchRank(F("body"), query))
    assert by_copy == titles()
    assert len(by_copy) == 5
