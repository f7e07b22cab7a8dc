import datetime
import io
import re

from django.utils import timezone

import pytest
from PIL import Image
from playwright.sync_api import expect

from accounts import factories as accounts_factories
from feedback.factories import FeedbackPageFactory, TopicFactory
from feedback.models import Feedback

from .conftest import PHONE, fits, proof_of_work_is_valid, screenshot, sign_in


@pytest.fixture
def forum(settings):
    from home.models import HomePage

    # The journey types faster than a person; the other defences stay on.
    settings.FEEDBACK_MIN_SECONDS = 0
    TopicFactory(name="Môi trường")
    TopicFactory(name="An toàn thực phẩm")
    return FeedbackPageFactory(parent=HomePage.objects.get())


def photo():
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 60)).save(out, "JPEG")
    return {"name": "bai-rac.jpg", "mimeType": "image/jpeg", "buffer": out.getvalue()}


def open_action(page, name):
    """Unfolds an action's form (the first allowed action is already unfolded)."""
    details = page.locator(f"details:has(form[data-action='{name}'])")
    if not details.evaluate("element => element.open"):
        details.locator("summary").click()


def test_citizen_sends_moderator_resolves_citizen_reads_the_answer(new_page, live_server, forum):
    citizen = new_page(PHONE)
    citizen.goto("/gui-y-kien/")
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Gửi ý kiến, phản ánh")
    citizen.get_by_label("Lĩnh vực").select_option(label="Môi trường")
    citizen.get_by_label("Nội dung ý kiến, phản ánh").fill(
        "Bãi rác tự phát cạnh trường mầm non thôn Đông bốc mùi, xin Hội đề nghị xã xử lý."
    )
    citizen.get_by_label("Ảnh hoặc tài liệu kèm theo").set_input_files([photo()])
    citizen.get_by_label("Thư điện tử", exact=True).fill("lan@example.org")
    citizen.get_by_label(re.compile("Tôi đồng ý để Hội xử lý")).check()
    # The browser does the proof of work while the visitor types.
    assert proof_of_work_is_valid(citizen, "feedback")
    assert fits(citizen)
    screenshot(citizen, "feedback-1-form-phone")
    citizen.get_by_role("button", name="Gửi ý kiến").click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Đã gửi ý kiến thành công")
    code = citizen.locator("[data-tracking-code]").inner_text().strip()
    assert re.fullmatch(r"PA-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    assert fits(citizen)
    screenshot(citizen, "feedback-2-code-phone")
    item = Feedback.objects.get(code=code)
    assert item.attachments.count() == 1

    moderator = accounts_factories.moderator()
    admin = new_page(PHONE)
    sign_in(admin, moderator, live_server.url)
    admin.goto("/admin/snippets/feedback/feedback/")
    admin.get_by_role("link", name=code).click()
    expect(admin.locator("[data-feedback-content]")).to_contain_text("Bãi rác tự phát")
    expect(admin.locator(".feedback-attachments img")).to_be_visible()
    screenshot(admin, "feedback-3-moderator-detail-phone")
    admin.locator("form[data-action='accept'] button[type=submit]").click()
    expect(admin.get_by_text("Đã thực hiện: Tiếp nhận.")).to_be_visible()

    open_action(admin, "forward")
    admin.fill("#id_forward-forwarded_to", "UBND xã Hòa Bình")
    admin.fill("#id_forward-deadline", (timezone.localdate() + datetime.timedelta(days=10)).isoformat())
    admin.locator("form[data-action='forward'] button[type=submit]").click()
    expect(admin.get_by_text("Đã thực hiện: Chuyển cơ quan giải quyết.")).to_be_visible()

    open_action(admin, "resolve")
    admin.fill("#id_resolve-answer", "UBND xã Hòa Bình đã thu dọn bãi rác và đặt biển cấm đổ rác.")
    admin.locator("form[data-action='resolve'] button[type=submit]").click()
    expect(admin.get_by_text("Đã thực hiện: Ghi nhận kết quả, trả lời.")).to_be_visible()

    open_action(admin, "publish")
    expect(admin.locator("#id_publish-public_summary")).to_have_value(re.compile("Bãi rác tự phát"))
    admin.fill("#id_publish-public_summary", "Bãi rác tự phát cạnh một trường mầm non gây ô nhiễm.")
    admin.locator("form[data-action='publish'] button[type=submit]").click()
    expect(admin.get_by_text("Đã thực hiện: Công khai kết quả (đã ẩn danh).")).to_be_visible()
    expect(admin.locator("tr[data-event='publish']")).to_be_visible()
    screenshot(admin, "feedback-4-moderator-published-phone")
    admin.locator("#moderation-history").scroll_into_view_if_needed()
    screenshot(admin, "feedback-5-moderator-history-phone")
    admin.goto("/admin/snippets/feedback/feedback/")
    expect(admin.get_by_role("link", name=code)).to_be_visible()
    screenshot(admin, "feedback-6-moderator-queue-phone")

    citizen.goto("/tra-cuu/")
    citizen.get_by_label("Mã tra cứu").fill(code.lower().replace("-", " "))
    citizen.get_by_role("button", name="Tra cứu", exact=True).click()
    expect(citizen.locator("[data-status]")).to_have_text("Đã công khai kết quả")
    expect(citizen.locator("[data-answer]")).to_contain_text("đã thu dọn bãi rác")
    assert fits(citizen)
    screenshot(citizen, "feedback-7-lookup-answer-phone")

    citizen.goto("/ket-qua-giai-quyet/")
    expect(citizen.get_by_text("Bãi rác tự phát cạnh một trường mầm non gây ô nhiễm.")).to_be_visible()
    assert fits(citizen)
    screenshot(citizen, "feedback-8-resolutions-phone")


def test_feedback_can_be_sent_without_javascript(new_page, forum, settings):
    # The form page comes from the page cache, without a token: the first press brings the form back
    # with one and everything typed kept; the second sends it.
    settings.PAGE_CACHE_SECONDS = 300
    page = new_page(PHONE, java_script_enabled=False)
    page.goto("/gui-y-kien/")
    page.goto("/gui-y-kien/")
    page.get_by_label("Lĩnh vực").select_option(label="An toàn thực phẩm")
    page.get_by_label("Nội dung ý kiến, phản ánh").fill("Cửa hàng đầu ngõ bán bánh kẹo không nhãn mác.")
    page.get_by_label(re.compile("Tôi đồng ý để Hội xử lý")).check()
    page.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.locator("[data-resend]")).to_contain_text("chưa được gửi")
    expect(page.get_by_label("Nội dung ý kiến, phản ánh")).to_have_value(
        "Cửa hàng đầu ngõ bán bánh kẹo không nhãn mác."
    )
    screenshot(page, "feedback-no-javascript-press-again-phone")
    page.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đã gửi ý kiến thành công")
    screenshot(page, "feedback-no-javascript-phone")
    assert Feedback.objects.count() == 1
