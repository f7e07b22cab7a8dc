"""The search page as a reader sees it."""

import re

from django.contrib.auth.models import Group

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest

from tests.utils import third_party_resources


def get(client, **params):
    response = client.get("/tim-kiem/", params)
    assert response.status_code == 200
    return response.content.decode()


def result_titles(html):
    return [
        re.sub(r"<[^>]+>", "", title) for title in re.findall(r'class="search-result__title"><a [^>]*>(.*?)</a>', html)
    ]


def test_unaccented_query_finds_accented_page_with_matches_marked(client, make_page):
    make_page("Tập huấn kỹ năng giám sát", "Cán bộ hội cơ sở học cách giám sát và phản biện xã hội.")
    html = get(client, q="giam sat")
    assert "Tìm thấy 1 kết quả cho “giam sat”" in html
    assert "<mark>giám</mark> <mark>sát</mark>" in html
    assert "kỹ năng <mark>giám</mark> <mark>sát</mark></a>" in html


def test_text_is_escaped_before_matches_are_marked(client, make_page):
    make_page("<script>alert(1)</script> đào tạo", "<b>đào tạo</b> & chuyện khác")
    html = get(client, q="dao tao")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>đào</mark> <mark>tạo</mark>" in html
    assert "&lt;b&gt;<mark>đào</mark> <mark>tạo</mark>&lt;/b&gt; &amp; chuyện khác" in html


def test_type_filter_shows_counts_and_links(client, make_page):
    make_page("Đào tạo một")
    make_page("Đào tạo hai")
    html = get(client, q="dao tao")
    assert re.search(
        r'href="\?q=dao\+tao&amp;type=pages">Trang thông tin <span class="search-filter__count">\(2\)', html
    )


def test_year_filter_narrows_and_marks_the_chosen_year(client, make_page):
    make_page("Đào tạo năm 2023", year=2023)
    make_page("Đào tạo năm 2024", year=2024)
    html = get(client, q="dao tao", year=2023)
    assert result_titles(html) == ["Đào tạo năm 2023"]
    assert 'aria-current="true" class="is-selected">2023' in html
    assert "Bỏ tất cả bộ lọc" in html


def test_sort_by_newest(client, make_page):
    make_page("Đào tạo cũ", year=2020)
    make_page("Đào tạo mới", year=2025)
    assert result_titles(get(client, q="dao tao", sort="newest")) == ["Đào tạo mới", "Đào tạo cũ"]


def test_pagination_links_keep_the_query_and_filters(client, make_page):
    for number in range(23):
        make_page(f"Đào tạo số {number}", year=2024)
    html = get(client, q="dao tao", year=2024)
    assert len(result_titles(html)) == 10
    assert 'href="?q=dao+tao&amp;year=2024&amp;page=2" rel="next"' in html
    third = get(client, q="dao tao", year=2024, page=3)
    assert len(result_titles(third)) == 3
    assert "Trang 3 / 3" in third


def test_a_page_number_past_the_end_shows_the_last_page(client, make_page):
    for number in range(12):
        make_page(f"Đào tạo số {number}")
    html = get(client, q="dao tao", page=9)
    assert len(result_titles(html)) == 2
    assert "Trang 2 / 2" in html


def test_empty_query_page_explains_and_links_to_sections(client, make_page, home_page):
    make_page("Giới thiệu", show_in_menus=True)
    html = get(client)
    assert "Gõ không dấu cũng được" in html
    assert 'href="/gioi-thieu/"' in html
    assert "search-results" not in html


def test_no_result_page_suggests_shorter_queries_that_find_something(client, make_page):
    make_page("Đào tạo cán bộ")
    html = get(client, q="đào tạo vũ trụ")
    assert "Tìm thấy 0 kết quả" in html
    assert "Không tìm thấy kết quả phù hợp" in html
    suggestions = html[html.index('class="search-suggestions"') :]
    suggestions = suggestions[: suggestions.index("</ul>")]
    assert re.findall(r">([^<]+)</a> \((\d+) kết quả\)", suggestions) == [("đào tạo", "1"), ("đào", "1"), ("tạo", "1")]


def test_no_result_page_with_filters_offers_the_query_without_them(client, make_page):
    make_page("Đào tạo cán bộ", year=2024)
    html = get(client, q="đào tạo", year=2019)
    assert 'href="?q=%C4%91%C3%A0o+t%E1%BA%A1o">đào tạo</a> (1 kết quả)' in html


def test_promoted_results_show_above_results_for_folded_query(client, make_page):
    promoted = make_page("Chương trình đào tạo năm 2025", "Trang được ban biên tập gợi ý.")
    make_page("Đào tạo cán bộ")
    query = Query.get("đào tạo")
    SearchPromotion.objects.create(query=query, page=promoted, description="Lịch học cả năm")
    html = get(client, q="DAO TAO")
    assert "Gợi ý của ban biên tập" in html
    assert html.index("Lịch học cả năm") < html.index("search-results")


def test_promoted_private_page_is_not_shown(client, make_page):
    private = make_page("Tài liệu nội bộ đào tạo")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    SearchPromotion.objects.create(query=Query.get("đào tạo"), page=private)
    assert "Gợi ý của ban biên tập" not in get(client, q="đào tạo")


def test_queries_are_counted_for_the_editors_report(client, make_page):
    make_page("Đào tạo")
    get(client, q="Đào tạo")
    get(client, q="đào  tạo")
    get(client, q="đào tạo", page=2)  # paging through results is not a new search
    assert Query.get("đào tạo").hits == 2


@pytest.mark.django_db
def test_editors_may_manage_promoted_results():
    editors = Group.objects.get(name="Biên tập viên")
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"} <= codenames


def test_query_count_does_not_grow_with_the_number_of_results(client, make_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_a_full_page():
        get(client, q="đào tạo", year=2022)  # warm the per-process caches (content types, first year)
        with CaptureQueriesContext(connection) as context:
            html = get(client, q="đào tạo", year=2022)
        assert len(result_titles(html)) == 10
        return len(context.captured_queries)

    for number in range(60):
        make_page(f"Đào tạo số {number}", f"Nội dung đào tạo {number}", year=2020 + number % 5)
    with_60 = queries_for_a_full_page()
    for number in range(60, 200):
        make_page(f"Đào tạo số {number}", f"Nội dung đào tạo {number}", year=2020 + number % 5)
    with_200 = queries_for_a_full_page()
    assert with_200 == with_60
    assert with_200 <= 16


def test_search_page_loads_nothing_from_other_sites(client, make_page):
    make_page("Đào tạo")
    assert third_party_resources(get(client, q="dao tao")) == []
