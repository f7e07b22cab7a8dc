"""The one pagination helper and component, used by news, search, comments and resolutions."""

from django.test import RequestFactory

import pytest

from home.pagination import Pagination, page_number, query_url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, 1), ("", 1), ("abc", 1), ("0", 1), ("-3", 1), ("1e3", 1), ("2\x00", 1), (" 4 ", 4), ("9" * 40, 999999999)],
)
def test_any_page_number_a_visitor_types_is_read_without_error(raw, expected):
    assert page_number(raw) == expected


def test_links_keep_the_other_parameters_and_leave_page_one_bare():
    request = RequestFactory().get("/tin-tuc/", {"nam": "2024", "page": "3"})
    pagination = Pagination.build(3, 9, query_url(request))
    assert pagination.previous_url == "/tin-tuc/?nam=2024&page=2"
    assert pagination.next_url == "/tin-tuc/?nam=2024&page=4"
    assert [(number, current) for number, _url, current in pagination.links] == [
        (1, False),
        (2, False),
        (3, True),
        (4, False),
        (5, False),
    ]
    assert pagination.links[0][1] == "/tin-tuc/?nam=2024"


def test_links_leave_out_the_tracking_parameters_of_a_shared_link():
    """A listing reached from Zalo or Facebook keeps one copy per page (fragments and page cache are keyed
    without those parameters), so its links must not carry the first visitor's."""
    request = RequestFactory().get("/tin-tuc/", {"utm_source": "zalo", "fbclid": "abc", "nam": "2024", "page": "2"})
    pagination = Pagination.build(2, 9, query_url(request))
    assert pagination.previous_url == "/tin-tuc/?nam=2024"
    assert pagination.next_url == "/tin-tuc/?nam=2024&page=3"


def test_listing_copies_are_shared_by_links_with_tracking_parameters(client, home_page, shared_fragments):
    from news.factories import NewsArticlePageFactory, NewsIndexPageFactory

    index = NewsIndexPageFactory(parent=home_page)
    for number in range(14):
        NewsArticlePageFactory(parent=index, title=f"Tin số {number}")
    shared = client.get(index.url, {"page": "2", "utm_source": "zalo"}).content.decode()
    plain = client.get(index.url, {"page": "2"}).content.decode()
    assert "utm_source" not in shared and shared == plain
    assert 'aria-label="Trang 1"' in plain


def test_a_number_past_the_end_is_shown_as_the_last_page():
    pagination = Pagination.build(40, 3, lambda number: f"?p={number}")
    assert (pagination.number, pagination.next_url, pagination.previous_url) == (3, "", "?p=2")


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["abc", "0", "99999", "9" * 40])
def test_the_resolutions_page_answers_any_page_number(client, value):
    response = client.get("/ket-qua-giai-quyet/", {"page": value})
    assert response.status_code == 200


def test_a_category_page_reached_from_a_shared_link_names_itself_without_the_tracking(client, home_page):
    from news.factories import NewsCategoryFactory, NewsIndexPageFactory

    index = NewsIndexPageFactory(parent=home_page)
    category = NewsCategoryFactory(name="Giám sát", slug="giam-sat")
    html = client.get(index.category_url(category), {"page": "1", "fbclid": "IwAR0"}).content.decode()
    assert f'<link rel="canonical" href="http://testserver{index.category_url(category)}?page=1">' in html
