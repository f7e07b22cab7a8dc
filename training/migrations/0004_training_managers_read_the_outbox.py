"""Training managers read the outbox, where they see the invitations of their imports (messages
whose audience is ``training.view_enrolment``) and nothing else."""

from django.db import migrations

TRAINING_MANAGERS = "Quản lý đào tạo"


def _outbox_permission(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="outbox", model="message")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_message", defaults={"name": "Can view Thư thông báo"}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group, _ = Group.objects.get_or_create(name=TRAINING_MANAGERS)
    group.permissions.add(_outbox_permission(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=TRAINING_MANAGERS).first()
    if group:
        group.permissions.remove(_outbox_permission(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0003_lesson_body_shares_base_blocks"),
        ("outbox", "0001_initial"),
        ("accounts", "0002_create_roles"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
