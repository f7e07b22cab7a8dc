import datetime

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from home.demo_images import get_or_create_demo_image
from news.factories import NewsArticlePageFactory, NewsCategoryFactory, NewsIndexPageFactory

from .conftest import DESKTOP, PHONE, fits, screenshot


@pytest.fixture
def news(transactional_db):
    from home.models import HomePage

    home = HomePage.objects.get()
    index = NewsIndexPageFactory(parent=home)
    training = NewsCategoryFactory(name="Đào tạo cán bộ", sort_order=1)
    equality = NewsCategoryFactory(name="Bình đẳng giới", sort_order=2)
    now = timezone.now()
    body = [
        (
            "paragraph",
            "<p>Hơn năm mươi chủ tịch Hội LHPN cấp xã học cách chọn nội dung giám sát và viết kiến nghị.</p>",
        ),
        ("quote", {"text": "Kiến nghị tốt là kiến nghị ngắn, có số liệu.", "attribution": "Giảng viên"}),
    ]
    main = NewsArticlePageFactory(
        parent=index,
        title="Tập huấn kỹ năng giám sát cho chủ tịch Hội cấp xã",
        slug="tap-huan-ky-nang-giam-sat",
        lead="Học viên thực hành trên tình huống giám sát việc chi trả trợ cấp.",
        author="Minh Thư",
        featured=True,
        featured_image=get_or_create_demo_image("Lớp tập huấn", seed=1),
        body=body,
        categories=[training],
        tags=["tập huấn"],
        first_published_at=now - datetime.timedelta(hours=3),
    )
    related = NewsArticlePageFactory(
        parent=index,
        title="Chi hội trưởng học dùng điện thoại thông minh",
        slug="chi-hoi-truong-hoc-dung-dien-thoai",
        featured_image=get_or_create_demo_image("Lớp học điện thoại", seed=2),
        categories=[training],
        first_published_at=now - datetime.timedelta(days=2),
    )
    NewsArticlePageFactory(
        parent=index,
        title="Sân khấu hóa tuyên truyền bình đẳng giới",
        featured_image=get_or_create_demo_image("Tiểu phẩm", seed=3),
        categories=[equality],
        first_published_at=now - datetime.timedelta(days=1),
    )
    return {"index": index, "main": main, "related": related}


@pytest.mark.parametrize(("size", "name"), [(PHONE, "phone"), (DESKTOP, "desktop")])
def test_reader_goes_from_home_to_a_category_an_article_and_a_related_one(new_page, news, size, name):
    page = new_page(size)
    page.goto("/")
    expect(page.get_by_role("heading", name="Tin nổi bật")).to_be_visible()
    assert fits(page)
    screenshot(page, f"news-home-{name}")

    page.get_by_role("heading", name="Đào tạo cán bộ").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đào tạo cán bộ")
    expect(page.get_by_role("link", name="Sân khấu hóa tuyên truyền bình đẳng giới")).to_have_count(0)
    assert fits(page)
    screenshot(page, f"news-category-{name}")

    page.get_by_role("link", name=news["main"].title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(news["main"].title)
    expect(page.locator(".news-article__dateline")).to_contain_text("(GMT+7)")
    body = page.locator(".article__body p").first
    before = float(body.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    after = float(body.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    assert after > before * 1.1
    assert fits(page)
    screenshot(page, f"news-article-large-text-{name}")

    related = page.get_by_role("complementary", name="Tin liên quan")
    related.get_by_role("link", name=news["related"].title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(news["related"].title)
    # The reader's text size goes with them.
    assert page.evaluate("document.documentElement.dataset.textSize") == "2"
    screenshot(page, f"news-related-article-{name}")


def test_article_reads_and_shares_without_javascript(new_page, news):
    page = new_page(PHONE, java_script_enabled=False)
    page.goto(news["main"].url)
    expect(page.get_by_role("heading", level=1)).to_have_text(news["main"].title)
    copy = page.get_by_role("link", name="Sao chép liên kết").first
    assert copy.get_attribute("href").endswith("/tin-tuc/tap-huan-ky-nang-giam-sat/")
    page.get_by_role("link", name="In bài").first.click()
    expect(page.locator("body.print-view")).to_have_count(1)
    screenshot(page, "news-print-view-no-javascript")
