"""What pages keep between requests besides the page cache: fragments (and their per-process copy), the
``{% fragment %}`` tag, pictures as HTML and the site of a host. Each is dropped by the change it shows."""

from unittest import mock

from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

import pytest

from home import fragments
from home.demo_images import get_or_create_demo_image
from home.images import render_picture
from home.middleware import CachedSiteMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_cache(shared_fragments):
    """The default cache behaves as a shared one (Redis in production): the per-process copy is used."""
    return shared_fragments


def test_the_local_copy_serves_a_fragment_without_the_shared_cache_and_follows_the_version(shared_cache, monkeypatch):
    built = []

    def build():
        built.append(1)
        return {"items": ["Tin tức"]}

    first = fragments.cached("menu", build)
    real_get = fragments.cache.get

    def only_the_version(key, *args, **kwargs):
        assert key == fragments.VERSION_KEY, "read a fragment from the shared cache"
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(fragments.cache, "get", only_the_version)
    second = fragments.cached("menu", build)
    assert first == second == {"items": ["Tin tức"]} and len(built) == 1
    second["items"].append("changed by a caller")  # every read gets its own copy
    assert fragments.cached("menu", build) == {"items": ["Tin tức"]}
    monkeypatch.undo()
    monkeypatch.setattr(fragments, "uses_shared_cache", lambda: True)
    fragments.invalidate()  # a publish in any process: the old copies are never read again
    assert fragments.cached("menu", build) == {"items": ["Tin tức"]} and len(built) == 2


def test_without_a_version_the_local_copy_is_not_used(shared_cache, monkeypatch):
    fragments.cached("menu", lambda: "old")
    monkeypatch.setattr(fragments, "content_version", lambda: None)  # the cache is down
    assert fragments.cached("menu", lambda: "fresh") == "fresh"


def _render(source, request, **context):
    return Template("{% load fragment_tags %}" + source).render(Context({"request": request, **context}))


def test_fragment_tag_keeps_html_per_key_until_the_next_change(home_page):
    request = RequestFactory().get("/")
    counter = iter(range(100))
    source = '{% fragment "card" key %}<p>{{ next }}</p>{% endfragment %}'

    class Next:
        def __str__(self):
            return str(next(counter))

    first = _render(source, request, key=1, next=Next())
    assert _render(source, request, key=1, next=Next()) == first == "<p>0</p>"
    assert _render(source, request, key=2, next=Next()) == "<p>1</p>"
    fragments.invalidate()
    assert _render(source, request, key=1, next=Next()) == "<p>2</p>"


def test_fragment_tag_renders_afresh_in_a_preview(home_page):
    request = RequestFactory().get("/")
    _render('{% fragment "body" 1 %}saved{% endfragment %}', request)
    request.is_preview = True
    assert _render('{% fragment "body" 1 %}draft{% endfragment %}', request) == "draft"


def test_a_picture_is_kept_as_html_and_changes_with_its_image():
    image = get_or_create_demo_image("Ảnh hội nghị", size=(1600, 900))
    html = render_picture(image, "card")
    with CaptureQueriesContext(connection) as captured:
        assert render_picture(image, "card") == html
    assert len(captured) == 0
    image.title = "Ảnh đại hội"
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 1200, 450, 200, 200
    image.save()
    changed = render_picture(image, "card")
    assert changed != html and 'alt="Ảnh đại hội"' in changed


class _Middleware(CachedSiteMiddleware):
    def __call__(self, request):
        self.process_view(request, None, (), {})
        return request


def test_the_site_of_a_host_is_read_once_until_a_site_changes(home_page):
    middleware = _Middleware(lambda request: request)
    first = middleware(RequestFactory().get("/", HTTP_HOST="localhost"))
    assert first._wagtail_site.root_page.specific_class is type(first._wagtail_site.root_page)
    with CaptureQueriesContext(connection) as captured:
        second = middleware(RequestFactory().get("/", HTTP_HOST="localhost"))
        assert Site.find_for_request(second).pk == first._wagtail_site.pk
    assert len(captured) == 0
    site = Site.objects.get(pk=first._wagtail_site.pk)
    site.site_name = "Cổng thông tin Hội"
    site.save()
    assert middleware(RequestFactory().get("/", HTTP_HOST="localhost"))._wagtail_site.site_name == "Cổng thông tin Hội"


def test_page_urls_of_a_request_read_the_sites_root_paths_the_middleware_kept(home_page):
    """Wagtail 8.0 keeps the root paths for a request in ``request._wagtail_cached_site_root_paths``: if an
    upgrade moves it, Wagtail asks the cache again for every request and this fails."""
    middleware = _Middleware(lambda request: request)
    middleware(RequestFactory().get("/", HTTP_HOST="localhost"))  # kept from here on
    request = middleware(RequestFactory().get("/", HTTP_HOST="localhost"))
    with mock.patch.object(Site, "get_site_root_paths", side_effect=AssertionError("read again")):
        assert home_page.get_url(request) == "/"
        assert home_page.get_full_url(request=request) == "http://localhost/"
    site = Site.objects.get(is_default_site=True)
    site.hostname = "hoiphunu.example.vn"
    site.save()
    request = middleware(RequestFactory().get("/", HTTP_HOST="hoiphunu.example.vn"))
    assert home_page.get_full_url(request=request) == "http://hoiphunu.example.vn/"


def test_whole_pages_are_kept_only_with_a_shared_cache(client, home_page):
    """With each process's own memory (no Redis), a publish made by another process (a timer's scheduled
    publish) is not seen by this one's fragments: the routed page and the article's fragments are then
    built on every request, so the new title shows at once."""
    from news.factories import NewsArticlePageFactory, NewsIndexPageFactory

    index = NewsIndexPageFactory(parent=home_page)
    article = NewsArticlePageFactory(parent=index, title="Tiêu đề thứ nhất")
    assert "Tiêu đề thứ nhất" in client.get(article.url).content.decode()
    assert "Tiêu đề thứ nhất" in client.get(index.url).content.decode()
    # What a publish made by another process leaves in the database; no signal reaches this one.
    type(article).objects.filter(pk=article.pk).update(title="Tiêu đề đã sửa", last_published_at=timezone.now())
    assert "Tiêu đề đã sửa" in client.get(article.url).content.decode()
    assert "Tiêu đề đã sửa" in client.get(index.url).content.decode()


def test_with_a_shared_cache_the_routed_article_is_kept_until_the_next_change(client, home_page, shared_fragments):
    from news.factories import NewsArticlePageFactory, NewsIndexPageFactory

    index = NewsIndexPageFactory(parent=home_page)
    article = NewsArticlePageFactory(parent=index, title="Tiêu đề thứ nhất")
    client.get(article.url)
    with CaptureQueriesContext(connection) as captured:
        assert "Tiêu đề thứ nhất" in client.get(article.url).content.decode()
    assert not [query for query in captured if "wagtailcore_page" in query["sql"]]
    type(article).objects.filter(pk=article.pk).update(title="Tiêu đề đã sửa")
    fragments.invalidate()  # what the publish does, in whichever process
    assert "Tiêu đề đã sửa" in client.get(article.url).content.decode()
