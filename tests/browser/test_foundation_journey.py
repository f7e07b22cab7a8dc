import re

import pytest
from playwright.sync_api import expect

from home.factories import StandardPageFactory
from home.models import SiteSettings

from .conftest import DESKTOP, PHONE, fits, screenshot


@pytest.fixture
def portal():
    from wagtail.models import Site

    from home.models import HomePage

    home = HomePage.objects.get()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Hội Liên hiệp Phụ nữ tỉnh"
    settings.hotline = "1800 1567"
    settings.address = "Số 12 đường Trần Hưng Đạo"
    settings.footer_links = [("link", {"title": "Hội LHPN Việt Nam", "external_url": "https://hoilhpn.org.vn/"})]
    settings.save()
    StandardPageFactory(
        parent=home,
        title="Giới thiệu",
        slug="gioi-thieu",
        show_in_menus=True,
        intro="Chức năng, nhiệm vụ của Hội.",
        body=[("paragraph", "<p>Hội Liên hiệp Phụ nữ tỉnh đại diện cho quyền lợi của phụ nữ trong tỉnh.</p>")],
    )
    return home


@pytest.mark.parametrize(("size", "name"), [(PHONE, "phone"), (DESKTOP, "desktop")])
def test_home_page_fits_the_screen(new_page, portal, size, name):
    page = new_page(size)
    page.goto("/")
    expect(page.locator(".brand__name")).to_have_text("Hội Liên hiệp Phụ nữ tỉnh")
    expect(page.get_by_role("link", name="Giới thiệu")).to_be_visible()
    assert fits(page)
    screenshot(page, f"foundation-home-{name}")


def test_reader_opens_a_standard_page_and_enlarges_the_text(phone, portal):
    phone.goto("/")
    phone.get_by_role("navigation", name="Chuyên mục chính").get_by_role("link", name="Giới thiệu").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Giới thiệu")
    body = phone.locator(".article__body p").first
    before = float(body.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    phone.get_by_role("button", name="Tăng cỡ chữ").click()
    phone.get_by_role("button", name="Tăng cỡ chữ").click()
    after = float(body.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    assert after > before * 1.1
    assert fits(phone)
    screenshot(phone, "foundation-standard-page-large-text")
    # The size is remembered on the next page.
    phone.goto("/")
    assert phone.evaluate("document.documentElement.dataset.textSize") == "2"


def test_skip_link_is_the_first_stop_for_the_keyboard(desktop, portal):
    desktop.goto("/gioi-thieu/")
    desktop.keyboard.press("Tab")
    focused = desktop.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Bỏ qua, đến nội dung chính"
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("document.activeElement.id") == "main"


def test_page_works_without_javascript(new_page, portal):
    page = new_page(PHONE, java_script_enabled=False)
    page.goto("/gioi-thieu/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Giới thiệu")
    # The size buttons need JavaScript, so they stay hidden instead of doing nothing.
    expect(page.locator("[data-text-size-control]")).to_be_hidden()
    screenshot(page, "foundation-no-javascript")


def test_admin_sign_in_page_is_vietnamese(desktop, portal):
    desktop.goto("/admin/login/")
    expect(desktop.locator("html")).to_have_attribute("lang", "vi")
    expect(desktop.get_by_label(re.compile("Mật khẩu"))).to_be_visible()
    expect(desktop.get_by_role("button", name="Đăng nhập")).to_be_visible()
    screenshot(desktop, "foundation-admin-login")
