"""Headers every answer carries (Content-Security-Policy, Permissions-Policy), privacy options the
admin offers, and the page a refused form (CSRF) shows."""

from html.parser import HTMLParser

from django.test import Client

from wagtail.models import Collection

import pytest

from accounts import factories as accounts_factories
from accounts.models import User
from feedback.factories import FeedbackPageFactory
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response.headers.get("Content-Security-Policy", "")
    directives = [part.split() for part in header.split(";") if part.strip()]
    return {words[0]: words[1:] for words in directives}


class _InlineFinder(HTMLParser):
    """Collects inline scripts, event handler attributes, javascript: links and inline styles."""

    DATA_TYPES = {"application/ld+json", "application/json"}

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name == "style":
                self.found.append(f"<{tag} style={value!r}>")
            if name in {"href", "src", "action"} and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "style":
            self.found.append("<style>")
        self._in_script = tag == "script" and not attrs.get("src") and attrs.get("type") not in self.DATA_TYPES

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.found.append(f"<script>{data.strip()[:60]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def inline_code(html):
    finder = _InlineFinder()
    finder.feed(html)
    return finder.found


@pytest.fixture
def public_urls(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    article = NewsArticlePageFactory(parent=index, title="Hội thi phụ nữ khởi nghiệp")
    feedback = FeedbackPageFactory(parent=home_page)
    return [
        "/",
        index.url,
        article.url,
        feedback.url,
        "/tra-cuu/",
        "/tra-cuu/?ma=PA-2222-3333",
        "/ket-qua-giai-quyet/",
        "/tim-kiem/?q=ph%E1%BB%A5+n%E1%BB%AF",
        "/tai-khoan/dang-nhap/",
        "/chung-nhan/AAAA-BBBB-CCCC-DDDD/",
        "/khong-co-trang-nay/",
    ]


def test_public_pages_allow_no_inline_script_or_style(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        directives = policy(response)
        assert directives["script-src"] == ["'self'"], url
        assert directives["style-src"] == ["'self'"], url
        assert directives["object-src"] == ["'none'"] and directives["frame-ancestors"] == ["'none'"], url
        assert directives["default-src"] == ["'self'"], url


def test_public_pages_contain_no_inline_script_or_style_the_policy_would_block(client, public_urls):
    for url in public_urls:
        html = client.get(url).content.decode()
        assert inline_code(html) == [], url


def test_signed_in_editors_see_public_pages_with_the_same_policy(client, public_urls):
    client.force_login(accounts_factories.editor())
    response = client.get(public_urls[2])
    assert "wagtail-userbar" in response.content.decode()
    assert policy(response)["script-src"] == ["'self'"]
    assert inline_code(response.content.decode()) == []


def test_the_admin_has_its_own_policy_allowing_what_wagtail_needs(client):
    client.force_login(accounts_factories.editor())
    response = client.get("/admin/")
    assert response.status_code == 200
    directives = policy(response)
    assert "'unsafe-inline'" in directives["script-src"] and "'unsafe-inline'" in directives["style-src"]
    # The live preview frames pages from the admin; nothing else may frame it.
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" in policy(Client().get("/admin/login/"))["script-src"]


def test_every_answer_turns_off_camera_microphone_and_location(client, public_urls):
    for url in [*public_urls[:3], "/admin/login/", "/robots.txt", "/healthz/"]:
        header = client.get(url).headers.get("Permissions-Policy", "")
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
            assert feature in header, (url, feature)


@pytest.mark.parametrize("kind", ["page", "collection"])
def test_privacy_settings_offer_no_shared_password(client, home_page, kind):
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x"))
    if kind == "page":
        url = f"/admin/pages/{home_page.pk}/privacy/"
    else:
        collection = Collection.get_first_root_node().add_child(name="Tài liệu nội bộ")
        url = f"/admin/collections/{collection.pk}/privacy/"
    response = client.get(url)
    assert response.status_code == 200
    html = response.json()["html"]
    assert 'value="login"' in html
    assert 'value="password"' not in html


def test_a_refused_form_says_in_vietnamese_what_happened_and_leads_back(home_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/tai-khoan/dang-nhap/", {"username": "lan"}, HTTP_REFERER="http://testserver/tai-khoan/dang-nhap/"
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "Không gửi được biểu mẫu" in html
    assert "Nội dung bạn vừa nhập chưa được gửi đi" in html
    assert 'href="http://testserver/tai-khoan/dang-nhap/"' in html
    assert "CSRF" not in html and "Forbidden" not in html


def test_the_refusal_page_never_links_back_to_another_site(home_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/tai-khoan/dang-nhap/", {}, HTTP_REFERER="https://evil.example/phish")
    assert response.status_code == 403
    assert "evil.example" not in response.content.decode()
