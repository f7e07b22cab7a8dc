import os

from django.core.cache import cache, caches

from wagtail.models import Site

import pytest

from home.models import HomePage
from tests.utils import restore_migrated_data


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files and renditions go to a throw-away folder (private files and packages too)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"


@pytest.fixture(autouse=True)
def _clear_cache():
    from search.engines.database import catalogue

    cache.clear()
    caches["pages"].clear()
    catalogue.forget()
    yield
    cache.clear()
    caches["pages"].clear()
    catalogue.forget()


@pytest.fixture
def page_cache(settings):
    """The anonymous page cache on, as in production (tests otherwise run with it off)."""
    settings.PAGE_CACHE_SECONDS = 300
    return settings


@pytest.fixture
def shared_fragments(monkeypatch):
    """The default cache behaves as a shared one (Redis in production): the per-process copy is used and
    the fragments kept only with a shared cache (``shared_only``) are kept."""
    from home import fragments

    monkeypatch.setattr(fragments, "uses_shared_cache", lambda: True)
    fragments.local.clear()
    yield
    fragments.local.clear()


@pytest.fixture
def broken_mail(settings):
    """The mail server is down: every send raises ``SMTPConnectError``."""
    settings.EMAIL_BACKEND = "tests.utils.BrokenMailBackend"


@pytest.fixture
def home_page(db):
    """The home page created by the migrations, served by the default site."""
    return HomePage.objects.get()


@pytest.fixture
def site(home_page):
    site = Site.objects.get(is_default_site=True)
    # Tests ask for http://testserver/; the default site answers any host name.
    return site


def pytest_configure(config):
    """`PORTAL_TEST_CLOCK=2026-12-31T17:30:00Z pytest` runs the suite at that moment (the clock keeps ticking).

    CI runs the suite once at a hostile moment (already the next day, month and year in GMT+7) so that no
    test can depend on the hour it happens to run at.
    """
    moment = os.environ.get("PORTAL_TEST_CLOCK")
    if moment:
        import time_machine

        config._portal_clock = time_machine.travel(moment, tick=True)
        config._portal_clock.start()


def pytest_unconfigure(config):
    clock = getattr(config, "_portal_clock", None)
    if clock is not None:
        clock.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A test with a live server and serialized rollback flushed the database: put the migrated data back
    at once, since the next test in this process (pytest-xdist) may be an ordinary one that expects it.
    (The browser journeys do the same after each journey, in tests/browser/conftest.py.)"""
    yield
    marker = item.get_closest_marker("django_db")
    if nextitem is None or marker is None or not marker.kwargs.get("serialized_rollback"):
        return
    if item.get_closest_marker("browser") is not None:
        return
    restore_migrated_data(item.config)
