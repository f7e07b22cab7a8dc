from django.core.management import call_command

import pytest

from consultations.models import ConsultationPage, Question, QuestionStatus
from feedback.models import Comment, CommentStatus

pytestmark = pytest.mark.django_db


def test_demo_has_an_open_and_a_closed_consultation_and_the_questions_and_is_idempotent(settings, client):
    settings.DEBUG = True
    call_command("load_demo")
    counts = (ConsultationPage.objects.count(), Comment.objects.count(), Question.objects.count())
    call_command("load_demo")
    assert (ConsultationPage.objects.count(), Comment.objects.count(), Question.objects.count()) == counts

    open_page = ConsultationPage.objects.get(slug="du-thao-quy-dinh-ho-tro-phu-nu-khoi-nghiep")
    assert open_page.is_open and open_page.sections.count() == 6
    statuses = set(Comment.objects.on_page(open_page).values_list("status", flat=True))
    assert {CommentStatus.PENDING, CommentStatus.APPROVED} <= statuses
    closed = ConsultationPage.objects.get(slug="du-thao-de-an-mai-am-tinh-thuong")
    assert closed.phase == "closed" and closed.acceptances.count() == 2

    html = client.get("/gop-y-du-thao/").content.decode()
    assert html.index(open_page.title) < html.index(closed.title)
    closed_html = client.get(closed.url).content.decode()
    assert "Báo cáo tổng hợp ý kiến" in closed_html and "Ý kiến của bạn đã được tiếp thu" in closed_html

    published = Question.objects.filter(status=QuestionStatus.PUBLISHED)
    assert published.count() == 8 and published.values("field").distinct().count() == 3
    assert Question.objects.filter(status=QuestionStatus.NEW).count() == 2
    assert Question.objects.filter(has_contact_in_text=True, status=QuestionStatus.NEW).exists()
    assert client.get("/hoi-dap/").status_code == 200
