"""With the page cache on, a publish shows an article on every listing at once, an unpublish or a
delete removes it everywhere, and what stays unrelated stays cached."""

from django.utils import timezone

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

import pytest

from home.models import StandardPage
from news.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db

TITLE = "Phụ nữ vùng cao học nghề dệt thổ cẩm"


@pytest.fixture
def news(page_cache, news_index, categories):
    older = NewsArticlePageFactory(parent=news_index, title="Tin cũ về hội thi", categories=[categories[0]])
    older.tags.add("Dệt may")
    older.save()
    about = StandardPage(title="Giới thiệu", slug="gioi-thieu", intro="Về Hội.")
    news_index.get_parent().add_child(instance=about)
    return news_index, categories[0], older, about


def _listings(index, category):
    now = timezone.localtime()
    base = index.url
    return [
        "/",
        base,
        f"{base}chuyen-muc/{category.slug}/",
        f"{base}the/det-may/",
        f"{base}{now.year:04d}/{now.month:02d}/",
        f"{base}rss/",
        f"{base}atom/",
        f"{base}chuyen-muc/{category.slug}/rss/",
        "/sitemap-trang.xml",
    ]


def _shows(client, url, title=TITLE, slug="det-tho-cam"):
    html = client.get(url).content.decode()
    return slug in html if url.startswith("/sitemap") else title in html


def _warm(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert all(client.get(url)["X-Page-Cache"] == "HIT" for url in urls)


def _draft(index, category):
    draft = NewsArticlePageFactory(
        parent=index, title=TITLE, slug="det-tho-cam", live=False, categories=[category], first_published_at=None
    )
    draft.tags.add("Dệt may")
    draft.save()
    return draft


def test_a_published_article_is_on_every_listing_at_once(client, news, django_capture_on_commit_callbacks):
    index, category, _older, about = news
    urls = _listings(index, category)
    _warm(client, [*urls, about.url])
    draft = _draft(index, category)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    for url in urls:
        assert _shows(client, url), url
    assert client.get(about.url)["X-Page-Cache"] == "HIT"  # not a listing of the article: still cached


def test_an_unpublished_article_is_gone_everywhere(client, news, django_capture_on_commit_callbacks):
    index, category, _older, _about = news
    draft = _draft(index, category)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    article_url = draft.url
    urls = _listings(index, category)
    _warm(client, [*urls, article_url])
    draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        draft.unpublish()
    for url in urls:
        assert not _shows(client, url), url
    assert client.get(article_url).status_code == 404


def test_a_deleted_article_is_gone_everywhere(client, news, django_capture_on_commit_callbacks):
    index, category, older, _about = news
    urls = _listings(index, category)
    _warm(client, [*urls, older.url])
    with django_capture_on_commit_callbacks(execute=True):
        older.delete()
    for url in urls:
        assert not _shows(client, url, title="Tin cũ về hội thi", slug="tin-cu-ve-hoi-thi"), url


def test_a_renamed_category_shows_on_every_cached_page(client, news, django_capture_on_commit_callbacks):
    index, category, older, about = news
    _warm(client, [older.url, "/", index.url])
    category.name = "Khởi nghiệp xanh"
    with django_capture_on_commit_callbacks(execute=True):
        category.save()
    for url in (older.url, "/", index.url):
        assert "Khởi nghiệp xanh" in client.get(url).content.decode(), url


def test_changing_the_site_settings_purges_everything(client, news, home_page, django_capture_on_commit_callbacks):
    from wagtail.models import Site

    from home.models import SiteSettings

    index, _category, older, about = news
    _warm(client, [older.url, about.url, "/"])
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.hotline = "1900 9999"
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()
    for url in (older.url, about.url, "/"):
        assert "1900 9999" in client.get(url).content.decode(), url


class RecordingBackend(BaseBackend):
    """Stands for nginx: remembers what the portal asked it to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


def test_a_publish_purges_the_page_and_its_listings_from_the_http_cache(
    news, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"nginx": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged.clear()
    index, category, _older, _about = news
    draft = _draft(index, category)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    expected = {f"http://localhost{path}" for path in [*_listings(index, category), "/tin-tuc/det-tho-cam/"]}
    assert expected <= set(RecordingBackend.purged)
