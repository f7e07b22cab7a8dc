"""The anonymous page cache (home.pagecache): what is served from it, to whom, and with which headers."""

import gzip

from django.core.cache import caches

from wagtail.models import PageViewRestriction

import pytest

from accounts.factories import learner
from home import fragments
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def standard_page(home_page):
    page = StandardPage(title="Giới thiệu", slug="gioi-thieu", intro="Hội Liên hiệp Phụ nữ tỉnh.")
    home_page.add_child(instance=page)
    return page


def _retitle_without_publishing(page, title):
    # Changes what a fresh render would show without any purge signal: only the cache explains the old title.
    type(page).objects.filter(pk=page.pk).update(title=title)


def test_an_anonymous_reader_gets_the_second_view_from_the_cache(client, page_cache, standard_page):
    first = client.get(standard_page.url)
    _retitle_without_publishing(standard_page, "Tiêu đề mới chưa xuất bản")
    second = client.get(standard_page.url)
    assert first["X-Page-Cache"] == "MISS" and second["X-Page-Cache"] == "HIT"
    assert "Giới thiệu" in second.content.decode() and "Tiêu đề mới" not in second.content.decode()
    control = second["Cache-Control"]
    assert "public" in control and "s-maxage=300" in control and "max-age=60" in control
    assert {"Cookie", "Accept-Encoding"} <= {item.strip() for item in second["Vary"].split(",")}


def test_shared_links_with_tracking_parameters_share_the_cached_copy(client, page_cache, standard_page):
    client.get(standard_page.url)
    shared = client.get(standard_page.url, {"fbclid": "IwAR0abc", "zarsrc": "30", "utm_source": "zalo"})
    assert shared["X-Page-Cache"] == "HIT"
    assert client.get(standard_page.url, {"page": "2"})["X-Page-Cache"] == "MISS"


def test_a_signed_in_user_is_never_served_from_the_cache_nor_fills_it(client, page_cache, standard_page):
    user = learner(full_name="Lê Thị Học Viên")
    client.get(standard_page.url)  # the anonymous copy
    client.force_login(user)
    response = client.get(standard_page.url)
    assert "X-Page-Cache" not in response and "Lê Thị Học Viên" in response.content.decode()
    assert "private" in response["Cache-Control"]
    client.logout()
    anonymous = client.get(standard_page.url)
    assert anonymous["X-Page-Cache"] == "HIT" and "Lê Thị Học Viên" not in anonymous.content.decode()


def test_a_page_showing_a_message_is_neither_served_from_nor_stored_in_the_cache(client, page_cache, standard_page):
    client.get(standard_page.url)
    client.cookies["messages"] = "anything"
    response = client.get(standard_page.url)
    assert "X-Page-Cache" not in response and "private" in response["Cache-Control"]


def test_a_response_carrying_a_csrf_token_is_never_cached_nor_compressed(client, page_cache, db):
    for _view in range(2):
        response = client.get("/tai-khoan/dang-nhap/", HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200 and "X-Page-Cache" not in response
        assert "Content-Encoding" not in response and b"csrfmiddlewaretoken" in response.content


def test_private_pages_are_never_cached(client, page_cache, standard_page):
    PageViewRestriction.objects.create(page=standard_page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    for _view in range(2):
        response = client.get(standard_page.url)
        assert "X-Page-Cache" not in response and "Hội Liên hiệp Phụ nữ tỉnh." not in response.content.decode()
    PageViewRestriction.objects.all().update(restriction_type=PageViewRestriction.LOGIN)
    assert client.get(standard_page.url).status_code == 302
    assert "X-Page-Cache" not in client.get(standard_page.url)


def test_posts_and_the_admin_are_never_cached(client, page_cache, standard_page):
    assert "X-Page-Cache" not in client.post(standard_page.url)
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_cached_html_is_compressed_for_browsers_that_accept_it(client, page_cache, standard_page):
    client.get(standard_page.url)
    response = client.get(standard_page.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip" and response["X-Page-Cache"] == "HIT"
    assert "Giới thiệu" in gzip.decompress(response.content).decode()
    plain = client.get(standard_page.url)
    assert "Content-Encoding" not in plain and "Giới thiệu" in plain.content.decode()


def test_a_cache_outage_serves_the_page_uncached(client, page_cache, standard_page, monkeypatch):
    backend = caches["pages"]  # this thread's connection: the default cache keeps working

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    for name in ("get", "get_many", "set", "add", "set_many"):
        monkeypatch.setattr(backend, name, down)
    for _view in range(2):
        response = client.get(standard_page.url)
        assert response.status_code == 200 and "Giới thiệu" in response.content.decode()


def test_zero_seconds_turns_the_cache_off(client, settings, standard_page):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(standard_page.url)
    _retitle_without_publishing(standard_page, "Tiêu đề mới")
    fragments.invalidate()  # what a publish does to the fragments (the routed page is one): not the page cache
    response = client.get(standard_page.url)
    assert response["X-Page-Cache"] == "OFF" and "Tiêu đề mới" in response.content.decode()
    assert "public" not in response.get("Cache-Control", "")


def test_moving_a_page_purges_every_cached_page(
    client, page_cache, standard_page, home_page, django_capture_on_commit_callbacks
):
    child = StandardPage(title="Lịch sử Hội", slug="lich-su", intro="Từ năm 1930.")
    standard_page.add_child(instance=child)
    old_url = child.url
    for url in (old_url, standard_page.url, "/"):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "HIT", url
    with django_capture_on_commit_callbacks(execute=True):
        child.move(home_page, pos="last-child")
    moved = client.get(old_url)  # Wagtail's redirect to the new address, not the cached old page
    assert moved.status_code == 301 and moved["Location"] == "/lich-su/"
    assert client.get("/lich-su/").status_code == 200
    assert client.get(standard_page.url)["X-Page-Cache"] == "MISS"
