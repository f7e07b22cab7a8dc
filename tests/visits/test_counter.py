"""The counter's rules: bots, replays, cached pages, batching, bad input and failing dependencies."""

import datetime
import time

from django.db import DatabaseError
from django.utils import timezone

import pytest
import time_machine

from home.models import StandardPage
from visits import counter
from visits.models import PageVisitDay, SiteVisitDay

from .conftest import FIREFOX, beacon

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home_page):
    page = StandardPage(title="Giới thiệu", slug="gioi-thieu")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def counted(page):
    return sum(PageVisitDay.objects.filter(page=page).values_list("count", flat=True))


def test_a_beacon_counts_one_visit_for_today_and_the_site(client, page):
    response = beacon(client, page)
    assert response.status_code == 204
    assert not response.cookies
    row = PageVisitDay.objects.get(page=page)
    assert (row.date, row.count) == (timezone.localdate(), 1)
    assert SiteVisitDay.objects.get(date=timezone.localdate()).count == 1


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36",
    ],
)
def test_bots_are_not_counted(client, page, agent):
    assert beacon(client, page, agent=agent).status_code == 204
    assert counted(page) == 0


def test_a_replayed_beacon_counts_once_an_hour_per_reader_and_page(client, page, home_page):
    for _ in range(5):
        beacon(client, page)
    assert counted(page) == 1
    beacon(client, page, address="198.51.100.20")  # another reader
    beacon(client, page, agent=FIREFOX.replace("133", "132"))  # another browser on the same address
    beacon(client, home_page)  # the same reader on another page
    assert counted(page) == 3
    assert counted(home_page) == 1


def test_one_address_changing_its_browser_at_every_beacon_is_held_back(client, page, monkeypatch):
    monkeypatch.setattr(counter, "BEACON_LIMIT", 3)
    # The limit counts per fixed window: the clock stands still so that the loop never crosses into the next.
    with time_machine.travel(time.time(), tick=False):
        for version in range(6):  # a script posing as a new browser each time
            assert beacon(client, page, agent=FIREFOX.replace("133", str(100 + version))).status_code == 204
        assert counted(page) == 3
        beacon(client, page, address="198.51.100.20")  # a reader elsewhere still counts
    assert counted(page) == 4


def test_a_new_hour_counts_the_same_reader_again(client, page, monkeypatch):
    now = 1_800_000_000.0
    monkeypatch.setattr(counter.time, "time", lambda: now)
    beacon(client, page)
    beacon(client, page)
    now += 3600
    beacon(client, page)
    assert counted(page) == 2


def test_nothing_of_the_reader_is_stored(client, page):
    beacon(client, page, address="203.0.113.99")
    stored = " ".join(str(value) for value in PageVisitDay.objects.values_list(flat=False).get())
    assert "203.0.113.99" not in stored
    assert [field.name for field in PageVisitDay._meta.get_fields()] == ["id", "page", "date", "count"]


def test_the_hour_salt_is_random_and_only_in_the_cache(client, page):
    from django.core.cache import cache

    beacon(client, page)
    hour = int(counter.time.time() // 3600)
    salt = cache.get(f"visits:salt:{hour}")
    assert salt and len(salt) == 32
    cache.delete(f"visits:salt:{hour}")
    beacon(client, page)  # a new salt: the reader cannot be linked to the earlier hash
    assert cache.get(f"visits:salt:{hour}") != salt


def test_counts_are_batched_and_written_by_the_flush(client, page, batched, django_assert_num_queries):
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        beacon(client, page, address=address)
    assert counted(page) == 0
    assert counter.pending() == {(page.pk, timezone.localdate()): 3}
    assert counter.flush() == 3
    assert counted(page) == 3
    assert counter.pending() == {}


def test_reading_a_page_writes_nothing(client, page, batched):
    response = client.get("/gioi-thieu/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-visit-beacon="/api/luot-xem/" data-visit-page="{page.pk}"' in html
    assert counter.pending() == {}
    assert not PageVisitDay.objects.exists()


def test_a_page_from_the_page_cache_carries_the_beacon_and_is_counted(client, page, page_cache):
    client.get("/gioi-thieu/")
    response = client.get("/gioi-thieu/")
    assert response["X-Page-Cache"] == "HIT"
    assert f'data-visit-page="{page.pk}"' in response.content.decode()
    beacon(client, page)
    assert counted(page) == 1


def test_the_beacon_is_never_cached(client, page, page_cache):
    response = beacon(client, page)
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize("value", ["", "abc", "-1", "0", "1.5", "99999999999", "١٢", "9" * 200])
def test_a_bad_page_number_is_ignored(client, page, value):
    response = client.post("/api/luot-xem/", {"page": value}, HTTP_USER_AGENT=FIREFOX)
    assert response.status_code == 204
    assert not PageVisitDay.objects.exists()
    assert counter.pending() == {}


def test_a_page_that_does_not_exist_is_not_written(client, page):
    client.post("/api/luot-xem/", {"page": "987654"}, HTTP_USER_AGENT=FIREFOX)
    assert not PageVisitDay.objects.exists()
    assert not SiteVisitDay.objects.exists()


def test_only_post_is_accepted(client, page):
    assert client.get("/api/luot-xem/", {"page": page.pk}, HTTP_USER_AGENT=FIREFOX).status_code == 405
    assert counted(page) == 0


def test_a_cache_outage_counts_nothing_and_fails_nothing(client, page, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(counter.cache, "add", broken)
    assert beacon(client, page).status_code == 204
    assert counted(page) == 0


def test_a_database_outage_keeps_the_batch_for_later(client, page, batched, monkeypatch):
    beacon(client, page)
    original = counter._write

    def broken(batch):
        raise DatabaseError("database restarting")

    monkeypatch.setattr(counter, "_write", broken)
    assert counter.flush_quietly() == 0
    assert counter.pending() == {(page.pk, timezone.localdate()): 1}
    monkeypatch.setattr(counter, "_write", original)
    assert counter.flush() == 1
    assert counted(page) == 1


def test_total_adds_up_the_days(db):
    today = timezone.localdate()
    SiteVisitDay.objects.create(date=today, count=5)
    SiteVisitDay.objects.create(date=today - datetime.timedelta(days=40), count=7)
    assert counter.total() == 12
    assert counter.total(days=30) == 5
