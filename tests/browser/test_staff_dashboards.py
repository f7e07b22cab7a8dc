"""Issue 14's journeys at 1280 px: an editor signs in, finds a returned draft on the dashboard and fixes
it; the approver finds it waiting and approves; a moderator finds an overdue item and opens it."""

import datetime

from django.utils import timezone

from wagtail.models import WorkflowState

import pytest
from playwright.sync_api import expect

from accounts.factories import DEFAULT_PASSWORD, approver, editor, moderator
from feedback.factories import FeedbackFactory, TopicFactory
from news.factories import NewsArticlePageFactory, NewsCategoryFactory, NewsIndexPageFactory

from .conftest import DESKTOP, screenshot, sign_in

TITLE = "Hội phụ nữ xã Tân Phú ra mắt tổ hợp tác may mặc"
COMMENT = "Cần ghi rõ số hội viên tham gia tổ hợp tác."
BROKEN_IMAGES = "() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"


@pytest.fixture
def returned_article(transactional_db):
    from home.models import HomePage

    index = NewsIndexPageFactory(parent=HomePage.objects.get())
    writer = editor(username="bientapvien", full_name="Nguyễn Thị Biên")
    reviewer = approver(username="nguoiduyet", full_name="Trần Thị Duyệt")
    article = NewsArticlePageFactory(parent=index, title=TITLE, slug="to-hop-tac-may-mac", live=False, owner=writer)
    article.categories.add(NewsCategoryFactory(name="Phụ nữ khởi nghiệp"))
    article.save_revision(user=writer)
    state = article.get_workflow().start(article, writer)
    state.current_task_state.reject(user=reviewer, comment=COMMENT)
    return article, writer, reviewer


def sign_in_with_form(page, username):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/admin/")


def test_editor_fixes_a_returned_draft_and_the_approver_approves_it(new_page, live_server, returned_article):
    article, _writer, _reviewer = returned_article
    page = new_page(DESKTOP)
    page.goto("/admin/login/")
    expect(page.locator("h1")).to_contain_text("Đăng nhập trang quản trị")
    expect(page.locator(".portal-login-brand")).to_contain_text("Hội Liên hiệp Phụ nữ")
    assert page.evaluate(BROKEN_IMAGES) == []
    screenshot(page, "staff-1-sign-in")

    sign_in_with_form(page, "bientapvien")
    returned = page.locator("#portal-returnedtomepanel-section")
    expect(returned).to_contain_text(TITLE)
    expect(returned).to_contain_text(COMMENT)
    expect(returned).to_contain_text("Trần Thị Duyệt")
    assert page.evaluate(BROKEN_IMAGES) == []  # the logo and the avatar
    screenshot(page, "staff-2-editor-dashboard")

    returned.get_by_role("link", name=TITLE).click()
    page.locator("#id_lead").fill("Tổ hợp tác có 25 hội viên tham gia, may đồng phục cho các trường học.")
    page.locator("footer .w-dropdown__toggle").first.click()
    screenshot(page, "staff-3-editor-resubmits")
    page.locator('button[name="action-submit"]').click()
    screenshot(page, "staff-3b-editor-resubmitted")
    expect(page.locator(".messages")).to_contain_text(TITLE)
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    page.goto("/admin/")
    expect(page.locator("main")).not_to_contain_text(COMMENT)  # no longer returned
    reviewer = new_page(DESKTOP)
    sign_in(reviewer, _reviewer, live_server.url)
    reviewer.goto("/admin/")
    waiting = reviewer.locator("#portal-awaitingmyapprovalpanel-section")
    expect(waiting).to_contain_text(TITLE)
    expect(waiting).to_contain_text("đã chờ")
    expect(waiting).to_contain_text("gửi bởi Nguyễn Thị Biên")
    screenshot(reviewer, "staff-4-approver-dashboard")
    waiting.get_by_role("link", name=TITLE).click()
    reviewer.locator("footer .w-dropdown__toggle").first.click()
    reviewer.get_by_role("button", name="Phê duyệt kèm bình luận và xuất bản").click()
    reviewer.locator("textarea[name=comment]:visible").fill("Đã đủ thông tin, đồng ý đăng.")
    reviewer.locator(".modal-content:visible").get_by_role("button", name="Phê duyệt kèm bình luận").click()
    expect(reviewer.locator(".messages")).to_contain_text(TITLE)
    screenshot(reviewer, "staff-5-approved")
    article.refresh_from_db()
    assert article.live
    assert "25 hội viên" in article.lead


@pytest.fixture
def overdue_item(transactional_db):
    topic = TopicFactory(name="Môi trường")
    FeedbackFactory(topic=topic)  # a new one, counted
    return FeedbackFactory(
        topic=topic,
        status="forwarded",
        forwarded_to="UBND xã Hòa Bình",
        deadline=timezone.localdate() - datetime.timedelta(days=3),
        content="Bãi rác tự phát cạnh kênh thủy lợi thôn Đông chưa được dọn.",
    )


def test_moderator_finds_an_overdue_item_on_the_dashboard_and_opens_it(new_page, live_server, overdue_item):
    moderator(username="tiepnhan")
    page = new_page(DESKTOP)
    sign_in_with_form(page, "tiepnhan")
    panel = page.locator("#portal-moderationpanel-section")
    expect(panel).to_contain_text("ý kiến quá hạn trả lời")
    expect(panel).to_contain_text(overdue_item.code)
    expect(panel).to_contain_text("quá hạn 3 ngày")
    assert page.evaluate(BROKEN_IMAGES) == []
    screenshot(page, "staff-6-moderator-dashboard")
    panel.get_by_role("link", name=overdue_item.code).click()
    expect(page.locator("main")).to_contain_text("Bãi rác tự phát cạnh kênh thủy lợi thôn Đông")
    expect(page.locator("main")).to_contain_text("UBND xã Hòa Bình")
    screenshot(page, "staff-7-moderator-opens-the-item")


def test_the_editor_guide_opens_from_the_help_menu(new_page, live_server, transactional_db):
    page = new_page(DESKTOP)
    sign_in(page, editor(), live_server.url)
    page.goto("/admin/")
    page.get_by_role("button", name="Trợ giúp").click()
    help_menu = page.locator(".sidebar-sub-menu-panel", has_text="Hướng dẫn biên tập")
    expect(help_menu).to_contain_text("Hướng dẫn biên tập")
    expect(help_menu).not_to_contain_text("Editor Guide")
    screenshot(page, "staff-8-help-menu")
    help_menu.get_by_role("link", name="Hướng dẫn biên tập").click()
    expect(page.locator("h1")).to_contain_text("Hướng dẫn sử dụng trang quản trị")
    expect(page.locator("main")).to_contain_text("Gửi duyệt và duyệt bài")
    screenshot(page, "staff-9-editor-guide")
