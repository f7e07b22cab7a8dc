import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts import factories as accounts_factories
from feedback import services
from feedback.factories import FeedbackFactory
from feedback.models import Feedback
from outbox.models import Message

from .conftest import form_data

pytestmark = pytest.mark.django_db
SCRIPT = "<script>alert(1)</script>"


def html_part(message):
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


def test_new_item_notifies_moderators_after_commit(
    client, feedback_page, topic, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(feedback_page.url, form_data(topic))
    item = Feedback.objects.get()
    to_moderator = [m for m in mail.outbox if m.to == [moderator.email]]
    assert len(to_moderator) == 1
    assert item.code in to_moderator[0].subject
    assert reverse("wagtailsnippets_feedback_feedback:inspect", args=[item.pk]) in to_moderator[0].body
    receipt = [m for m in mail.outbox if m.to == ["lan@example.org"]]
    assert len(receipt) == 1 and item.code in receipt[0].body
    assert set(Message.objects.values_list("state", flat=True)) == {"sent"}


def test_sensitive_item_is_announced_only_to_the_dedicated_group_without_its_text(
    client, feedback_page, sensitive_topic, moderator, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group

    trusted = accounts_factories.make_user(email="nhaycam@example.org")
    trusted.groups.add(Group.objects.get(name="Cán bộ tiếp nhận (nhạy cảm)"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(feedback_page.url, form_data(sensitive_topic, email="", wants_reply=None, phone="0912345678"))
    recipients = [m.to[0] for m in mail.outbox]
    assert recipients == ["nhaycam@example.org"]
    assert "Rác thải đổ trộm" not in mail.outbox[0].body


def test_answer_is_emailed_to_the_sender(moderator, django_capture_on_commit_callbacks):
    item = FeedbackFactory(forwarded=True, email="lan@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_transition(item, "resolve", moderator, values={"answer": "UBND xã đã nạo vét cống."})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lan@example.org"]
    assert "UBND xã đã nạo vét cống." in mail.outbox[0].body


def test_no_answer_email_without_an_address(moderator, django_capture_on_commit_callbacks):
    item = FeedbackFactory(forwarded=True, email="")
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_transition(item, "resolve", moderator, values={"answer": "Đã xong."})
    assert mail.outbox == []


def test_html_is_escaped_in_emails(client, feedback_page, topic, moderator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(feedback_page.url, form_data(topic, content=f"Nội dung {SCRIPT}"))
    item = Feedback.objects.get()
    Feedback.objects.filter(pk=item.pk).update(status="forwarded", forwarded_to="UBND", deadline=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_transition(item, "resolve", moderator, values={"answer": f"Trả lời {SCRIPT}"})
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        html = html_part(message)
        assert SCRIPT not in html
    assert "&lt;script&gt;" in html_part(mail.outbox[0]) and "&lt;script&gt;" in html_part(mail.outbox[-1])


def test_failing_mail_server_keeps_the_item_shows_success_and_retries(
    client, feedback_page, topic, moderator, broken_mail, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(feedback_page.url, form_data(topic))
    assert response.status_code == 200
    item = Feedback.objects.get()
    assert item.code in response.content.decode()
    failed = Message.objects.filter(feedback=item)
    assert failed.count() == 2
    assert {n.state for n in failed} == {"failed"}
    assert all(n.attempts == 1 and "SMTPConnectError" in n.last_error and n.next_attempt_at for n in failed)
    # Not yet due: the retry command leaves them alone.
    call_command("retry_failed_notifications", stdout=io.StringIO())
    assert {n.attempts for n in Message.objects.all()} == {1}
    # The mail server is back and the retry is due.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Message.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("retry_failed_notifications", stdout=io.StringIO())
    assert {(n.state, n.attempts) for n in Message.objects.all()} == {("sent", 2)}
    assert len(mail.outbox) == 2


def test_sends_stop_after_the_maximum_attempts(broken_mail, settings, moderator, django_capture_on_commit_callbacks):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    item = FeedbackFactory(forwarded=True, email="lan@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_transition(item, "resolve", moderator, values={"answer": "Đã xong."})
    Message.objects.update(next_attempt_at=timezone.now())
    call_command("retry_failed_notifications", stdout=io.StringIO())
    notification = Message.objects.get()
    assert (notification.state, notification.attempts) == ("gave_up", 2)


def test_failed_sends_are_visible_in_the_admin(client, broken_mail, moderator, django_capture_on_commit_callbacks):
    item = FeedbackFactory(forwarded=True, email="lan@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_transition(item, "resolve", moderator, values={"answer": "Đã xong."})
    client.force_login(moderator)
    html = client.get(reverse("outbox:index")).content.decode()
    assert "Gửi lỗi, sẽ thử lại" in html
    assert "SMTPConnectError" in html
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    failed = dashboard.index("thư thông báo gửi lỗi")
    assert '<span class="portal-figure__count">1</span>' in dashboard[failed - 120 : failed]


def test_overdue_reminder_emails_the_assignee_once_a_day(moderator, django_capture_on_commit_callbacks):
    late = FeedbackFactory(forwarded=True, assignee=moderator)
    Feedback.objects.filter(pk=late.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=1))
    FeedbackFactory(forwarded=True, assignee=moderator)  # not yet due
    with django_capture_on_commit_callbacks(execute=True):
        call_command("feedback_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [moderator.email]
    assert late.code in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("feedback_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1
