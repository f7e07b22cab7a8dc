"""Grants comment moderation to "Cán bộ tiếp nhận" (both groups: plain and sensitive topics).

Editors ("Biên tập viên") are not granted it: they open and close comments on an article, but
what readers write is judged by the moderators who already handle the public's feedback.
"""

from django.db import migrations

MODERATOR_GROUPS = ["Cán bộ tiếp nhận", "Cán bộ tiếp nhận (nhạy cảm)"]
PERMISSIONS = [
    ("view_comment", "Can view Ý kiến bạn đọc"),
    ("change_comment", "Can change Ý kiến bạn đọc"),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="feedback", model="comment")
    permissions = [
        Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]
        for codename, name in PERMISSIONS
    ]
    for name in MODERATOR_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(content_type__app_label="feedback", content_type__model="comment")
    for group in Group.objects.filter(name__in=MODERATOR_GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0003_comments"),
        ("feedback", "0002_moderator_permissions"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
