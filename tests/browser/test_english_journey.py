"""At 360 px: a reader switches a page to English and back; the page's visit is counted by its beacon
(with JavaScript off the switch still works and nothing is counted)."""

import time

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, fits, screenshot

ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
)


@pytest.fixture
def about(transactional_db, settings):
    from home.models import HomePage, StandardPage
    from tests.english.helpers import english

    settings.VISITS_FLUSH_SECONDS = 0
    home = HomePage.objects.get()
    page = StandardPage(
        title="Giới thiệu",
        slug="gioi-thieu",
        intro="Chức năng, nhiệm vụ và cơ cấu tổ chức của Hội.",
        show_in_menus=True,
        body=[("paragraph", "<p>Hội Liên hiệp Phụ nữ tỉnh đại diện cho phụ nữ trong tỉnh.</p>")],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    english(home, None, title="Home")
    english(
        page,
        "about",
        title="About us",
        intro="The Union's role, duties and organisation.",
        body=[("paragraph", "<p>The Provincial Women's Union represents the women of the province.</p>")],
    )
    return page


def visits_of(page, wait=10):
    from visits.models import PageVisitDay

    deadline = time.monotonic() + wait
    while True:
        total = sum(PageVisitDay.objects.filter(page=page).values_list("count", flat=True))
        if total or time.monotonic() > deadline:
            return total
        time.sleep(0.2)


def test_switch_to_english_and_back_on_a_phone(new_page, about):
    page = new_page(PHONE, user_agent=ANDROID)
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.goto("/gioi-thieu/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    switch = page.get_by_role("navigation", name="Ngôn ngữ").get_by_role("link", name="English")
    expect(switch).to_have_attribute("hreflang", "en")
    switch.click()

    expect(page).to_have_url(f"{page.url.split('/en/')[0]}/en/about/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("About us")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_attached()
    # On a phone the main menu opens from the header's button, labelled in English too.
    page.get_by_role("button", name="Menu").click()
    expect(page.get_by_role("navigation", name="Main sections").get_by_role("link", name="Home")).to_be_visible()
    assert fits(page)
    screenshot(page, "english-about-phone")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Tiếng Việt").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Giới thiệu")
    assert page.url.endswith("/gioi-thieu/")
    assert visits_of(about) == 1  # the first reading; coming back within the hour is not counted again
    assert not [text for text in problems if "Content Security Policy" in text]


def test_without_javascript_the_switch_works_and_nothing_is_counted(new_page, about):
    page = new_page(PHONE, user_agent=ANDROID, java_script_enabled=False)
    page.goto("/gioi-thieu/")
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("link", name="Tiếng Việt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Giới thiệu")
    assert visits_of(about, wait=1) == 0
