"""The staff side of consultations: the queue, the synthesis on the page, the exports."""

import io
import json

from django.urls import reverse

import pytest
import time_machine
from docx import Document
from openpyxl import load_workbook

from accounts import factories as accounts_factories
from consultations.factories import ConsultationPageFactory, consultation_comment
from consultations.models import ConsultationPage, SynthesisAcceptance
from feedback.models import CommentStatus, ModerationEvent

from .conftest import at_gmt7

pytestmark = pytest.mark.django_db
NS = "wagtailsnippets_consultations_consultationcomment"


def url(name, *args):
    return reverse(f"{NS}:{name}", args=args)


@pytest.fixture
def mod_client(client, moderator):
    client.force_login(moderator)
    return client


def test_the_queue_lists_consultation_comments_with_their_section_and_not_article_comments(
    mod_client, consultation, home_page
):
    third = consultation.sections.all()[2]
    consultation_comment(consultation, third, text="Góp ý điều ba trong hàng đợi.")
    from feedback.factories import CommentFactory

    CommentFactory(page=home_page, text="Ý kiến về một bài viết.")
    html = mod_client.get(url("list"), {"status": "pending"}).content.decode()
    assert "Góp ý điều ba trong hàng đợi." in html and third.short_label in html
    assert "Ý kiến về một bài viết." not in html
    sidebar = mod_client.get(reverse("wagtailadmin_home")).content.decode()
    assert json.dumps("Góp ý dự thảo (1)") in sidebar


def test_a_moderator_approves_from_the_queue_through_the_comment_workflow(mod_client, client, consultation, moderator):
    comment = consultation_comment(consultation, consultation.sections.first(), phone="0912345678")
    page = mod_client.get(url("inspect", comment.pk)).content.decode()
    assert 'data-action="approve"' in page and "0912345678" in page
    mod_client.post(url("action", comment.pk, "approve"), {"approve-comment": "Phù hợp."})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    assert ModerationEvent.objects.get(action="approve", object_id=comment.pk).actor == moderator
    mod_client.logout()
    assert comment.text in client.get(consultation.url).content.decode()


def test_people_without_the_role_do_not_reach_the_queue(client, consultation):
    client.force_login(accounts_factories.editor())
    assert client.get(url("list")).status_code in (302, 403)


@pytest.fixture
def closed(index_page):
    with time_machine.travel(at_gmt7(2026, 11, 1, 9, 0), tick=False):
        page = ConsultationPageFactory(
            parent=index_page,
            title="Dự thảo đề án mái ấm",
            opens_at=at_gmt7(2026, 11, 1, 8, 0),
            closes_at=at_gmt7(2026, 11, 15, 17, 0),
            sections=3,
        )
    return ConsultationPage.objects.get(pk=page.pk)


def test_the_synthesis_form_offers_only_approved_comments_of_this_consultation(closed, index_page):
    other = ConsultationPageFactory(parent=index_page, sections=1)
    mine = consultation_comment(closed, status=CommentStatus.APPROVED, text="Ý kiến của dự thảo này.")
    consultation_comment(closed, status=CommentStatus.PENDING, text="Chưa duyệt.")
    consultation_comment(other, status=CommentStatus.APPROVED, text="Ý kiến dự thảo khác.")
    form_class = ConsultationPage.get_edit_handler().get_form_class()
    form = form_class(instance=closed, for_user=accounts_factories.editor())
    formset = form.formsets["acceptances"]
    assert list(formset.empty_form.fields["comment"].queryset) == [mine]


def test_an_acceptance_of_another_consultations_comment_is_refused(closed, index_page):
    from django.core.exceptions import ValidationError

    other = ConsultationPageFactory(parent=index_page, sections=1)
    foreign = consultation_comment(other, status=CommentStatus.APPROVED)
    with pytest.raises(ValidationError):
        SynthesisAcceptance(page=closed, comment=foreign, change="Sửa Điều 1.").clean()


def test_the_closed_page_shows_the_synthesis_counts_and_the_accepted_mark(client, closed):
    sections = list(closed.sections.all())
    accepted = consultation_comment(closed, sections[1], status=CommentStatus.APPROVED, text="Tăng mức hỗ trợ.")
    consultation_comment(closed, sections[1], status=CommentStatus.APPROVED, is_member=False)
    consultation_comment(closed, status=CommentStatus.APPROVED)
    consultation_comment(closed, sections[0], status=CommentStatus.PENDING)
    closed.synthesis_points = "<p>Đa số ý kiến đồng tình.</p>"
    closed.save_revision().publish()
    SynthesisAcceptance.objects.create(page=closed, comment=accepted, change="Điều 2 nâng mức hỗ trợ lên 50 triệu.")
    html = client.get(closed.url).content.decode()
    assert "Báo cáo tổng hợp ý kiến" in html and "Đa số ý kiến đồng tình." in html
    assert "Đã nhận và duyệt 3 ý kiến, trong đó 2 ý kiến của hội viên." in html
    assert f'<a href="#{sections[1].anchor}">{sections[1].short_label}</a></th><td>2</td>' in html
    assert "Ý kiến của bạn đã được tiếp thu" in html and f'href="{closed.url}#y-kien-{accepted.pk}"' in html
    assert html.count("data-accepted") == 1


def test_the_synthesis_is_not_shown_while_the_consultation_is_open(client, consultation):
    consultation.synthesis_points = "<p>Bản nháp báo cáo.</p>"
    consultation.save_revision().publish()
    assert "Bản nháp báo cáo." not in client.get(consultation.url).content.decode()


def test_the_comments_export_leaves_out_personal_data_unless_permitted(client, closed, moderator):
    consultation_comment(
        closed,
        closed.sections.first(),
        email="hang@example.org",
        phone="0912345678",
        status=CommentStatus.APPROVED,
        text='=HYPERLINK("http://x")',
    )
    client.force_login(accounts_factories.editor())
    assert client.get(url("export", closed.pk)).status_code in (302, 403)
    client.force_login(moderator)
    response = client.get(url("export", closed.pk))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "hang@example.org" not in values and "Nguyễn Thị Hằng" not in values
    assert '\'=HYPERLINK("http://x")' in values  # never read as a formula
    personal = client.get(url("export", closed.pk), {"ca-nhan": "1"})
    values = [
        cell for row in load_workbook(io.BytesIO(personal.content)).active.iter_rows(values_only=True) for cell in row
    ]
    assert "hang@example.org" in values and "0912345678" in values


def test_personal_data_export_needs_its_permission(client, closed):
    from django.contrib.auth.models import Permission

    user = accounts_factories.moderator()
    user.groups.first().permissions.remove(Permission.objects.get(codename="export_personal_comments"))
    client.force_login(user)
    assert client.get(url("export", closed.pk)).status_code == 200
    refused = client.get(url("export", closed.pk), {"ca-nhan": "1"})
    assert refused.status_code in (302, 403) and "spreadsheetml" not in refused.get("Content-Type", "")


def test_the_synthesis_exports_to_docx_for_an_editor(client, closed):
    accepted = consultation_comment(
        closed, closed.sections.first(), status=CommentStatus.APPROVED, text="Bỏ điều kiện."
    )
    closed.synthesis_points = "<p>Ý kiến chính thứ nhất.</p><ul><li>Ý kiến chính thứ hai.</li></ul>"
    closed.save_revision().publish()
    SynthesisAcceptance.objects.create(page=closed, comment=accepted, change="Đã bỏ điều kiện tài sản bảo đảm.")
    client.force_login(accounts_factories.editor())
    response = client.get(url("synthesis", closed.pk))
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.docx"')
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "BÁO CÁO TỔNG HỢP Ý KIẾN GÓP Ý" in text and "Ý kiến chính thứ hai." in text
    assert "Bỏ điều kiện." in text and "Đã bỏ điều kiện tài sản bảo đảm." in text


def test_the_page_header_offers_the_downloads(client, closed, moderator):
    client.force_login(moderator)
    from wagtail.admin.ui.menus.pages import get_page_header_buttons

    labels = [button.label for button in get_page_header_buttons(closed, moderator, None, "edit")]
    assert "Báo cáo tổng hợp (Word)" in labels and "Xuất góp ý (Excel)" in labels
