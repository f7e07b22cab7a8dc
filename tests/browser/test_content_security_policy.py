"""Under the Content-Security-Policy, Chromium blocks nothing the portal itself needs: public pages
(with their scripts: text size, search suggestions, proof of work) and the Wagtail admin (dashboard,
page editor with its live preview, image chooser)."""

import pytest
from playwright.sync_api import expect

from accounts.factories import approver
from feedback.factories import FeedbackPageFactory, TopicFactory
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory

from .conftest import DESKTOP, sign_in


@pytest.fixture
def pages(transactional_db):
    from home.models import HomePage

    home = HomePage.objects.get()
    index = NewsIndexPageFactory(parent=home)
    article = NewsArticlePageFactory(parent=index, title="Phụ nữ vùng cao học nghề dệt thổ cẩm")
    TopicFactory(name="Môi trường")
    return {"home": home, "article": article, "feedback": FeedbackPageFactory(parent=home)}


def watch_violations(page):
    """Console messages and page errors that say the policy refused something."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: violations.append(f"page error: {error}"))
    return violations


def test_public_pages_run_under_the_policy(new_page, live_server, pages):
    page = new_page(DESKTOP)
    violations = watch_violations(page)
    page.goto("/")
    # site.js (text-size.js first) runs: it reveals the text size control.
    expect(page.locator("[data-text-size-control]")).to_be_visible()
    page.locator("#site-search").fill("phụ nữ")
    page.goto(pages["article"].url)
    page.goto(pages["feedback"].url)
    # The form's script runs: once the reader starts on the form it fetches the tokens
    # (connect-src 'self') and fills in the nonce.
    page.get_by_label("Nội dung ý kiến, phản ánh").click()
    page.wait_for_function("() => document.querySelector('[data-pow-nonce]').value !== ''", timeout=30_000)
    assert violations == []


def test_the_admin_works_under_its_policy(new_page, live_server, pages):
    page = new_page(DESKTOP)
    violations = watch_violations(page)
    sign_in(page, approver(username="duyetbai"), live_server.url)
    page.goto("/admin/")
    expect(page.locator("main")).to_be_visible()
    page.goto("/admin/pages/")
    expect(page.locator("main")).to_contain_text("Trang chủ")
    page.goto(f"/admin/pages/{pages['article'].pk}/edit/")
    expect(page.locator("#id_title")).to_have_value("Phụ nữ vùng cao học nghề dệt thổ cẩm")
    # The live preview panel frames the page from the admin.
    page.locator("[data-side-panel-toggle=preview]").click()
    frame = page.frame_locator("iframe#w-preview-iframe").first
    expect(frame.locator("h1").first).to_be_visible(timeout=20_000)
    page.goto(pages["article"].url)
    expect(page.locator("wagtail-userbar")).to_be_attached()
    assert violations == []
