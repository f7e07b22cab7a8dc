"""Browser journeys: Playwright driving Debian's Chromium against pytest-django's live server.

They run whenever Chromium is installed. With REQUIRE_BROWSER=1 (CI) a missing browser is a failure,
not a skip. Screenshots go to test-results/ for a person to look at.
"""

import os
import shutil
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
RESULTS = Path(settings.BASE_DIR) / "test-results"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    journeys = []
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            # The live server runs in another thread, so journeys use real transactions; the data the
            # migrations created (home page, site, roles) is restored after each journey.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
            journeys.append(item)
    # Journeys run last: once Playwright has started, the process allows async-unsafe ORM calls,
    # which `check --deploy` in tests/portal would report.
    others = [item for item in items if item not in journeys]
    items[:] = others + journeys


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from django.db import connections

    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make around it
    # are still synchronous and safe. Set here, not at import, so that `check --deploy` in the other
    # suites does not see it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # The test database was set up (and its migration data serialized) before Playwright started;
    # from here on the tests see fresh connection objects, which need that data to restore it.
    serialized = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module", autouse=True)
def _restore_migration_data_after_journeys(django_db_blocker):
    """Each journey ends with the database flushed; under pytest-xdist other test files may run
    after this one in the same process, and they expect the data the migrations created."""
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        for alias in connections:
            contents = getattr(connections[alias], "_test_serialized_contents", None)
            if contents:
                connections[alias].creation.deserialize_db_from_string(contents)


@pytest.fixture
def new_page(browser, live_server):
    """``new_page(PHONE)`` opens a tab of that size with the live server as base URL."""
    contexts = []

    def open_page(viewport=PHONE, **options):
        context = browser.new_context(viewport=viewport, base_url=live_server.url, locale="vi-VN", **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def phone(new_page):
    return new_page(PHONE)


@pytest.fixture
def desktop(new_page):
    return new_page(DESKTOP)


def sign_in(page, user, live_server_url):
    """Signs ``user`` in by giving the browser a session cookie (the sign-in form has its own journey)."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": live_server_url}]
    )


def screenshot(page, name):
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
