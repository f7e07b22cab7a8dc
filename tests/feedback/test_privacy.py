import datetime
import io

from django.core.management import call_command
from django.utils import timezone

import pytest

from feedback import services
from feedback.factories import FeedbackFactory
from feedback.models import Feedback, Status

from .conftest import attach_photo

pytestmark = pytest.mark.django_db


def closed_months_ago(months, **kwargs):
    item = FeedbackFactory(**kwargs)
    Feedback.objects.filter(pk=item.pk).update(closed_at=timezone.now() - datetime.timedelta(days=31 * months))
    item.refresh_from_db()
    return item


def test_anonymise_command_erases_personal_data_of_old_closed_items_and_keeps_statistics(moderator, topic):
    old = closed_months_ago(13, topic=topic, published=True, name="Nguyễn Thị Lan", phone="0912345678")
    attachment = attach_photo(old)
    stored_path = attachment.file.path
    services.add_note(old, moderator, "Đã gọi cho chị Lan số 0912345678")
    recent = closed_months_ago(2, topic=topic, resolved=True, name="Trần Thị Mai")
    still_open = FeedbackFactory(topic=topic, name="Lê Thị Hoa")
    Feedback.objects.filter(pk=still_open.pk).update(created_at=timezone.now() - datetime.timedelta(days=800))

    out = io.StringIO()
    call_command("anonymise_feedback", "--months", "12", stdout=out)
    assert "1" in out.getvalue()

    old.refresh_from_db()
    assert (old.name, old.phone, old.email) == ("", "", "")
    assert "Nội dung" not in old.content and old.content == old.public_summary
    assert old.anonymised_at is not None
    assert old.status == Status.PUBLISHED and old.topic == topic and old.created_at
    assert not old.attachments.exists()
    import os

    assert not os.path.exists(stored_path)
    assert not services.history(old).filter(note__contains="0912345678").exists()
    assert services.history(old).last().action == "anonymise"
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert recent.name == "Trần Thị Mai" and still_open.name == "Lê Thị Hoa"
    # Running again changes nothing more.
    call_command("anonymise_feedback", "--months", "12", stdout=io.StringIO())
    assert services.history(old).filter(action="anonymise").count() == 1


def test_anonymise_uses_the_configured_default(settings, topic):
    settings.FEEDBACK_ANONYMISE_AFTER_MONTHS = 1
    item = closed_months_ago(2, topic=topic, resolved=True)
    from feedback.services import anonymise_closed

    assert anonymise_closed() == 1
    item.refresh_from_db()
    assert item.name == ""


def test_anonymise_command_forgets_old_comment_contacts_and_unpublished_comments(home_page):
    from feedback.models import Comment, CommentStatus

    long_ago = timezone.now() - datetime.timedelta(days=31 * 13)

    def comment(status, moderated_at, **fields):
        values = {"name": "Chị Hoa", "email": "hoa@example.org", "text": "Bài viết rất hay.", "ip_fingerprint": "ab"}
        return Comment.objects.create(page=home_page, status=status, moderated_at=moderated_at, **{**values, **fields})

    shown = comment(CommentStatus.APPROVED, long_ago)
    refused = comment(CommentStatus.SPAM, long_ago, text="Quảng cáo vay tiền 0909000111")
    recent = comment(CommentStatus.APPROVED, timezone.now() - datetime.timedelta(days=20))
    waiting = comment(CommentStatus.PENDING, None, created_at=long_ago)

    out = io.StringIO()
    call_command("anonymise_feedback", "--months", "12", stdout=out)
    assert "Đã xóa thông tin cá nhân của 2 ý kiến bạn đọc" in out.getvalue()
    for item in (shown, refused, recent, waiting):
        item.refresh_from_db()
    assert (shown.name, shown.text, shown.email, shown.ip_fingerprint) == ("Chị Hoa", "Bài viết rất hay.", "", "")
    assert (refused.name, refused.email) == ("", "")
    assert "0909000111" not in refused.text
    assert recent.email == waiting.email == "hoa@example.org"
    call_command("anonymise_feedback", "--months", "12", stdout=out)
    assert "Đã xóa thông tin cá nhân của 0 ý kiến bạn đọc" in out.getvalue()
