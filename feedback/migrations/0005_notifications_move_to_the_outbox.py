"""Feedback's outbox becomes the portal's (``outbox.Message``): rows, grants, then the old model go.

Every stored notification is copied (dates, states, attempts and errors kept) and points at its
item through ``about``; whoever could read ``feedback.view_notification`` (the moderator groups,
and anyone an administrator granted it to) gets ``outbox.view_message``. Going back copies the
feedback messages back the same way."""

from django.db import migrations

AUDIENCE = "feedback.view_feedback"
FIELDS = ("kind", "recipient", "subject", "body_text", "body_html", "state", "attempts", "last_error", "next_attempt_at", "sent_at")


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _move_grants(apps, old, new):
    Group = apps.get_model("auth.Group")
    User = apps.get_model("accounts.User")
    for group in Group.objects.filter(permissions=old):
        group.permissions.add(new)
    for user in User.objects.filter(user_permissions=old):
        user.user_permissions.add(new)


def forward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Notification = apps.get_model("feedback.Notification")
    Message = apps.get_model("outbox.Message")
    feedback_type, _ = ContentType.objects.get_or_create(app_label="feedback", model="feedback")
    for old in Notification.objects.order_by("pk").iterator():
        new = Message.objects.create(
            **{field: getattr(old, field) for field in FIELDS},
            audience=AUDIENCE,
            about_type=feedback_type if old.feedback_id else None,
            about_id=old.feedback_id,
        )
        Message.objects.filter(pk=new.pk).update(created_at=old.created_at)  # auto_now_add set it to now
    old = _permission(apps, "feedback", "notification", "view_notification", "Can view Thư thông báo")
    new = _permission(apps, "outbox", "message", "view_message", "Can view Thư thông báo")
    _move_grants(apps, old, new)
    old.delete()
    ContentType.objects.filter(app_label="feedback", model="notification").delete()


def backward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Notification = apps.get_model("feedback.Notification")
    Message = apps.get_model("outbox.Message")
    feedback_type = ContentType.objects.filter(app_label="feedback", model="feedback").first()
    for new in Message.objects.filter(audience=AUDIENCE).order_by("pk").iterator():
        about_feedback = feedback_type is not None and new.about_type_id == feedback_type.pk
        old = Notification.objects.create(
            **{field: getattr(new, field) for field in FIELDS}, feedback_id=new.about_id if about_feedback else None
        )
        Notification.objects.filter(pk=old.pk).update(created_at=new.created_at)
    Message.objects.filter(audience=AUDIENCE).delete()
    old = _permission(apps, "feedback", "notification", "view_notification", "Can view Thư thông báo")
    new = _permission(apps, "outbox", "message", "view_message", "Can view Thư thông báo")
    _move_grants(apps, new, old)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0004_comment_moderator_permissions"),
        ("outbox", "0001_initial"),
        ("accounts", "0002_create_roles"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.DeleteModel(name="Notification"),
    ]
