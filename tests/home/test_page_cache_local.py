"""The page cache's per-process copy of entries (home.pagecache.LocalEntries): a hit without reading the
entry from the shared cache, yet a purge made anywhere is seen at once, and never a copy for a reader who
must not get the shared page."""

import time

from django.core.cache import caches

import pytest

from accounts.factories import learner
from home import fragments, pagecache
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def standard_page(home_page):
    page = StandardPage(title="Giới thiệu", slug="gioi-thieu", intro="Hội Liên hiệp Phụ nữ tỉnh.")
    home_page.add_child(instance=page)
    return page


@pytest.fixture
def shared_entries_gone(monkeypatch):
    """Entries can no longer be read from the shared cache (the versions still can)."""
    pages = caches["pages"]
    real_get = pages.get

    def versions_only(key, *args, **kwargs):
        return None if key.startswith("pagecache:page:") else real_get(key, *args, **kwargs)

    def install():
        monkeypatch.setattr(pages, "get", versions_only)

    return install


@pytest.fixture(autouse=True)
def _empty_local_copy():
    pagecache.local_entries.clear()
    yield
    pagecache.local_entries.clear()


def test_a_hit_comes_from_the_process_copy(client, page_cache, standard_page, shared_entries_gone):
    assert client.get(standard_page.url)["X-Page-Cache"] == "MISS"
    shared_entries_gone()
    second = client.get(standard_page.url)
    assert second["X-Page-Cache"] == "HIT" and "Hội Liên hiệp Phụ nữ tỉnh." in second.content.decode()


def test_a_purge_is_seen_at_once_despite_the_process_copy(
    client, page_cache, standard_page, shared_entries_gone, django_capture_on_commit_callbacks
):
    client.get(standard_page.url)
    shared_entries_gone()
    assert client.get(standard_page.url)["X-Page-Cache"] == "HIT"
    StandardPage.objects.filter(pk=standard_page.pk).update(intro="Nội dung mới sau khi xuất bản.")
    with django_capture_on_commit_callbacks(execute=True):
        pagecache.purge_paths([standard_page.url])  # what a publish does, from any process
        fragments.invalidate()  # and to the fragments (the routed page is one of them)
    fresh = client.get(standard_page.url)
    assert fresh["X-Page-Cache"] == "MISS" and "Nội dung mới sau khi xuất bản." in fresh.content.decode()


def test_signed_in_readers_and_pending_messages_never_get_the_process_copy(client, page_cache, standard_page):
    client.get(standard_page.url)
    assert client.get(standard_page.url)["X-Page-Cache"] == "HIT"
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in client.get(standard_page.url)
    del client.cookies["messages"]
    client.force_login(learner(full_name="Lê Thị Học Viên"))
    response = client.get(standard_page.url)
    assert "X-Page-Cache" not in response and "Lê Thị Học Viên" in response.content.decode()


def test_a_copy_ends_when_the_shared_entry_would(settings):
    settings.PAGE_CACHE_SECONDS = 300
    entries = pagecache.LocalEntries()
    entries.put("fresh", {"body": b"x", "gzip": None, "stored": time.time() - 299})
    entries.put("old", {"body": b"x", "gzip": None, "stored": time.time() - 301})
    assert entries.get("fresh") is not None and entries.get("old") is None


def test_the_copy_keeps_at_most_its_size_dropping_the_least_recently_used(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_LOCAL_BYTES = 4000
    entries = pagecache.LocalEntries()
    for name in ("a", "b", "c"):
        entries.put(name, {"body": b"x" * 900, "gzip": b"y" * 100, "stored": time.time()})
    entries.get("a")  # used lately: kept
    entries.put("d", {"body": b"x" * 900, "gzip": b"y" * 100, "stored": time.time()})
    entries.put("e", {"body": b"x" * 900, "gzip": b"y" * 100, "stored": time.time()})
    assert [name for name in "abcde" if entries.get(name)] == ["a", "c", "d", "e"]
    entries.put("huge", {"body": b"x" * 3000, "gzip": None, "stored": time.time()})  # over a quarter
    assert entries.get("huge") is None
