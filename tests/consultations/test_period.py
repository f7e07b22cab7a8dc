"""The period is the server's: the boundary minutes in GMT+7, the extension, the command that closes."""

import datetime

from django.core.management import call_command

import pytest
import time_machine

from consultations import period
from consultations.factories import ConsultationPageFactory
from feedback.models import Comment

from .conftest import at_gmt7, comment_data, submit_url

pytestmark = pytest.mark.django_db

OPENS = at_gmt7(2026, 12, 10, 8, 0)  # 01:00 UTC
CLOSES = at_gmt7(2026, 12, 20, 17, 0)  # 10:00 UTC


@pytest.fixture
def scheduled(index_page):
    with time_machine.travel(at_gmt7(2026, 12, 1, 9, 0), tick=False):
        return ConsultationPageFactory(parent=index_page, opens_at=OPENS, closes_at=CLOSES, sections=3)


def _post_at(client, page, moment):
    with time_machine.travel(moment, tick=False):
        return client.post(submit_url(page), comment_data(page.sections.first(), text=f"Góp ý lúc {moment:%H:%M:%S}."))


def test_a_minute_before_the_open_the_form_is_not_offered_and_a_post_is_refused(client, scheduled):
    with time_machine.travel(at_gmt7(2026, 12, 10, 7, 59), tick=False):
        html = client.get(scheduled.url).content.decode()
    assert 'name="form_token"' not in html and "chưa đến thời gian lấy ý kiến" in html
    response = _post_at(client, scheduled, at_gmt7(2026, 12, 10, 7, 59, 59))
    assert response.status_code == 403
    assert "chưa đến thời gian lấy ý kiến" in response.content.decode()
    assert not Comment.objects.exists()


def test_at_the_opening_minute_a_comment_is_taken(client, scheduled):
    with time_machine.travel(OPENS, tick=False):
        assert 'name="form_token"' in client.get(scheduled.url).content.decode()
    assert _post_at(client, scheduled, OPENS).status_code == 302
    assert Comment.objects.count() == 1


def test_the_last_second_before_the_close_is_taken(client, scheduled):
    assert _post_at(client, scheduled, at_gmt7(2026, 12, 20, 16, 59, 59)).status_code == 302
    assert Comment.objects.count() == 1


def test_at_the_closing_minute_the_form_goes_and_a_post_is_refused(client, scheduled):
    with time_machine.travel(CLOSES, tick=False):
        html = client.get(scheduled.url).content.decode()
    assert 'name="form_token"' not in html and "Đã hết hạn góp ý" in html
    response = _post_at(client, scheduled, CLOSES)
    assert response.status_code == 403 and "Đã hết hạn góp ý" in response.content.decode()
    assert not Comment.objects.exists()


def test_days_left_round_up_and_reach_zero_at_the_close():
    assert period.days_left(CLOSES, CLOSES - datetime.timedelta(days=2, minutes=1)) == 3
    assert period.days_left(CLOSES, CLOSES - datetime.timedelta(hours=1)) == 1
    assert period.days_left(CLOSES, CLOSES) == 0


def test_an_editor_extending_the_close_keeps_the_first_close_and_shows_the_extension(client, scheduled):
    later = CLOSES + datetime.timedelta(days=7)
    scheduled.closes_at = later
    scheduled.save_revision().publish()
    scheduled.refresh_from_db()
    assert scheduled.extended_from == CLOSES and scheduled.closes_at == later
    with time_machine.travel(CLOSES + datetime.timedelta(hours=1), tick=False):
        html = client.get(scheduled.url).content.decode()
        assert "Đã gia hạn; hạn ban đầu là 17:00 20/12/2026" in html
        assert 'name="form_token"' in html
    assert _post_at(client, scheduled, CLOSES + datetime.timedelta(hours=1)).status_code == 302


def test_the_command_marks_closed_consultations_once_and_purges_them(scheduled, django_capture_on_commit_callbacks):
    with time_machine.travel(CLOSES - datetime.timedelta(minutes=1), tick=False):
        call_command("close_consultations")
    scheduled.refresh_from_db()
    assert scheduled.closed_marked_at is None
    with time_machine.travel(CLOSES, tick=False), django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("close_consultations")
    scheduled.refresh_from_db()
    assert scheduled.closed_marked_at == CLOSES and callbacks


def test_the_index_lists_open_consultations_first_with_days_left_then_upcoming_then_closed(client, index_page):
    now = at_gmt7(2026, 12, 15, 12, 0)
    with time_machine.travel(now - datetime.timedelta(days=60), tick=False):
        closed = ConsultationPageFactory(
            parent=index_page,
            title="Dự thảo đã đóng",
            opens_at=now - datetime.timedelta(days=40),
            closes_at=now - datetime.timedelta(days=30),
        )
        upcoming = ConsultationPageFactory(
            parent=index_page,
            title="Dự thảo sắp mở",
            opens_at=now + datetime.timedelta(days=3),
            closes_at=now + datetime.timedelta(days=30),
        )
        open_page = ConsultationPageFactory(
            parent=index_page,
            title="Dự thảo đang mở",
            opens_at=now - datetime.timedelta(days=1),
            closes_at=now + datetime.timedelta(days=4, hours=2),
        )
    with time_machine.travel(now, tick=False):
        html = client.get(index_page.url).content.decode()
    assert html.index(open_page.title) < html.index(upcoming.title) < html.index(closed.title)
    assert "Còn 5 ngày" in html
