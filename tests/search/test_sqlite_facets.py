"""On SQLite the engine counts its facets and ranks in one pass in Python; it must agree with the ORM
aggregates the other databases use, for every combination of filters."""

import datetime
import itertools

from django.db import connection
from django.utils import timezone

import pytest

from news.factories import NewsArticlePageFactory, NewsCategoryFactory, NewsIndexPageFactory
from search.engines.base import EngineResult, Filters
from search.engines.database import database_backend, facets, postgres
from search.engines.database.documents import all_sources
from search.engines.database.sqlite import SqliteMatches
from search.terms import parse

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite engine"),
]


@pytest.fixture
def corpus(home_page, make_page):
    news = NewsIndexPageFactory(parent=home_page, slug="tin-tuc")
    policy, activities = NewsCategoryFactory(name="Chính sách"), NewsCategoryFactory(name="Hoạt động Hội")
    for number, (categories, year) in enumerate(
        [([policy], 2023), ([activities], 2024), ([policy, activities], 2024), ([], 2025), ([policy], 2025)]
    ):
        NewsArticlePageFactory(
            parent=news,
            title=f"Đào tạo cán bộ số {number}",
            categories=categories,
            # Half past midnight on 1 January in GMT+7 is still the last day of the year before in UTC.
            first_published_at=timezone.make_aware(datetime.datetime(year, 1, 1, 0, 30)),
        )
    make_page("Tài liệu đào tạo", year=2024)
    make_page("Dao tao khong dau", year=2025)
    return policy, activities


def _orm(terms, filters):
    backend, result, total = database_backend(), EngineResult(total=0, hits=[]), 0
    for source in all_sources():
        total += facets.counts(source, postgres.match_ids(backend, source.base, terms.folded_text), filters, result)
    return total, result


def _one_pass(terms, filters):
    matches, result, total = SqliteMatches.find(database_backend(), terms), EngineResult(total=0, hits=[]), 0
    for index, _source in enumerate(matches.catalogue.sources):
        total += matches.answer(index, filters, "relevance", 10, result)[0]
    return total, result


def test_the_one_pass_counts_equal_the_orm_aggregates_for_every_filter(corpus):
    policy, _activities = corpus
    terms = parse("dao tao")
    for group, category, year in itertools.product(["", "news", "pages"], ["", policy.slug], [None, 2024, 2025]):
        filters = Filters(group=group, category=category, year=year)
        expected_total, expected = _orm(terms, filters)
        total, result = _one_pass(terms, filters)
        assert total == expected_total, filters
        assert result.group_counts == expected.group_counts, filters
        assert result.year_counts == expected.year_counts, filters
        assert result.category_counts == expected.category_counts, filters
    assert _one_pass(terms, Filters())[0] == 7
