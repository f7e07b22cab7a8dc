"""Journeys on a phone (360 px): a member comments on section 3 of an open draft, a moderator approves, the
consultation closes (the clock moves), the synthesis accepts the comment, the member sees it marked;
a visitor asks a question, gets a code, a moderator answers and publishes it without the asker's name."""

import datetime

from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine
from playwright.sync_api import expect

from accounts import factories as accounts_factories
from consultations.factories import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    QuestionFieldFactory,
    QuestionIndexPageFactory,
)
from consultations.models import Question, SynthesisAcceptance
from feedback.models import Comment

from .conftest import PHONE, fits, proof_of_work_is_valid, screenshot, sign_in

TEXT = "Đề nghị nâng mức vay lên 150 triệu đồng cho mô hình có từ 5 lao động nữ trở lên."
CHANGE = "Điều 3: mức vay tối đa nâng lên 150 triệu đồng với mô hình có từ 5 lao động nữ."


@pytest.fixture
def consultation(transactional_db, settings):
    from home.models import HomePage

    settings.COMMENTS_MIN_SECONDS = 0
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_BROWSER_SECONDS = 0  # the browser asks again: the server's cache and purges are tested
    index = ConsultationIndexPageFactory(parent=HomePage.objects.get())
    minute = timezone.now().replace(second=0, microsecond=0)  # the admin's pickers keep whole minutes
    return ConsultationPageFactory(
        parent=index,
        title="Dự thảo Quy định hỗ trợ phụ nữ khởi nghiệp",
        slug="ho-tro-phu-nu-khoi-nghiep",
        opens_at=minute - datetime.timedelta(days=1),
        closes_at=minute + datetime.timedelta(days=2),
        sections=6,
    )


def test_a_member_comments_on_section_three_and_later_sees_it_accepted(new_page, live_server, consultation):
    third = consultation.sections.all()[2]
    member = new_page(PHONE)
    member.goto("/gop-y-du-thao/")
    expect(member.locator("[data-days-left]")).to_have_text("Còn 2 ngày")
    member.get_by_role("link", name=consultation.title).click()
    member.locator(f"[data-comment-on='{third.pk}']").click()
    expect(member.get_by_label("Góp ý vào")).to_have_value(str(third.pk))
    member.get_by_label("Tên của bạn").fill("Nguyễn Thị Hằng")
    member.get_by_label("Tôi là hội viên Hội Liên hiệp Phụ nữ").check()
    member.get_by_label("Ý kiến của bạn").fill(TEXT)
    assert fits(member)
    screenshot(member, "consultation-1-member-comments-on-section-3-phone")
    assert proof_of_work_is_valid(member, "comments")
    member.get_by_role("button", name="Gửi ý kiến").click()
    expect(member.get_by_text("Ý kiến sẽ được hiện sau khi cán bộ tiếp nhận xem và duyệt")).to_be_visible()
    comment = Comment.objects.get()
    assert comment.consultation_details.section == third and comment.consultation_details.is_member

    moderator = new_page(PHONE)
    sign_in(moderator, accounts_factories.moderator(), live_server.url)
    moderator.goto("/admin/snippets/consultations/consultationcomment/?status=pending")
    expect(moderator.locator("main")).to_contain_text(third.short_label)
    screenshot(moderator, "consultation-2-moderator-queue-phone")
    moderator.get_by_role("link", name="Nguyễn Thị Hằng").click()
    moderator.locator("form[data-action='approve'] button[type=submit]").click()
    expect(moderator.get_by_text("Đã thực hiện: Duyệt, cho hiện.")).to_be_visible()
    screenshot(moderator, "consultation-3-moderator-approved-phone")
    member.goto(consultation.url)
    expect(member.locator("[data-comment]")).to_contain_text(TEXT)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=3), tick=True):
        call_command("close_consultations")
        member.goto(consultation.url)
        expect(member.locator("[data-comments-closed]")).to_contain_text("Đã hết hạn góp ý")
        expect(member.locator("form.comment-form")).to_have_count(0)

        editor = new_page(PHONE)
        sign_in(editor, accounts_factories.approver(), live_server.url)
        editor.goto(f"/admin/pages/{consultation.pk}/edit/")
        points = editor.locator("[data-contentpath=synthesis_points] [contenteditable=true]").first
        points.click()
        points.press_sequentially("Các ý kiến đồng tình, đề nghị nâng mức vay.")
        editor.wait_for_function(
            "() => document.querySelector('input[name=synthesis_points]').value.includes('nâng mức vay')"
        )
        editor.locator("#id_acceptances-ADD").click()
        editor.locator("#id_acceptances-0-comment").select_option(str(comment.pk))
        editor.locator("#id_acceptances-0-change").fill(CHANGE)
        screenshot(editor, "consultation-4-editor-writes-synthesis-phone")
        editor.locator("footer .w-dropdown__toggle").first.click()
        editor.locator('button[name="action-publish"]').click()
        expect(editor.locator(".messages")).to_contain_text(consultation.title)
        assert SynthesisAcceptance.objects.get().comment == comment
        period = (consultation.opens_at, consultation.closes_at)
        consultation.refresh_from_db()
        assert (consultation.opens_at, consultation.closes_at) == period  # the admin read its dates day first

        member.goto(consultation.url)
        expect(member.locator("[data-synthesis]")).to_contain_text("Các ý kiến đồng tình")
        accepted = member.locator(f"#y-kien-{comment.pk} [data-accepted]")
        expect(accepted).to_contain_text("Ý kiến của bạn đã được tiếp thu")
        expect(accepted).to_contain_text(CHANGE)
        accepted.scroll_into_view_if_needed()
        assert fits(member)
        screenshot(member, "consultation-5-member-sees-accepted-phone")


@pytest.fixture
def qa_page(transactional_db, settings):
    from home.models import HomePage

    settings.FEEDBACK_MIN_SECONDS = 0
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_BROWSER_SECONDS = 0
    QuestionFieldFactory(name="Vay vốn, sinh kế")
    return QuestionIndexPageFactory(parent=HomePage.objects.get())


def test_a_question_gets_a_code_and_is_published_without_the_askers_name(new_page, live_server, qa_page):
    asker = new_page(PHONE)
    asker.goto("/hoi-dap/")
    asker.get_by_role("link", name="Đặt câu hỏi").click()
    asker.get_by_label("Câu hỏi của bạn").fill("Tôi là Thu, số 0912 345 678: vay vốn khởi nghiệp cần giấy tờ gì?")
    asker.get_by_label("Họ và tên (không bắt buộc)").fill("Phạm Thị Thu")
    asker.get_by_label("Tôi đồng ý để Hội xử lý thông tin tôi gửi, chỉ nhằm trả lời câu hỏi này.").check()
    assert proof_of_work_is_valid(asker, "feedback")
    assert fits(asker)
    screenshot(asker, "question-1-ask-phone")
    asker.get_by_role("button", name="Gửi câu hỏi").click()
    code = asker.locator("[data-code]").inner_text()
    item = Question.objects.get()
    assert code == item.code and item.has_contact_in_text
    screenshot(asker, "question-2-code-phone")

    moderator = new_page(PHONE)
    sign_in(moderator, accounts_factories.moderator(), live_server.url)
    moderator.goto("/admin/snippets/consultations/question/?status=new")
    moderator.get_by_role("link", name=item.code).click()
    expect(moderator.locator("[data-contact-warning]")).to_be_visible()
    moderator.locator("#id_publish-question").fill("Vay vốn khởi nghiệp cần những giấy tờ gì?")
    moderator.locator("#id_publish-field").select_option(label="Vay vốn, sinh kế")
    moderator.locator("#id_publish-answer").fill("Chị cần giấy đề nghị vay vốn và phương án sản xuất, kinh doanh.")
    screenshot(moderator, "question-3-moderator-answers-phone")
    moderator.locator("form[data-action='publish'] button[type=submit]").click()
    expect(moderator.get_by_text("Đã thực hiện: Trả lời và công khai.")).to_be_visible()

    asker.goto(f"/tra-cuu/?ma={code}")
    asker.locator("[data-question-link]").click()
    expect(asker.locator("[data-answer]")).to_contain_text("phương án sản xuất")
    asker.goto("/hoi-dap/")
    expect(asker.locator("main")).to_contain_text("Vay vốn khởi nghiệp cần những giấy tờ gì?")
    expect(asker.locator("main")).not_to_contain_text("Phạm Thị Thu")
    expect(asker.locator("main")).not_to_contain_text("0912 345 678")
    assert fits(asker)
    screenshot(asker, "question-4-published-phone")
