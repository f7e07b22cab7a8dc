"""Editors and approvers in the Wagtail admin: an article written, submitted, approved, then read."""

from wagtail.models import TaskState

import pytest
from playwright.sync_api import expect

from accounts.factories import approver, editor
from news.factories import NewsCategoryFactory, NewsIndexPageFactory
from news.models import NewsArticlePage

from .conftest import DESKTOP, screenshot, sign_in


@pytest.fixture
def newsroom(transactional_db):
    from home.models import HomePage

    index = NewsIndexPageFactory(parent=HomePage.objects.get())
    category = NewsCategoryFactory(name="Giám sát, phản biện", sort_order=1)
    return index, category


def test_editor_submits_an_article_the_approver_publishes_it(new_page, live_server, newsroom):
    index, category = newsroom
    writer = new_page(DESKTOP)
    sign_in(writer, editor(username="bientapvien"), live_server.url)
    writer.goto(f"/admin/pages/add/news/newsarticlepage/{index.pk}/")
    writer.locator("#id_title").fill("Đoàn giám sát bữa ăn bán trú ở xã Tân Phú")
    writer.locator("#id_title").blur()
    expect(writer.locator("#id_slug")).to_have_value("doan-giam-sat-bua-an-ban-tru-o-xa-tan-phu")
    writer.locator("#id_lead").fill("Ba trường tiểu học được kiểm tra bếp ăn và thực đơn.")
    writer.get_by_label(category.name).check()
    writer.locator("[data-contentpath=body] .c-sf-add-button").first.click()
    writer.get_by_role("option", name="Đoạn văn").click()
    editor_box = writer.locator("[data-contentpath=body] [contenteditable=true]").first
    editor_box.click()
    editor_box.press_sequentially("Đoàn kiểm tra bếp ăn, thực đơn và hợp đồng mua thực phẩm của ba trường.")
    expect(editor_box).to_contain_text("hợp đồng mua thực phẩm")
    # Draftail copies the text into the form a moment after typing: wait for it, as a person would.
    writer.wait_for_function(
        "() => [...document.querySelectorAll('input[name^=body-]')].some(i => i.value.includes('thực phẩm'))"
    )
    screenshot(writer, "editorial-1-editor-writes")
    assert writer.locator('button[name="action-publish"]').count() == 0  # editors cannot publish
    writer.locator("footer .w-dropdown__toggle").first.click()
    writer.locator('button[name="action-submit"]').click()
    expect(writer.locator(".messages")).to_contain_text("Đoàn giám sát bữa ăn bán trú ở xã Tân Phú")
    screenshot(writer, "editorial-2-submitted")
    article = NewsArticlePage.objects.get(slug="doan-giam-sat-bua-an-ban-tru-o-xa-tan-phu")
    assert not article.live

    reviewer = new_page(DESKTOP)
    sign_in(reviewer, approver(username="nguoiduyet"), live_server.url)
    reviewer.goto("/admin/")
    expect(reviewer.locator("main")).to_contain_text("Đoàn giám sát bữa ăn bán trú ở xã Tân Phú")  # awaiting review
    screenshot(reviewer, "editorial-3-approver-dashboard")
    reviewer.goto(f"/admin/pages/{article.pk}/edit/")
    reviewer.locator("footer .w-dropdown__toggle").first.click()
    screenshot(reviewer, "editorial-4-approver-actions")
    reviewer.get_by_role("button", name="Phê duyệt kèm bình luận và xuất bản").click()
    comment = reviewer.locator("textarea[name=comment]:visible")
    comment.fill("Đồng ý đăng, bài viết rõ ràng.")
    modal = reviewer.locator(".modal-content:visible")
    screenshot(reviewer, "editorial-5-approver-comments")
    modal.get_by_role("button", name="Phê duyệt kèm bình luận").click()
    expect(reviewer.locator(".messages")).to_contain_text("Đoàn giám sát bữa ăn bán trú ở xã Tân Phú")
    screenshot(reviewer, "editorial-6-approved")
    article.refresh_from_db()
    assert article.live
    review = TaskState.objects.filter(workflow_state__object_id=str(article.pk)).get()
    assert (review.status, review.comment) == (TaskState.STATUS_APPROVED, "Đồng ý đăng, bài viết rõ ràng.")

    reader = new_page()
    reader.goto("/tin-tuc/doan-giam-sat-bua-an-ban-tru-o-xa-tan-phu/")
    expect(reader.locator("h1")).to_have_text("Đoàn giám sát bữa ăn bán trú ở xã Tân Phú")
    expect(reader.locator("main")).to_contain_text("Đoàn kiểm tra bếp ăn, thực đơn và hợp đồng mua thực phẩm")
    expect(reader.locator("main")).to_contain_text(category.name)
    screenshot(reader, "editorial-7-reader-phone")
