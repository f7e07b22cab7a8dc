import pytest
from playwright.sync_api import expect

from accounts import factories as accounts_factories
from feedback.models import Comment
from news.factories import NewsArticlePageFactory, NewsCategoryFactory, NewsIndexPageFactory

from .conftest import PHONE, fits, proof_of_work_is_valid, screenshot, sign_in

TEXT = "Lớp tập huấn rất bổ ích, mong Hội mở thêm lớp cho chị em ở thôn xa <b>trung tâm</b>."


@pytest.fixture
def article(transactional_db, settings):
    from home.models import HomePage

    # The journey types faster than a person; the other defences stay on. The article comes from the
    # page cache, as in production: the form's tokens are fetched, the approval purges the article.
    settings.COMMENTS_MIN_SECONDS = 0
    settings.PAGE_CACHE_SECONDS = 300
    index = NewsIndexPageFactory(parent=HomePage.objects.get())
    return NewsArticlePageFactory(
        parent=index,
        title="Tập huấn kỹ năng giám sát cho chủ tịch Hội cấp xã",
        slug="tap-huan-ky-nang-giam-sat",
        categories=[NewsCategoryFactory(name="Đào tạo cán bộ")],
    )


def test_reader_comments_moderator_approves_and_the_comment_appears(new_page, live_server, article):
    reader = new_page(PHONE)
    reader.goto(article.url)
    expect(reader.locator("a.comment-count")).to_have_text("Ý kiến (0)")
    reader.locator("a.comment-count").click()
    expect(reader.get_by_role("heading", name="Ý kiến (0)")).to_be_visible()
    reader.get_by_label("Tên của bạn").fill("Trần Thị Mai")
    reader.get_by_label("Thư điện tử (không bắt buộc)").fill("mai@example.org")
    reader.get_by_label("Ý kiến của bạn").fill(TEXT)
    assert proof_of_work_is_valid(reader, "comments")
    assert fits(reader)
    screenshot(reader, "comments-1-form-phone")
    reader.get_by_role("button", name="Gửi ý kiến").click()
    expect(reader.get_by_text("Ý kiến sẽ được hiện sau khi ban biên tập xem và duyệt")).to_be_visible()
    expect(reader.locator("[data-comment]")).to_have_count(0)
    expect(reader.locator("a.comment-count")).to_have_text("Ý kiến (0)")
    assert fits(reader)
    screenshot(reader, "comments-2-awaiting-approval-phone")
    comment = Comment.objects.get()
    assert comment.status == "pending" and comment.email == "mai@example.org"

    admin = new_page(PHONE)
    sign_in(admin, accounts_factories.moderator(), live_server.url)
    admin.goto("/admin/snippets/feedback/comment/?status=pending")
    expect(admin.get_by_role("link", name=article.title)).to_be_visible()
    screenshot(admin, "comments-3-moderator-queue-phone")
    admin.get_by_role("link", name="Trần Thị Mai").click()
    expect(admin.locator("[data-comment-text]")).to_contain_text("<b>trung tâm</b>")
    admin.locator("form[data-action='approve'] button[type=submit]").click()
    expect(admin.get_by_text("Đã thực hiện: Duyệt, cho hiện.")).to_be_visible()
    admin.get_by_label("Trả lời của ban biên tập").fill("Cảm ơn chị, Hội sẽ mở lớp tại thôn Đông vào tháng tới.")
    admin.get_by_role("button", name="Đăng trả lời").click()
    expect(admin.get_by_text("Đã đăng trả lời của ban biên tập.")).to_be_visible()
    expect(admin.locator("tr[data-event='approve']")).to_be_visible()
    screenshot(admin, "comments-4-moderator-approved-phone")

    reader.goto(article.url)
    expect(reader.locator("a.comment-count")).to_have_text("Ý kiến (1)")
    expect(reader.get_by_role("heading", name="Ý kiến (1)")).to_be_visible()
    expect(reader.locator("[data-comment]")).to_contain_text(TEXT)
    expect(reader.locator("[data-reply]")).to_contain_text("Hội sẽ mở lớp tại thôn Đông")
    expect(reader.locator("#y-kien")).not_to_contain_text("mai@example.org")
    reader.locator("#y-kien").scroll_into_view_if_needed()
    assert fits(reader)
    screenshot(reader, "comments-5-approved-phone")


def test_a_comment_can_be_sent_without_javascript_and_errors_keep_the_text(new_page, article):
    page = new_page(PHONE, java_script_enabled=False)
    page.goto(article.url)
    page.get_by_label("Ý kiến của bạn").fill("Nội dung viết khi chưa điền tên.")
    page.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gửi ý kiến về bài viết")
    expect(page.get_by_label("Ý kiến của bạn")).to_have_value("Nội dung viết khi chưa điền tên.")
    assert fits(page)
    screenshot(page, "comments-6-error-kept-phone")
    page.get_by_label("Tên của bạn").fill("Lò Thị Xuân")
    page.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.get_by_text("Ý kiến sẽ được hiện sau khi ban biên tập xem và duyệt")).to_be_visible()
    assert Comment.objects.get().name == "Lò Thị Xuân"
