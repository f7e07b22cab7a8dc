"""The database engine (SQLite FTS5 here, PostgreSQL full text when DATABASE_URL names one)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from search.engines import database
from search.engines.base import SORT_NEWEST, Filters, SearchRequest
from search.terms import parse


def found(query, **options):
    filters = options.pop("filters", Filters())
    result = database.search(SearchRequest(terms=parse(query), filters=filters, **options))
    return result, [hit.obj.title for hit in result.hits]


@pytest.fixture
def documents(make_page):
    return {
        "accented": make_page("Lớp đào tạo cán bộ hội cơ sở", "Nâng cao kỹ năng cho cán bộ."),
        "unaccented": make_page("Tai lieu dao tao (ban khong dau)", "Ban go khong dau cho may cu."),
        "other_word": make_page("Đạo đức và tạo việc làm", "Một bài viết về đạo đức nghề nghiệp và tạo việc làm."),
        "unrelated": make_page("Hội nghị tổng kết năm", "Không liên quan tới chủ đề tìm kiếm."),
    }


@pytest.mark.parametrize("query", ["dao tao", "ĐÀO TẠO", "đào tạo", "Đào Tạo"])
def test_every_spelling_finds_the_same_documents(documents, query):
    _result, titles = found(query)
    assert set(titles) == {
        documents["accented"].title,
        documents["unaccented"].title,
        documents["other_word"].title,
    }


def test_exact_accented_matches_rank_above_folded_only_matches(documents):
    result, titles = found("đào tạo")
    assert titles[0] == documents["accented"].title
    assert [hit.exact for hit in result.hits] == [True, False, False]


def test_exact_match_in_the_body_still_ranks_above_a_folded_match_in_the_title(make_page):
    folded_title = make_page("Dao tao dao tao dao tao", "Dao tao khong dau.")
    exact_body = make_page("Bản tin tháng sáu", "Tháng này hội mở lớp đào tạo cho hội viên.")
    _result, titles = found("đào tạo")
    assert titles == [exact_body.title, folded_title.title]


def test_an_unaccented_query_ranks_by_relevance_alone(documents):
    result, _titles = found("dao tao")
    assert not any(hit.exact for hit in result.hits)


def test_every_word_must_match(documents):
    _result, titles = found("dao tao co so")
    assert titles == [documents["accented"].title]


def test_drafts_are_never_found(make_page):
    make_page("Bản nháp về đào tạo", "Chưa xuất bản.", live=False)
    result, titles = found("dao tao")
    assert (result.total, titles) == (0, [])


def test_counts_per_type_and_year(make_page):
    make_page("Đào tạo năm 2023", year=2023)
    make_page("Đào tạo năm 2024", year=2024)
    make_page("Đào tạo đợt hai 2024", year=2024)
    result, _titles = found("dao tao")
    assert result.total == 3
    assert result.group_counts == {"pages": 3}
    assert result.year_counts == {2023: 1, 2024: 2}


def test_year_filter_narrows_results_and_keeps_the_other_years_counted(make_page):
    make_page("Đào tạo năm 2023", year=2023)
    make_page("Đào tạo năm 2024", year=2024)
    result, titles = found("dao tao", filters=Filters(year=2024))
    assert titles == ["Đào tạo năm 2024"]
    assert result.total == 1
    assert result.year_counts == {2023: 1, 2024: 1}


def test_newest_first(make_page):
    make_page("Đào tạo cũ", year=2021)
    make_page("Đào tạo mới", year=2025)
    make_page("Đào tạo giữa", year=2023)
    _result, titles = found("dao tao", sort=SORT_NEWEST)
    assert titles == ["Đào tạo mới", "Đào tạo giữa", "Đào tạo cũ"]


def test_pages_follow_each_other_without_overlap(make_page):
    for number in range(25):
        make_page(f"Đào tạo số {number}")
    seen = []
    for offset in (0, 10, 20):
        result, titles = found("dao tao", offset=offset, limit=10)
        seen.extend(titles)
    assert result.total == 25
    assert len(seen) == len(set(seen)) == 25


@pytest.mark.parametrize(("query", "reads"), [("đào tạo", 2), ("dao tao", 1)])
def test_sqlite_reads_the_full_text_index_once_per_search(documents, query, reads):
    """Counts, categories and ranking share one read of the index (two with the exact-accent check).

    Wagtail's SQLite backend matched again in each of those queries and once per ranked row: about
    0.1 s per search among 10,000 articles (scripts/search_benchmark.py).
    """
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite plan; PostgreSQL reads its GIN indexes")
    found("xyz")  # the catalogue of public documents, read once until the next change
    with CaptureQueriesContext(connection) as context:
        result, titles = found(query)
    assert len(titles) == 3
    statements = [query["sql"] for query in context.captured_queries]
    assert sum(" MATCH " in sql for sql in statements) == reads
    # The matches are looked up in the catalogue: no query over the pages or the other types, but the
    # two loading the three results shown (their pages, then their own rows).
    assert not any("feedback_feedback" in sql for sql in statements)
    assert len(statements) == reads + 2, statements


def test_equally_relevant_matches_rank_newest_first(make_page):
    """Ids compared as numbers: page 10 is newer than page 9 (the index stores them as text)."""
    pages = [make_page("Đào tạo", "Đào tạo", slug=f"dao-tao-{number}") for number in range(12)]
    result, _titles = found("dao tao", limit=12)
    assert [hit.obj.pk for hit in result.hits] == sorted((page.pk for page in pages), reverse=True)
