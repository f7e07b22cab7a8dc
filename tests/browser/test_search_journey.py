"""A reader on a phone searches without diacritics: suggestions, accented results, a type filter."""

import re

import pytest
from playwright.sync_api import expect

from home.factories import StandardPageFactory
from training.factories import CoursePageFactory, TrainingIndexPageFactory

from .conftest import fits, screenshot


@pytest.fixture
def content():
    from home.models import HomePage

    home = HomePage.objects.get()
    StandardPageFactory(
        parent=home,
        title="Giám sát và phản biện xã hội",
        slug="giam-sat-va-phan-bien-xa-hoi",
        intro="Hội tham gia giám sát việc thực hiện chính sách đối với phụ nữ.",
    )
    StandardPageFactory(
        parent=home,
        title="Kết quả giám sát năm 2025",
        slug="ket-qua-giam-sat-nam-2025",
        intro="Báo cáo tổng hợp các cuộc giám sát của Hội.",
    )
    catalogue = TrainingIndexPageFactory(parent=home)
    CoursePageFactory(
        parent=catalogue,
        title="Kỹ năng giám sát cho cán bộ hội cơ sở",
        slug="ky-nang-giam-sat",
        intro="Khóa học trực tuyến về quy trình giám sát.",
    )
    return home


def test_reader_types_without_accents_and_narrows_by_type(phone, content):
    phone.goto("/")
    box = phone.get_by_role("combobox", name="Tìm kiếm trên website")
    box.click()
    box.press_sequentially("giam sat", delay=40)
    listbox = phone.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(listbox.get_by_role("option")).to_have_count(4)  # three pages and "see all results"
    expect(listbox.locator("mark").first).to_have_text("giám")
    screenshot(phone, "search-suggestions-phone")

    # Arrow keys move through the options; Escape closes the list and keeps what was typed.
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "site-search-suggestions-0")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_value("giam sat")

    box.press("Enter")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Tìm kiếm")
    expect(phone.get_by_role("status").filter(has_text="kết quả")).to_have_text("Tìm thấy 3 kết quả cho “giam sat”.")
    titles = phone.locator(".search-result__title")
    expect(titles).to_have_count(3)
    expect(titles.first.locator("mark").first).to_have_text(re.compile("^giám$", re.IGNORECASE))
    expect(phone.locator(".search-result__excerpt mark").first).to_be_visible()
    assert fits(phone)
    screenshot(phone, "search-results-phone")

    phone.get_by_role("navigation", name="Loại nội dung").get_by_role("link", name="Đào tạo").click()
    expect(titles).to_have_count(1)
    expect(titles.first).to_have_text("Kỹ năng giám sát cho cán bộ hội cơ sở")
    expect(phone.get_by_role("status").filter(has_text="kết quả")).to_have_text("Tìm thấy 1 kết quả cho “giam sat”.")
    screenshot(phone, "search-filtered-phone")


def test_search_works_without_javascript(new_page, content):
    page = new_page(java_script_enabled=False)
    page.goto("/")
    page.get_by_role("searchbox", name="Tìm kiếm trên website").fill("phan bien")
    page.get_by_role("searchbox", name="Tìm kiếm trên website").press("Enter")
    expect(page.locator(".search-result__title")).to_have_count(1)
    expect(page.locator(".search-result__title mark")).to_have_text(["phản", "biện"])
