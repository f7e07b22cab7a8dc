"""A reader's comment on a consultation: feedback's comment, with the section, unit and member choice."""

import unicodedata

from django.core.cache import cache

import pytest

from accounts.models import OrganisationUnit
from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationCommentDetails
from feedback import comments
from feedback.models import Comment, CommentStatus, ModerationEvent

from .conftest import comment_data, submit_url

pytestmark = pytest.mark.django_db


def test_the_open_consultation_shows_its_sections_and_a_form_posting_to_its_own_address(client, consultation):
    html = client.get(consultation.url).content.decode()
    assert html.count("data-section=") == 6
    assert f'action="{submit_url(consultation)}"' in html
    assert 'name="section"' in html and 'name="is_member"' in html and 'name="unit"' in html
    assert 'name="form_token"' in html and 'value=""' in html  # the cached page carries no token


def test_a_section_link_preselects_the_section_in_the_form(client, consultation):
    third = consultation.sections.all()[2]
    html = client.get(consultation.url, {"muc": third.pk}).content.decode()
    assert f'<option value="{third.pk}" selected>' in html


def test_a_comment_on_section_three_is_stored_pending_with_its_details(client, consultation):
    third = consultation.sections.all()[2]
    unit = OrganisationUnit.objects.create(name="Hội LHPN xã Hòa Bình", kind="commune")
    response = client.post(submit_url(consultation), comment_data(third, unit=str(unit.pk)))
    assert response.status_code == 302 and response["Location"].endswith("#y-kien")
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING and comment.page_id == consultation.pk
    details = comment.consultation_details
    assert (details.section, details.unit, details.is_member, details.phone) == (third, unit, True, "0912 345 678")
    assert ModerationEvent.objects.filter(action="submit", object_id=comment.pk).exists()
    assert comment.text not in client.get(consultation.url).content.decode()  # pre-moderated


def test_an_approved_comment_shows_which_section_it_is_on(client, consultation, moderator):
    third = consultation.sections.all()[2]
    client.post(submit_url(consultation), comment_data(third))
    comment = Comment.objects.get()
    comments.apply_transition(comment, "approve", moderator)
    html = client.get(consultation.url).content.decode()
    assert comment.text in html
    assert f'href="#{third.anchor}">{third.short_label}</a>' in html


def test_a_comment_on_a_section_of_another_consultation_is_refused_and_kept(client, consultation, index_page):
    other = ConsultationPageFactory(parent=index_page, sections=2)
    response = client.post(submit_url(consultation), comment_data(other.sections.first()))
    assert response.status_code == 400
    html = response.content.decode()
    assert "không thuộc dự thảo này" in html and "150 triệu" in html
    assert not Comment.objects.exists()


def test_a_section_that_is_not_a_number_is_refused_without_a_500(client, consultation):
    response = client.post(submit_url(consultation), comment_data(section="abc' OR 1=1"))
    assert response.status_code == 400 and not Comment.objects.exists()


def test_a_comment_on_an_unpublished_consultation_is_refused(client, consultation):
    consultation.unpublish()
    response = client.post(submit_url(consultation), comment_data(consultation.sections.first()))
    assert response.status_code == 404 and not Comment.objects.exists()


def test_a_comment_on_a_page_that_is_not_a_consultation_is_refused(client, index_page):
    response = client.post(submit_url(index_page), comment_data())
    assert response.status_code == 404


def test_a_nul_byte_is_refused_in_vietnamese_and_the_text_kept(client, consultation):
    response = client.post(submit_url(consultation), comment_data(text="Góp ý có ký tự \x00 lạ ở giữa câu."))
    assert response.status_code == 400
    assert "ký tự không hợp lệ" in response.content.decode()
    assert not Comment.objects.exists()


def test_decomposed_text_is_stored_composed_and_direction_marks_leave_the_name(client, consultation):
    text = unicodedata.normalize("NFD", "Đề nghị bổ sung hỗ trợ phụ nữ khuyết tật.")
    client.post(submit_url(consultation), comment_data(name="Lò Thị\u202e Xuân", text=text))
    comment = Comment.objects.get()
    assert comment.text == unicodedata.normalize("NFC", text) and comment.name == "Lò Thị Xuân"


def test_too_many_links_are_refused(client, consultation):
    links = " ".join(f"https://quang-cao{n}.example" for n in range(4))
    response = client.post(submit_url(consultation), comment_data(text=f"Xem thêm {links}"))
    assert response.status_code == 400 and "quá nhiều đường dẫn" in response.content.decode()


def test_a_text_over_the_limit_is_refused(client, consultation):
    response = client.post(submit_url(consultation), comment_data(text="dài " * 700))
    assert response.status_code == 400 and not Comment.objects.exists()


def test_a_wrong_phone_is_refused_with_how_to_write_one(client, consultation):
    response = client.post(submit_url(consultation), comment_data(phone="12345"))
    assert response.status_code == 400 and "Số điện thoại chưa đúng" in response.content.decode()


def test_the_honeypot_refuses_robots(client, consultation):
    response = client.post(submit_url(consultation), comment_data(website="http://quang-cao.example"))
    assert response.status_code == 400 and not Comment.objects.exists()


def test_comments_share_the_reader_comments_rate_limit(client, consultation, settings):
    settings.COMMENTS_RATE_LIMIT_NO_POW = 1
    assert client.post(submit_url(consultation), comment_data()).status_code == 302
    response = client.post(submit_url(consultation), comment_data(text="Một ý kiến khác nữa về dự thảo này."))
    assert response.status_code == 429
    assert ConsultationCommentDetails.objects.count() == 1


def test_the_same_form_sent_twice_is_stored_once(client, consultation):
    data = comment_data()
    assert client.post(submit_url(consultation), data).status_code == 302
    cache.clear()  # even with the spent-token mark lost, the stored token key keeps it to one
    assert client.post(submit_url(consultation), data).status_code == 302
    assert Comment.objects.count() == 1 and ConsultationCommentDetails.objects.count() == 1


def test_approving_a_comment_purges_the_cached_consultation(
    client, consultation, moderator, page_cache, django_capture_on_commit_callbacks
):
    client.post(submit_url(consultation), comment_data())
    comment = Comment.objects.get()
    client.cookies.clear()
    assert comment.text not in client.get(consultation.url).content.decode()
    assert client.get(consultation.url)["X-Page-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        comments.apply_transition(comment, "approve", moderator)
    assert comment.text in client.get(consultation.url).content.decode()


def test_anonymising_old_comments_erases_the_phone_left_with_a_consultation_comment(consultation):
    import datetime

    from django.utils import timezone

    from consultations.factories import consultation_comment

    old = timezone.now() - datetime.timedelta(days=800)
    comment = consultation_comment(consultation, phone="0912345678", status=CommentStatus.APPROVED, moderated_at=old)
    assert comments.anonymise_old_comments(months=24) == 1
    comment.consultation_details.refresh_from_db()
    assert comment.consultation_details.phone == ""
