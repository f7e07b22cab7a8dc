"""Grants the feedback moderators their permissions and creates the group for sensitive topics.

"Cán bộ tiếp nhận" triage and answer feedback (view, change, publish; manage topics; read the
outbox). Items of sensitive topics (violence, abuse, health) are seen only by members of
"Cán bộ tiếp nhận (nhạy cảm)", which holds the same permissions plus view_sensitive_feedback.
Exporting personal data is granted to nobody here: a site administrator grants it to a person.
"""

from django.db import migrations

MODERATORS = "Cán bộ tiếp nhận"
SENSITIVE_MODERATORS = "Cán bộ tiếp nhận (nhạy cảm)"

MODERATOR_PERMISSIONS = [
    ("feedback", "feedback", "view_feedback", "Can view Ý kiến, phản ánh"),
    ("feedback", "feedback", "change_feedback", "Can change Ý kiến, phản ánh"),
    ("feedback", "feedback", "publish_feedback", "Có thể công khai kết quả giải quyết"),
    ("feedback", "topic", "add_topic", "Can add Lĩnh vực ý kiến"),
    ("feedback", "topic", "change_topic", "Can change Lĩnh vực ý kiến"),
    ("feedback", "topic", "view_topic", "Can view Lĩnh vực ý kiến"),
    ("feedback", "notification", "view_notification", "Can view Thư thông báo"),
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
]
SENSITIVE_PERMISSION = ("feedback", "feedback", "view_sensitive_feedback", "Có thể xem ý kiến thuộc lĩnh vực nhạy cảm")


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    permissions = [_permission(apps, *spec) for spec in MODERATOR_PERMISSIONS]
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(*permissions)
    sensitive, _ = Group.objects.get_or_create(name=SENSITIVE_MODERATORS)
    sensitive.permissions.add(*permissions, _permission(apps, *SENSITIVE_PERMISSION))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Group.objects.filter(name=SENSITIVE_MODERATORS).delete()
    moderators = Group.objects.filter(name=MODERATORS).first()
    if moderators:
        moderators.permissions.remove(*Permission.objects.filter(content_type__app_label="feedback"))


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("accounts", "0002_create_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
