import io

from django.core.management import call_command

from wagtail.models import Page

import pytest


@pytest.mark.django_db
def test_demo_has_the_english_essentials_linked_to_their_vietnamese_pages(settings, client):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    english = Page.objects.filter(locale__language_code="en")
    count = english.count()
    call_command("load_demo", stdout=io.StringIO())
    assert english.count() == count

    urls = {page.url for page in english.live().specific()}
    assert {"/en/", "/en/about/", "/en/contact/", "/en/news/"} <= urls
    assert len([url for url in urls if url.startswith("/en/news/") and url != "/en/news/"]) >= 4
    for url, vietnamese in (("/en/about/", "/gioi-thieu/"), ("/en/contact/", "/lien-he/"), ("/en/", "/")):
        html = client.get(url).content.decode()
        assert '<html lang="en"' in html
        assert f'href="{vietnamese}" hreflang="vi" lang="vi"' in html
    assert "Tin tức" not in {page.title for page in english}
