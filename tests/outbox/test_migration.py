"""Feedback's stored notifications survive their move into the outbox, grants included."""

import datetime

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

import pytest

BEFORE = [("feedback", "0004_comment_moderator_permissions"), ("outbox", "0001_initial")]
AFTER = [("feedback", "0005_notifications_move_to_the_outbox")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_stored_notifications_and_who_may_read_them_move_to_the_outbox():
    old = migrate(BEFORE)
    Feedback, Topic = old.get_model("feedback", "Feedback"), old.get_model("feedback", "Topic")
    Notification, Group = old.get_model("feedback", "Notification"), old.get_model("auth", "Group")
    item = Feedback.objects.create(code="ABCD-EFGH-JKLM", topic=Topic.objects.create(name="Môi trường"), content="x")
    created = timezone.now() - datetime.timedelta(days=30)
    failed = Notification.objects.create(
        kind="answer",
        recipient="lan@example.org",
        subject="Kết quả",
        body_text="Đã xong.",
        feedback=item,
        state="failed",
        attempts=3,
        last_error="SMTPConnectError: 421",
    )
    Notification.objects.filter(pk=failed.pk).update(created_at=created)
    Notification.objects.create(kind="reminder", recipient="tiepnhan@example.org", subject="Nhắc", body_text="...")

    new = migrate(AFTER)
    Message = new.get_model("outbox", "Message")
    moved = Message.objects.get(kind="answer")
    assert (moved.recipient, moved.state, moved.attempts, moved.last_error) == (
        "lan@example.org",
        "failed",
        3,
        "SMTPConnectError: 421",
    )
    assert moved.created_at == created and moved.about_id == item.pk
    assert moved.about_type.model == "feedback" and moved.audience == "feedback.view_feedback"
    assert Message.objects.get(kind="reminder").about_id is None
    moderators = new.get_model("auth", "Group").objects.get(name="Cán bộ tiếp nhận")
    assert moderators.permissions.filter(content_type__app_label="outbox", codename="view_message").exists()
    assert not Group.objects.filter(permissions__codename="view_notification").exists()
