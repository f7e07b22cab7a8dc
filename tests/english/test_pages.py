"""The English essentials under /en/: language, links between the two languages, listings that keep
the languages apart, the sitemap, the page cache, and an English catalogue complete for what they show."""

import re

from django.utils import timezone, translation

from wagtail.models import Locale, Page

import polib
import pytest

from accounts.factories import editor
from home.management.commands.update_catalogue import catalogue_path
from home.models import StandardPage

from .helpers import english, shown_texts

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switch_links(html):
    nav = re.search(r'<nav class="language-switch".*?</nav>', html, re.S)
    return re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" lang="([^"]+)"', nav.group(0)) if nav else []


def test_english_pages_are_under_en_and_say_they_are_english(client, bilingual):
    assert bilingual["en_home"].url == "/en/"
    assert bilingual["en_about"].url == "/en/about/"
    assert bilingual["en_article"].url == "/en/news/sewing-cooperative/"
    html = html_of(client, "/en/about/")
    assert '<html lang="en"' in html
    assert "<h1>About us</h1>" in html
    assert "Skip to main content" in html


def test_the_vietnamese_site_keeps_its_addresses_and_stays_the_default(client, bilingual):
    for url in ("/", "/gioi-thieu/", "/tin-tuc/", "/tin-tuc/to-hop-tac-may-mac/"):
        html = html_of(client, url)
        assert '<html lang="vi"' in html, url
    assert client.get("/vi/gioi-thieu/").status_code == 404
    # An English reader's browser does not move anyone to English.
    assert '<html lang="vi"' in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_translated_page_links_to_its_other_language_with_hreflang(client, bilingual):
    vi = html_of(client, "/gioi-thieu/")
    en = html_of(client, "/en/about/")
    assert alternates(vi) == {
        "vi": "http://localhost/gioi-thieu/",
        "en": "http://localhost/en/about/",
        "x-default": "http://localhost/gioi-thieu/",
    }
    assert alternates(en) == alternates(vi)
    assert switch_links(vi) == [("/en/about/", "en", "en")]
    assert switch_links(en) == [("/gioi-thieu/", "vi", "vi")]


def test_an_untranslated_page_offers_the_english_home_and_no_hreflang(client, bilingual):
    html = html_of(client, "/tin-tuc/chi-co-tieng-viet/")
    assert alternates(html) == {}
    assert switch_links(html) == [("/en/", "en", "en")]


def test_without_an_english_site_there_is_no_switch(client, home_page):
    html = html_of(client, "/")
    assert switch_links(html) == []
    assert alternates(html) == {}


def test_listings_show_the_pages_of_the_language_being_read(client, bilingual):
    vi_news = html_of(client, "/tin-tuc/")
    assert "Tổ hợp tác may mặc" in vi_news and "Chỉ có tiếng Việt" in vi_news
    assert "A sewing cooperative" not in vi_news
    en_news = html_of(client, "/en/news/")
    assert "A sewing cooperative" in en_news
    assert "Tổ hợp tác may mặc" not in en_news and "Chỉ có tiếng Việt" not in en_news
    assert "A sewing cooperative" in html_of(client, "/en/")
    assert "A sewing cooperative" not in html_of(client, "/")


def test_the_menu_and_the_home_link_follow_the_language(client, bilingual):
    en = html_of(client, "/en/about/")
    nav = re.search(r'<nav class="main-nav".*?</nav>', en, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)"', nav) == ["/en/", "/en/about/", "/en/news/"]
    assert 'class="brand" href="/en/"' in en
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', en, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)"', crumbs)[0] == "/en/"
    article = html_of(client, "/en/news/sewing-cooperative/")
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', article, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)"', crumbs)[:2] == ["/en/", "/en/news/"]
    vi = html_of(client, "/gioi-thieu/")
    nav = re.search(r'<nav class="main-nav".*?</nav>', vi, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)"', nav) == ["/", "/gioi-thieu/", "/tin-tuc/"]


def test_the_sitemap_lists_both_languages(client, bilingual):
    xml = client.get("/sitemap-trang.xml").content.decode()
    for path in (
        "/",
        "/gioi-thieu/",
        "/tin-tuc/to-hop-tac-may-mac/",
        "/en/",
        "/en/about/",
        "/en/news/sewing-cooperative/",
    ):
        assert f"<loc>http://localhost{path}</loc>" in xml, path


def test_cached_pages_keep_the_languages_apart_and_a_new_translation_purges_the_switch(
    client, bilingual, page_cache, django_capture_on_commit_callbacks
):
    assert client.get("/tin-tuc/chi-co-tieng-viet/")["X-Page-Cache"] == "MISS"
    assert client.get("/tin-tuc/chi-co-tieng-viet/")["X-Page-Cache"] == "HIT"
    assert client.get("/en/news/")["X-Page-Cache"] == "MISS"
    assert '<html lang="en"' in client.get("/en/news/").content.decode()
    assert '<html lang="vi"' in client.get("/tin-tuc/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        english(bilingual["vi_only"], "vietnamese-only", title="Only in Vietnamese")
    response = client.get("/tin-tuc/chi-co-tieng-viet/")
    assert response["X-Page-Cache"] == "MISS"
    assert switch_links(response.content.decode()) == [("/en/news/vietnamese-only/", "en", "en")]


def vietnamese_msgids():
    """The Vietnamese source texts of the catalogue, as patterns matching a whole shown text."""
    patterns = []
    for entry in polib.pofile(str(catalogue_path())):
        for text in filter(None, [entry.msgid, entry.msgid_plural]):
            text = text.replace("%%", "%")
            if not re.search(r"[^\x00-\x7f]", text):
                continue
            pieces = re.split(r"%\(\w+\)[sd]|%\(\w+\)0\d[sd]|%[sd]", text)
            patterns.append((entry.msgid, re.compile(".+?".join(re.escape(piece) for piece in pieces))))
    return patterns


def test_the_english_catalogue_covers_everything_the_english_pages_show(client, bilingual):
    """No header, footer, menu, date or news label of an English page is left in Vietnamese."""
    from visits.models import PageVisitDay, SiteVisitDay

    PageVisitDay.objects.create(page=bilingual["en_article"], date=timezone.localdate(), count=3)
    SiteVisitDay.objects.create(date=timezone.localdate(), count=3)
    patterns = vietnamese_msgids()
    untranslated = set()
    for url in ("/en/", "/en/about/", "/en/news/", "/en/news/sewing-cooperative/", "/en/news/chuyen-muc/"):
        for text in shown_texts(html_of(client, url)):
            untranslated |= {msgid for msgid, pattern in patterns if pattern.fullmatch(text)}
    assert untranslated == set()


def test_english_dates_name_the_weekday_in_english(bilingual):
    from home.dates import dateline

    article = Page.objects.get(pk=bilingual["en_article"].pk).specific
    with translation.override("en"):
        line = dateline(article.first_published_at)
    assert re.match(r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d\d/\d\d/\d{4} ", line)


def test_an_editor_makes_the_english_version_with_the_translate_action(client, home_page):
    english(home_page, None, title="Home")
    about = home_page.add_child(instance=StandardPage(title="Liên hệ", slug="lien-he"))
    client.force_login(editor())
    url = f"/admin/translation/submit/page/{about.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [Locale.objects.get(language_code="en").pk]})
    assert response.status_code == 302
    assert about.get_translation_or_none(Locale.objects.get(language_code="en")) is not None


def test_the_search_page_offers_the_vietnamese_sections_only(client, bilingual):
    html = html_of(client, "/tim-kiem/")
    assert 'href="/gioi-thieu/"' in html
    assert 'href="/en/about/"' not in html and 'href="/en/news/"' not in html
