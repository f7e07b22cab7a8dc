"""The search page's answers kept until a change (search.results_cache), and the search terms counted in
batches (search.hits)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

import pytest

from search import hits, service
from search.forms import SearchForm

pytestmark = pytest.mark.django_db


def titles(query):
    return [result.title_html for result in service.search_page(SearchForm({"q": query}).params()).results]


def plain(html):
    return str(html).replace("<mark>", "").replace("</mark>", "")


def test_an_answer_is_kept_until_a_searchable_page_changes(make_page):
    make_page("Lớp đào tạo cán bộ hội cơ sở")
    assert [plain(title) for title in titles("đào tạo")] == ["Lớp đào tạo cán bộ hội cơ sở"]
    with CaptureQueriesContext(connection) as captured:
        titles("đào tạo")
    assert len(captured) == 0
    make_page("Đào tạo kỹ năng giám sát", year=2026)  # published and indexed: a new answer
    assert {plain(title) for title in titles("đào tạo")} == {"Lớp đào tạo cán bộ hội cơ sở", "Đào tạo kỹ năng giám sát"}


def test_an_unpublished_page_leaves_the_answers_at_once(make_page):
    page = make_page("Lớp đào tạo cán bộ hội cơ sở")
    assert titles("đào tạo")
    page.unpublish()
    assert titles("đào tạo") == []


def test_an_editors_promotion_shows_at_once(make_page):
    target = make_page("Hướng dẫn gửi ý kiến")
    params = SearchForm({"q": "gửi ý kiến"}).params()
    assert service.search_page(params).promotions == []
    SearchPromotion.objects.create(query=Query.get("gửi ý kiến"), page=target, sort_order=0)
    assert [item["url"] for item in service.search_page(params).promotions] == [target.url]


def test_the_answers_can_be_turned_off(settings, make_page):
    settings.SEARCH_CACHE_RESULTS = False
    make_page("Lớp đào tạo cán bộ hội cơ sở")
    titles("đào tạo")
    with CaptureQueriesContext(connection) as captured:
        titles("đào tạo")
    assert len(captured) > 0


@pytest.fixture
def batched(settings):
    settings.SEARCH_HITS_FLUSH_SECONDS = 60
    hits.flush()
    yield settings
    hits.flush()


def test_searches_are_counted_in_memory_then_written_together(client, batched, make_page):
    for _search in range(3):
        assert client.get("/tim-kiem/", {"q": "bình đẳng giới"}).status_code == 200
    assert not QueryDailyHits.objects.exists()
    assert sum(count for (text, _date), count in hits.pending().items() if text == "bình đẳng giới") == 3
    hits.flush()
    assert QueryDailyHits.objects.get(query__query_string="bình đẳng giới").hits == 3
    assert hits.pending() == {}


def test_counts_are_written_when_many_queries_wait(batched):
    batched.SEARCH_HITS_MAX_PENDING = 3
    for text in ("một", "hai", "ba"):
        hits.record(text)
    assert QueryDailyHits.objects.count() == 3 and hits.pending() == {}


def test_a_database_that_refuses_the_write_keeps_the_counts(batched, monkeypatch):
    hits.record("phụ nữ")

    def locked(_text):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(Query, "get", locked)
    hits.flush()  # no exception
    assert list(hits.pending().values()) == [1]
    monkeypatch.undo()
    hits.record("phụ nữ")
    hits.flush()
    assert QueryDailyHits.objects.get(query__query_string="phụ nữ").hits == 2
