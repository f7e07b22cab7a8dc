"""The compact header at 360 px: at most 120 px above the page's own content, the menu and the search
box open from buttons, and without JavaScript both are still reached (links that open the panels)."""

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, screenshot
from .test_foundation_journey import portal  # noqa: F401 - the fixture: a home page, settings, a menu entry

MAX_HEADER = 120


def header_height(page):
    return page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")


def test_header_is_compact_and_opens_menu_and_search_from_buttons(phone, portal):  # noqa: F811
    phone.goto("/gioi-thieu/")
    assert header_height(phone) <= MAX_HEADER
    # The page's own heading is in the first screen's top third.
    assert phone.get_by_role("heading", level=1).bounding_box()["y"] < 740 / 3
    screenshot(phone, "header-360-js")

    menu = phone.get_by_role("navigation", name="Chuyên mục chính")
    expect(menu).to_be_hidden()
    button = phone.get_by_role("button", name="Menu")
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Giới thiệu")).to_be_visible()
    expect(menu.get_by_role("link", name="1800 1567")).to_be_visible()
    screenshot(phone, "header-360-js-menu-open")
    phone.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(button).to_be_focused()

    phone.get_by_role("button", name="Tìm trên website").click()
    search = phone.locator("#site-search")
    expect(search).to_be_focused()
    search.fill("giám sát")
    search.press("Enter")
    phone.wait_for_url("**/tim-kiem/?q=*")


def test_header_without_javascript_reaches_menu_and_search(new_page, portal):  # noqa: F811
    page = new_page(PHONE, java_script_enabled=False)
    page.goto("/gioi-thieu/")
    assert header_height(page) <= MAX_HEADER
    screenshot(page, "header-360-no-js")
    expect(page.get_by_role("button", name="Menu")).to_have_count(0)
    page.get_by_role("link", name="Menu").click()
    menu = page.get_by_role("navigation", name="Chuyên mục chính")
    expect(menu.get_by_role("link", name="Liên hệ").or_(menu.get_by_role("link", name="Giới thiệu"))).to_be_visible()
    screenshot(page, "header-360-no-js-menu-open")
    page.get_by_role("link", name="Tìm trên website").click()
    search = page.get_by_role("searchbox", name="Tìm kiếm trên website")
    expect(search).to_be_visible()
    search.fill("phụ nữ")
    search.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=*")


@pytest.mark.parametrize("width", [768, 1280])
def test_wider_screens_show_the_menu_and_search_without_toggles(new_page, portal, width):  # noqa: F811
    page = new_page({"width": width, "height": 800})
    page.goto("/")
    expect(
        page.get_by_role("navigation", name="Chuyên mục chính").get_by_role("link", name="Giới thiệu")
    ).to_be_visible()
    expect(page.locator("#site-search")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
