"""The portal's one outbox: every mail stored, sent after the commit, retried, listed for the right staff."""

import datetime
import io

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.factories import learner, moderator, training_manager
from accounts.models import OrganisationUnit, UnitKind
from feedback import services
from feedback.factories import FeedbackFactory
from outbox.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(client, training_index, broken_mail, django_capture_on_commit_callbacks):
    """A manager imports one learner while the mail server is down; returns (manager, message)."""
    from training.factories import build_course

    course, _lessons = build_course(training_index, modules=1, lessons_per_module=1, title="Kỹ năng giám sát")
    OrganisationUnit.objects.create(name="Hội LHPN xã Hòa Bình", kind=UnitKind.COMMUNE)
    manager = training_manager(email="quanly@example.org")
    client.force_login(manager)
    rows = "Họ và tên,Email,Đơn vị\nNguyễn Thị An,hocvien.an@example.org,Hội LHPN xã Hòa Bình\n"
    upload = SimpleUploadedFile("ds.csv", rows.encode(), content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/dao-tao/nhap-danh-sach/", {"course": course.pk, "file": upload, "send_invitations": "on"}
        )
    assert response.status_code == 302
    return manager, Message.objects.get(kind="invitation")


@pytest.fixture
def training_index(home_page):
    from training.factories import TrainingIndexPageFactory

    return TrainingIndexPageFactory(parent=home_page)


def test_a_failed_invitation_is_recorded_and_retried_until_sent(invited, settings):
    _manager, message = invited
    assert (message.state, message.attempts, message.recipient) == ("failed", 1, "hocvien.an@example.org")
    assert "SMTPConnectError" in message.last_error and message.next_attempt_at
    assert mail.outbox == []
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Message.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("retry_outbox", stdout=io.StringIO())
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("sent", 2)
    assert len(mail.outbox) == 1 and "/tai-khoan/dat-lai-mat-khau/" in mail.outbox[0].body
    assert message.body_text == ""  # the password link is forgotten once delivered


def test_a_failed_invitation_is_listed_for_training_managers_without_its_link(client, invited):
    manager, message = invited
    html = client.get(reverse("outbox:index")).content.decode()
    assert "hocvien.an@example.org" in html and "SMTPConnectError" in html
    inspect = client.get(reverse("outbox:inspect", args=[message.pk])).content.decode()
    assert "SMTPConnectError" in inspect
    assert "dat-lai-mat-khau" not in inspect


def test_each_member_of_staff_sees_only_the_mail_of_their_work(client, invited, django_capture_on_commit_callbacks):
    _manager, invitation = invited
    someone = moderator(email="tiepnhhocvien.an@example.org")
    item = FeedbackFactory(forwarded=True, email="lan@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_transition(item, "resolve", someone, values={"answer": "Đã xong."})
    answer = Message.objects.get(kind="answer")
    assert answer.state == "failed" and answer.about == item

    listing = client.get(reverse("outbox:index")).content.decode()  # the training manager
    assert "hocvien.an@example.org" in listing and "lan@example.org" not in listing
    assert client.get(reverse("outbox:inspect", args=[answer.pk])).status_code == 404

    client.force_login(someone)
    listing = client.get(reverse("outbox:index")).content.decode()
    assert "lan@example.org" in listing and "hocvien.an@example.org" not in listing
    assert client.get(reverse("outbox:inspect", args=[invitation.pk])).status_code == 404
    assert client.get(reverse("outbox:inspect", args=[answer.pk])).status_code == 200


def test_learners_never_reach_the_outbox(client, invited):
    client.force_login(learner())
    assert client.get(reverse("outbox:index")).status_code in (302, 403)


def test_nobody_edits_or_deletes_a_message(client, invited, admin_user):
    _manager, message = invited
    client.force_login(admin_user)
    assert client.get(reverse("outbox:index")).status_code == 200
    for name in ("outbox:edit", "outbox:delete"):
        assert client.get(reverse(name, args=[message.pk])).status_code in (302, 403)


def test_the_old_command_name_still_retries(invited, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Message.objects.update(next_attempt_at=timezone.now())
    call_command("retry_failed_notifications", stdout=io.StringIO())
    assert Message.objects.get().state == "sent"


def test_password_reset_goes_through_the_outbox(client, home_page, broken_mail, django_capture_on_commit_callbacks):
    learner(username="hocvien9", email="lan@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/tai-khoan/quen-mat-khau/", {"email": "lan@example.org"})
    assert response.status_code == 302  # the visitor is not told the mail server is down
    message = Message.objects.get(kind="password_reset")
    assert (message.state, message.confidential, message.audience) == ("failed", True, "accounts.change_user")


def test_a_send_cut_short_by_a_dying_process_is_taken_up_again_once_its_claim_lapses():
    from outbox import mail as outbox_mail

    message = outbox_mail.queue_rendered("reminder", "tiepnhan@example.org", "Nhắc", "...", audience="x.y")
    Message.objects.filter(pk=message.pk).update(state="sending", attempts=1, next_attempt_at=timezone.now())
    call_command("retry_outbox", stdout=io.StringIO())
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("sent", 2) and len(mail.outbox) == 1


def test_a_live_send_is_never_taken_twice():
    from outbox import mail as outbox_mail
    from outbox.tasks import deliver

    message = outbox_mail.queue_rendered("reminder", "tiepnhan@example.org", "Nhắc", "...", audience="x.y")
    Message.objects.filter(pk=message.pk).update(
        state="sending", attempts=1, next_attempt_at=timezone.now() + datetime.timedelta(minutes=5)
    )
    assert deliver.call(message.pk) == "skipped" and mail.outbox == []
