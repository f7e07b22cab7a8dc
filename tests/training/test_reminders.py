"""Reminder mails: inactive learners and tomorrow's events, at most one a week, one-click opt-out,
listed for managers."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

import pytest

from accounts.factories import training_manager
from outbox.models import Message
from training.factories import TrainingEventPageFactory
from training.models import Enrolment, Registration, RegistrationStatus, Reminder, ReminderOptOut
from training.services import reminders
from training.services.page_context import course_context


def enrolled_long_ago(user, course, days=30):
    enrolment = Enrolment.objects.create(user=user, course=course)
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=timezone.now() - datetime.timedelta(days=days))
    return enrolment


@pytest.fixture
def tomorrows_event(training_index):
    start = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=1), datetime.time(8, 30))
    )
    return TrainingEventPageFactory(parent=training_index, title="Lớp tập huấn ngày mai", starts_at=start)


@pytest.mark.django_db
def test_an_inactive_learner_gets_a_continue_link(course_with_lessons, student, settings):
    course, _lessons, _quiz, _final = course_with_lessons
    enrolled_long_ago(student, course)
    assert reminders.send_due() == 1
    message = Message.objects.get(recipient=student.email, kind="training_reminder")
    assert "Tiếp tục học" in message.body_text and course.url in message.body_text
    assert "/khoa-hoc-cua-toi/nhac-hoc/tu-choi/" in message.body_text
    assert Reminder.objects.get(user=student).courses.get() == course


@pytest.mark.django_db
def test_opening_the_course_counts_as_activity(course_with_lessons, student):
    course, _lessons, _quiz, _final = course_with_lessons
    enrolled_long_ago(student, course)
    course_context(course, student)
    assert reminders.due() == {}


@pytest.mark.django_db
def test_at_most_one_reminder_a_week(course_with_lessons, student, tomorrows_event):
    course, _lessons, _quiz, _final = course_with_lessons
    enrolled_long_ago(student, course)
    Registration.objects.create(event=tomorrows_event, user=student, status=RegistrationStatus.APPROVED)
    assert reminders.send_due() == 1  # both reasons in one mail
    message = Message.objects.get(recipient=student.email)
    assert "Lớp tập huấn ngày mai" in message.body_text and course.title in message.body_text
    assert reminders.send_due() == 0
    assert reminders.send_due(now=timezone.now() + datetime.timedelta(days=8)) == 1


@pytest.mark.django_db
def test_participants_are_reminded_the_day_before_only(tomorrows_event, student, other_student, training_index):
    Registration.objects.create(event=tomorrows_event, user=student, status=RegistrationStatus.APPROVED)
    Registration.objects.create(event=tomorrows_event, user=other_student, status=RegistrationStatus.CANCELLED)
    later = TrainingEventPageFactory(parent=training_index, starts_at=timezone.now() + datetime.timedelta(days=5))
    Registration.objects.create(event=later, user=other_student, status=RegistrationStatus.APPROVED)
    assert list(reminders.due()) == [student]


@pytest.mark.django_db
def test_one_click_opts_out_and_the_page_offers_to_undo(client, course_with_lessons, student):
    course, _lessons, _quiz, _final = course_with_lessons
    enrolled_long_ago(student, course)
    url = f"/khoa-hoc-cua-toi/nhac-hoc/tu-choi/{reminders.opt_out_token(student)}/"
    response = client.get(url)
    assert response.status_code == 200 and "Bạn sẽ không nhận thư nhắc học nữa." in response.content.decode()
    assert ReminderOptOut.objects.filter(user=student).exists()
    assert reminders.due() == {}
    client.post(url, {"action": "opt_in"})
    assert not ReminderOptOut.objects.filter(user=student).exists()
    assert client.get("/khoa-hoc-cua-toi/nhac-hoc/tu-choi/gia-mao/").status_code == 404


@pytest.mark.django_db
def test_the_command_sends_through_the_outbox_and_managers_see_it(client, course_with_lessons, student, settings):
    course, _lessons, _quiz, _final = course_with_lessons
    enrolled_long_ago(student, course)
    out = io.StringIO()
    call_command("training_reminders", stdout=out)
    assert "Đã gửi 1 thư nhắc học." in out.getvalue()
    assert Message.objects.filter(recipient=student.email, audience="training.view_enrolment").exists()
    client.force_login(training_manager())
    assert student.get_full_name() in client.get("/admin/dao-tao/thu-nhac-hoc/").content.decode()
