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

from tests.utils import restore_migrated_data

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
RESULTS = Path(settings.BASE_DIR) / "test-results"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Marks every journey; runs before pytest-django's hook, which then orders them last."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            # The live server runs in another thread, so journeys use real transactions; the data the
            # migrations created (home page, site, roles) is restored after each journey.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a journey flushed the database, put the migrated data back at once: with pytest-xdist the
    next test in this process may be an ordinary one, which expects it."""
    yield
    # The last test of the session: the test database is being torn down, nothing needs the data.
    if item.get_closest_marker("browser") is None or nextitem is None:
        return
    restore_migrated_data(item.config)


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
    # are still synchronous and safe. Set here, not at import, so that `check --deploy` run by other
    # suites in this process does not see it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # Playwright runs an event loop in this thread, and Django keeps connections per async context:
    # from here on the tests get new connection objects. Hand them the migrated data that
    # serialized rollback restores (the test database is a file, so they reach the same data).
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


def fits(page):
    """The page is no wider than the screen (no horizontal scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def proof_of_work_is_valid(page, scope):
    """Waits for the browser to finish the form's proof of work, then checks it the way the server does.
    ``scope`` is "feedback" or "comments"; their settings are prefixed FEEDBACK_ and COMMENTS_."""
    from playwright.sync_api import expect

    from feedback import spam

    expect(page.locator("[data-pow-nonce]")).not_to_have_value("", timeout=30_000)
    token = page.locator("[data-pow-token]").input_value()
    nonce = page.locator("[data-pow-nonce]").input_value()
    return spam.pow_valid(token, nonce, spam.SpamPolicy.from_settings(scope, scope.upper()).pow_bits)


def screenshot(page, name):
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    return path
