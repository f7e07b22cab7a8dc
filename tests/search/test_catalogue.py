"""On SQLite, what the public may find is read once per change (search.engines.database.catalogue) and kept
in the process: a change must still reach the very next search, with or without a cache."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from home import fragments
from news.factories import NewsArticlePageFactory, NewsCategoryFactory, NewsIndexPageFactory
from search import results_cache
from search.engines import database
from search.engines.base import Filters, SearchRequest
from search.engines.database import catalogue
from search.terms import parse

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite engine"),
]


def search(query="dao tao", **filters):
    request = SearchRequest(terms=parse(query), filters=Filters(**filters), limit=20)
    return database.search(request)


def titles(query="dao tao"):
    return sorted(hit.obj.title for hit in search(query).hits)


def reads_the_catalogue(query="dao tao"):
    """Whether this search read the catalogue (every index entry), not only the matches and its results."""
    with CaptureQueriesContext(connection) as captured:
        search(query)
    return any('wagtailsearch_indexentry"' in item["sql"] and "_fts" not in item["sql"] for item in captured)


@pytest.fixture
def frozen_versions(monkeypatch):
    """Another process's changes: the versions this process reads do not move."""
    monkeypatch.setattr(fragments, "content_version", lambda: "content")
    monkeypatch.setattr(results_cache, "version", lambda: "search")


def test_publish_unpublish_and_a_view_restriction_reach_the_next_search(make_page):
    first = make_page("Đào tạo cán bộ")
    assert titles() == ["Đào tạo cán bộ"]
    assert not reads_the_catalogue()  # kept
    second = make_page("Đào tạo hội viên")
    assert titles() == ["Đào tạo cán bộ", "Đào tạo hội viên"]
    first.unpublish()
    assert titles() == ["Đào tạo hội viên"]
    PageViewRestriction.objects.create(page=second, restriction_type=PageViewRestriction.LOGIN)
    assert titles() == []


def test_a_category_given_to_an_article_reaches_the_counts(home_page):
    news = NewsIndexPageFactory(parent=home_page, slug="tin-tuc")
    policy = NewsCategoryFactory(name="Chính sách")
    article = NewsArticlePageFactory(parent=news, title="Đào tạo cán bộ")
    assert search().category_counts == {}
    article.categories.set([policy])
    article.save_revision().publish()
    assert search().category_counts == {policy.slug: ("Chính sách", 1)}
    assert search(category=policy.slug).total == 1


def test_an_entry_indexed_in_another_process_is_found_at_once(make_page, frozen_versions):
    make_page("Đào tạo cán bộ")
    assert titles() == ["Đào tạo cán bộ"]
    make_page("Đào tạo hội viên")  # its index entry is newer than the catalogue
    assert titles() == ["Đào tạo cán bộ", "Đào tạo hội viên"]


def test_with_each_process_own_cache_a_change_elsewhere_shows_after_fragment_seconds(
    make_page, frozen_versions, monkeypatch, settings
):
    settings.FRAGMENT_SECONDS = 60
    now = [1000.0]
    monkeypatch.setattr(catalogue.time, "monotonic", lambda: now[0])
    page = make_page("Đào tạo cán bộ")
    assert titles() == ["Đào tạo cán bộ"]
    page.unpublish()  # in "another worker": these versions do not move
    now[0] += 59
    assert titles() == ["Đào tạo cán bộ"]
    now[0] += 2
    assert titles() == []


def test_with_a_shared_cache_the_catalogue_is_kept_until_the_versions_change(
    make_page, monkeypatch, settings, shared_fragments
):
    now = [1000.0]
    monkeypatch.setattr(catalogue.time, "monotonic", lambda: now[0])
    page = make_page("Đào tạo cán bộ")
    assert titles() == ["Đào tạo cán bộ"]
    now[0] += 3600
    assert not reads_the_catalogue()
    page.unpublish()
    assert titles() == []


def test_without_a_cache_the_catalogue_is_read_for_each_search(make_page, monkeypatch):
    monkeypatch.setattr(fragments, "content_version", lambda: None)
    page = make_page("Đào tạo cán bộ")
    assert titles() == ["Đào tạo cán bộ"]
    assert reads_the_catalogue()
    assert reads_the_catalogue()
    page.unpublish()
    assert titles() == []


@pytest.mark.parametrize(
    ("invalidate", "version"),
    [(fragments.invalidate, fragments.content_version), (results_cache.invalidate, results_cache.version)],
)
def test_a_version_is_replaced_again_when_the_change_commits(django_capture_on_commit_callbacks, invalidate, version):
    """A reader between a change and its commit saw the old content: what it kept under the new version
    must not be read again."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        invalidate()
        during = version()
    assert len(callbacks) == 1
    assert version() != during
