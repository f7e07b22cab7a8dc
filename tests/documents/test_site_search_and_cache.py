"""A document is found by the site search (by its number, folded or not) under a type of its own, and a
publish or a new replacement purges the cached pages that show it."""

from django.db import connection

import pytest

from documents.factories import OfficialDocumentPageFactory
from documents.models import DocumentReplacement

pytestmark = pytest.mark.django_db
# Known gap: PostgreSQL's text parser reads "15/KH-HLHPN" as one file-path token, so the number alone (or
# its symbol "HLHPN") is not found there yet; folded words are. SQLite and Elasticsearch find both.
NUMBER_ON_POSTGRES = pytest.mark.xfail(
    connection.vendor == "postgresql", reason="PostgreSQL tokenises document numbers as paths", strict=False
)


@pytest.mark.parametrize(
    "query", [pytest.param("15/KH-HLHPN", marks=NUMBER_ON_POSTGRES), "ke hoach giam sat chuyen de", "sinh con sáu xã"]
)
def test_the_site_search_finds_a_document(client, sample, query):
    html = client.get("/tim-kiem/", {"q": query}).content.decode()
    assert "/van-ban/15-kh-hlhpn-2024/" in html
    assert "Văn bản" in html


@NUMBER_ON_POSTGRES
def test_the_site_search_filters_documents_as_a_type(client, sample):
    html = client.get("/tim-kiem/", {"q": "HLHPN", "type": "documents"}).content.decode()
    assert "/van-ban/15-kh-hlhpn-2024/" in html


def test_a_published_document_shows_at_once_on_the_cached_register_and_feed(
    client, page_cache, register, plan_type, django_capture_on_commit_callbacks
):
    for url in ("/van-ban/", "/van-ban/?loai=ke-hoach", "/van-ban/rss/"):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "HIT"
    draft = OfficialDocumentPageFactory(parent=register, number="88/KH-HLHPN", live=False, document_type=plan_type)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    for url in ("/van-ban/", "/van-ban/?loai=ke-hoach", "/van-ban/rss/"):
        assert "88/KH-HLHPN" in client.get(url).content.decode(), url


def test_publishing_a_replacement_purges_the_replaced_document(
    client, page_cache, sample, django_capture_on_commit_callbacks
):
    old_url = sample["old"].url
    client.get(old_url)
    assert client.get(old_url)["X-Page-Cache"] == "HIT"
    guide = sample["guide"]
    DocumentReplacement.objects.create(page=guide, replaced=sample["old"])
    guide.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    assert "Được thay thế bởi" in client.get(old_url).content.decode()
