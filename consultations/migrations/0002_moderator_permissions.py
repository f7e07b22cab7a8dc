"""Grants the moderation of consultation comments and questions to "Cán bộ tiếp nhận" (both groups).

The comments' transitions themselves need ``feedback.change_comment``, which these groups already hold;
the queue, the exports and the question fields are this app's permissions.
"""

from django.db import migrations

MODERATOR_GROUPS = ["Cán bộ tiếp nhận", "Cán bộ tiếp nhận (nhạy cảm)"]
PERMISSIONS = {
    "consultationcomment": [
        ("view_consultationcomment", "Can view Góp ý dự thảo"),
        ("change_consultationcomment", "Can change Góp ý dự thảo"),
        ("export_personal_comments", "Có thể xuất thông tin cá nhân của người góp ý"),
    ],
    "question": [("view_question", "Can view Câu hỏi"), ("change_question", "Can change Câu hỏi")],
    "questionfield": [
        ("add_questionfield", "Can add Lĩnh vực hỏi đáp"),
        ("change_questionfield", "Can change Lĩnh vực hỏi đáp"),
        ("view_questionfield", "Can view Lĩnh vực hỏi đáp"),
    ],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    permissions = []
    for model, codenames in PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="consultations", model=model)
        for codename, name in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )
            permissions.append(permission)
    for name in MODERATOR_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(content_type__app_label="consultations")
    for group in Group.objects.filter(name__in=MODERATOR_GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("feedback", "0004_comment_moderator_permissions"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
