"""Against a real Elasticsearch 8: run with ELASTICSEARCH_URL=http://127.0.0.1:9200 (skipped otherwise)."""

import os
import uuid

from django.conf import settings as django_settings

from wagtail.search.backends import get_search_backend

import pytest

from home.models import StandardPage
from search.engines import elastic
from search.engines.base import Filters, SearchRequest
from search.terms import parse

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(
        not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set: no Elasticsearch to test against"
    ),
]


@pytest.fixture
def es_index(settings):
    """A throw-away index with the portal's analysis settings; the database index is kept beside it."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [os.environ["ELASTICSEARCH_URL"]],
            "INDEX_PREFIX": f"portal_test_{uuid.uuid4().hex[:8]}_",
            "TIMEOUT": 10,
            "INDEX_SETTINGS": django_settings.ELASTICSEARCH_INDEX_SETTINGS,
        },
        "database": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"},
    }
    backend = get_search_backend("default")
    index = backend.get_index_for_model(StandardPage)
    index.reset()
    index.add_model(StandardPage)
    yield backend
    index.delete()


def reindex(backend, *pages):
    for page in pages:
        backend.add(page)
    backend.get_index_for_model(StandardPage).refresh()


def search(query, **options):
    return elastic.search(SearchRequest(parse(query), **options))


def test_every_spelling_finds_the_same_pages_and_exact_accents_rank_first(es_index, make_page):
    accented = make_page("Lớp đào tạo cán bộ hội", "Nâng cao kỹ năng.")
    folded = make_page("Tai lieu dao tao khong dau", "Go khong dau.")
    make_page("Hội nghị tổng kết")
    reindex(es_index, *StandardPage.objects.all())
    for query in ("dao tao", "ĐÀO TẠO", "đào tạo"):
        result = search(query)
        assert {hit.obj.pk for hit in result.hits} == {accented.pk, folded.pk}, query
    assert [hit.obj.pk for hit in search("đào tạo").hits] == [accented.pk, folded.pk]


def test_counts_and_highlights_come_from_elasticsearch(es_index, make_page):
    make_page("Kỹ năng giám sát 2023", "Giám sát và phản biện xã hội.", year=2023)
    make_page("Kỹ năng giám sát 2024", "Giám sát cộng đồng.", year=2024)
    reindex(es_index, *StandardPage.objects.all())
    result = search("giam sat")
    assert result.engine == "elasticsearch"
    assert result.total == 2
    assert result.group_counts == {"pages": 2}
    assert result.year_counts == {2023: 1, 2024: 1}
    assert "<mark>giám</mark> <mark>sát</mark>" in result.hits[0].title_html.lower()
    narrowed = search("giam sat", filters=Filters(year=2024))
    assert [hit.obj.title for hit in narrowed.hits] == ["Kỹ năng giám sát 2024"]
    assert narrowed.year_counts == {2023: 1, 2024: 1}


def test_drafts_are_not_found(es_index, make_page):
    draft = make_page("Bản nháp đào tạo", live=False)
    reindex(es_index, draft)
    assert search("dao tao").total == 0
